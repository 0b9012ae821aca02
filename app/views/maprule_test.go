package views

import (
	"slices"
	"testing"

	"plenary/charts"
	"plenary/charts/geo"
)

// On 1975-11-10 the registry's lineage places the GDR as a marker beside
// the Federal Republic, Czechoslovakia on Czechia and Slovakia, and the
// Soviet Union on Kazakhstan but not on Ukraine, which held its own seat.
func TestMapLineage1975(t *testing.T) {
	w, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	has := func(k string) bool { _, ok := w.Shape(k); return ok }
	votes := MapVotes("1975-11-10", map[string]charts.Vote{"DDR": charts.VoteYes, "XXX": charts.VoteNo})
	var voting []string
	for _, v := range votes {
		voting = append(voting, v.ISO3)
	}
	// The UN had 144 members at the end of 1975; Comoros (12 November)
	// and Suriname (4 December) joined after this vote: 142. XXX, a vote
	// of no member, comes last.
	if n := len(voting) - 1; n != 142 || voting[len(voting)-1] != "XXX" {
		t.Fatalf("%d members, last %s", n, voting[len(voting)-1])
	}
	p := geo.Place(voting, MapLineage(), has)
	if !p["DDR"].Marker() || !slices.Equal(p["CSK"].Shapes, []string{"CZE", "SVK"}) ||
		!slices.Contains(p["SUN"].Shapes, "KAZ") || slices.Contains(p["SUN"].Shapes, "UKR") {
		t.Errorf("DDR %v, CSK %v, SUN %v", p["DDR"], p["CSK"], p["SUN"])
	}
	if votes[slices.Index(voting, "DDR")].Vote != charts.VoteYes || votes[slices.Index(voting, "USA")].Vote != charts.VoteNone {
		t.Error("votes not carried over")
	}
}
