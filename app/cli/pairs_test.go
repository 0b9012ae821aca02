package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"plenary/data/compare/comparetest"
)

// TestPairWithoutCommonVotes checks that agreement and the matrix's CSV
// follow one rule for a pair that never voted together: East Germany
// (to 1990) and South Sudan (from 2011) are listed by both, with n = 0 and
// no agreement figure.
func TestPairWithoutCommonVotes(t *testing.T) {
	db := comparetest.Unvotes(t)
	out := plenaryOK(t, "--db", db.Path, "--read-only", "agreement", "--countries", "DDR,SSD,USA", "--format", "csv")
	want := map[string][2]string{}
	for _, r := range parseCSV(t, out, "a,b,period,metric,agreement,n") {
		want[r[0]+" "+r[1]] = [2]string{r[4], r[5]}
	}
	if got := want["DDR SSD"]; got != [2]string{"", "0"} {
		t.Errorf("agreement: DDR–SSD %q, want no figure over 0 roll calls", got)
	}
	csvPath := filepath.Join(t.TempDir(), "m.csv")
	plenaryOK(t, "--db", db.Path, "--read-only", "chart", "agreement-matrix", "--countries", "DDR,SSD,USA", "-o", csvPath)
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, r := range parseCSV(t, string(b), "country_a,country_b,agreement,n") {
		if w, ok := want[r[0]+" "+r[1]]; ok {
			seen++
			if w != [2]string{r[2], r[3]} && r[3] == "0" {
				t.Errorf("matrix %s–%s: %q, agreement says %q", r[0], r[1], r[2:], w)
			}
		}
	}
	if seen != len(want) || len(want) != 3 {
		t.Errorf("agreement lists %d pairs, the matrix %d of them", len(want), seen)
	}
}
