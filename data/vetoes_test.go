package data_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"plenary/data"
	"plenary/data/compare"
	"plenary/data/record"
)

// vetoFiles are the two veto files of ../shared/data/unsc.
func vetoFiles(t *testing.T) (list, failed string) {
	dir := filepath.Join(sharedData(t), "unsc")
	return filepath.Join(dir, "vetoes.csv"), filepath.Join(dir, "failed_drafts_member_votes.csv")
}

// listCounts counts the vetoes of each member in vetoes.csv with
// encoding/csv: the names of its member_veto columns, the USSR and Russia
// apart as the file has them.
func listCounts(t *testing.T, path string) (map[string]int, int) {
	code := map[string]string{"USSR": "SUN", "Russia": "RUS", "USA": "USA", "UK": "GBR", "France": "FRA", "China": "CHN"}
	n, rows := map[string]int{}, 0
	readCSV(t, path, func(r map[string]string) {
		rows++
		for _, col := range []string{"member_veto1", "member_veto2", "member_veto3"} {
			if name := r[col]; name != "" {
				if code[name] == "" {
					t.Fatalf("%s: member %q", path, name)
				}
				n[code[name]]++
			}
		}
	})
	return n, rows
}

// TestVetoCounts imports the veto list and the failed drafts and checks the
// count of every member against an independent count of vetoes.csv, both
// the list as stored and the vetoes the analysis counts (which fold the
// vetoes read from the failed drafts into the listed ones).
func TestVetoCounts(t *testing.T) {
	list, failed := vetoFiles(t)
	want, rows := listCounts(t, list)
	st, path := openTemp(t)
	ctx := context.Background()
	rep, err := st.Import(ctx, []string{list, failed}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]int{}
	listed := 0
	for _, v := range tab.Vetoes {
		if v.FromVotes() {
			continue
		}
		listed++
		for _, m := range v.Members {
			stored[m]++
		}
	}
	if listed != rows {
		t.Errorf("%d vetoes of the list stored, the file has %d rows", listed, rows)
	}
	if fmt.Sprint(stored) != fmt.Sprint(want) {
		t.Errorf("stored per member %v, the file %v", stored, want)
	}
	counted := map[string]int{}
	for _, m := range compare.VetoesByMember(tab.Vetoes, compare.Filter{}) {
		counted[m.ISO3] = m.Vetoes
	}
	if fmt.Sprint(counted) != fmt.Sprint(want) {
		t.Errorf("counted per member %v, the file %v", counted, want)
	}
	// The figures of the list as the Library gives them (README of the
	// dataset): the USSR 90, Russia 31, the United States 82.
	if want["SUN"] != 90 || want["RUS"] != 31 || want["USA"] != 82 {
		t.Errorf("the file's own counts changed: %v", want)
	}
	if rep.Vetoes.Added != len(tab.Vetoes) || rep.RollCalls.Added != 53 {
		t.Errorf("report: %+v vetoes, %+v roll calls; %d stored", rep.Vetoes, rep.RollCalls, len(tab.Vetoes))
	}
	// Periods and countries select as elsewhere: Russia's vetoes since 2011
	// by year, counted straight from the file.
	f := compare.Filter{From: "2011", Countries: []string{"RUS"}}
	wantYears := map[int]int{}
	readCSV(t, list, func(r map[string]string) {
		y, _ := strconv.Atoi(r["year"])
		for _, col := range []string{"member_veto1", "member_veto2", "member_veto3"} {
			if r[col] == "Russia" && y >= 2011 {
				wantYears[y]++
			}
		}
	})
	gotYears := map[int]int{}
	for _, y := range compare.VetoesByYear(tab.Vetoes, f) {
		if y.ISO3 != "RUS" {
			t.Errorf("--countries RUS counts %s", y.ISO3)
		}
		gotYears[y.Year] = y.Vetoes
	}
	if fmt.Sprint(gotYears) != fmt.Sprint(wantYears) {
		t.Errorf("Russia by year since 2011: %v, the file %v", gotYears, wantYears)
	}
	before := contentHash(t, path)
	again, err := st.Import(ctx, []string{list, failed}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed() || again.Vetoes.Unchanged != len(tab.Vetoes) || again.RollCalls.Unchanged != 53 {
		t.Errorf("second import: %+v vetoes, %+v roll calls", again.Vetoes, again.RollCalls)
	}
	if contentHash(t, path) != before {
		t.Error("the database changed on a repeated import")
	}
}

// TestFailedDraftVetoesAgreeWithList derives the vetoes of the failed
// drafts straight from their member votes (yes votes at least 7 before
// 1966 and 9 after, and a permanent member's no; Russia's code standing
// for the USSR until 1991), and checks that Plenary stored the same, each
// one flagged on its roll call, and that the list gives each of them with
// the same members in the same year.
func TestFailedDraftVetoesAgreeWithList(t *testing.T) {
	list, failed := vetoFiles(t)
	type draft struct {
		on, year string
		yes      int
		no       []string
	}
	drafts := map[string]*draft{}
	var order []string
	readCSV(t, failed, func(r map[string]string) {
		d := drafts[r["draft_seq"]]
		if d == nil {
			d = &draft{on: r["voting_on"], year: r["year"]}
			drafts[r["draft_seq"]] = d
			order = append(order, r["draft_seq"])
		}
		switch r["vote"] {
		case "Y":
			d.yes++
		case "N":
			if iso := r["country_iso3"]; slices.Contains([]string{"CHN", "FRA", "GBR", "RUS", "USA"}, iso) {
				d.no = append(d.no, iso)
			}
		}
	})
	var want []string
	for _, seq := range order {
		d := drafts[seq]
		y, _ := strconv.Atoi(d.year)
		need := 9
		if y < 1966 {
			need = 7
		}
		if d.yes < need || len(d.no) == 0 {
			continue
		}
		var who []string
		for _, iso := range d.no {
			if iso == "RUS" && y <= 1991 {
				iso = "SUN"
			}
			who = append(who, iso)
		}
		slices.Sort(who)
		want = append(want, strings.Fields(d.on)[0]+" "+d.year+" "+strings.Join(who, "+"))
	}
	slices.Sort(want)
	st, _ := openTemp(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, []string{failed, list}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	tab, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got, inList []string
	for _, v := range tab.Vetoes {
		k := fmt.Sprintf("%s %d %s", v.Draft, v.Year, strings.Join(v.Members, "+"))
		if v.FromVotes() {
			got = append(got, k)
			continue
		}
		m := slices.Clone(v.Members)
		slices.Sort(m)
		inList = append(inList, fmt.Sprintf("%s %d %s", record.DraftSymbol(v.Draft), v.Year, strings.Join(m, "+")))
	}
	slices.Sort(got)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("vetoes from the votes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, k := range want {
		if !slices.Contains(inList, k) {
			t.Errorf("the list does not give the veto %s", k)
		}
	}
	// Each vetoed draft's roll call names its vetoing members; the other
	// failed drafts are not adopted, vetoed by nobody.
	x := compare.NewVetoIndex(tab.Vetoes)
	vetoed, notAdopted := 0, 0
	for i := range tab.RollCalls {
		rc := &tab.RollCalls[i]
		if !rc.Flags.Has(record.NotAdopted) {
			t.Errorf("%s is not flagged as not adopted", rc.Label())
			continue
		}
		notAdopted++
		if who := x.VetoedBy(rc); len(who) > 0 {
			vetoed++
			if !strings.HasPrefix(x.Outcome(rc), "vetoed by ") {
				t.Errorf("%s: outcome %q", rc.Label(), x.Outcome(rc))
			}
		} else if x.Outcome(rc) != "not adopted" {
			t.Errorf("%s: outcome %q", rc.Label(), x.Outcome(rc))
		}
	}
	if notAdopted != len(order) || vetoed != len(want) {
		t.Errorf("%d roll calls not adopted (file: %d drafts), %d vetoed (want %d)", notAdopted, len(order), vetoed, len(want))
	}
	// The folded count: every veto of the votes is in the list, so none
	// is counted twice.
	if n := len(compare.Vetoes(tab.Vetoes)); n != len(tab.Vetoes)-len(got) {
		t.Errorf("%d vetoes after folding, want %d", n, len(tab.Vetoes)-len(got))
	}
}

// TestVetoesLeaveAdoptedRollCalls: importing the vetoes and the failed
// drafts over the Council's adopted resolutions changes none of them.
func TestVetoesLeaveAdoptedRollCalls(t *testing.T) {
	list, failed := vetoFiles(t)
	st, _ := openTemp(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, []string{filepath.Join(filepath.Dir(list), "sc_votes_1992_2026.csv")}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	before, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(ctx, []string{list, failed}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	after, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	old := map[int64]string{}
	for i, rc := range before.RollCalls {
		old[rc.ID] = fmt.Sprint(rc, votesOf(before, i))
	}
	n := 0
	for i, rc := range after.RollCalls {
		if s, ok := old[rc.ID]; ok {
			n++
			if s != fmt.Sprint(rc, votesOf(after, i)) {
				t.Errorf("%s changed", rc.Label())
			}
		}
	}
	if n != len(before.RollCalls) || len(after.RollCalls) != n+53 {
		t.Errorf("%d of %d roll calls kept, %d in all", n, len(before.RollCalls), len(after.RollCalls))
	}
}

// votesOf lists a roll call's votes by country code.
func votesOf(t *record.Table, row int) string {
	var b strings.Builder
	for c, v := range t.Votes[row] {
		if v != record.None {
			fmt.Fprintf(&b, "%s=%s ", t.Countries[c], v.Code())
		}
	}
	return b.String()
}

// TestBadVetoFileChangesNothing: a veto list with one bad row anywhere is
// refused with its place, and the database stays as it was, the roll calls
// and vetoes imported before included.
func TestBadVetoFileChangesNothing(t *testing.T) {
	list, failed := vetoFiles(t)
	st, path := openTemp(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, []string{list, failed}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	before := contentHash(t, path)
	raw, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	for _, c := range []struct{ from, to, want string }{
		{",USSR,,,1,0,0,0,0,1,0,0,0,0,0,0,0\n", ",Germany,,,1,0,0,0,0,1,0,0,0,0,0,0,0\n", ":2:9: Germany (DEU) is not a permanent member"},
		{"2022-07-08", "2022-07-88", ": bad date"},
		{"1946-02-16", "1996-02-16", ":2:1: year 1946 but the date is 1996-02-16"},
	} {
		bad := strings.Replace(text, c.from, c.to, 1)
		if bad == text {
			t.Fatalf("%q is not in %s", c.from, list)
		}
		p := filepath.Join(t.TempDir(), "vetoes.csv")
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := st.Import(ctx, []string{failed, p}, data.ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s → %s: %v, want %q", c.from, c.to, err, c.want)
		}
		if contentHash(t, path) != before {
			t.Errorf("%s → %s: the database changed", c.from, c.to)
		}
	}
}
