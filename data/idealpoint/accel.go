package idealpoint

import "math"

// Acceleration. Alternating half-steps converge linearly, and slowly along
// the directions the votes identify only weakly (the drift of whole
// periods against the bridged items). SQUAREM (Varadhan and Roland,
// Scandinavian Journal of Statistics 35, 2008) extrapolates along the path
// of two plain iterations and keeps the jump only when it raises the
// log-posterior; otherwise the plain iterations stand, so the ascent stays
// monotone.

// params is a copy of every parameter of the model.
type params struct{ theta, beta, c1, c2 []float64 }

func (m *model) save(dst *params) {
	dst.theta = append(dst.theta[:0], m.theta...)
	dst.beta = append(dst.beta[:0], m.beta...)
	dst.c1 = append(dst.c1[:0], m.c1...)
	dst.c2 = append(dst.c2[:0], m.c2...)
}

func (m *model) load(src *params) {
	copy(m.theta, src.theta)
	copy(m.beta, src.beta)
	copy(m.c1, src.c1)
	copy(m.c2, src.c2)
}

// slices lists the parts of p in a fixed order.
func (p *params) slices() [4][]float64 { return [4][]float64{p.theta, p.beta, p.c1, p.c2} }

// squaremStep is the steplength -|r|/|v| from x0, x1 = F(x0), x2 = F(x1),
// bounded above by -1 (a plain step).
func squaremStep(x0, x1, x2 *params) float64 {
	var rr, vv float64
	a, b, c := x0.slices(), x1.slices(), x2.slices()
	for s := range a {
		for i := range a[s] {
			r := b[s][i] - a[s][i]
			v := c[s][i] - 2*b[s][i] + a[s][i]
			rr += r * r
			vv += v * v
		}
	}
	if vv == 0 {
		return -1
	}
	return math.Min(-1, -math.Sqrt(rr/vv))
}

// extrapolate sets the model to x0 - 2 alpha r + alpha² v, keeping every
// item's cut points in order.
func (m *model) extrapolate(x0, x1, x2 *params, alpha float64) {
	a, b, c := x0.slices(), x1.slices(), x2.slices()
	dst := [4][]float64{m.theta, m.beta, m.c1, m.c2}
	for s := range a {
		for i := range a[s] {
			r := b[s][i] - a[s][i]
			v := c[s][i] - 2*b[s][i] + a[s][i]
			dst[s][i] = a[s][i] - 2*alpha*r + alpha*alpha*v
		}
	}
	for j := range m.c1 {
		if m.c2[j] <= m.c1[j] {
			mid := (m.c1[j] + m.c2[j]) / 2
			m.c1[j], m.c2[j] = mid-1e-3, mid+1e-3
		}
	}
}
