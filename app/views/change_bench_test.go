package views_test

import (
	"testing"
	"time"

	"plenary/app/views"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// benchInputs gives divergent its two states where a benchmark's filter
// compares every country.
func benchInputs(req views.Request) views.Request {
	if req.Kind == views.Divergent && (len(req.Filter.Countries) != 2 || req.Filter.AllCountries()) {
		req.Filter.Countries = []string{"USA", "RUS"}
	}
	return req
}

// BenchmarkChangeViews times each view of change on the whole history
// with the 2020–2025 votes (goal: 50 ms, drawing included), and blocs of
// every member over a decade (goal: 200 ms).
func BenchmarkChangeViews(b *testing.B) {
	db := comparetest.Continuous(b)
	es11 := []string{"A/RES/ES-11/1", "A/RES/ES-11/2", "A/RES/ES-11/3", "A/RES/ES-11/4", "A/RES/ES-11/5", "A/RES/ES-11/6", "A/RES/ES-11/7", "A/RES/ES-11/8"}
	ideal, err := views.EstimateIdeal(b.Context(), db.Table, views.Request{Kind: views.Movers}, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		req  views.Request
	}{
		{"vote-flow", views.Request{Kind: views.VoteFlow, Filter: compare.Filter{Symbols: es11[5:7]}}},
		{"series-es11", views.Request{Kind: views.Series, Filter: compare.Filter{Symbols: es11}}},
		{"series-cuba", views.Request{Kind: views.Series, Filter: compare.Filter{Symbols: []string{"A/RES/79/7"}}}},
		{"movers-ideal", views.Request{Kind: views.Movers, Ideal: ideal, Change: views.ChangeRequest{Periods: [2]views.Span{{2019, 2019}, {2025, 2025}}}}},
		{"movers-agreement", views.Request{Kind: views.Movers, Ref: "USA", Change: views.ChangeRequest{Measure: views.MeasureAgreement, Periods: [2]views.Span{{2016, 2019}, {2025, 2025}}}}},
		{"blocs-decade", views.Request{Kind: views.Blocs, Filter: compare.Filter{From: "2015", To: "2024", Body: record.GA}}},
		{"divergent", views.Request{Kind: views.Divergent, Filter: compare.Filter{Countries: []string{"USA", "RUS"}}}},
		{"agreement-time-breaks", views.Request{Kind: views.AgreementTime, Ref: "USA", Filter: compare.Filter{Countries: []string{"USA", "FRA", "RUS", "CHN", "IND"}}}},
		{"ideal-time-breaks", views.Request{Kind: views.IdealTime, Ideal: ideal, Filter: compare.Filter{Countries: []string{"USA", "FRA", "RUS", "CHN", "IND"}}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				times = append(times, timePNG(b, db.Table, c.req))
			}
			reportMedian(b, times)
		})
	}
}
