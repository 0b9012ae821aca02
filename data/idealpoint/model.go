package idealpoint

import (
	"context"
	"math"
)

// relGain ends the iterations once a plain iteration raises the
// log-posterior by less than this fraction of it: past that point only
// the most extreme states still creep outwards along nearly flat ridges
// (a bloc voting in perfect unison), by less than the tolerance per
// iteration, while every other number is settled.
const relGain = 1e-6

// model is the problem with its current parameters.
type model struct {
	p     *problem
	opt   Options
	theta []float64 // by state-period
	beta  []float64 // by item
	c1    []float64
	c2    []float64
	mu    []float64 // by period: the mean position (spread.go)
	kappa []float64 // and the precision of the prior around it
	count []float64 // and the number of positions

	chainObj []float64 // last log-posterior of each chain's half-step
	itemObj  []float64 // and of each item's
	scratch  []*chainScratch
}

func newModel(p *problem, opt Options) *model {
	m := &model{
		p: p, opt: opt,
		theta: make([]float64, p.nCP),
		beta:  make([]float64, p.nItems), c1: make([]float64, p.nItems), c2: make([]float64, p.nItems),
		chainObj: make([]float64, len(p.chains)), itemObj: make([]float64, p.nItems),
	}
	for range opt.Workers {
		m.scratch = append(m.scratch, newChainScratch(len(p.periods)))
	}
	return m
}

// fit is the outcome of the iterations.
type fit struct {
	iterations int
	converged  bool
	moved      float64 // largest move of a position in the last iteration
	logPost    float64
}

// run iterates until no position moves by more than the tolerance in a
// plain iteration, in cycles of two plain iterations and one extrapolated
// (SQUAREM), reporting progress after each iteration.
func (m *model) run(ctx context.Context, progress func(done, total int)) (fit, error) {
	var f fit
	m.initialize()
	var x0, x1, x2 params
	step := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		before := f.logPost
		f.moved, f.logPost = m.iterate()
		f.iterations++
		gain := f.logPost - before
		if progress != nil {
			progress(f.iterations, m.opt.MaxIter)
		}
		f.converged = f.moved < m.opt.Tolerance || (f.iterations > 1 && math.Abs(gain) < relGain*math.Abs(f.logPost))
		return nil
	}
	for f.iterations < m.opt.MaxIter {
		m.save(&x0)
		if err := step(); err != nil || f.converged {
			return f, m.finish(progress, err)
		}
		m.save(&x1)
		if err := step(); err != nil || f.converged {
			return f, m.finish(progress, err)
		}
		alpha := squaremStep(&x0, &x1, m.snapshot(&x2))
		if alpha == -1 {
			continue
		}
		plain := f.logPost
		m.extrapolate(&x0, &x1, &x2, alpha)
		if err := step(); err != nil {
			return f, m.finish(progress, err)
		}
		if f.logPost < plain {
			m.load(&x2)
			f.logPost = plain
		}
		f.converged = false // an extrapolated move says nothing of convergence
	}
	return f, m.finish(progress, nil)
}

// snapshot saves the model into p and returns p.
func (m *model) snapshot(p *params) *params {
	m.save(p)
	return p
}

// finish orients the scale and reports the end.
func (m *model) finish(progress func(done, total int), err error) error {
	if err != nil {
		return err
	}
	m.orient()
	if progress != nil {
		progress(m.opt.MaxIter, m.opt.MaxIter)
	}
	return nil
}

// iterate is one plain iteration: the move along the flat directions, then
// the two half-steps. It returns the largest move of a position and the
// log-posterior at the new parameters.
func (m *model) iterate() (moved, logPost float64) {
	m.rescale()
	moved = m.stateHalfStep()
	return moved, m.itemHalfStep()
}

// stateHalfStep moves every state's positions and returns the largest move.
func (m *model) stateHalfStep() float64 {
	moved := make([]float64, len(m.p.chains))
	forEach(m.opt.Workers, len(m.p.chains), func(w, k int) {
		m.chainObj[k], moved[k] = m.chainStep(k, m.scratch[w])
	})
	most := 0.0
	for _, d := range moved {
		most = max(most, d)
	}
	return most
}

// itemHalfStep moves every item's parameters and returns the
// log-posterior of the whole model.
func (m *model) itemHalfStep() float64 {
	forEach(m.opt.Workers, m.p.nItems, func(_, j int) { m.itemObj[j] = m.itemStep(j) })
	m.periodSpread()
	total := 0.0
	for _, o := range m.itemObj {
		total += o
	}
	for k := range m.p.chains {
		ch := &m.p.chains[k]
		total += m.chainPrior(ch, m.theta[ch.base:ch.base+ch.len], nil)
	}
	return total
}

// anchorChain is the chain of the state put on the positive side, or -1.
func (m *model) anchorChain() int {
	for _, iso := range append([]string{m.opt.Anchor}, fallbackAnchors...) {
		for k, ch := range m.p.chains {
			if ch.iso3 == iso {
				return k
			}
		}
	}
	return -1
}

// orient flips the scale when the anchor's mean position is negative.
// The likelihood depends on beta*theta only, and the priors are
// symmetric, so the flipped estimate is equally good.
func (m *model) orient() {
	k := m.anchorChain()
	if k < 0 {
		return
	}
	ch := m.p.chains[k]
	sum := 0.0
	for _, x := range m.theta[ch.base : ch.base+ch.len] {
		sum += x
	}
	if sum >= 0 {
		return
	}
	for i := range m.theta {
		m.theta[i] = -m.theta[i]
	}
	for j := range m.beta {
		m.beta[j] = -m.beta[j]
	}
}

// rescale moves the model along the directions the votes cannot tell
// apart: theta -> a(theta+u), beta -> beta/a, c -> c + beta*u leave every
// beta*theta - c, hence the likelihood, unchanged. It picks the a and u
// that maximize the priors. Without it the half-steps would crawl along
// these flat directions for hundreds of iterations.
func (m *model) rescale() {
	s := m.scaleSums()
	best := goldenMin(-5, 5, func(u float64) float64 { return s.cost(u) })
	a := s.bestA(best)
	if !(a > 0) || math.IsInf(a, 0) {
		return
	}
	for i := range m.theta {
		m.theta[i] = a * (m.theta[i] + best)
	}
	for j := range m.beta {
		m.c1[j] += m.beta[j] * best
		m.c2[j] += m.beta[j] * best
		m.beta[j] /= a
	}
	m.periodSpread()
}
