package data_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"plenary/data"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// loadBuiltin opens a fresh database and loads the built-in history.
func loadBuiltin(t testing.TB) (*data.Store, string, *data.Report) {
	t.Helper()
	st, path := openTemp(t)
	rep, err := st.LoadBuiltin(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return st, path, rep
}

// importRaw opens a fresh database and imports what the built-in history
// is made of, the CSV files and the sample, as a user would.
func importRaw(t testing.TB, dir string) *data.Store {
	t.Helper()
	st, _ := openTemp(t)
	ctx := context.Background()
	paths := []string{filepath.Join(dir, "unvotes"), filepath.Join(dir, "voeten", "votes.csv")}
	if _, err := st.Import(ctx, paths, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

func table(t testing.TB, st *data.Store) *record.Table {
	t.Helper()
	tb, err := st.Table(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestBuiltinEqualsImport loads the built-in history into a fresh database
// and imports the raw CSV files into another: every roll call and every
// vote must be the same, and the counts per year those read from the CSV
// files with encoding/csv.
func TestBuiltinEqualsImport(t *testing.T) {
	dir := sharedData(t)
	loaded, _, rep := loadBuiltin(t)
	imported := importRaw(t, dir)
	a, b := table(t, loaded), table(t, imported)
	if !reflect.DeepEqual(a.Countries, b.Countries) {
		t.Fatalf("countries differ:\n%v\n%v", a.Countries, b.Countries)
	}
	if len(a.RollCalls) != len(b.RollCalls) {
		t.Fatalf("%d roll calls built in, %d imported", len(a.RollCalls), len(b.RollCalls))
	}
	votes := 0
	for i := range a.RollCalls {
		x, y := a.RollCalls[i], b.RollCalls[i]
		if !x.Flags.Has(record.Sample) {
			t.Errorf("%s is not marked as built in", x.Label())
		}
		// Ids differ where the import gave ids to roll calls it then merged.
		x.ID, y.ID = 0, 0
		x.Flags &^= record.Sample
		y.Flags &^= record.Sample
		if !reflect.DeepEqual(x, y) {
			t.Errorf("roll call %d:\nbuilt in %+v\nimported %+v", i, x, y)
		}
		if !reflect.DeepEqual(a.Votes[i], b.Votes[i]) {
			t.Errorf("%s: votes differ", x.Label())
		}
		for _, v := range a.Votes[i] {
			if v != record.None {
				votes++
			}
		}
	}
	if rep.RollCalls.Added != len(a.RollCalls) || rep.Votes.Added != votes || rep.Positions.Added != 9 {
		t.Errorf("report: %+v %+v %+v", rep.RollCalls, rep.Votes, rep.Positions)
	}
	pa, _ := loaded.Positions(context.Background())
	pb, _ := imported.Positions(context.Background())
	for i := range pa {
		pa[i].ID, pb[i].ID = 0, 0
	}
	if !reflect.DeepEqual(pa, pb) || len(pa) != 9 {
		t.Errorf("positions differ:\n%+v\n%+v", pa, pb)
	}

	want := csvCounts(t, dir)
	got := map[int]yearCount{}
	for i, rc := range a.RollCalls {
		c := got[rc.Year()]
		c.rollCalls++
		for _, v := range a.Votes[i] {
			if v != record.None {
				c.votes++
			}
		}
		got[rc.Year()] = c
	}
	if !reflect.DeepEqual(got, want) {
		for y := 1946; y <= 2025; y++ {
			if got[y] != want[y] {
				t.Errorf("%d: built in %+v, CSV files %+v", y, got[y], want[y])
			}
		}
	}
	if total := want[0].rollCalls; total != 0 {
		t.Errorf("%d roll calls without a year", total)
	}
}

type yearCount struct{ rollCalls, votes int }

// csvCounts counts roll calls and votes per year straight from the files:
// every roll call of unvotes, every vote of unvotes, every absence (code
// 8) of Voeten's data for a roll call and state unvotes has no vote for
// (states matched through the crosswalk beside the data), and the sample.
func csvCounts(t testing.TB, dir string) map[int]yearCount {
	t.Helper()
	out := map[int]yearCount{}
	year := map[string]int{}
	readCSV(t, filepath.Join(dir, "unvotes", "roll_calls.csv"), func(r map[string]string) {
		y, err := strconv.Atoi(r["date"][:4])
		if err != nil {
			t.Fatal(err)
		}
		year[r["rcid"]] = y
		c := out[y]
		c.rollCalls++
		out[y] = c
	})
	voted := map[[2]string]bool{}
	readCSV(t, filepath.Join(dir, "unvotes", "votes.csv"), func(r map[string]string) {
		voted[[2]string{r["rcid"], r["country"]}] = true
		c := out[year[r["rcid"]]]
		c.votes++
		out[year[r["rcid"]]] = c
	})
	name := map[string]string{}
	readCSV(t, filepath.Join(dir, "voeten", "ccode_crosswalk.csv"), func(r map[string]string) { name[r["ccode"]] = r["unvotes_country"] })
	rocSeat := map[string]bool{}
	readCSV(t, filepath.Join(dir, "voeten", "votes.csv"), func(r map[string]string) {
		if r["ccode"] == "713" && r["vote"] != "9" {
			rocSeat[r["rcid"]] = true
		}
	})
	readCSV(t, filepath.Join(dir, "voeten", "votes.csv"), func(r map[string]string) {
		if r["vote"] != "8" || voted[[2]string{r["rcid"], name[r["ccode"]]}] {
			return
		}
		// One seat, one vote: the People's Republic of China is coded
		// absent on roll calls of 1971 on which the Republic of China,
		// which held the seat then, took part.
		if r["ccode"] == "710" && rocSeat[r["rcid"]] {
			return
		}
		y, ok := year[r["rcid"]]
		if !ok {
			t.Fatalf("Voeten's roll call %s is not in unvotes", r["rcid"])
		}
		c := out[y]
		c.votes++
		out[y] = c
	})
	seen := map[string]bool{}
	readCSV(t, filepath.Join(comparetest.Root(t), "assets", "sample", "votes.csv"), func(r map[string]string) {
		y, _ := strconv.Atoi(r["date"][:4])
		c := out[y]
		if !seen[r["symbol"]] {
			seen[r["symbol"]] = true
			c.rollCalls++
		}
		c.votes++
		out[y] = c
	})
	return out
}

// BenchmarkLoadBuiltin loads the built-in history into a new database; its
// peer is BenchmarkImportUnvotesVoeten, the import of the CSV files it is
// made of (scripts/bench prints the ratio).
func BenchmarkLoadBuiltin(b *testing.B) {
	if _, err := data.Builtin(); err != nil { // decoded once per process, as in the app
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		st, err := data.Open(filepath.Join(b.TempDir(), "bench.db"), data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.LoadBuiltin(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// BenchmarkImportUnvotesVoeten imports the unvotes and Voeten CSV files
// into a new database.
func BenchmarkImportUnvotesVoeten(b *testing.B) {
	dir := sharedData(b)
	paths := []string{filepath.Join(dir, "unvotes"), filepath.Join(dir, "voeten")}
	for i := 0; i < b.N; i++ {
		st, err := data.Open(filepath.Join(b.TempDir(), "bench.db"), data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.Import(context.Background(), paths, data.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// lines counts the records of a CSV file without quoted line breaks.
func lines(t testing.TB, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n - 1
}

// TestBuiltinMerge imports over the built-in history what users import:
// unvotes again (nothing new: every vote unchanged, and the roll calls
// reported as an import over the CSV files reports them), UN Digital
// Library files on roll calls it holds (matched, with the same votes
// listed as differing as over the CSV files), a file of what
// came after (added as over the sample alone, with the same differences
// listed), and then removes the built-in data: imports and recorded
// positions stay.
func TestBuiltinMerge(t *testing.T) {
	dir := sharedData(t)
	ctx := context.Background()
	loaded, path, _ := loadBuiltin(t)
	imported := importRaw(t, dir)
	unvotes := []string{filepath.Join(dir, "unvotes")}
	got, err := loaded.Import(ctx, unvotes, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := imported.Import(ctx, unvotes, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := lines(t, filepath.Join(dir, "unvotes", "votes.csv")); got.Votes.Added != 0 || got.Votes.Changed != 0 || got.Votes.Unchanged != n {
		t.Errorf("unvotes over the built-in data: votes %+v, want all %d unchanged", got.Votes, n)
	}
	if got.RollCalls != want.RollCalls || got.RollCalls.Added != 0 {
		t.Errorf("unvotes over the built-in data: roll calls %+v; over the CSV files %+v", got.RollCalls, want.RollCalls)
	}

	// UN Digital Library files naming a roll call of the history (A/RES/68/262,
	// 2014) and one of the votes of 24 February 2025, matched, and two it
	// does not hold (A/RES/68/1 and A/RES/ES-10/21), added.
	undl := []string{filepath.Join("testdata", "undl", "ga_2024.csv"), filepath.Join("testdata", "undl", "ga_2026.csv")}
	got, err = loaded.Import(ctx, undl, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err = imported.Import(ctx, undl, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.RollCalls != want.RollCalls || got.Votes != want.Votes || !reflect.DeepEqual(got.Differences, want.Differences) ||
		got.RollCalls.Added != 2 || got.RollCalls.Updated+got.RollCalls.Unchanged != 2 {
		t.Errorf("UN Digital Library files over the built-in data: %+v %+v %v\nover the CSV files: %+v %+v %v",
			got.RollCalls, got.Votes, got.Differences, want.RollCalls, want.Votes, want.Differences)
	}

	later := []string{filepath.Join(dir, "unga2025")}
	sample, _ := openTemp(t)
	if _, err := sample.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	got, err = loaded.Import(ctx, later, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err = sample.Import(ctx, later, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.RollCalls != want.RollCalls || got.Votes != want.Votes || !reflect.DeepEqual(got.Differences, want.Differences) || got.RollCalls.Added == 0 {
		t.Errorf("2025 over the built-in data: %+v %+v %v\nover the sample: %+v %+v %v",
			got.RollCalls, got.Votes, got.Differences, want.RollCalls, want.Votes, want.Differences)
	}

	mine := record.Position{Country: "FRA", Date: "2025-03-01", Topic: "Ukraine", Stance: record.Supports, Summary: "recorded by hand"}
	if _, err := loaded.SavePosition(ctx, mine); err != nil {
		t.Fatal(err)
	}
	before := count(t, loaded, path, `SELECT count(*) FROM roll_calls`)
	n, err := loaded.RemoveBuiltin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	after := count(t, loaded, path, `SELECT count(*) FROM roll_calls`)
	if n != before-after+9 {
		t.Errorf("removed %d, want the %d roll calls no import wrote and the 9 built-in positions", n, before-after)
	}
	if c := count(t, loaded, path, `SELECT count(*) FROM roll_calls WHERE rcid IS NOT NULL`); c != lines(t, filepath.Join(dir, "unvotes", "roll_calls.csv")) {
		t.Errorf("%d roll calls of unvotes left, want every one", c)
	}
	if c := count(t, loaded, path, `SELECT count(*) FROM roll_calls WHERE date >= '2025'`); c != lines(t, filepath.Join(dir, "unga2025", "resolutions.csv")) {
		t.Errorf("%d roll calls of 2025 left, want those of unga2025", c)
	}
	if c := count(t, loaded, path, `SELECT count(*) FROM roll_calls WHERE body = 'SC'`); c != 0 {
		t.Errorf("%d Security Council roll calls left: S/RES/2774 came only with the built-in data", c)
	}
	ps, _ := loaded.Positions(ctx)
	if len(ps) != 1 || ps[0].Summary != mine.Summary {
		t.Errorf("positions left: %+v, want only the one recorded by hand", ps)
	}
}

// TestBuiltinRemoveAll removes the built-in data from a database that
// holds nothing else: it is empty again.
func TestBuiltinRemoveAll(t *testing.T) {
	st, path, rep := loadBuiltin(t)
	n, err := st.RemoveBuiltin(context.Background())
	if err != nil || n != rep.RollCalls.Added+rep.Positions.Added {
		t.Fatalf("removed %d (%v), want %d", n, err, rep.RollCalls.Added+rep.Positions.Added)
	}
	for _, table := range []string{"roll_calls", "votes", "ballots", "positions"} {
		if c := count(t, st, path, `SELECT count(*) FROM `+table); c != 0 {
			t.Errorf("%d rows left in %s", c, table)
		}
	}
	// Loading it again gives it all back.
	again, err := st.LoadBuiltin(context.Background(), nil)
	if err != nil || again.RollCalls.Added != rep.RollCalls.Added || again.Votes.Added != rep.Votes.Added {
		t.Errorf("loaded again: %+v %+v (%v), first %+v %+v", again.RollCalls, again.Votes, err, rep.RollCalls, rep.Votes)
	}
}

// TestBuiltinTable: the table the window shows while the history is being
// written is the one the database gives once it is, ids included, so that
// what the user selects meanwhile stays the same roll call.
func TestBuiltinTable(t *testing.T) {
	st, _, _ := loadBuiltin(t)
	want := table(t, st)
	got, err := data.BuiltinTable()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Countries, want.Countries) || len(got.RollCalls) != len(want.RollCalls) {
		t.Fatalf("%d countries, %d roll calls; the database has %d, %d", len(got.Countries), len(got.RollCalls), len(want.Countries), len(want.RollCalls))
	}
	for i := range got.RollCalls {
		if !reflect.DeepEqual(got.RollCalls[i], want.RollCalls[i]) || !reflect.DeepEqual(got.Votes[i], want.Votes[i]) {
			t.Fatalf("row %d: %+v, the database has %+v", i, got.RollCalls[i], want.RollCalls[i])
		}
	}
}

// TestBuiltinAtStart: the history is loaded at start into a new database,
// with its progress, never again once loaded, and not after the user
// removed it; a database holding anything else is left alone.
func TestBuiltinAtStart(t *testing.T) {
	ctx := context.Background()
	st, path := openTemp(t)
	var steps, last int
	if ok, err := st.LoadBuiltinIfEmpty(ctx, func(done, total int) { steps++; last = 100 * done / total }); !ok || err != nil {
		t.Fatalf("not loaded into a new database: %v", err)
	}
	if steps == 0 || last != 100 {
		t.Errorf("progress: %d calls, last at %d%%", steps, last)
	}
	d, _ := data.Builtin()
	if c := count(t, st, path, `SELECT count(*) FROM roll_calls`); c != len(d.RollCalls) {
		t.Errorf("%d roll calls, want the %d of the history", c, len(d.RollCalls))
	}
	if again, err := st.LoadBuiltinIfEmpty(ctx, nil); again || err != nil {
		t.Errorf("loaded a second time (%v)", err)
	}
	if _, err := st.RemoveBuiltin(ctx); err != nil {
		t.Fatal(err)
	}
	if again, err := st.LoadBuiltinIfEmpty(ctx, nil); again || err != nil {
		t.Errorf("loaded again after it was removed (%v)", err)
	}
	sample, _ := openTemp(t)
	if _, err := sample.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	if loaded, err := sample.LoadBuiltinIfEmpty(ctx, nil); loaded || err != nil {
		t.Errorf("loaded into a database that is not empty (%v)", err)
	}
}
