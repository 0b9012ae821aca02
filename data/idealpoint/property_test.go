package idealpoint_test

import (
	"context"
	"math"
	"slices"
	"testing"

	"plenary/data/compare/comparetest"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// estimate runs Estimate or fails the test.
func estimate(tb testing.TB, t *record.Table, rows []int, opt idealpoint.Options) *idealpoint.Result {
	tb.Helper()
	res, err := idealpoint.Estimate(context.Background(), t, rows, opt, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if !res.Converged {
		tb.Errorf("not converged: %s", res.Describe())
	}
	return res
}

// slice is the General Assembly roll calls of 2000-2004 in the unvotes
// history: big enough to be real, small enough for many runs.
func slice(tb testing.TB) (*record.Table, []int) {
	t := comparetest.Unvotes(tb).Table
	var rows []int
	for _, r := range gaRows(t) {
		if y := t.RollCalls[r].Year(); y >= 2000 && y <= 2004 {
			rows = append(rows, r)
		}
	}
	return t, rows
}

// TestSyntheticRecovery draws votes from the model with known positions
// and recovers them.
func TestSyntheticRecovery(t *testing.T) {
	s := drawSynthetic(synthParams{states: 120, years: 12, perYear: 80, drift: 0.12, recurring: 20, seed: 1})
	res := estimate(t, s.table, nil, idealpoint.Options{})
	var x, y []float64
	for _, e := range res.Estimates {
		x = append(x, e.Ideal)
		y = append(y, s.truth[key{e.ISO3, e.Period.Year}])
	}
	if len(x) != len(s.truth) {
		t.Fatalf("%d estimates for %d true state-years", len(x), len(s.truth))
	}
	r := pearson(x, y)
	t.Logf("%s; r with the true positions %.4f over %d state-years", res.Describe(), r, len(x))
	if r < 0.99 {
		t.Errorf("r = %.4f with the true positions, want >= 0.99", r)
	}
	covered := 0
	for i, e := range res.Estimates {
		a, b := affine(x, y)
		if truth := a + b*y[i]; truth >= e.Lo && truth <= e.Hi {
			covered++
		}
	}
	share := float64(covered) / float64(len(x))
	t.Logf("the 95%% intervals hold %.1f%% of the true positions (on the estimate's scale)", 100*share)
	if share < 0.9 {
		t.Errorf("the 95%% intervals hold only %.1f%% of the true positions", 100*share)
	}
}

// affine is the least-squares line x ≈ a + b y.
func affine(x, y []float64) (a, b float64) {
	n := float64(len(x))
	var mx, my, sxy, syy float64
	for i := range x {
		mx += x[i] / n
		my += y[i] / n
	}
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		syy += (y[i] - my) * (y[i] - my)
	}
	b = sxy / syy
	return mx - b*my, b
}

// TestFlippedVotesFlipPositions swaps every yes and no: every position
// must change sign. The state at the negative end of the original is the
// anchor of the flipped run, so that the sign rule does not undo the flip.
func TestFlippedVotesFlipPositions(t *testing.T) {
	tab, rows := slice(t)
	orig := estimate(t, tab, rows, idealpoint.Options{})
	flipped := *tab
	flipped.Votes = make([][]record.Vote, len(tab.Votes))
	for i, row := range tab.Votes {
		flipped.Votes[i] = make([]record.Vote, len(row))
		for c, v := range row {
			switch v {
			case record.Yes:
				v = record.No
			case record.No:
				v = record.Yes
			}
			flipped.Votes[i][c] = v
		}
	}
	low := orig.Estimates[0]
	for _, e := range orig.Estimates {
		if e.Ideal < low.Ideal {
			low = e
		}
	}
	mirror := estimate(t, &flipped, rows, idealpoint.Options{Anchor: low.ISO3})
	if len(mirror.Estimates) != len(orig.Estimates) {
		t.Fatalf("%d estimates, want %d", len(mirror.Estimates), len(orig.Estimates))
	}
	worst := 0.0
	for i, e := range orig.Estimates {
		m := mirror.Estimates[i]
		worst = max(worst, math.Abs(e.Ideal+m.Ideal), math.Abs(e.SD-m.SD))
		if e.ISO3 != m.ISO3 || e.Period != m.Period || e.N != m.N {
			t.Fatalf("estimate %d: %+v against %+v", i, e, m)
		}
	}
	if worst > 1e-6 {
		t.Errorf("positions differ from the mirror image by up to %g", worst)
	}
	if e, _ := orig.Lookup("USA", 2002); e.Ideal <= 0 {
		t.Errorf("the United States at %.3f in 2002, want positive", e.Ideal)
	}
}

// TestDuplicatedSelection passes every row twice and in reverse order: the
// selection is a set, so nothing may change.
func TestDuplicatedSelection(t *testing.T) {
	tab, rows := slice(t)
	orig := estimate(t, tab, rows, idealpoint.Options{})
	twice := append(slices.Clone(rows), rows...)
	slices.Reverse(twice)
	again := estimate(t, tab, twice, idealpoint.Options{})
	if !slices.Equal(orig.Estimates, again.Estimates) {
		t.Errorf("duplicated rows changed the estimates")
	}
}

// TestWorkersGiveSameNumbers checks that the result does not depend on the
// number of goroutines.
func TestWorkersGiveSameNumbers(t *testing.T) {
	s := drawSynthetic(synthParams{states: 60, years: 6, perYear: 40, drift: 0.12, recurring: 10, seed: 2})
	one := estimate(t, s.table, nil, idealpoint.Options{Workers: 1})
	four := estimate(t, s.table, nil, idealpoint.Options{Workers: 4})
	if !slices.Equal(one.Estimates, four.Estimates) {
		t.Errorf("1 and 4 workers gave different estimates")
	}
}
