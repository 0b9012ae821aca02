package views_test

import (
	"io"
	"slices"
	"testing"
	"time"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// filterChanges is a user clicking through filters: each iteration of the
// benchmark applies the next one, so that nothing is reused but the index.
var filterChanges = []compare.Filter{
	{Countries: []string{"USA", "RUS", "CHN", "FRA", "GBR"}},
	{Countries: []string{"USA", "RUS", "CHN", "FRA", "GBR"}, From: "1991"},
	{Countries: []string{"USA", "RUS", "CHN", "FRA", "GBR"}, From: "1991", Topics: []string{"nuclear"}},
	{Countries: []string{"EU", "USA"}, From: "1991", Body: record.GA, Contested: true},
	{Countries: []string{"BRICS", "G7"}, Important: true},
	{Countries: []string{"all"}, From: "2000", To: "2009"},
}

// BenchmarkFilterChangePNG times a filter change in the app: build the
// chart on the full unvotes table (with the Security Council votes for
// the Council's kinds) and render a 1200×800 PNG. It reports
// the median time per change, the figure the app's responsiveness
// depends on (goal: under 50 ms).
func BenchmarkFilterChangePNG(b *testing.B) {
	for _, k := range views.Kinds() {
		db := comparetest.Unvotes(b)
		if k == views.SCAbstentions || k == views.SCAbstentionsByYear {
			db = comparetest.Council(b)
		}
		b.Run(string(k), func(b *testing.B) {
			var times []time.Duration
			i := 0
			for b.Loop() {
				times = append(times, timePNG(b, db.Table, benchInputs(views.Request{Kind: k, Filter: filterChanges[i%len(filterChanges)], Ref: "USA"})))
				i++
			}
			reportMedian(b, times)
		})
	}
}

// timePNG builds req's chart on tb and renders a 1200×800 PNG of it, and
// returns how long that took.
func timePNG(b *testing.B, tb *record.Table, req views.Request) time.Duration {
	start := time.Now()
	c, err := views.Build(tb, req)
	if err != nil {
		b.Fatal(err)
	}
	if err := c.Render(io.Discard, views.PNG, charts.Options{Width: 1200, Height: 800}); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// reportMedian reports the median of times, in milliseconds.
func reportMedian(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}

// BenchmarkBuild times Build alone, without drawing: the part of a filter
// change that is Plenary's own computation.
func BenchmarkBuild(b *testing.B) {
	for _, k := range views.Kinds() {
		db := comparetest.Unvotes(b)
		if k == views.SCAbstentions || k == views.SCAbstentionsByYear {
			db = comparetest.Council(b)
		}
		b.Run(string(k), func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := views.Build(db.Table, benchInputs(views.Request{Kind: k, Filter: filterChanges[i%len(filterChanges)], Ref: "USA"})); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkFilterChangeImage is BenchmarkFilterChangePNG without the PNG
// encoding, as the desktop app shows the image directly.
func BenchmarkFilterChangeImage(b *testing.B) {
	db := comparetest.Unvotes(b)
	for _, k := range []views.Kind{views.GABreakdown, views.AgreementTime, views.VoteGrid} {
		b.Run(string(k), func(b *testing.B) {
			i := 0
			for b.Loop() {
				c, err := views.Build(db.Table, benchInputs(views.Request{Kind: k, Filter: filterChanges[i%len(filterChanges)], Ref: "USA"}))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := c.Image(charts.Options{Width: 1200, Height: 800}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
