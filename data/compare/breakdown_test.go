package compare_test

import (
	"slices"
	"strconv"
	"testing"

	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/countries"
	"plenary/data/record"
)

// TestBreakdownsAgainstCSV counts every unvotes roll call from the CSV
// file and compares; the 2025 votes must equal their published totals.
func TestBreakdownsAgainstCSV(t *testing.T) {
	db := comparetest.Full(t)
	u := readUnvotes(t)
	s := sel(t, indexOf(t, db), compare.Filter{Body: record.GA})
	checked, published := 0, 0
	for _, b := range s.Breakdowns() {
		if id := b.RollCall.RCID; id != 0 {
			var want record.Totals
			for _, v := range u.votes[strconv.Itoa(id)] {
				switch v {
				case "yes":
					want.Yes++
				case "no":
					want.No++
				case "abstain":
					want.Abstain++
				}
			}
			if b.Counted != want {
				t.Errorf("rcid %d (%s): counted %v, CSV %v", id, b.RollCall.Label(), b.Counted, want)
			}
			checked++
		}
		if b.RollCall.Date >= "2025" {
			if b.Published == nil || *b.Published != b.Counted {
				t.Errorf("%s: counted %+v, published %+v", b.RollCall.Label(), b.Counted, b.Published)
			}
			published++
		}
	}
	if checked != 6203 || published != 192 {
		t.Errorf("checked %d unvotes roll calls and %d of 2025, want 6203 and 192", checked, published)
	}
}

// TestByGroup splits A/RES/ES-11/7 by regional group and checks it against
// a count from the registry, and the sum against the whole.
func TestByGroup(t *testing.T) {
	db := comparetest.Sample(t)
	ix := indexOf(t, db)
	row := sel(t, ix, compare.Filter{Symbols: []string{"A/RES/ES-11/7"}}).Latest()
	want := map[string]record.Totals{}
	for c, iso := range db.Table.Countries {
		g := compare.Other
		if cc, ok := countries.ByISO3(iso); ok && cc.Group != "" && cc.Status != countries.StatusHistorical {
			g = string(cc.Group)
		}
		tt := want[g]
		tt.Add(db.Table.Votes[row][c])
		want[g] = tt
	}
	var sum record.Totals
	groups := ix.ByGroup(row)
	if len(groups) != 5 {
		t.Errorf("%d groups, want the five regional groups", len(groups))
	}
	for _, g := range groups {
		if g.Totals != want[g.Group] {
			t.Errorf("%s: %v, want %v", g.Group, g.Totals, want[g.Group])
		}
		sum.Yes += g.Totals.Yes
		sum.No += g.Totals.No
		sum.Abstain += g.Totals.Abstain
		sum.NonVoting += g.Totals.NonVoting
	}
	if sum != ix.Counted(row) || sum.No != 18 {
		t.Errorf("groups add up to %v, the roll call is %v", sum, ix.Counted(row))
	}
	if ix.ByGroup(-1) != nil || ix.ByGroup(len(db.Table.RollCalls)) != nil {
		t.Error("ByGroup accepts a row outside the table")
	}
}

func TestNewIndexRejectsRaggedTable(t *testing.T) {
	tb := &record.Table{Countries: []string{"USA", "RUS"}, RollCalls: []record.RollCall{{Symbol: "A/RES/1/1"}}, Votes: [][]record.Vote{{record.Yes}}}
	if _, err := compare.NewIndex(tb); err == nil {
		t.Error("a row with one vote for two countries was accepted")
	}
	if _, err := compare.NewIndex(&record.Table{}); err != nil {
		t.Errorf("an empty table: %v", err)
	}
}

// TestGroupsAsTheyStood splits A/RES/30/3379 (10 November 1975) by
// regional group. The expected figures are counted by hand from the
// unvotes votes file: the Eastern European group of 1975 had the USSR
// (filed under RUS), the GDR, Czechoslovakia and Yugoslavia among its ten
// yes votes; both Yemens voted with Asia-Pacific; Israel, in no group
// until 2000, is left out of WEOG.
func TestGroupsAsTheyStood(t *testing.T) {
	db := comparetest.Unvotes(t)
	ix := indexOf(t, db)
	row := sel(t, ix, compare.Filter{Symbols: []string{"A/RES/30/3379"}}).Latest()
	got := map[string]record.Totals{}
	for _, g := range ix.ByGroup(row) {
		got[g.Group] = g.Totals
	}
	for g, want := range map[countries.Group]record.Totals{
		countries.GroupEastEuropean: {Yes: 10},
		countries.GroupAsiaPacific:  {Yes: 26, No: 1, Abstain: 8},
		countries.GroupWEOG:         {Yes: 3, No: 18, Abstain: 1},
	} {
		if got[string(g)] != want {
			t.Errorf("%s: %v, want %v", g, got[string(g)], want)
		}
	}
	if want := (record.Totals{No: 1}); got[compare.Other] != want {
		t.Errorf("Other: %v, want Israel's no alone", got[compare.Other])
	}
}

// TestGroupChartEqualsFilter checks over the whole General Assembly
// history that the by-group chart and the group filter use one membership:
// on every roll call, the votes a group filter keeps add up to the chart's
// figures for that group.
func TestGroupChartEqualsFilter(t *testing.T) {
	db := comparetest.Unvotes(t)
	ix := indexOf(t, db)
	for _, g := range countries.Groups() {
		s := sel(t, ix, compare.Filter{Countries: []string{string(g)}})
		grid := s.Grid(0)
		byRow := map[int]record.Totals{}
		for _, r := range grid.Rows {
			var tot record.Totals
			for _, v := range r.Votes {
				tot.Add(v)
			}
			byRow[r.Row] = tot
		}
		bad := 0
		for row := range db.Table.RollCalls {
			var chart record.Totals
			for _, gt := range ix.ByGroup(row) {
				if gt.Group == string(g) {
					chart = gt.Totals
				}
			}
			if chart != byRow[row] {
				if bad++; bad <= 3 {
					t.Errorf("%s on %s: chart %v, filter %v", g, db.Table.RollCalls[row].Label(), chart, byRow[row])
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d roll calls differ", g, bad)
		}
	}
	s := sel(t, ix, compare.Filter{Countries: []string{"WEOG"}, Symbols: []string{"A/RES/30/3379"}})
	if v := s.Grid(0).Rows[0].Votes; slices.Contains(s.Countries, "ISR") && v[slices.Index(s.Countries, "ISR")] != record.None {
		t.Error("the WEOG filter counts Israel's vote of 1975")
	}
}
