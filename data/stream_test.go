package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"plenary/data/ingest"
)

// logicalDump hashes what a database holds: every roll call with its row
// id, description, votes and ballot.
func logicalDump(t *testing.T, s *Store) (string, int) {
	t.Helper()
	rows, err := s.db.Query(`SELECT r.id, coalesce(r.rcid, ''), coalesce(r.undl_id, ''), r.body, r.symbol, r.date, r.session, r.title,
		r.description, r.topics, r.draft, r.meeting, r.flags, coalesce(r.pub_yes, ''), coalesce(r.pub_no, ''),
		coalesce(r.pub_abstain, ''), coalesce(r.pub_nonvoting, ''), r.source, r.link,
		coalesce(b.votes, ''),
		coalesce((SELECT group_concat(c.iso3 || '=' || v.vote, ' ') FROM (SELECT * FROM votes WHERE roll_call_id = r.id ORDER BY country_id) v
			JOIN countries c ON c.id = v.country_id), '')
		FROM roll_calls r LEFT JOIN ballots b ON b.roll_call_id = r.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var f [21]string
		p := make([]any, len(f))
		for i := range f {
			p[i] = &f[i]
		}
		if err := rows.Scan(p...); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Join(f[:], "\x1f"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(lines)
	h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(h[:]), len(lines)
}

// importBoth imports the same paths into two new databases, streamed and
// plain (every file read before anything is written), after the same
// earlier imports, and checks that both hold the same and report the same.
func importBoth(t *testing.T, before []string, paths []string) (*Report, *Report) {
	t.Helper()
	ctx := context.Background()
	var reps [2]*Report
	var dumps [2]string
	for i, serial := range []bool{false, true} {
		s, err := Open(filepath.Join(t.TempDir(), "both.db"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, p := range before {
			if _, err := s.Import(ctx, []string{p}, ImportOptions{serial: true}); err != nil {
				t.Fatal(err)
			}
		}
		sources, _, err := ingest.Plan(paths, "")
		if err != nil {
			t.Fatal(err)
		}
		rep, err := s.importSources(ctx, sources, ImportOptions{serial: serial}, &Report{})
		if err != nil {
			t.Fatalf("serial=%v: %v", serial, err)
		}
		reps[i] = rep
		var n int
		dumps[i], n = logicalDump(t, s)
		if n == 0 {
			t.Fatal("nothing imported")
		}
		var dangling int
		if err := s.db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&dangling); err != nil || dangling != 0 {
			t.Errorf("serial=%v: %d dangling references (%v)", serial, dangling, err)
		}
	}
	if dumps[0] != dumps[1] {
		t.Error("the streamed import stored other roll calls or votes than the plain one")
	}
	a, b := reps[0], reps[1]
	if a.RollCalls != b.RollCalls || a.Votes != b.Votes || a.Positions != b.Positions || a.Rows != b.Rows {
		t.Errorf("reports differ:\nstreamed %+v %+v %+v\nplain    %+v %+v %+v", a.RollCalls, a.Votes, a.Positions, b.RollCalls, b.Votes, b.Positions)
	}
	wa, wb := slices.Sorted(slices.Values(a.Warnings)), slices.Sorted(slices.Values(b.Warnings))
	if !slices.Equal(wa, wb) {
		t.Errorf("warnings differ:\nstreamed %q\nplain    %q", wa, wb)
	}
	if fmt.Sprint(a.Differences) != fmt.Sprint(b.Differences) {
		t.Errorf("differences:\nstreamed %v\nplain    %v", a.Differences, b.Differences)
	}
	return a, b
}

// TestStreamedEqualsParsed imports the real datasets both ways: the
// unvotes file, whose later part is sorted by country (runs of one row,
// and rows of roll calls already written), and on top of it the datasets
// that overlap it.
func TestStreamedEqualsParsed(t *testing.T) {
	root := relShared(t)
	unvotes := filepath.Join(root, "unvotes")
	t.Run("unvotes", func(t *testing.T) {
		relSkipHeavy(t)
		rep, _ := importBoth(t, nil, []string{unvotes})
		if rep.RollCalls.Added != 6203 || rep.Votes.Added != 870109 {
			t.Errorf("streamed: %+v %+v", rep.RollCalls, rep.Votes)
		}
	})
	t.Run("overlapping", func(t *testing.T) {
		importBoth(t, []string{filepath.Join(root, "feb2025")},
			[]string{filepath.Join(root, "ukraine_ga"), filepath.Join(root, "unga2025"), filepath.Join(root, "unsc")})
	})
}

// TestStreamedRuns imports files whose rows come in every order a real
// file may have, both ways.
func TestStreamedRuns(t *testing.T) {
	dir := t.TempDir()
	isos := []string{"FRA", "DEU", "ITA", "ESP", "PRT", "BEL", "NLD", "LUX", "AUT", "IRL", "DNK", "SWE"}
	var b strings.Builder
	b.WriteString("body,symbol,date,country,vote\n")
	row := func(sym, iso, vote string) { fmt.Fprintf(&b, "GA,%s,2030-01-01,%s,%s\n", sym, iso, vote) }
	// A: a long run, then more countries and a changed vote much later.
	for _, iso := range isos[:9] {
		row("A/RES/90/1", iso, "Y")
	}
	// B: a long run of its own.
	for _, iso := range isos[:10] {
		row("A/RES/90/2", iso, "N")
	}
	// E: a long run with a country listed twice inside it.
	for _, iso := range isos[:8] {
		row("A/RES/90/5", iso, "Y")
	}
	row("A/RES/90/5", "FRA", "A")
	// C and D: sorted by country, a row at a time.
	for _, iso := range isos {
		row("A/RES/90/3", iso, "A")
		row("A/RES/90/4", iso, "Y")
	}
	// A again: new countries, one listed twice with another vote.
	row("A/RES/90/1", "IRL", "N")
	row("A/RES/90/1", "FRA", "N")
	row("A/RES/90/1", "SWE", "A")
	// F: a long run after the short ones, which is not streamed (its id
	// comes after theirs, whose votes are written last).
	for _, iso := range isos[:10] {
		row("A/RES/90/6", iso, "N")
	}
	path := filepath.Join(dir, "runs.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("new", func(t *testing.T) {
		var streamed []string
		testStreamed = func(w *writer) {
			for rc := range w.streamed {
				streamed = append(streamed, rc.Symbol)
			}
		}
		defer func() { testStreamed = nil }()
		rep, _ := importBoth(t, nil, []string{path})
		slices.Sort(streamed)
		if want := []string{"A/RES/90/1", "A/RES/90/2", "A/RES/90/5"}; !slices.Equal(streamed, want) {
			t.Errorf("streamed %v, want %v", streamed, want)
		}
		if rep.RollCalls.Added != 6 || rep.Votes.Added != 11+10+8+12+12+10 {
			t.Errorf("%+v %+v", rep.RollCalls, rep.Votes)
		}
	})
	// B stored already, with one vote that differs: B is merged, not
	// streamed, and the difference is reported.
	old := filepath.Join(dir, "old.csv")
	os.WriteFile(old, []byte("body,symbol,date,country,vote\nGA,A/RES/90/2,2030-01-01,FRA,Y\nGA,A/RES/90/2,2030-01-01,DEU,N\n"), 0o644)
	t.Run("merged", func(t *testing.T) {
		rep, _ := importBoth(t, []string{old}, []string{path})
		if rep.RollCalls.Added != 5 || rep.RollCalls.Updated != 1 || len(rep.Differences) != 1 {
			t.Errorf("%+v %v", rep.RollCalls, rep.Differences)
		}
	})
}

// TestStreamRestart makes the streamed import meet a roll call it wrote as
// new that matches a stored one after all (it cannot happen with the
// parsers as they are): the import is redone the plain way, and the
// database holds what a plain import gives.
func TestStreamRestart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.csv")
	var b strings.Builder
	b.WriteString("body,symbol,date,country,vote\n")
	for _, iso := range []string{"FRA", "DEU", "ITA", "ESP", "PRT", "BEL", "NLD", "LUX", "AUT"} {
		fmt.Fprintf(&b, "GA,A/RES/91/1,2031-01-01,%s,Y\n", iso)
	}
	os.WriteFile(path, []byte(b.String()), 0o644)
	s, err := Open(filepath.Join(dir, "restart.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	restarted := false
	testStreamed = func(w *writer) {
		for rc := range w.streamed {
			// Pretend a stored roll call has the same symbol.
			stored := rc.RollCall
			stored.ID = -1
			w.idx.Add(&stored)
			restarted = true
		}
	}
	defer func() { testStreamed = nil }()
	rep, err := s.Import(context.Background(), []string{path}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !restarted {
		t.Fatal("nothing was streamed")
	}
	if rep.RollCalls.Added != 1 || rep.Votes.Added != 9 {
		t.Errorf("after the restart: %+v %+v", rep.RollCalls, rep.Votes)
	}
	var rcs, votes, ballots int
	s.db.QueryRow(`SELECT (SELECT count(*) FROM roll_calls), (SELECT count(*) FROM votes), (SELECT count(*) FROM ballots)`).Scan(&rcs, &votes, &ballots)
	if rcs != 1 || votes != 9 || ballots != 1 {
		t.Errorf("the database holds %d roll calls, %d votes, %d ballots; want 1, 9, 1", rcs, votes, ballots)
	}
}
