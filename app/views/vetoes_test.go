package views_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plenary/app/views"
	"plenary/data"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// TestVetoesByYearCSV checks the chart's numbers against vetoes.csv
// counted here with encoding/csv: each member's vetoes per year, the USSR
// and Russia apart, blank where the member held no seat.
func TestVetoesByYearCSV(t *testing.T) {
	db := comparetest.Recent(t)
	recs := readCSVFile(t, comparetest.Dataset(t, "unsc/vetoes.csv"))
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	legend := map[string]string{"USSR": "USSR", "Russia": "Russia", "USA": "United States", "UK": "United Kingdom", "France": "France", "China": "China"}
	want := map[string]int{} // "year|legend" → vetoes
	for _, r := range recs[1:] {
		for _, c := range []string{"member_veto1", "member_veto2", "member_veto3"} {
			if m := r[col[c]]; m != "" {
				want[r[col["year"]]+"|"+legend[m]]++
			}
		}
	}
	c := build(t, db.Table, views.Request{Kind: views.VetoesByYear})
	got := readCSV(t, c)
	head := got[0]
	if head[0] != "year" || head[len(head)-1] != "total" || len(head) != 8 {
		t.Fatalf("header %v", head)
	}
	years := 0
	for _, row := range got[1:] {
		years++
		total := 0
		for i := 1; i < len(head)-1; i++ {
			key := row[0] + "|" + head[i]
			y, _ := strconv.Atoi(row[0])
			switch {
			case row[i] == "":
				if want[key] != 0 || head[i] == "USSR" && y <= 1991 || head[i] == "Russia" && y >= 1992 {
					t.Errorf("%s: blank, the file has %d", key, want[key])
				}
			default:
				n, _ := strconv.Atoi(row[i])
				if n != want[key] {
					t.Errorf("%s: %d, the file has %d", key, n, want[key])
				}
				total += n
				delete(want, key)
			}
		}
		if row[len(row)-1] != strconv.Itoa(total) {
			t.Errorf("%s: total %s, members sum to %d", row[0], row[len(row)-1], total)
		}
	}
	if years != 2022-1946+1 {
		t.Errorf("%d years, want 1946–2022", years)
	}
	for k, n := range want {
		if n != 0 {
			t.Errorf("%s: %d vetoes in the file, not in the chart", k, n)
		}
	}
	if !strings.Contains(c.Meta.Subtitle, "214 vetoed drafts") {
		t.Errorf("subtitle %q", c.Meta.Subtitle)
	}
}

// TestCouncilResultsNamed: where a chart names a Council roll call that
// was vetoed, it says by whom; a draft that failed otherwise is "not
// adopted".
func TestCouncilResultsNamed(t *testing.T) {
	dir := filepath.Dir(comparetest.Dataset(t, "unsc/vetoes.csv"))
	st, err := data.Open(filepath.Join(t.TempDir(), "p.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.Import(ctx, []string{filepath.Join(dir, "failed_drafts_member_votes.csv")}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	tb, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := compare.Filter{Body: record.SC, Symbols: []string{"S/2019/186", "S/2014/916", "S/3510"}}
	c := build(t, tb, views.Request{Kind: views.GABreakdown, Filter: f})
	labels := map[string]bool{}
	for _, r := range readCSV(t, c)[1:] {
		labels[r[0]] = true
	}
	for _, l := range []string{"S/2019/186 (vetoed by China and Russia)", "S/2014/916 (not adopted)", "S/3510 (vetoed by Soviet Union)"} {
		if !labels[l] {
			t.Errorf("breakdown has no row %q: %v", l, labels)
		}
	}
	g := build(t, tb, views.Request{Kind: views.ByGroup, Filter: f, Symbol: "S/2019/186"})
	if !strings.Contains(g.Meta.Subtitle, "9–3–3 overall · vetoed by China and Russia") {
		t.Errorf("by-group subtitle %q", g.Meta.Subtitle)
	}
}
