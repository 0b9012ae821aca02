package idealpoint_test

import (
	"context"
	"testing"

	"plenary/data/compare/comparetest"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// BenchmarkWholeHistory estimates every General Assembly roll call of the
// full database (1946-2025) by session.
func BenchmarkWholeHistory(b *testing.B) {
	t := comparetest.Full(b).Table
	rows := gaRows(t)
	benchEstimate(b, t, rows, idealpoint.Options{By: idealpoint.BySession})
}

// BenchmarkOneYear estimates the General Assembly votes of 2019.
func BenchmarkOneYear(b *testing.B) {
	t := comparetest.Unvotes(b).Table
	var rows []int
	for _, r := range gaRows(t) {
		if t.RollCalls[r].Year() == 2019 {
			rows = append(rows, r)
		}
	}
	benchEstimate(b, t, rows, idealpoint.Options{})
}

// benchEstimate also reports the processor time per estimate, which unlike
// the wall time does not grow when other programs share the cores.
// BenchmarkPeerSlice estimates the General Assembly votes of 2009-2010 by
// year: the slice scripts/bench_peers/idealpoints.sh gives MCMCpack.
func BenchmarkPeerSlice(b *testing.B) {
	t := comparetest.Unvotes(b).Table
	var rows []int
	for _, r := range gaRows(t) {
		if y := t.RollCalls[r].Year(); y >= 2009 && y <= 2010 {
			rows = append(rows, r)
		}
	}
	benchEstimate(b, t, rows, idealpoint.Options{})
}

func benchEstimate(b *testing.B, t *record.Table, rows []int, opt idealpoint.Options) {
	b.ReportAllocs()
	var res *idealpoint.Result
	cpu0 := cpuSeconds()
	for b.Loop() {
		var err error
		res, err = idealpoint.Estimate(context.Background(), t, rows, opt, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(res.Iterations), "iterations")
	b.ReportMetric(float64(res.Votes), "votes")
}
