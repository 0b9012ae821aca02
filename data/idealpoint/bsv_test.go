package idealpoint_test

import (
	"encoding/csv"
	"math"
	"os"
	"sort"
	"strconv"
	"testing"

	"plenary/data/compare/comparetest"
	"plenary/data/countries"
)

// published is one row of Bailey, Strezhnev and Voeten's estimates.
type published struct {
	year  int
	iso3  string
	ideal float64
}

// bsvNames resolves the Correlates of War abbreviations whose country name
// in the file is not one the registry knows, or names another state.
var bsvNames = map[string]string{
	"GFR": "DEU", // German Federal Republic, COW 260
	"GDR": "DDR",
	"YPR": "YMD",
	"YAR": "YAR",
	"CZE": "CSK", // Czechoslovakia; the Czech Republic is CZR
	"ZAN": "ZZB",
	"DRV": "VNM",
}

// loadBSV reads the published estimates, keyed by the ISO3 codes of the
// vote table (Yugoslavia's seat split by date as the importers do).
func loadBSV(tb testing.TB) []published {
	tb.Helper()
	f, err := os.Open(comparetest.Dataset(tb, "bsv/unvoting_qss.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var out []published
	for _, r := range recs[1:] {
		year, err1 := strconv.Atoi(r[0])
		ideal, err2 := strconv.ParseFloat(r[3], 64)
		if err1 != nil || err2 != nil {
			tb.Fatalf("bad row %q", r)
		}
		iso, ok := bsvNames[r[1]]
		if !ok {
			iso, ok = countries.Lookup(r[2])
		}
		if r[1] == "YUG" {
			iso, ok = yugoslavia(year), true
		}
		if !ok {
			tb.Fatalf("no ISO3 code for %s (%s)", r[1], r[2])
		}
		out = append(out, published{year, iso, ideal})
	}
	return out
}

// yugoslavia is the seat the unvotes code YU stands for in the session
// opening in year.
func yugoslavia(year int) string {
	switch {
	case year < 1992:
		return "YUG"
	case year < 2006:
		return "SCG"
	}
	return "SRB"
}

// pearson is the correlation of two equally long series.
func pearson(x, y []float64) float64 {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

// median of a copy of x.
func median(x []float64) float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
