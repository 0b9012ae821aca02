package idealpoint

import (
	"context"
	"errors"
	"math"

	"plenary/data/record"
)

// ErrNoVotes is returned when the selection holds no contested roll call
// to estimate from.
var ErrNoVotes = errors.New("ideal points: the selection has no contested roll call")

// z95 is the standard normal quantile of a two-sided 95% interval.
const z95 = 1.959963984540054

// Estimate places every state that voted in the selected roll calls (rows
// of t; nil for all) on one dimension, per period. It checks ctx after
// every iteration and calls progress (when not nil) with the iterations
// done out of Options.MaxIter, and once more with done == total at the
// end. The result depends only on the votes and the options: the same
// input gives the same numbers, whatever the number of workers.
func Estimate(ctx context.Context, t *record.Table, rows []int, opt Options, progress func(done, total int)) (*Result, error) {
	opt = opt.withDefaults()
	p, err := newProblem(t, rows, opt)
	if err != nil {
		return nil, err
	}
	if p.nItems == 0 {
		return nil, ErrNoVotes
	}
	m := newModel(p, opt)
	f, err := m.run(ctx, progress)
	if err != nil {
		return nil, err
	}
	return m.result(f), nil
}

// result gathers the estimates with their intervals.
func (m *model) result(f fit) *Result {
	p := m.p
	r := &Result{
		Periods: p.periods, Options: m.opt,
		Iterations: f.iterations, Converged: f.converged, LastMove: f.moved, LogPosterior: f.logPost,
		RollCalls: p.rollCalls, Bridged: p.bridged, Items: p.nItems, Votes: len(p.itemY),
	}
	for k, n := range p.contested {
		if n < m.opt.MinContested {
			r.Thin = append(r.Thin, ThinPeriod{Period: p.periods[k], Contested: n})
		}
	}
	thin := make([]bool, len(p.periods))
	for _, tp := range r.Thin {
		for k, pr := range p.periods {
			if pr == tp.Period {
				thin[k] = true
			}
		}
	}
	sd := make([]float64, len(p.periods))
	for k, ch := range p.chains {
		m.chainVariances(k, m.scratch[0], sd)
		for t := range ch.len {
			cp := ch.base + t
			n := int(p.cpStart[cp+1] - p.cpStart[cp])
			if n == 0 {
				continue // a period inside the run without a vote: linked, not reported
			}
			r.Estimates = append(r.Estimates, m.estimate(ch, t, n, sd[t], thin[ch.first+t]))
		}
	}
	return r
}

// estimate is one state-period's reported estimate. One with fewer than
// MinVotes votes, or in a thin period, is flagged, and its interval is at
// least as wide as the spread of first positions, because the random walk
// alone, not its votes, would otherwise set its width.
func (m *model) estimate(ch chain, t, n int, sd float64, thin bool) Point {
	x := m.theta[ch.base+t]
	flag := n < m.opt.MinVotes || thin
	if flag {
		sd = math.Max(sd, priorFirst)
	}
	return Point{
		ISO3: ch.iso3, Period: m.p.periods[ch.first+t],
		Ideal: x, SD: sd, Lo: x - z95*sd, Hi: x + z95*sd, N: n, Flag: flag,
	}
}
