package charts

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"plenary/data/countries"
)

// sampleMaps are the three map kinds on invented values for every member
// of 2025, so that the tests below need no dataset.
func sampleMaps() []struct {
	name  string
	chart Chart
} {
	var votes []MapVote
	var values []MapValue
	for i, iso := range countries.Members("2025-06-01") {
		c, _ := countries.ByISO3(iso)
		votes = append(votes, MapVote{ISO3: iso, Name: c.Name, Vote: Vote(1 + i%4)})
		values = append(values, MapValue{ISO3: iso, Name: c.Name, Value: float64(i%11) / 10, N: i % 30})
	}
	ideal := make([]MapValue, len(values))
	for i, v := range values {
		ideal[i] = MapValue{ISO3: v.ISO3, Name: v.Name, Value: 2.5*v.Value - 1.2}
	}
	l := registryLineage()
	return []struct {
		name  string
		chart Chart
	}{
		{"vote_map", VoteMap{Meta: meta24, Votes: votes, Lineage: l}},
		{"agreement_map", AgreementMap{Meta: meta24, Ref: "USA", RefName: "United States", States: values, MinN: 5, Lineage: l}},
		{"ideal_map", IdealMap{Meta: meta24, States: ideal, Lineage: l}},
	}
}

func TestMapsRenderAtEverySize(t *testing.T) {
	for _, k := range sampleMaps() {
		for _, o := range []Options{{Width: 640, Height: 400}, {Width: 1200, Height: 800}, {Width: 3840, Height: 2160}, {Theme: Dark}, {Width: 800, Height: 2000}} {
			t.Run(fmt.Sprintf("%s/%dx%d/%s", k.name, o.Width, o.Height, o.Theme), func(t *testing.T) {
				img := pngOf(t, k.chart, o)
				checkMargins(t, img, o)
				checkSVG(t, svgOf(t, k.chart, o), o)
			})
		}
	}
}

// Awkward input: nothing, unknown and repeated codes, codes that are not
// XML names, values out of range, a flood of states, endless text.
func TestMapsAwkwardInput(t *testing.T) {
	long := strings.Repeat("A very long title about a resolution ", 40)
	var flood []MapVote
	var vals []MapValue
	for i := range 5000 {
		code := fmt.Sprintf("Q%02d", i%100)
		flood = append(flood, MapVote{ISO3: code, Name: long, Vote: Vote(i % 7)})
		vals = append(vals, MapValue{ISO3: code, Value: []float64{math.NaN(), math.Inf(1), -7, 1e300}[i%4], N: -i})
	}
	odd := []MapVote{{ISO3: `"><script>`, Name: "<&>", Vote: VoteYes}, {ISO3: "FRA", Vote: VoteNo}, {ISO3: "FRA", Vote: VoteYes}, {ISO3: "", Vote: VoteAbstain}}
	charts := []Chart{
		VoteMap{}, AgreementMap{}, IdealMap{},
		VoteMap{Meta: Meta{Title: long, Subtitle: long, Source: long}, Votes: flood, NonMembers: long},
		VoteMap{Votes: odd},
		AgreementMap{Meta: Meta{Title: long}, Ref: long, Metric: long, States: vals, MinN: -3},
		IdealMap{States: vals, Label: long},
		IdealMap{States: []MapValue{{ISO3: "FRA", Value: math.NaN()}}},
	}
	for i, c := range charts {
		o := Options{}
		img := pngOf(t, c, o)
		checkMargins(t, img, o)
		b := svgOf(t, c, o)
		checkSVG(t, b, o)
		svgGroups(t, b) // fails on a repeated id
		if bytes.Contains(b, []byte("<script")) {
			t.Errorf("chart %d: unescaped code in the SVG", i)
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, c); err != nil {
			t.Errorf("chart %d: CSV: %v", i, err)
		}
	}
}

func TestMapsConcurrent(t *testing.T) {
	done := make(chan error)
	ks := sampleMaps()
	for _, k := range ks {
		for _, f := range []Format{PNG, SVG} {
			go func() { done <- Render(io.Discard, k.chart, Options{Width: 800, Height: 500, Format: f}) }()
		}
	}
	for range 2 * len(ks) {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
