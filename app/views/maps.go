package views

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"plenary/charts"
	"plenary/data/countries"
	"plenary/data/record"
)

// mapLineage is computed once: the registry does not change while the
// program runs.
var mapLineage = sync.OnceValue(MapLineage)

// voteMap colours every state by its vote on one roll call: in the General
// Assembly every member of the day, on the Council its fifteen members.
func (b *builder) voteMap() (charts.Chart, error) {
	row, err := b.roll()
	if err != nil {
		return nil, err
	}
	t := b.s.Index().Table()
	rc := &t.RollCalls[row]
	votes := map[string]charts.Vote{}
	for c, iso := range t.Countries {
		if v := t.Votes[row][c]; v != record.None {
			iso3, _ := countries.SeatOn(iso, rc.Date)
			votes[iso3] = ChartVote(v)
		}
	}
	title := rc.Label()
	if rc.Title != "" {
		title += ": " + rc.Title
	}
	b.setText(title, rc.Date+" · "+b.s.Index().Counted(row).String(), b.outlinedNote())
	if len(votes) == 0 {
		return b.empty("No member votes are recorded for " + rc.Label()), nil
	}
	m := charts.VoteMap{Meta: b.meta, Lineage: mapLineage(), Selected: b.selected(rc.Date)}
	if rc.Body == record.SC {
		m.NonMembers = "Not on the Council"
		for _, iso := range slices.Sorted(maps.Keys(votes)) {
			_, n := countries.SeatOn(iso, rc.Date)
			m.Votes = append(m.Votes, charts.MapVote{ISO3: iso, Name: n, Vote: votes[iso]})
		}
	} else {
		m.Votes = MapVotes(rc.Date, votes)
	}
	return m, nil
}

// agreementMap colours every state by its agreement with the reference
// over the selected roll calls.
func (b *builder) agreementMap() (charts.Chart, error) {
	ref, err := b.ref()
	if err != nil {
		return nil, err
	}
	minN := b.minN()
	ranked, err := b.s.Ranking(ref, b.req.Metric, 1)
	if err != nil {
		return nil, err
	}
	b.setText("Agreement with "+b.nameOf(ref)+b.period(), "metric: "+b.req.Metric.Label(),
		fmt.Sprintf("grey: fewer than %d roll calls", minN), b.outlinedNote())
	if len(ranked) == 0 {
		return b.empty("No country shares a roll call with " + b.nameOf(ref)), nil
	}
	refISO, refName := b.seat(ref)
	m := charts.AgreementMap{Meta: b.meta, Ref: refISO, RefName: refName, Metric: "Agreement (" + b.req.Metric.Label() + ")",
		MinN: minN, Lineage: mapLineage(), Selected: b.selected(b.s.RollCall(b.s.Latest()).Date)}
	m.States = append(m.States, charts.MapValue{ISO3: refISO, Name: refName, Value: math.NaN()})
	last := b.s.RollCall(b.s.Latest()).Date
	shown := map[string]bool{refISO: true}
	for _, r := range ranked {
		iso, n := b.seat(r.ISO3)
		m.States = append(m.States, charts.MapValue{ISO3: iso, Name: n, Value: r.Agreement, N: r.N})
		shown[iso] = true
	}
	// Members of the latest selected day that share no roll call with the
	// reference are shown too, as "too few", so that every member is there.
	for _, iso := range countries.Members(last) {
		if !shown[iso] {
			m.States = append(m.States, charts.MapValue{ISO3: iso, Name: b.nameOf(iso), Value: math.NaN()})
		}
	}
	return m, nil
}

// selected lists the countries the request names, groupings expanded to
// their members on date: a map shows every state and outlines these.
func (b *builder) selected(date string) []string {
	var out []string
	for _, tok := range b.req.Filter.Countries {
		if g, ok := countries.GroupingByName(tok); ok {
			out = append(out, g.At(date)...)
		} else if _, ok := countries.ByISO3(tok); ok {
			out = append(out, tok)
		}
	}
	return out
}

// outlinedNote names the outlined countries in the subtitle.
func (b *builder) outlinedNote() string {
	if len(b.req.Filter.Countries) == 0 || b.req.Filter.AllCountries() {
		return ""
	}
	return "outlined: " + strings.Join(b.req.Filter.Countries, ", ")
}

// Members is what a country token of a filter stands for: a state's own
// code, or every state that was ever in the grouping it names.
func Members(token string) []string {
	if g, ok := countries.GroupingByName(token); ok {
		return g.At("")
	}
	return []string{token}
}
