package views

import (
	"slices"

	"plenary/charts"
	"plenary/charts/geo"
	"plenary/data/countries"
)

// MapLineage is the lineage the world maps place former states by: the
// registry's successors and continued seats, with the territory a map needs
// beyond the seats (geo.Lineage.WithTerritory).
func MapLineage() geo.Lineage {
	l := geo.Lineage{Successors: map[string][]string{}, Continues: map[string]string{}}
	for _, c := range countries.All() {
		if len(c.Successors) > 0 {
			l.Successors[c.ISO3] = c.Successors
		}
		if c.Continues != "" {
			l.Continues[c.ISO3] = c.Continues
		}
	}
	return l.WithTerritory()
}

// MapVotes lists, for a General Assembly vote map of a roll call held on
// date (YYYY-MM-DD), every state that held a seat that day with its vote
// from votes (ISO3 → vote); a member without a vote gets VoteNone, which
// the map shows as "No record". States that voted without being members
// that day in the registry are added after the members, so that no vote
// is lost. For a Security Council map pass only the fifteen members'
// votes and use them directly.
func MapVotes(date string, votes map[string]charts.Vote) []charts.MapVote {
	var out []charts.MapVote
	seen := map[string]bool{}
	add := func(iso string) {
		_, name := countries.SeatOn(iso, date)
		out = append(out, charts.MapVote{ISO3: iso, Name: name, Vote: votes[iso]})
		seen[iso] = true
	}
	for _, iso := range countries.Members(date) {
		add(iso)
	}
	var extra []string
	for iso := range votes {
		if !seen[iso] {
			extra = append(extra, iso)
		}
	}
	slices.Sort(extra)
	for _, iso := range extra {
		add(iso)
	}
	return out
}
