package cli_test

import (
	"context"
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"plenary/data/compare/comparetest"
	"plenary/data/idealpoint"
)

// TestIdealPointsCommand estimates the 2025 General Assembly votes from
// the command line and checks the output against the estimator called
// directly on the same table, the cache in the database, and the dyads
// against the agreement command.
func TestIdealPointsCommand(t *testing.T) {
	db := comparetest.Recent(t)
	path := filepath.Join(t.TempDir(), "recent.db")
	b, err := os.ReadFile(db.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}

	out := plenaryOK(t, "--db", path, "idealpoints", "--format", "csv")
	rows := parseCSV(t, out, "iso3,period,ideal,lo,hi,n,flag")
	var want *idealpoint.Result
	var ga []int
	for i, rc := range db.Table.RollCalls {
		if rc.Body == "GA" {
			ga = append(ga, i)
		}
	}
	want, err = idealpoint.Estimate(context.Background(), db.Table, ga, idealpoint.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want.Estimates) {
		t.Fatalf("%d rows, the estimator gives %d estimates", len(rows), len(want.Estimates))
	}
	for _, r := range rows {
		year, _ := strconv.Atoi(r[1])
		p, ok := want.Lookup(r[0], year)
		x, _ := strconv.ParseFloat(r[2], 64)
		if !ok || math.Abs(x-p.Ideal) > 1e-4 || r[5] != strconv.Itoa(p.N) {
			t.Errorf("%v: the estimator gives %+v", r, p)
		}
	}
	usa, _ := want.Lookup("USA", 2025)
	rus, _ := want.Lookup("RUS", 2025)
	if !(usa.Ideal > 0) {
		t.Errorf("the United States are not on the positive side: %v", usa.Ideal)
	}

	// The estimation is cached in the database, and a second run reads it.
	sdb, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var n int
	if err := sdb.QueryRow("SELECT count(*) FROM estimates").Scan(&n); err != nil || n != 1 {
		t.Errorf("cached estimations: %d, %v", n, err)
	}
	if again := plenaryOK(t, "--db", path, "idealpoints", "--format", "csv"); again != out {
		t.Error("the cached estimation printed differently")
	}

	// Dyads: the distance is that of the two estimates, the agreement that
	// of the agreement command's identical metric over the same votes.
	out = plenaryOK(t, "--db", path, "dyads", "--countries", "USA")
	dy := parseCSV(t, out, "ccode1,ccode2,iso3_1,iso3_2,year,agree,IdealPointDistance,n")
	agree := parseCSV(t, plenaryOK(t, "--db", path, "agreement", "--countries", "all", "--ref", "USA", "--min-n", "1", "--format", "csv"), "a,b,period,metric,agreement,n")
	byPartner := map[string][]string{}
	for _, a := range agree {
		byPartner[a[1]] = a
	}
	found := false
	for _, d := range dy {
		other := d[3]
		if other == "USA" {
			other = d[2]
		}
		if other == "RUS" {
			found = true
			dist, _ := strconv.ParseFloat(d[6], 64)
			if math.Abs(dist-math.Abs(usa.Ideal-rus.Ideal)) > 1e-3 {
				t.Errorf("USA–RUS distance %v, the estimates differ by %v", dist, math.Abs(usa.Ideal-rus.Ideal))
			}
		}
		a := byPartner[other]
		if a == nil || a[5] != d[7] || !near(a[4], d[5]) {
			t.Errorf("dyad %v, agreement %v", d, a)
		}
		if usaCode := map[bool]string{true: d[0], false: d[1]}[d[2] == "USA"]; usaCode != "2" {
			t.Errorf("dyad %v: the United States' Correlates of War code is 2", d)
		}
	}
	if !found {
		t.Error("no USA–RUS dyad")
	}
}

// near compares two printed numbers to the precision printed.
func near(a, b string) bool {
	x, _ := strconv.ParseFloat(a, 64)
	y, _ := strconv.ParseFloat(b, 64)
	return math.Abs(x-y) < 1e-3
}
