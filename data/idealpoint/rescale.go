package idealpoint

import "math"

// scaleSums are the sums that the log-prior needs as a function of the
// affine move (a, u) of rescale:
//
//	-log prior = a² A(u)/2 + B/(2a²) + C(u)/2
//	A(u) = Σ (x0+u)²/s0² + Σ w (Δx)² + Σ κ (x-μ)²,  B = Σ beta²/sβ²,
//	C(u) = Σ ((c1+beta u)² + (c2+beta u)²)/sc²
//
// with x0 each chain's first position, Δx its moves and x-μ each
// position's distance to its period's mean (which moves with it), κ held.
type scaleSums struct {
	n0, sx0, sxx0, walk  float64 // chain starts: count, sum, sum of squares; weighted squared moves and spreads
	bb, bc, cc, betaPrec float64
}

func (m *model) scaleSums() scaleSums {
	var s scaleSums
	m.periodSpread()
	for k := range m.p.chains {
		ch := &m.p.chains[k]
		x := m.theta[ch.base : ch.base+ch.len]
		s.n0++
		s.sx0 += x[0]
		s.sxx0 += x[0] * x[0]
		for t := 1; t < ch.len; t++ {
			d := x[t] - x[t-1]
			s.walk += m.linkPrecision(ch, t) * d * d
		}
		for t := range ch.len {
			d := x[t] - m.mu[ch.first+t]
			s.walk += m.kappa[ch.first+t] * d * d
		}
	}
	for j := range m.beta {
		b := m.beta[j]
		s.bb += b * b
		s.bc += b * (m.c1[j] + m.c2[j])
		s.cc += m.c1[j]*m.c1[j] + m.c2[j]*m.c2[j]
	}
	s.betaPrec = s.bb / (priorBeta * priorBeta)
	return s
}

// a2 is A(u).
func (s scaleSums) a2(u float64) float64 {
	return (s.sxx0+2*u*s.sx0+s.n0*u*u)/(priorFirst*priorFirst) + s.walk
}

// bestA is the scale a that minimizes the cost at u: a⁴ = B/A(u).
func (s scaleSums) bestA(u float64) float64 {
	return math.Pow(s.betaPrec/s.a2(u), 0.25)
}

// cost is minus the log-prior at the best a for u: sqrt(A(u) B) + C(u)/2.
func (s scaleSums) cost(u float64) float64 {
	c := (s.cc + 2*u*s.bc + 2*u*u*s.bb) / (priorCut * priorCut)
	return math.Sqrt(s.a2(u)*s.betaPrec) + c/2
}

// goldenMin minimizes a convex function on [lo, hi] by golden-section
// search to a width of 1e-9.
func goldenMin(lo, hi float64, f func(float64) float64) float64 {
	const r = 0.6180339887498949
	x1, x2 := hi-r*(hi-lo), lo+r*(hi-lo)
	f1, f2 := f(x1), f(x2)
	for hi-lo > 1e-9 {
		if f1 < f2 {
			hi, x2, f2 = x2, x1, f1
			x1 = hi - r*(hi-lo)
			f1 = f(x1)
		} else {
			lo, x1, f1 = x1, x2, f2
			x2 = lo + r*(hi-lo)
			f2 = f(x2)
		}
	}
	return (lo + hi) / 2
}
