package charts

import (
	"bytes"
	"fmt"
	"math"
	"testing"
)

// changeKinds builds the charts of what changed from n states with the
// given names, values from v.
func changeKinds(m Meta, names []string, n int, v func(i, j int) float64) []Chart {
	flow := VoteFlow{Meta: m, A: names[0] + " 2023-02-23", B: names[0] + " 2025-02-24"}
	var steps []SeriesStep
	var movers []MoverRow
	var div []DivergentRow
	bloc := make([]int, n)
	agree := make([][]float64, n)
	codes := make([]string, n)
	for i := range n {
		from, to := FlowVotes[i%5], FlowVotes[(i*3+1)%5]
		flow.Bands = append(flow.Bands, FlowBand{From: from, To: to, States: []string{names[i], names[(i+1)%n]}})
		flow.Rows = append(flow.Rows, FlowRow{ISO3: fmt.Sprint(i), Name: names[i], A: from, B: to})
		t := Totals{int(v(i, 0) * 140), int(v(i, 1) * 20), int(v(i, 2) * 60), int(v(i, 3) * 15)}
		steps = append(steps, SeriesStep{Label: names[i], Date: "2025-02-24", Totals: t, Switched: names[:min(n, 5)]})
		a, b := v(i, 0)*2-1, v(i, 1)*2-1
		movers = append(movers, MoverRow{Country: names[i], A: a, ALo: a - 0.1, AHi: a + 0.1, B: b, BLo: b - 0.2, BHi: b + 0.2, Within: i%3 == 0, Selected: i%4 == 0})
		div = append(div, DivergentRow{Symbol: names[i], Date: "2025-02-24", Title: names[i], A: VoteYes, B: Vote(i % 5), Result: t.String()})
		bloc[i] = 1 + i*4/max(n, 1)
		codes[i] = fmt.Sprintf("C%02d", i)
		agree[i] = make([]float64, n)
		for j := range n {
			agree[i][j] = v(i, j)
		}
	}
	return []Chart{
		flow,
		RollCallSeries{Meta: m, Steps: steps},
		Movers{Meta: m, LabelA: "2019", LabelB: "2025", Measure: "Ideal point", Rows: movers},
		BlocMatrix{Meta: m, Codes: codes, Names: names[:n], Bloc: bloc, Agreement: agree},
		DivergentVotes{Meta: m, NameA: names[0], NameB: names[min(1, n-1)], Rows: div},
	}
}

func TestChangeChartsHardCases(t *testing.T) {
	long := longText(300)
	longNames := make([]string, 200)
	for i := range longNames {
		longNames[i] = fmt.Sprintf("%03d %s", i, long)[:300]
	}
	longMeta := Meta{Title: long, Subtitle: "Filter: " + long, Source: long, Imported: feb24, Version: long[:40]}
	nan := func(i, j int) float64 {
		if (i+j)%3 == 0 {
			return math.NaN()
		}
		return -wave(i, j)
	}
	cases := []struct {
		name  string
		opts  Options
		chart []Chart
	}{
		{"one", Options{}, changeKinds(meta24, countryNames(1), 1, wave)},
		{"200", Options{}, changeKinds(meta24, countryNames(200), 200, wave)},
		{"200-small", Options{Width: 640, Height: 400}, changeKinds(meta24, countryNames(200), 200, wave)},
		{"long", Options{}, changeKinds(longMeta, longNames, 12, wave)},
		{"long-scale4", Options{Width: 3840, Height: 2160, Scale: 4}, changeKinds(longMeta, longNames, 12, wave)},
		{"nan", Options{}, changeKinds(meta24, countryNames(20), 20, nan)},
	}
	for _, tc := range cases {
		for _, c := range tc.chart {
			t.Run(fmt.Sprintf("%s/%T", tc.name, c), func(t *testing.T) {
				img := pngOf(t, c, tc.opts)
				checkMargins(t, img, tc.opts)
				checkSVG(t, svgOf(t, c, tc.opts), tc.opts)
				var buf bytes.Buffer
				if err := WriteCSV(&buf, c); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	// Nothing to draw draws the Empty image.
	want := pngOf(t, Empty{Meta: meta24}, Options{})
	for _, c := range []Chart{VoteFlow{Meta: meta24}, RollCallSeries{Meta: meta24}, Movers{Meta: meta24}, BlocMatrix{Meta: meta24}, DivergentVotes{Meta: meta24}} {
		if !sameImage(pngOf(t, c, Options{}), want) {
			t.Errorf("%T without data is not the empty image", c)
		}
	}
}

// TestYearGrid: the years of both yearly bar charts are those any member
// lists, sorted, with every year between filled in for the vetoes unless
// the span is absurd; a member without an entry for a year has -1 there.
func TestYearGrid(t *testing.T) {
	abst := SCAbstentionsByYear{Members: []MemberYears{
		{Member: "RUS", Years: []YearCount{{2022, 3}, {2019, 1}}},
		{Member: "CHN", Years: []YearCount{{2020, -2}}},
	}}
	years, counts := abst.grid()
	if fmt.Sprint(years, counts) != "[2019 2020 2022] [[1 -1 3] [-1 0 -1]]" {
		t.Errorf("abstentions: years %v, counts %v", years, counts)
	}
	veto := VetoesByYear{Members: []VetoSeries{
		{Member: "USA", Years: []VetoCount{{2024, 2}, {2020, 1}}},
		{Member: "RUS", Years: []VetoCount{{2022, 1 << 40}}},
	}}
	years, counts = veto.grid()
	if fmt.Sprint(years, counts) != "[2020 2021 2022 2023 2024] [[1 -1 -1 -1 2] [-1 -1 2147483647 -1 -1]]" {
		t.Errorf("vetoes: years %v, counts %v", years, counts)
	}
	wide := VetoesByYear{Members: []VetoSeries{{Member: "USA", Years: []VetoCount{{1, 1}, {1 + maxYearSpan, 1}}}}}
	if years, _ := wide.grid(); len(years) != 2 {
		t.Errorf("a span of %d years filled in: %d years", maxYearSpan, len(years))
	}
}
