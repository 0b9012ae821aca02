package views_test

import (
	"context"
	"math"
	"strconv"
	"testing"

	"plenary/app/views"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// TestIdealViewsNumbers checks the numbers behind the ideal-point views
// against the estimator called directly: the poles of the alignment at 1
// and −1 and every state by the formula, the distances of a pair, the map
// value of each state.
func TestIdealViewsNumbers(t *testing.T) {
	db := comparetest.Recent(t)
	var ga []int
	for i, rc := range db.Table.RollCalls {
		if rc.Body == record.GA {
			ga = append(ga, i)
		}
	}
	r, err := idealpoint.Estimate(context.Background(), db.Table, ga, idealpoint.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	usa, _ := r.Lookup("USA", 2025)
	chn, _ := r.Lookup("CHN", 2025)
	f := compare.Filter{Countries: []string{"IND", "BRA", "RUS"}}

	c := build(t, db.Table, views.Request{Kind: views.Alignment, Filter: f})
	byName := map[string]float64{}
	for _, row := range readCSV(t, c)[1:] {
		v, err := strconv.ParseFloat(row[2], 64) // rank,country,alignment,selected
		if err != nil {
			t.Fatalf("alignment row %q", row)
		}
		byName[row[1]] = v
	}
	for iso, name := range map[string]string{"USA": "United States", "CHN": "China", "IND": "India", "RUS": "Russia"} {
		p, _ := r.Lookup(iso, 2025)
		want := (2*p.Ideal - usa.Ideal - chn.Ideal) / (usa.Ideal - chn.Ideal)
		if got, ok := byName[name]; !ok || math.Abs(got-want) > 1e-6 {
			t.Errorf("alignment of %s: %v, want %v", name, got, want)
		}
	}
	if byName["United States"] != 1 || math.Abs(byName["China"]+1) > 1e-9 {
		t.Errorf("poles at %v and %v", byName["United States"], byName["China"])
	}

	c = build(t, db.Table, views.Request{Kind: views.IdealDistance, Filter: compare.Filter{Countries: []string{"USA", "CHN"}}})
	rows := readCSV(t, c)[1:]
	if len(rows) != 1 {
		t.Fatalf("distance rows %q", rows)
	}
	if d, _ := strconv.ParseFloat(rows[0][2], 64); math.Abs(d-math.Abs(usa.Ideal-chn.Ideal)) > 1e-9 {
		t.Errorf("USA–CHN distance %v, estimates %v and %v", d, usa.Ideal, chn.Ideal)
	}
}
