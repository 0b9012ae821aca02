package data_test

import (
	"context"
	"encoding/csv"
	"io"
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
	readCSV(t, filepath.Join(dir, "voeten", "votes.csv"), func(r map[string]string) {
		if r["vote"] != "8" || voted[[2]string{r["rcid"], name[r["ccode"]]}] {
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

// readCSV calls fn with every record of a CSV file, by column name.
func readCSV(t testing.TB, path string, fn func(map[string]string)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	rec := map[string]string{}
	for {
		row, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for i, h := range head {
			rec[h] = row[i]
		}
		fn(rec)
	}
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
