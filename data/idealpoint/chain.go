package idealpoint

import "math"

// The state half-step. Given the items, a state's positions over its run
// of periods have a concave log-posterior whose Hessian is tridiagonal
// (each period's votes on the diagonal, the random walk linking
// neighbours), so one Newton step costs a pass over the state's votes and
// a tridiagonal solve.

// priorFirst is the prior standard deviation of a state's first position.
const priorFirst = 1.0

// chainScratch is one worker's room for a chain of up to n periods.
type chainScratch struct {
	g, h, step, trial, c, d []float64
}

func newChainScratch(n int) *chainScratch {
	return &chainScratch{
		g: make([]float64, n), h: make([]float64, n), step: make([]float64, n),
		trial: make([]float64, n), c: make([]float64, n), d: make([]float64, n),
	}
}

// chainPrior is the log-prior of a chain's positions x and its gradient
// added into g (when g is not nil): the first position's, the walk's and
// each period's spread around its mean.
func (m *model) chainPrior(ch *chain, x, g []float64) float64 {
	lp := -0.5 * x[0] * x[0] / (priorFirst * priorFirst)
	if g != nil {
		g[0] -= x[0] / (priorFirst * priorFirst)
	}
	for t := range ch.len {
		d := x[t] - m.mu[ch.first+t]
		k := m.kappa[ch.first+t]
		lp -= 0.5 * k * d * d
		if g != nil {
			g[t] -= k * d
		}
	}
	for t := 1; t < ch.len; t++ {
		w := m.linkPrecision(ch, t)
		d := x[t] - x[t-1]
		lp -= 0.5 * w * d * d
		if g != nil {
			g[t] -= w * d
			g[t-1] += w * d
		}
	}
	return lp
}

// chainDerivs fills s.g and s.h with the votes' gradient and (negative)
// curvature in each period's position and returns their log-likelihood.
func (m *model) chainDerivs(ch *chain, x []float64, s *chainScratch) float64 {
	p := m.p
	ll := 0.0
	for t := range ch.len {
		cp := ch.base + t
		g, h := 0.0, 0.0
		for o := p.cpStart[cp]; o < p.cpStart[cp+1]; o++ {
			j := p.cpItem[o]
			b := m.beta[j]
			eta := b * x[t]
			tm := voteTerms(p.cpY[o], m.c1[j]-eta, m.c2[j]-eta)
			ge, he := tm.eta()
			ll += tm.ll
			g += b * ge
			h += b * b * he
		}
		s.g[t], s.h[t] = g, h
	}
	return ll
}

// chainLogLik is the log-likelihood of a chain's votes at positions x.
func (m *model) chainLogLik(ch *chain, x []float64) float64 {
	p := m.p
	ll := 0.0
	for t := range ch.len {
		cp := ch.base + t
		for o := p.cpStart[cp]; o < p.cpStart[cp+1]; o++ {
			j := p.cpItem[o]
			eta := m.beta[j] * x[t]
			ll += logLik(p.cpY[o], m.c1[j]-eta, m.c2[j]-eta)
		}
	}
	return ll
}

// precision fills s.d (diagonal) and s.c (coupling to the next period) of
// minus the chain's log-posterior Hessian, from s.h.
func (m *model) precision(ch *chain, s *chainScratch) {
	for t := range ch.len {
		s.d[t] = -s.h[t]
		s.c[t] = 0
	}
	s.d[0] += 1 / (priorFirst * priorFirst)
	for t := range ch.len {
		s.d[t] += m.kappa[ch.first+t]
	}
	for t := 1; t < ch.len; t++ {
		w := m.linkPrecision(ch, t)
		s.d[t] += w
		s.d[t-1] += w
		s.c[t-1] = -w
	}
}

// solveTridiagonal solves the symmetric system (diagonal d, off-diagonal
// c) for right-hand side r into x, by the Thomas algorithm; d and r are
// overwritten.
func solveTridiagonal(d, c, r, x []float64) {
	n := len(d)
	for t := 1; t < n; t++ {
		f := c[t-1] / d[t-1]
		d[t] -= f * c[t-1]
		r[t] -= f * r[t-1]
	}
	x[n-1] = r[n-1] / d[n-1]
	for t := n - 2; t >= 0; t-- {
		x[t] = (r[t] - c[t]*x[t+1]) / d[t]
	}
}

// chainStep moves one state's positions by a Newton step with
// step-halving, and returns the log-posterior of its votes and positions
// and the largest move.
func (m *model) chainStep(k int, s *chainScratch) (obj, moved float64) {
	ch := &m.p.chains[k]
	x := m.theta[ch.base : ch.base+ch.len]
	ll := m.chainDerivs(ch, x, s)
	obj0 := ll + m.chainPrior(ch, x, s.g[:ch.len])
	m.precision(ch, s)
	solveTridiagonal(s.d[:ch.len], s.c[:ch.len], s.g[:ch.len], s.step[:ch.len])
	for scale := 1.0; scale > 1e-6; scale /= 2 {
		for t := range ch.len {
			s.trial[t] = x[t] + scale*s.step[t]
		}
		tr := s.trial[:ch.len]
		obj := m.chainLogLik(ch, tr) + m.chainPrior(ch, tr, nil)
		if obj >= obj0 {
			for t := range ch.len {
				moved = max(moved, math.Abs(tr[t]-x[t]))
			}
			copy(x, tr)
			return obj, moved
		}
	}
	return obj0, 0
}

// chainVariances fills sd with the posterior standard deviation of each of
// a chain's positions given the items.
func (m *model) chainVariances(k int, s *chainScratch, sd []float64) {
	ch := &m.p.chains[k]
	m.chainDerivs(ch, m.theta[ch.base:ch.base+ch.len], s)
	m.precision(ch, s)
	n := ch.len
	diagInverse(s.d[:n], s.c[:n], s.step[:n], s.trial[:n], sd[:n])
}

// diagInverse fills sd with the square roots of the diagonal of the
// inverse of a symmetric tridiagonal matrix (diagonal d, off-diagonal c),
// from the pivots of a forward (fwd) and a backward (bwd) elimination:
// (A⁻¹)tt = 1/(fwd[t] + bwd[t] - d[t]).
func diagInverse(d, c, fwd, bwd, sd []float64) {
	n := len(d)
	fwd[0] = d[0]
	for t := 1; t < n; t++ {
		fwd[t] = d[t] - c[t-1]*c[t-1]/fwd[t-1]
	}
	bwd[n-1] = d[n-1]
	for t := n - 2; t >= 0; t-- {
		bwd[t] = d[t] - c[t]*c[t]/bwd[t+1]
	}
	for t := range n {
		sd[t] = 1 / math.Sqrt(fwd[t]+bwd[t]-d[t])
	}
}
