package data_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plenary/data"
)

// disagreement is a roll call unvotes and Voeten file under different
// sessions, read straight from the two CSV files: unvotes' session and
// symbol, Voeten's session and the line of its first row.
type disagreement struct {
	rcid                      string
	unvotesSession, unres     string
	voetenSession, voetenLine string
}

// sessionDisagreements reads every roll call whose session the two files
// state differently.
func sessionDisagreements(t *testing.T, dir string) []disagreement {
	t.Helper()
	uv := map[string][2]string{}
	for _, r := range readRecords(t, filepath.Join(dir, "unvotes", "roll_calls.csv")) {
		uv[r[0]] = [2]string{r[1], r[4]} // session, unres
	}
	seen := map[string]bool{}
	var out []disagreement
	eachRecord(t, filepath.Join(dir, "voeten", "votes.csv"), func(_ map[string]int, rec []string, line int) {
		if seen[rec[0]] { // rcid, session, ...
			return
		}
		seen[rec[0]] = true
		if u, ok := uv[rec[0]]; ok && u[0] != rec[1] {
			out = append(out, disagreement{rec[0], u[0], u[1], rec[1], strconv.Itoa(line)})
		}
	})
	return out
}

// TestSymbolSessionWins imports unvotes and Voeten's file, which disagree
// on one roll call's session (A/RES/60/260: 60 and 59), in both orders
// and again: the session its symbol names is kept whatever the order,
// each import of Voeten's file says so naming its row, and importing
// either again updates nothing.
func TestSymbolSessionWins(t *testing.T) {
	dir := sharedData(t)
	dis := sessionDisagreements(t, dir)
	if len(dis) != 1 {
		t.Fatalf("the files disagree on %d sessions, want 1 (the README of voeten): %v", len(dis), dis)
	}
	d := dis[0]
	named := strings.Split(d.unres, "/")[1] // R/60/260: the symbol names session 60
	if named != d.unvotesSession || named == d.voetenSession {
		t.Fatalf("%+v: the test expects unvotes to agree with the symbol and Voeten not", d)
	}
	unvotes := filepath.Join(dir, "unvotes")
	voeten := filepath.Join(dir, "voeten", "votes.csv")
	warning := fmt.Sprintf("votes.csv:%s: A/RES/60/260: session %s contradicts the symbol, which names session %s", d.voetenLine, d.voetenSession, named)
	ctx := context.Background()
	for _, order := range [][]string{{unvotes, voeten}, {voeten, unvotes}} {
		st, path := openTemp(t)
		session := func() string {
			rcs, err := st.FindRollCalls(ctx, "A/RES/60/260")
			if err != nil || len(rcs) != 1 {
				t.Fatalf("A/RES/60/260: %v %v", rcs, err)
			}
			return rcs[0].Session
		}
		for i, p := range order {
			rep, err := st.Import(ctx, []string{p}, data.ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			// Voeten's session contradicts a symbol only once unvotes
			// brought it.
			if p == voeten && i == 1 && !hasWarning(rep, warning) {
				t.Errorf("Voeten's file over unvotes: no warning %q in\n%s", warning, rep.Summary())
			}
		}
		if s := session(); s != named {
			t.Errorf("imported %s then %s: session %s, want %s", filepath.Base(order[0]), filepath.Base(order[1]), s, named)
		}
		before := contentHash(t, path)
		for _, p := range order {
			rep, err := st.Import(ctx, []string{p}, data.ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if p == voeten && !hasWarning(rep, warning) {
				t.Errorf("Voeten's file imported again: no warning %q in\n%s", warning, rep.Summary())
			}
			if rep.Changed() {
				t.Errorf("%s imported again: %+v %+v", filepath.Base(p), rep.RollCalls, rep.Votes)
			}
		}
		if contentHash(t, path) != before || session() != named {
			t.Errorf("importing the files again changed the database (session %s)", session())
		}
	}
}

// TestUnvotesOverBuiltin imports unvotes, and then Voeten's file, over the
// built-in history, which is made of them: every roll call and vote of
// either is unchanged, counted from the CSV files.
func TestUnvotesOverBuiltin(t *testing.T) {
	dir := sharedData(t)
	st, _, _ := loadBuiltin(t)
	ctx := context.Background()
	rep, err := st.Import(ctx, []string{filepath.Join(dir, "unvotes")}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rcs, votes := lines(t, filepath.Join(dir, "unvotes", "roll_calls.csv")), lines(t, filepath.Join(dir, "unvotes", "votes.csv"))
	if rep.RollCalls.Added != 0 || rep.RollCalls.Updated != 0 || rep.RollCalls.Unchanged != rcs ||
		rep.Votes.Added != 0 || rep.Votes.Changed != 0 || rep.Votes.Unchanged != votes || rep.Changed() {
		t.Errorf("unvotes over the built-in history: roll calls %+v, votes %+v; want %d and %d unchanged", rep.RollCalls, rep.Votes, rcs, votes)
	}
	rep, err = st.Import(ctx, []string{filepath.Join(dir, "voeten", "votes.csv")}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed() || rep.RollCalls.Unchanged != len(sessionsOfVoeten(t, dir)) {
		t.Errorf("Voeten over the built-in history: roll calls %+v, votes %+v", rep.RollCalls, rep.Votes)
	}
}

// sessionsOfVoeten is the set of roll-call ids of Voeten's file.
func sessionsOfVoeten(t *testing.T, dir string) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	eachRecord(t, filepath.Join(dir, "voeten", "votes.csv"), func(_ map[string]int, rec []string, _ int) {
		ids[rec[0]] = true
	})
	return ids
}

func hasWarning(rep *data.Report, prefix string) bool {
	for _, w := range rep.Warnings {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}
