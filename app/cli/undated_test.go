package cli_test

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"plenary/data"
	"plenary/data/compare/comparetest"
)

// voetenPairCounts counts, from Voeten's votes.csv, the roll calls on which
// two states (Correlates of War codes) both voted yes, no or abstain: in
// all, and among the undated ones.
func voetenPairCounts(t *testing.T, path, a, b string) (all, undated int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	head, _ := r.Read()
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	cast := map[string]int{} // rcid -> how many of the two cast a vote
	dated := map[string]bool{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		id, code, v := rec[col["rcid"]], rec[col["ccode"]], rec[col["vote"]]
		dated[id] = rec[col["date"]] != ""
		if (code == a || code == b) && (v == "1" || v == "2" || v == "3") {
			cast[id]++
		}
	}
	for id, k := range cast {
		if k == 2 {
			all++
			if !dated[id] {
				undated++
			}
		}
	}
	return all, undated
}

// TestUndatedCountedByYear imports Voeten's data alone, in which roll call
// 4592 has no date: agreement by year must list it as "undated", and the
// years must add up to the whole.
func TestUndatedCountedByYear(t *testing.T) {
	file := comparetest.Dataset(t, "voeten/votes.csv")
	all, undated := voetenPairCounts(t, file, "2", "200")
	path := filepath.Join(t.TempDir(), "voeten.db")
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(context.Background(), []string{file}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := plenaryOK(t, "--db", path, "--read-only", "agreement", "--countries", "USA,GBR", "--by", "year", "--format", "csv")
	sum, und := 0, 0
	for _, r := range parseCSV(t, out, "a,b,period,metric,agreement,n") {
		n, _ := strconv.Atoi(r[5])
		sum += n
		if r[2] == "undated" {
			und = n
		}
	}
	if sum != all || und != undated || undated == 0 {
		t.Errorf("years add up to %d with %d undated; the file has %d, %d undated", sum, und, all, undated)
	}
}
