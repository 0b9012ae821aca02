package data_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"plenary/data"
	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/record"
)

// undl2026 writes the votes of ../shared/data/unga2025 as a UN Digital
// Library file of the 6 February 2026 layout (header as published, see
// ../shared/data/undl-layouts.md), with notes[symbol] in vote_note and
// totalMS in total_ms; the symbols in zero get published totals of 0. It
// returns the file's path.
func undl2026(t *testing.T, notes map[string]string, totalMS int, zero ...string) string {
	t.Helper()
	dir := filepath.Join(sharedData(t), "unga2025")
	res := map[string][]string{}
	for _, r := range readRecords(t, filepath.Join(dir, "resolutions.csv")) {
		res[r[0]] = r
	}
	path := filepath.Join(t.TempDir(), "2026_02_06_ga_voting.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := csv.NewWriter(f)
	w.Write(strings.Split("undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link", ","))
	for _, v := range readRecords(t, filepath.Join(dir, "votes.csv")) {
		r := slices.Clone(res[v[0]])
		if slices.Contains(zero, v[0]) {
			r[5], r[6], r[7], r[8] = "0", "0", "0", "0"
		}
		link := r[4]
		id := link[strings.LastIndex(link, "/")+1:]
		w.Write([]string{id, v[2], v[3], v[4], v[1], "", v[0], "", "", "", r[2], "", r[3], notes[v[0]],
			r[5] + ".0", r[6] + ".0", r[7] + ".0", r[8] + ".0", strconv.Itoa(totalMS) + ".0", link})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return path
}

// findRollCall returns the table row of the vote on the whole text of a
// symbol.
func findRollCall(t *testing.T, tb *record.Table, symbol string) int {
	t.Helper()
	for i, rc := range tb.RollCalls {
		if rc.Symbol == symbol && rc.Flags&(record.Amendment|record.Paragraph) == 0 {
			return i
		}
	}
	t.Fatalf("%s is not in the table", symbol)
	return -1
}

// TestNoteIsNotAModality imports the 2025 votes in the Library's 2026
// layout with the note "Adopted without reference to a Main Committee" on
// the recorded 93–18–65 vote of A/RES/ES-11/7: the vote stays a recorded,
// contested vote. A/RES/ES-11/9 is given published totals of zero, which
// do mean that no vote was taken.
func TestNoteIsNotAModality(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	file := undl2026(t, map[string]string{"A/RES/ES-11/7": "Adopted without reference to a Main Committee (A/ES-11/L.10)"}, 191, "A/RES/ES-11/9")
	if _, err := st.Import(ctx, []string{file}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	tb, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	row := findRollCall(t, tb, "A/RES/ES-11/7")
	if tb.RollCalls[row].Flags.Has(record.WithoutVote) {
		t.Error("A/RES/ES-11/7 is flagged as adopted without a vote")
	}
	// Published totals of zero say that no vote was taken.
	if r := findRollCall(t, tb, "A/RES/ES-11/9"); !tb.RollCalls[r].Flags.Has(record.WithoutVote) {
		t.Error("A/RES/ES-11/9, published 0-0-0, is not flagged as adopted without a vote")
	}
	ix, err := compare.NewIndex(tb)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ix.Select(compare.Filter{Contested: true, Symbols: []string{"A/RES/ES-11/7"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := (record.Totals{Yes: 93, No: 18, Abstain: 65, NonVoting: 15}); s.Len() != 1 || ix.Counted(row) != want {
		t.Errorf("--contested finds %d roll calls; counted %v, want %v", s.Len(), ix.Counted(row), want)
	}
}

// rewrite copies a shared dataset file to a temporary folder, changing
// each line with edit (line numbers from 1, the header included).
func rewrite(t *testing.T, rel string, edit func(n int, line string) string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedData(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	for i, l := range lines {
		lines[i] = edit(i+1, l)
	}
	path := filepath.Join(t.TempDir(), filepath.Base(rel))
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNoSilentGuesses refuses three files that could only be read by
// guessing, each with its file and line, and leaves the database as it
// was: the 2 March 2022 vote of ukraine_ga written 3/2/2022 (2 March or
// 3 February?), a feb2025 row whose code says USA and name Zimbabwe, and
// a header naming the vote column twice.
func TestNoSilentGuesses(t *testing.T) {
	st, path := openTemp(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, []string{filepath.Join(sharedData(t), "feb2025")}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	before := contentHash(t, path)
	usa, es := 0, 0
	cases := []struct {
		file, want string
	}{
		{rewrite(t, "ukraine_ga/votes.csv", func(n int, l string) string {
			if es == 0 && strings.Contains(l, ",2022-03-02,") {
				es = n
			}
			return strings.Replace(l, ",2022-03-02,", ",3/2/2022,", 1)
		}), "votes.csv:"},
		{rewrite(t, "feb2025/votes.csv", func(n int, l string) string {
			if usa == 0 && strings.Contains(l, ",USA,United States of America,") {
				usa = n
				return strings.Replace(l, "United States of America", "Zimbabwe", 1)
			}
			return l
		}), "votes.csv:"},
		{rewrite(t, "feb2025/votes.csv", func(n int, l string) string {
			if n == 1 {
				return strings.Replace(l, "country_name", "vote", 1)
			}
			return l
		}), "votes.csv:1:"},
	}
	cases[0].want += strconv.Itoa(es) + ":"
	cases[1].want += strconv.Itoa(usa) + ":"
	for i, c := range cases {
		_, err := st.Import(ctx, []string{c.file}, data.ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("case %d: %v, want an error at %s", i, err, c.want)
			continue
		}
		t.Logf("case %d: %v", i, err)
		if h := contentHash(t, path); h != before {
			t.Errorf("case %d changed the database", i)
		}
	}
}

// mergedHistory imports unvotes and Voeten into a new database in the
// order given, and returns the store, its table and the reports.
func mergedHistory(t *testing.T, order ...string) (*data.Store, *record.Table, []*data.Report) {
	t.Helper()
	st, _ := openTemp(t)
	ctx := context.Background()
	var reps []*data.Report
	for _, name := range order {
		rep, err := st.Import(ctx, []string{filepath.Join(sharedData(t), name)}, data.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	tb, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st, tb, reps
}

// seatPairs lists the pairs of states that stand for one seat in the
// voting data: a state and the one that carries on its seat, and a state
// and a successor whose membership never overlapped its own (Yugoslavia
// and Serbia and Montenegro). East and West Germany, members side by
// side, are not a pair.
func seatPairs() [][2]string {
	var out [][2]string
	for _, c := range countries.All() {
		if c.Continues != "" {
			out = append(out, [2]string{c.Continues, c.ISO3})
		}
		for _, s := range c.Successors {
			sc, _ := countries.ByISO3(s)
			if sc.Continues != c.ISO3 && (c.Ended == "" || sc.Admitted >= c.Ended) {
				out = append(out, [2]string{c.ISO3, s})
			}
		}
	}
	return out
}

// unvotesTotals counts one unvotes roll call's votes from votes.csv.
func unvotesTotals(t *testing.T, rcid string) record.Totals {
	t.Helper()
	var tot record.Totals
	for _, r := range readRecords(t, filepath.Join(sharedData(t), "unvotes", "votes.csv")) {
		if r[0] == rcid {
			v, _ := record.ParseVote(r[3])
			tot.Add(v)
		}
	}
	return tot
}

// TestMergedHistory imports unvotes and Voeten in both orders and checks
// the merged history against the two files.
func TestMergedHistory(t *testing.T) {
	type merged struct {
		order []string
		tb    *record.Table
		reps  []*data.Report
	}
	var runs []merged
	for _, order := range [][]string{{"unvotes", "voeten"}, {"voeten", "unvotes"}} {
		_, tb, reps := mergedHistory(t, order...)
		runs = append(runs, merged{order, tb, reps})
	}
	t.Run("OneVotePerSeat", func(t *testing.T) {
		for _, r := range runs {
			checkOneVotePerSeat(t, r.order, r.tb, r.reps)
		}
	})
	t.Run("DateFromAnotherSource", func(t *testing.T) {
		// Voeten's rcid 4592 has no date; unvotes dates it.
		var want string
		for _, r := range readRecords(t, filepath.Join(sharedData(t), "unvotes", "roll_calls.csv")) {
			if r[0] == "4592" {
				want = r[3]
			}
		}
		for _, r := range runs {
			if got := r.tb.RollCalls[findRollCall(t, r.tb, "A/RES/60/260")].Date; got != want || want == "" {
				t.Errorf("%v: A/RES/60/260 dated %q, unvotes says %q", r.order, got, want)
			}
		}
	})
	t.Run("TopicsUnion", func(t *testing.T) {
		want := nuclearUnion(t, "2015-12-31")
		for _, r := range runs {
			checkTopics(t, r.order, r.tb, r.reps, want)
		}
	})
}

// checkOneVotePerSeat: A/RES/60/260 must read as unvotes counts it
// (121–50–2; Voeten adds its 18 absent states as non-voting), and over
// the whole merged history no roll call may hold two votes of one seat.
// North Yemen's 84 votes of November and December 1990 go to Yemen, and
// the two rump-Yugoslav votes of 1992, which no member state can take, are
// listed.
func checkOneVotePerSeat(t *testing.T, order []string, tb *record.Table, reps []*data.Report) {
	want := unvotesTotals(t, "4592")
	col := map[string]int{}
	for i, iso := range tb.Countries {
		col[iso] = i
	}
	row := findRollCall(t, tb, "A/RES/60/260")
	var got record.Totals
	for _, v := range tb.Votes[row] {
		got.Add(v)
	}
	if got.Yes != want.Yes || got.No != want.No || got.Abstain != want.Abstain {
		t.Errorf("%v: A/RES/60/260 %v, unvotes counts %v", order, got, want)
	}
	twice := 0
	for r, votes := range tb.Votes {
		for _, p := range seatPairs() {
			a, okA := col[p[0]]
			b, okB := col[p[1]]
			if okA && okB && votes[a] != record.None && votes[b] != record.None {
				if twice++; twice <= 5 {
					t.Errorf("%v: %s holds votes of %s and %s", order, tb.RollCalls[r].Label(), p[0], p[1])
				}
			}
		}
		if yar, ok := col["YAR"]; ok && votes[yar] != record.None && tb.RollCalls[r].Date >= "1990-05-22" {
			t.Errorf("%v: %s holds a vote of North Yemen", order, tb.RollCalls[r].Label())
		}
	}
	var warnings []string
	for _, rep := range reps {
		warnings = append(warnings, rep.Warnings...)
	}
	all := strings.Join(warnings, "\n")
	for _, w := range []string{"84 votes of North Yemen (YAR", "filed under YEM", "2 votes of Serbia and Montenegro (SCG"} {
		if !strings.Contains(all, w) {
			t.Errorf("%v: no warning %q", order, w)
		}
	}
}

// nuclearUnion lists, straight from the two files, the roll calls until
// to that either dataset puts under nuclear weapons: unvotes' issue "nu"
// and Voeten's column nu.
func nuclearUnion(t *testing.T, to string) map[string]bool {
	dir := sharedData(t)
	date := map[string]string{}
	for _, r := range readRecords(t, filepath.Join(dir, "unvotes", "roll_calls.csv")) {
		date[r[0]] = r[3]
	}
	out := map[string]bool{}
	for _, r := range readRecords(t, filepath.Join(dir, "unvotes", "issues.csv")) {
		if r[1] == "nu" && date[r[0]] <= to {
			out[r[0]] = true
		}
	}
	eachRecord(t, filepath.Join(dir, "voeten", "votes.csv"), func(col map[string]int, rec []string, _ int) {
		d := rec[col["date"]]
		if d == "" {
			d = date[rec[col["rcid"]]]
		}
		if rec[col["nu"]] == "1" && d <= to {
			out[rec[col["rcid"]]] = true
		}
	})
	return out
}

// checkTopics: the topics of a roll call are the union of its sources', so
// --topic nuclear finds the roll calls either file puts under the topic,
// whatever the order, and the second import lists the topics it added.
func checkTopics(t *testing.T, order []string, tb *record.Table, reps []*data.Report, want map[string]bool) {
	ix, err := compare.NewIndex(tb)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ix.Select(compare.Filter{Topics: []string{"nuclear"}, To: "2015-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range s.Rows {
		got[strconv.Itoa(tb.RollCalls[r].RCID)] = true
	}
	missing, extra := 0, 0
	for id := range want {
		if !got[id] {
			missing++
		}
	}
	for id := range got {
		if !want[id] {
			extra++
		}
	}
	if missing+extra > 0 {
		t.Errorf("%v: --topic nuclear finds %d roll calls, the files %d (%d missing, %d extra)", order, len(got), len(want), missing, extra)
	}
	if len(reps[1].Topics) == 0 {
		t.Errorf("%v: the second import lists no topic it added", order)
	}
}

// TestTotalsWarnings: importing the 2025 votes (191 members listed) over
// the February file (193) leaves A/RES/ES-11/7 with 17 non-voting against
// the 15 published; and a Library file whose total_ms says 193 while it
// lists 191 members is flagged. Both warnings name the roll call.
func TestTotalsWarnings(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	dir := sharedData(t)
	if _, err := st.Import(ctx, []string{filepath.Join(dir, "feb2025")}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	rep, err := st.Import(ctx, []string{filepath.Join(dir, "unga2025")}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var feb, y2025 record.Totals
	for _, r := range readRecords(t, filepath.Join(dir, "feb2025", "votes.csv")) {
		if r[1] == "A/RES/ES-11/7" {
			v, _ := record.ParseVote(r[5])
			feb.Add(v)
		}
	}
	for _, r := range readRecords(t, filepath.Join(dir, "unga2025", "resolutions.csv")) {
		if r[0] == "A/RES/ES-11/7" {
			y2025.NonVoting, _ = strconv.Atoi(r[8])
		}
	}
	want := []string{"A/RES/ES-11/7", strconv.Itoa(feb.NonVoting) + " non-voting, differ", strconv.Itoa(y2025.NonVoting) + " non-voting"}
	if !anyWarning(rep.Warnings, want...) {
		t.Errorf("no warning with %q in %q", want, rep.Warnings)
	}

	listed := 0
	for _, r := range readRecords(t, filepath.Join(dir, "unga2025", "votes.csv")) {
		if r[0] == "A/RES/ES-11/7" {
			listed++
		}
	}
	st2, _ := openTemp(t)
	rep, err = st2.Import(ctx, []string{undl2026(t, nil, 193)}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"A/RES/ES-11/7", strconv.Itoa(listed) + " member states listed, total_ms says 193"}
	if !anyWarning(rep.Warnings, want...) {
		t.Errorf("no warning with %q", want)
	}
}

// anyWarning reports whether one warning contains every part.
func anyWarning(warnings []string, parts ...string) bool {
	for _, w := range warnings {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(w, p)
		}
		if all {
			return true
		}
	}
	return false
}
