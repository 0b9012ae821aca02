package views_test

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
)

// unvotesPair counts, straight from the unvotes CSV files, how often two
// countries (ISO2 codes there) voted alike in one year: same votes and
// roll calls where both voted.
func unvotesPair(t *testing.T, a, b, year string) (same, n int) {
	t.Helper()
	dir := comparetest.Dataset(t, "unvotes")
	inYear := map[string]bool{}
	for _, rec := range readAll(t, filepath.Join(dir, "roll_calls.csv")) {
		if strings.HasPrefix(rec[3], year) {
			inYear[rec[0]] = true
		}
	}
	votes := map[string][2]string{}
	for _, rec := range readAll(t, filepath.Join(dir, "votes.csv")) {
		if !inYear[rec[0]] {
			continue
		}
		v := votes[rec[0]]
		switch rec[2] {
		case a:
			v[0] = rec[3]
		case b:
			v[1] = rec[3]
		}
		votes[rec[0]] = v
	}
	for _, v := range votes {
		if v[0] != "" && v[1] != "" {
			n++
			if v[0] == v[1] {
				same++
			}
		}
	}
	return same, n
}

// readAll reads a whole CSV file and returns its records after the
// header.
func readAll(t *testing.T, path string) [][]string {
	t.Helper()
	return readCSVFile(t, path)[1:]
}

// readCSVFile reads a whole CSV file, its header included.
func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestComparisonsDefaultToTheAssembly loads both bodies and checks that
// agreement compares General Assembly votes unless both are asked for,
// and that the subtitle then says so. United States–Russia in 2019 must
// equal the unvotes count (Security Council votes would add 52 roll calls).
func TestComparisonsDefaultToTheAssembly(t *testing.T) {
	db := comparetest.Full(t)
	same, n := unvotesPair(t, "US", "RU", "2019")
	f := compare.Filter{Countries: []string{"USA", "RUS"}}
	c := build(t, db.Table, views.Request{Kind: views.AgreementTime, Filter: f, Ref: "USA"})
	pts := c.Chart.(charts.AgreementOverTime).Series[0].Points
	for _, p := range pts {
		if p.Year == 2019 && (p.N != n || math.Abs(p.Agreement-float64(same)/float64(n)) > 1e-9) {
			t.Errorf("2019: %.3f over %d, want %d/%d from the unvotes files", p.Agreement, p.N, same, n)
		}
		if p.Year == 2026 {
			t.Errorf("a point for 2026, when only the Security Council voted: %+v", p)
		}
	}
	if strings.Contains(c.Meta.Subtitle, "Security Council") {
		t.Errorf("subtitle %q names the Security Council", c.Meta.Subtitle)
	}
	for _, k := range []views.Kind{views.AgreementRank, views.AgreementMatrix, views.VoteGrid} {
		def := build(t, db.Table, views.Request{Kind: k, Filter: f, Ref: "USA"})
		ga := f
		ga.Body = "GA"
		want := build(t, db.Table, views.Request{Kind: k, Filter: ga, Ref: "USA"})
		if def.RollCalls != want.RollCalls {
			t.Errorf("%s: %d roll calls by default, %d in the General Assembly", k, def.RollCalls, want.RollCalls)
		}
	}
	f.Body = compare.Both
	c = build(t, db.Table, views.Request{Kind: views.AgreementTime, Filter: f, Ref: "USA"})
	if !strings.Contains(c.Meta.Subtitle, "General Assembly and Security Council together") {
		t.Errorf("both bodies, subtitle %q", c.Meta.Subtitle)
	}
}
