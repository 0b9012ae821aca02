package idealpoint

// The item half-step. Given the positions, an item's three parameters
// (discrimination beta, cut points c1 < c2) have a concave log-posterior
// (the ordinal logit is log-concave), so each item takes a Newton step on
// a 3x3 system with step-halving that keeps the cut points in order.

// Prior standard deviations of the item parameters. The cut points' prior
// is wide: it only keeps one-sided votes finite. The discrimination's
// sets, through rescale, the unit of the positions against the random
// walk; 1 gave the closest match to the published estimates (see
// docs/idealpoints.md).
const (
	priorBeta = 1.0
	priorCut  = 5.0
)

// itemParams are one item's parameters.
type itemParams struct{ beta, c1, c2 float64 }

// itemPrior is the log-prior of an item's parameters.
func itemPrior(q itemParams) float64 {
	return -0.5*q.beta*q.beta/(priorBeta*priorBeta) - 0.5*(q.c1*q.c1+q.c2*q.c2)/(priorCut*priorCut)
}

// itemLogLik is the log-likelihood of an item's votes under q.
func (m *model) itemLogLik(j int, q itemParams) float64 {
	p := m.p
	ll := 0.0
	for o := p.itemStart[j]; o < p.itemStart[j+1]; o++ {
		eta := q.beta * m.theta[p.itemCP[o]]
		ll += logLik(p.itemY[o], q.c1-eta, q.c2-eta)
	}
	return ll
}

// itemNewton is the log-posterior of item j at its current parameters and
// the Newton step (in beta, c1, c2) from there.
func (m *model) itemNewton(j int) (obj float64, step [3]float64) {
	p := m.p
	q := itemParams{m.beta[j], m.c1[j], m.c2[j]}
	var g [3]float64
	var h [3][3]float64
	for o := p.itemStart[j]; o < p.itemStart[j+1]; o++ {
		x := m.theta[p.itemCP[o]]
		eta := q.beta * x
		tm := voteTerms(p.itemY[o], q.c1-eta, q.c2-eta)
		ge, he := tm.eta()
		obj += tm.ll
		g[0] += x * ge
		g[1] += tm.da
		g[2] += tm.db
		h[0][0] += x * x * he
		h[0][1] -= x * (tm.daa + tm.dab)
		h[0][2] -= x * (tm.dab + tm.dbb)
		h[1][1] += tm.daa
		h[1][2] += tm.dab
		h[2][2] += tm.dbb
	}
	obj += itemPrior(q)
	g[0] -= q.beta / (priorBeta * priorBeta)
	g[1] -= q.c1 / (priorCut * priorCut)
	g[2] -= q.c2 / (priorCut * priorCut)
	h[0][0] -= 1 / (priorBeta * priorBeta)
	h[1][1] -= 1 / (priorCut * priorCut)
	h[2][2] -= 1 / (priorCut * priorCut)
	h[1][0], h[2][0], h[2][1] = h[0][1], h[0][2], h[1][2]
	return obj, solve3(h, g)
}

// solve3 solves -h x = g for a negative definite h by Cramer's rule.
func solve3(h [3][3]float64, g [3]float64) [3]float64 {
	var a [3][3]float64
	for i := range 3 {
		for k := range 3 {
			a[i][k] = -h[i][k]
		}
	}
	det := a[0][0]*(a[1][1]*a[2][2]-a[1][2]*a[2][1]) -
		a[0][1]*(a[1][0]*a[2][2]-a[1][2]*a[2][0]) +
		a[0][2]*(a[1][0]*a[2][1]-a[1][1]*a[2][0])
	if det <= 0 {
		return [3]float64{}
	}
	var x [3]float64
	for c := range 3 {
		m := a
		for i := range 3 {
			m[i][c] = g[i]
		}
		x[c] = (m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) -
			m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) +
			m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])) / det
	}
	return x
}

// itemStep moves item j by a Newton step with step-halving and returns its
// log-posterior (votes and parameters).
func (m *model) itemStep(j int) float64 {
	obj0, step := m.itemNewton(j)
	for scale := 1.0; scale > 1e-6; scale /= 2 {
		q := itemParams{
			beta: m.beta[j] + scale*step[0],
			c1:   m.c1[j] + scale*step[1],
			c2:   m.c2[j] + scale*step[2],
		}
		if q.c2 <= q.c1 {
			continue
		}
		obj := m.itemLogLik(j, q) + itemPrior(q)
		if obj >= obj0 {
			m.beta[j], m.c1[j], m.c2[j] = q.beta, q.c1, q.c2
			return obj
		}
	}
	return obj0
}
