package idealpoint

import "math"

// The starting point. Each state gets one position for all its periods:
// its score on the first principal component of the votes (yes +1,
// abstain 0, no -1, centred per item, missing votes at the item's mean),
// by power iteration. The items then take a few Newton steps from there.

// powerIterations is enough for the leading component of UN votes, whose
// first eigenvalue stands far above the second.
const powerIterations = 30

// initialize sets the starting positions and items.
func (m *model) initialize() {
	score := m.principalComponent()
	if k := m.anchorChain(); k >= 0 && score[k] < 0 {
		for i := range score {
			score[i] = -score[i]
		}
	}
	for k, ch := range m.p.chains {
		for t := range ch.len {
			m.theta[ch.base+t] = score[k]
		}
	}
	for j := range m.beta {
		m.beta[j], m.c1[j], m.c2[j] = 0, -1, 1
	}
	for range 3 {
		m.itemHalfStep()
	}
}

// principalComponent returns each chain's standardized score.
func (m *model) principalComponent() []float64 {
	p := m.p
	chainOf := make([]int32, p.nCP)
	for k, ch := range p.chains {
		for t := range ch.len {
			chainOf[ch.base+t] = int32(k)
		}
	}
	mean := make([]float64, p.nItems)
	for j := range p.nItems {
		s := 0.0
		for o := p.itemStart[j]; o < p.itemStart[j+1]; o++ {
			s += float64(p.itemY[o]) - 1
		}
		mean[j] = s / float64(p.itemStart[j+1]-p.itemStart[j])
	}
	v := make([]float64, len(p.chains))
	for k := range v {
		v[k] = 1 + float64(k%7)/7 // any start not orthogonal to the answer
	}
	u := make([]float64, p.nItems)
	for range powerIterations {
		for j := range p.nItems {
			s := 0.0
			for o := p.itemStart[j]; o < p.itemStart[j+1]; o++ {
				s += (float64(p.itemY[o]) - 1 - mean[j]) * v[chainOf[p.itemCP[o]]]
			}
			u[j] = s
		}
		clear(v)
		for j := range p.nItems {
			for o := p.itemStart[j]; o < p.itemStart[j+1]; o++ {
				v[chainOf[p.itemCP[o]]] += (float64(p.itemY[o]) - 1 - mean[j]) * u[j]
			}
		}
		standardize(v)
	}
	return v
}

// standardize gives x mean 0 and standard deviation 1 (when it varies).
func standardize(x []float64) {
	if len(x) == 0 {
		return
	}
	mean, ss := 0.0, 0.0
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	sd := math.Sqrt(ss / float64(len(x)))
	if sd == 0 {
		sd = 1
	}
	for i := range x {
		x[i] = (x[i] - mean) / sd
	}
}
