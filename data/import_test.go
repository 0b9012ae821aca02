package data_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"plenary/data"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// sharedData returns ../shared/data beside the repository; in CI a missing
// folder fails the test instead of skipping it.
func sharedData(t testing.TB) string {
	t.Helper()
	return comparetest.Dataset(t, ".")
}

func openTemp(t testing.TB) (*data.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plenary.db")
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

// readOnlyDB opens the file at path read-only with the driver alone, for
// what a test reads apart from the store.
func readOnlyDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// contentHash is a logical dump of every table of the database, hashed: two
// databases with the same rows have the same hash whatever their pages.
func contentHash(t testing.TB, path string) string {
	t.Helper()
	db := readOnlyDB(t, path)
	defer db.Close()
	// A full-text index is a virtual table over its shadow tables, which
	// are hashed themselves.
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	h := sha256.New()
	for _, tb := range tables {
		r, err := db.Query(`SELECT * FROM "` + tb + `" ORDER BY 1, 2`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := r.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for r.Next() {
			r.Scan(ptrs...)
			fmt.Fprintf(h, "%s|%v\n", tb, vals)
		}
		r.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

func count(t testing.TB, st *data.Store, path, q string, args ...any) int {
	t.Helper()
	db := readOnlyDB(t, path)
	defer db.Close()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// unvotesDB imports the unvotes set once per test binary; tests that only
// read share it.
var unvotesOnce struct {
	sync.Once
	path string
	rep  *data.Report
	err  error
}

func unvotesDB(t *testing.T) string {
	dir := sharedData(t)
	unvotesOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "plenary-unvotes")
		if err != nil {
			unvotesOnce.err = err
			return
		}
		unvotesOnce.path = filepath.Join(tmp, "unvotes.db")
		st, err := data.Open(unvotesOnce.path, data.Options{})
		if err != nil {
			unvotesOnce.err = err
			return
		}
		defer st.Close()
		unvotesOnce.rep, unvotesOnce.err = st.Import(context.Background(), []string{filepath.Join(dir, "unvotes")}, data.ImportOptions{})
	})
	if unvotesOnce.err != nil {
		t.Fatal(unvotesOnce.err)
	}
	return unvotesOnce.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if unvotesOnce.path != "" {
		os.RemoveAll(filepath.Dir(unvotesOnce.path))
	}
	if corpusDB.path != "" {
		os.RemoveAll(filepath.Dir(corpusDB.path))
	}
	os.Exit(code)
}

// TestImportUnvotes checks the full unvotes set against an independent
// count of its CSV files.
func TestImportUnvotes(t *testing.T) {
	dir := sharedData(t)
	path := unvotesDB(t)
	rep := unvotesOnce.rep
	if rep.RollCalls.Added != 6203 || rep.Votes.Added != 870109 {
		t.Fatalf("report: %d roll calls, %d votes added; want 6203, 870109", rep.RollCalls.Added, rep.Votes.Added)
	}
	if n := count(t, nil, path, `SELECT count(*) FROM roll_calls`); n != 6203 {
		t.Errorf("roll calls stored: %d, want 6203", n)
	}
	if n := count(t, nil, path, `SELECT count(*) FROM votes`); n != 870109 {
		t.Errorf("votes stored: %d, want 870109", n)
	}

	// Independent count of votes.csv: yes/no/abstain per rcid.
	want := map[int]*[3]int{}
	eachRecord(t, filepath.Join(dir, "unvotes", "votes.csv"), func(_ map[string]int, rec []string, _ int) {
		id, _ := strconv.Atoi(rec[0])
		c := want[id]
		if c == nil {
			c = &[3]int{}
			want[id] = c
		}
		switch rec[3] {
		case "yes":
			c[0]++
		case "no":
			c[1]++
		case "abstain":
			c[2]++
		default:
			t.Fatalf("unexpected vote %q", rec[3])
		}
	})
	db := readOnlyDB(t, path)
	defer db.Close()
	rows, err := db.Query(`SELECT r.rcid, sum(v.vote = 1), sum(v.vote = 3), sum(v.vote = 2) FROM roll_calls r JOIN votes v ON v.roll_call_id = r.id GROUP BY r.rcid`)
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for rows.Next() {
		var id int
		var c [3]int
		if err := rows.Scan(&id, &c[0], &c[1], &c[2]); err != nil {
			t.Fatal(err)
		}
		got++
		if w := want[id]; w == nil || *w != c {
			t.Errorf("rcid %d: stored %v, CSV has %v", id, c, w)
		}
	}
	rows.Close()
	if got != len(want) {
		t.Errorf("%d roll calls with votes stored, CSV has %d", got, len(want))
	}

	// The official result of A/RES/68/262, in the UN's own symbol form.
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rcs, err := st.FindRollCalls(context.Background(), "A/RES/68/262")
	if err != nil || len(rcs) != 1 {
		t.Fatalf("A/RES/68/262: %v, %d roll calls", err, len(rcs))
	}
	votes, _ := st.Votes(context.Background(), rcs[0].ID)
	var tot record.Totals
	for _, v := range votes {
		tot.Add(v.Vote)
	}
	if tot.String() != "100–11–58" {
		t.Errorf("A/RES/68/262 reads %s, want 100–11–58", tot)
	}
	// Namibia's ISO2 code "NA" is Namibia, not a missing value.
	if n := count(t, st, path, `SELECT count(*) FROM votes v JOIN countries c ON c.id = v.country_id WHERE c.iso3 = 'NAM'`); n == 0 {
		t.Error("no votes for Namibia (NA)")
	}
}

// TestReimportUnchanged imports the same files again: nothing changes, and
// the report says so.
func TestReimportUnchanged(t *testing.T) {
	dir := sharedData(t)
	path := unvotesDB(t)
	before := contentHash(t, path)
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rep, err := st.Import(context.Background(), []string{filepath.Join(dir, "unvotes")}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed() || rep.RollCalls.Unchanged != 6203 || rep.Votes.Unchanged != 870109 {
		t.Errorf("second import: %+v %+v", rep.RollCalls, rep.Votes)
	}
	if !strings.Contains(rep.Summary(), "nothing changed") {
		t.Errorf("summary does not say nothing changed:\n%s", rep.Summary())
	}
	if after := contentHash(t, path); after != before {
		t.Error("the database changed on a repeated import")
	}
}

// TestImportEveryDataset imports every vote file of ../shared/data into one
// database, as a user importing the whole folder would.
func TestImportEveryDataset(t *testing.T) {
	dir := sharedData(t)
	st, path := openTemp(t)
	ctx := context.Background()
	for _, sub := range []string{"unvotes", "voeten", "feb2025", "ukraine_ga", "unga2025", "unsc"} {
		rep, err := st.Import(ctx, []string{filepath.Join(dir, sub)}, data.ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", sub, err)
		}
		t.Logf("%s: %+v %+v, %d warnings", sub, rep.RollCalls, rep.Votes, len(rep.Warnings))
	}
	// The writer checks references itself; nothing may dangle.
	if n := count(t, st, path, `SELECT count(*) FROM pragma_foreign_key_check`); n != 0 {
		t.Errorf("%d rows refer to rows that do not exist", n)
	}
	// Every ballot the writer encoded equals the one SQL builds from the
	// votes table.
	if n := count(t, st, path, `SELECT count(*) FROM ballots b FULL JOIN (
		SELECT roll_call_id, group_concat(char(country_id, vote), '') AS votes
		FROM (SELECT * FROM votes ORDER BY roll_call_id, country_id) GROUP BY roll_call_id) v
		ON v.roll_call_id = b.roll_call_id WHERE b.votes IS NOT v.votes`); n != 0 {
		t.Errorf("%d ballots differ from their votes", n)
	}
	// Voeten's absences (code 8) are kept as non-voting votes.
	absent := countVoetenAbsent(t, filepath.Join(dir, "voeten", "votes.csv"))
	if n := count(t, st, path, `SELECT count(*) FROM votes v JOIN roll_calls r ON r.id = v.roll_call_id WHERE v.vote = 8 AND r.rcid IS NOT NULL AND r.date < '2016-01-01'`); n != absent {
		t.Errorf("non-voting votes from Voeten: %d, the file has %d absences", n, absent)
	}
	// The same roll call from three datasets is stored once.
	if n := count(t, st, path, `SELECT count(*) FROM roll_calls WHERE symbol = 'A/RES/ES-11/7'`); n != 1 {
		t.Errorf("A/RES/ES-11/7 stored %d times", n)
	}
	if n := count(t, st, path, `SELECT count(*) FROM roll_calls WHERE symbol = 'A/RES/68/262'`); n != 1 {
		t.Errorf("A/RES/68/262 stored %d times", n)
	}
	// All 2,088 SC resolutions of the SC file, 15 or 14 members each, and
	// the 53 drafts of the failed-drafts file, flagged as not adopted.
	if n := count(t, st, path, `SELECT count(*) FROM roll_calls WHERE body = 'SC' AND flags & `+strconv.Itoa(int(record.NotAdopted))+` = 0`); n != 2088 {
		t.Errorf("SC roll calls adopted: %d, want 2088", n)
	}
	if n := count(t, st, path, `SELECT count(*) FROM roll_calls WHERE body = 'SC' AND flags & `+strconv.Itoa(int(record.NotAdopted))+` != 0`); n != 53 {
		t.Errorf("SC drafts not adopted: %d, want 53", n)
	}
	rcs, _ := st.FindRollCalls(ctx, "S/RES/2774(2025)")
	if len(rcs) != 1 {
		t.Fatalf("S/RES/2774 (2025): %d roll calls", len(rcs))
	}
	votes, _ := st.Votes(ctx, rcs[0].ID)
	var abst []string
	for _, v := range votes {
		if v.Vote == record.Abstain {
			abst = append(abst, v.ISO3)
		}
	}
	if strings.Join(sortStrings(abst), " ") != "DNK FRA GBR GRC SVN" {
		t.Errorf("S/RES/2774 abstainers: %v", abst)
	}
}

func sortStrings(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func countVoetenAbsent(t *testing.T, file string) int {
	// One seat has one vote: the People's Republic of China, coded absent
	// on roll calls of 1971 held before it took the China seat from the
	// Republic of China (which voted on them), has no vote there.
	prcAbsent, rocVoted := map[string]bool{}, map[string]bool{}
	n := 0
	eachRecord(t, file, func(col map[string]int, rec []string, _ int) {
		v, id, date := rec[col["vote"]], rec[col["rcid"]], rec[col["date"]]
		if v == "8" {
			n++
		}
		if date != "" && date < "1971-10-25" {
			prcAbsent[id] = prcAbsent[id] || rec[col["ccode"]] == "710" && v == "8"
			rocVoted[id] = rocVoted[id] || rec[col["ccode"]] == "713" && v != "9"
		}
	})
	for id := range prcAbsent {
		if prcAbsent[id] && rocVoted[id] {
			n--
		}
	}
	return n
}

// TestSample loads the built-in sample and checks its totals against the
// official results, and vote by vote against the feb2025 dataset.
func TestSample(t *testing.T) {
	st, path := openTemp(t)
	ctx := context.Background()
	if _, err := st.LoadSample(ctx); err != nil {
		t.Fatalf("sample not loaded into an empty database: %v", err)
	}
	want := map[string]record.Totals{
		"A/RES/ES-11/7":     {Yes: 93, No: 18, Abstain: 65, NonVoting: 17},
		"A/RES/ES-11/8":     {Yes: 93, No: 8, Abstain: 73, NonVoting: 19},
		"S/RES/2774 (2025)": {Yes: 10, No: 0, Abstain: 5},
	}
	for sym, w := range want {
		rcs, err := st.FindRollCalls(ctx, sym)
		if err != nil || len(rcs) != 1 {
			t.Fatalf("%s: %v", sym, err)
		}
		if !rcs[0].Flags.Has(record.Sample) {
			t.Errorf("%s is not marked as sample data", sym)
		}
		votes, _ := st.Votes(ctx, rcs[0].ID)
		var got record.Totals
		for _, v := range votes {
			got.Add(v.Vote)
		}
		if got != w {
			t.Errorf("%s: %+v, want %+v", sym, got, w)
		}
	}
	info, _ := st.Info(ctx)
	if !info.SampleOnly || info.Positions != 9 {
		t.Errorf("info: sample only %v, %d positions", info.SampleOnly, info.Positions)
	}
	// Loading it again changes nothing.
	if rep, err := st.LoadSample(ctx); err != nil || rep.Votes.Added != 0 || rep.Votes.Changed != 0 || rep.Votes.Unchanged != 401 {
		t.Errorf("the sample loaded again: %+v, %v; want its 401 votes unchanged", rep.Votes, err)
	}

	// The feb2025 dataset holds the same votes: importing it changes none.
	{
		dir := sharedData(t)
		rep, err := st.Import(ctx, []string{filepath.Join(dir, "feb2025", "votes.csv")}, data.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Votes.Changed != 0 || rep.Votes.Added != 0 || rep.Votes.Unchanged != 401 {
			t.Errorf("feb2025 against the sample: %+v %v", rep.Votes, rep.Differences)
		}
		// Roll calls an import also wrote are no longer sample data.
		n, err := st.RemoveSample(ctx)
		if err != nil || n != 9 {
			t.Errorf("remove sample: %d removed, %v; want the 9 positions only", n, err)
		}
		if c := count(t, st, path, `SELECT count(*) FROM votes`); c != 401 {
			t.Errorf("votes after removing the sample: %d, want 401", c)
		}
	}
}

// TestRemoveSample removes a sample nothing else touched.
func TestRemoveSample(t *testing.T) {
	st, path := openTemp(t)
	ctx := context.Background()
	if _, err := st.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	n, err := st.RemoveSample(ctx)
	if err != nil || n != 12 {
		t.Fatalf("removed %d (%v), want 3 roll calls + 9 positions", n, err)
	}
	if c := count(t, st, path, `SELECT count(*) FROM votes`); c != 0 {
		t.Errorf("%d votes left", c)
	}
}

// TestUNDLLayouts imports fixtures written from the UN Digital Library's
// documented headers (2024 plural names with NV, 2026 singular names with
// float totals, SC with permanent_member and modality).
func TestUNDLLayouts(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	for _, f := range []string{"ga_2024.csv", "ga_2026.csv", "sc_2026.csv"} {
		rep, err := st.Import(ctx, []string{filepath.Join("testdata", "undl", f)}, data.ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(rep.Warnings) != 0 {
			t.Errorf("%s: warnings %v", f, rep.Warnings)
		}
	}
	check := func(sym string, want record.Totals, flags record.Flags) record.RollCall {
		t.Helper()
		rcs, err := st.FindRollCalls(ctx, sym)
		if err != nil || len(rcs) != 1 {
			t.Fatalf("%s: %v (%d)", sym, err, len(rcs))
		}
		votes, _ := st.Votes(ctx, rcs[0].ID)
		var got record.Totals
		for _, v := range votes {
			got.Add(v.Vote)
		}
		if got != want {
			t.Errorf("%s: counted %+v, want %+v", sym, got, want)
		}
		if !rcs[0].Flags.Has(flags) {
			t.Errorf("%s: flags %b, want %b", sym, rcs[0].Flags, flags)
		}
		return rcs[0]
	}
	es7 := check("A/RES/ES-11/7", record.Totals{Yes: 3, No: 2, Abstain: 1}, 0)
	if es7.Published == nil || es7.Published.Yes != 3 || es7.UNDLID != 4076672 || es7.Title != "Advancing a comprehensive, just and lasting peace in Ukraine" {
		t.Errorf("ES-11/7 metadata: %+v", es7)
	}
	check("A/RES/ES-10/21", record.Totals{Yes: 2, No: 1, NonVoting: 1}, 0)
	check("A/RES/68/262", record.Totals{Yes: 2, No: 1, Abstain: 1, NonVoting: 1}, 0)
	check("A/RES/68/1", record.Totals{NonVoting: 1}, record.WithoutVote)
	sc := check("S/RES/2774 (2025)", record.Totals{Yes: 3, Abstain: 2}, 0)
	if sc.Body != record.SC || sc.Title != "Maintenance of peace and security of Ukraine" {
		t.Errorf("SC metadata: %+v", sc)
	}
	check("S/RES/2770 (2024)", record.Totals{Yes: 2}, record.WithoutVote)
}

// TestBadInput feeds each kind of bad input to a database holding the
// sample: the error names the file and line, and nothing changes.
func TestBadInput(t *testing.T) {
	st, path := openTemp(t)
	ctx := context.Background()
	if _, err := st.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	before := contentHash(t, path)
	head := "body,symbol,date,country,vote\n"
	good := "GA,A/RES/1/1,2020-01-01,USA,Y\n"
	cases := []struct {
		name, content, want string
	}{
		{"unknown header", "foo,bar\n1,2\n", ":1: unknown file layout"},
		{"missing column", "symbol,country,vote\nA/RES/1/1,USA,Y\n", ""}, // no body column is fine for A/ symbols; date missing is allowed
		{"unknown vote", head + good + "GA,A/RES/1/1,2020-01-01,FRA,Q\n", ":3:5: unknown vote \"Q\""},
		{"unknown country", head + good + "GA,A/RES/1/1,2020-01-01,Atlantis,Y\n", ":3:4: unknown country \"Atlantis\""},
		{"bad date", head + good + "GA,A/RES/1/2,2020-13-45,FRA,Y\n", ":3:3: bad date \"2020-13-45\""},
		{"ragged row", head + good + "GA,A/RES/1/1,2020-01-01,FRA\n", ":3:5: 4 fields where the header has 5"},
		{"invalid UTF-8", head + good + "GA,A/RES/1/1,2020-01-01,C\xf4te d'Ivoire,Y\n", ":3:4: text is not valid UTF-8"},
		{"empty", "", "the file is empty"},
		{"header only", head, "no votes"},
		{"truncated", head + good + "GA,\"A/RES/1/1,2020-01-01,FRA,Y\n", ":3:"},
		{"unknown body", head + "XX,A/RES/1/1,2020-01-01,USA,Y\n", ":2:1: unknown body"},
		{"bad unvotes vote", "", ""},
	}
	dir := t.TempDir()
	for _, c := range cases {
		if c.want == "" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".csv")
			if err := os.WriteFile(file, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := st.Import(ctx, []string{file}, data.ImportOptions{})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not name the file and %q", err, c.want)
			}
			if after := contentHash(t, path); after != before {
				t.Error("the database changed")
			}
		})
	}
	// A good file after the bad ones imports: nothing was left locked.
	file := filepath.Join(dir, "good.csv")
	os.WriteFile(file, []byte(head+good), 0o644)
	if _, err := st.Import(ctx, []string{file}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
}

// TestImportCancel cancels an import while it reads: nothing changes.
func TestImportCancel(t *testing.T) {
	dir := sharedData(t)
	st, path := openTemp(t)
	if _, err := st.LoadSample(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := contentHash(t, path)
	for _, phase := range []string{"reading", "writing"} {
		ctx, cancel := context.WithCancel(context.Background())
		_, err := st.Import(ctx, []string{filepath.Join(dir, "unvotes")}, data.ImportOptions{
			Progress: func(p data.ImportProgress) {
				if p.Phase == phase && p.Fraction() > 0.3 && phase == "reading" || p.Phase == phase && p.Fraction() > 0.7 {
					cancel()
				}
			},
		})
		cancel()
		if err == nil || !strings.Contains(err.Error(), "canceled") {
			t.Fatalf("%s: cancelled import returned %v", phase, err)
		}
		if after := contentHash(t, path); after != before {
			t.Errorf("%s: the database changed after a cancelled import", phase)
		}
	}
}

// TestReimportAllDatasetsUnchanged imports every dataset of the shared
// data, whose datasets describe many roll calls each in their own way,
// and then the same folder again: the second import finds the content as
// it left it, reports no roll call updated and writes nothing.
func TestReimportAllDatasetsUnchanged(t *testing.T) {
	dir := sharedData(t)
	st, path := openTemp(t)
	ctx := context.Background()
	first, err := st.Import(ctx, []string{dir}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	before := contentHash(t, path)
	rep, err := st.Import(ctx, []string{dir}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed() || rep.RollCalls.Updated != 0 || rep.RollCalls.Unchanged != first.RollCalls.Added || rep.Votes.Changed != 0 {
		t.Errorf("second import: roll calls %+v, votes %+v (first added %d roll calls)", rep.RollCalls, rep.Votes, first.RollCalls.Added)
	}
	if !strings.Contains(rep.Summary(), "nothing changed") {
		t.Errorf("the summary does not say nothing changed:\n%s", rep.Summary())
	}
	if contentHash(t, path) != before {
		t.Error("the database changed on a repeated import")
	}
}

// TestSourcesDisagree imports two files that differ on one vote: the later
// import wins and the report lists the difference.
func TestSourcesDisagree(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.csv")
	b := filepath.Join(dir, "b.csv")
	os.WriteFile(a, []byte("body,symbol,date,country,vote\nGA,A/RES/1/1,2020-01-01,USA,Y\nGA,A/RES/1/1,2020-01-01,FRA,Y\n"), 0o644)
	os.WriteFile(b, []byte("resolution,date,country_name,vote\nA/RES/1/1,2020-01-01,United States of America,N\nA/RES/1/1,2020-01-01,France,Y\n"), 0o644)
	if _, err := st.Import(ctx, []string{a}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	rep, err := st.Import(ctx, []string{b}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Differences) != 1 || rep.Differences[0].Country != "USA" || rep.Differences[0].New != record.No {
		t.Fatalf("differences: %v", rep.Differences)
	}
	if rep.RollCalls.Added != 0 || rep.RollCalls.Updated != 1 {
		t.Errorf("roll calls: %+v", rep.RollCalls)
	}
}

// BenchmarkImportUnvotes imports the full unvotes set into a new database.
func BenchmarkImportUnvotes(b *testing.B) {
	dir := sharedData(b)
	for i := 0; i < b.N; i++ {
		path := filepath.Join(b.TempDir(), "bench.db")
		st, err := data.Open(path, data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.Import(context.Background(), []string{filepath.Join(dir, "unvotes")}, data.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// TestTableMatchesVotes checks the dense table, read from the ballots
// cache, against the votes table read row by row with plain SQL; then
// damages the cache and checks that the store notices and rebuilds it.
func TestTableMatchesVotes(t *testing.T) {
	dir := sharedData(t)
	st, path := openTemp(t)
	ctx := context.Background()
	for _, sub := range []string{"ukraine_ga", "feb2025", "unsc"} {
		if _, err := st.Import(ctx, []string{filepath.Join(dir, sub)}, data.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		tb, err := st.Table(ctx)
		if err != nil {
			t.Fatal(err)
		}
		db := readOnlyDB(t, path)
		defer db.Close()
		rows, err := db.Query(`SELECT r.id, c.iso3, v.vote FROM votes v JOIN roll_calls r ON r.id = v.roll_call_id JOIN countries c ON c.id = v.country_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		rowOf := map[int64]int{}
		for i, rc := range tb.RollCalls {
			rowOf[rc.ID] = i
		}
		n := 0
		for rows.Next() {
			var id int64
			var iso string
			var v int
			rows.Scan(&id, &iso, &v)
			c := tb.Column(iso)
			if c < 0 || tb.Votes[rowOf[id]][c] != record.Vote(v) {
				t.Fatalf("%s: roll call %d, %s: table has %v, votes table %d", when, id, iso, tb.Votes[rowOf[id]][max(c, 0)], v)
			}
			n++
		}
		cells := 0
		for _, row := range tb.Votes {
			for _, v := range row {
				if v != record.None {
					cells++
				}
			}
		}
		if cells != n || n == 0 {
			t.Errorf("%s: table holds %d votes, votes table %d", when, cells, n)
		}
	}
	check("fresh")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM ballots WHERE roll_call_id IN (SELECT roll_call_id FROM ballots LIMIT 7)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Read-only, the store cannot rebuild the cache: it reads the votes.
	ro, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := ro.Table(ctx)
	ro.Close()
	if err != nil {
		t.Fatal(err)
	}
	cells := 0
	for _, row := range tb.Votes {
		for _, v := range row {
			if v != record.None {
				cells++
			}
		}
	}
	if n := count(t, st, path, `SELECT count(*) FROM votes`); cells != n {
		t.Errorf("read-only table with a stale cache holds %d votes, the votes table %d", cells, n)
	}
	check("after damaging the cache")
}

// TestMigrateInPlace turns a database back into a schema-1 file (the first
// release had no ballots table) and opens it: it is upgraded in place and
// holds the same votes.
func TestMigrateInPlace(t *testing.T) {
	st, path := openTemp(t)
	ctx := context.Background()
	if _, err := st.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	before, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	schema1 := []string{
		`DROP TABLE ballots`,
		`DROP TABLE roll_call_topics`,
		`DROP TABLE estimates`,
		`DROP TABLE vetoes`,
		`DROP TABLE speech_index`,
		`DROP TABLE speech_texts`,
		`DROP TABLE speeches`,
		`ALTER TABLE imports DROP COLUMN speeches_added`,
		`ALTER TABLE imports DROP COLUMN speeches_updated`,
		// the first release's votes table, whose CHECK used IN
		`CREATE TABLE votes_v1 (
			roll_call_id INTEGER NOT NULL REFERENCES roll_calls(id) ON DELETE CASCADE,
			country_id   INTEGER NOT NULL REFERENCES countries(id),
			vote         INTEGER NOT NULL CHECK (vote IN (1, 2, 3, 8)),
			PRIMARY KEY (roll_call_id, country_id)) WITHOUT ROWID`,
		`INSERT INTO votes_v1 SELECT roll_call_id, country_id, vote FROM votes`,
		`DROP TABLE votes`,
		`ALTER TABLE votes_v1 RENAME TO votes`,
		`PRAGMA user_version = 1`,
	}
	for _, q := range schema1 {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	st2, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if n := count(t, st2, path, `PRAGMA user_version`); n != data.SchemaVersion {
		t.Fatalf("schema version %d after opening, want %d", n, data.SchemaVersion)
	}
	if n := count(t, st2, path, `SELECT count(*) FROM ballots`); n != 3 {
		t.Errorf("%d ballots after the upgrade, want 3", n)
	}
	after, err := st2.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(after.Countries, after.Votes) != fmt.Sprint(before.Countries, before.Votes) {
		t.Error("the upgraded database holds other votes")
	}
	if n := count(t, st2, path, `SELECT count(*) FROM sqlite_schema WHERE name = 'votes' AND sql LIKE '%vote IN (%'`); n != 0 {
		t.Error("the votes table still has the schema-1 CHECK")
	}
	checkVoteConstraint(t, path)
}

// checkVoteConstraint checks that the votes table refuses every value that
// is not a vote code, and a vote for a roll call or country that does not
// exist.
func checkVoteConstraint(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rc, country int64
	if err := db.QueryRow(`SELECT roll_call_id, max(country_id) FROM votes GROUP BY roll_call_id LIMIT 1`).Scan(&rc, &country); err != nil {
		t.Fatal(err)
	}
	var free int64
	if err := db.QueryRow(`SELECT min(id) FROM countries WHERE id NOT IN (SELECT country_id FROM votes WHERE roll_call_id = ?)`, rc).Scan(&free); err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{0, 4, 7, 9, 1.5, "Y", nil} {
		if _, err := db.Exec(`INSERT INTO votes (roll_call_id, country_id, vote) VALUES (?, ?, ?)`, rc, free, v); err == nil {
			t.Errorf("the votes table accepted the vote %v", v)
		}
	}
	for _, v := range []int{1, 2, 3, 8} {
		if _, err := db.Exec(`INSERT INTO votes (roll_call_id, country_id, vote) VALUES (?, ?, ?)`, rc, free, v); err != nil {
			t.Errorf("vote %d refused: %v", v, err)
		}
		db.Exec(`DELETE FROM votes WHERE roll_call_id = ? AND country_id = ?`, rc, free)
	}
	if _, err := db.Exec(`INSERT INTO votes (roll_call_id, country_id, vote) VALUES (?, ?, 1)`, rc+1000000, free); err == nil {
		t.Error("a vote for a roll call that does not exist was accepted")
	}
	if _, err := db.Exec(`INSERT INTO votes (roll_call_id, country_id, vote) VALUES (?, ?, 1)`, rc, 1000000); err == nil {
		t.Error("a vote of a country that does not exist was accepted")
	}
}
