package idealpoint

// Two rules on top of the random walk (docs/idealpoints.md, "The
// model").
//
// Each period's positions are shrunk towards that period's mean, with the
// spread the positions themselves have in the period (empirical Bayes):
// the first-position prior alone pulls on one period of a chain, so a bloc
// voting in unison on the far side of one-sided roll calls could run out
// for decades at the cost of its first position only. A prior scaled by
// the period's own spread holds every period, yet leaves the unit of the
// positions to the other priors.
//
// A state's first moves are freer: the walk's standard deviation is
// doubled over its first three moves. Its first position is a guess from
// a few votes and the N(0, 1) prior, and states took their camps in their
// first sessions (Czechoslovakia and Yugoslavia in 1946-1948), which a
// walk as stiff as a settled state's would tie to where they stood later.

const (
	earlyMoves = 3 // moves of a state's chain with the wider walk
	earlyDrift = 2 // factor on the walk's standard deviation in them
)

// linkPrecision is the random walk's precision between period t-1 and t
// of the chain (t >= 1).
func (m *model) linkPrecision(ch *chain, t int) float64 {
	v := m.opt.Drift * m.opt.Drift * m.p.gap[ch.first+t]
	if t <= earlyMoves {
		v *= earlyDrift * earlyDrift
	}
	return 1 / v
}

// periodSpread sets each period's mean (mu) and the precision of the
// prior around it (kappa, one over the variance of the period's
// positions). A period with fewer than two states, or all of them at one
// point, gets no such prior.
func (m *model) periodSpread() {
	np := len(m.p.periods)
	if m.mu == nil {
		m.mu, m.kappa, m.count = make([]float64, np), make([]float64, np), make([]float64, np)
	}
	clear(m.mu)
	clear(m.kappa)
	clear(m.count)
	for _, ch := range m.p.chains {
		for t := range ch.len {
			m.mu[ch.first+t] += m.theta[ch.base+t]
			m.count[ch.first+t]++
		}
	}
	for t := range np {
		m.mu[t] /= max(m.count[t], 1)
	}
	for _, ch := range m.p.chains {
		for t := range ch.len {
			d := m.theta[ch.base+t] - m.mu[ch.first+t]
			m.kappa[ch.first+t] += d * d
		}
	}
	for t, ss := range m.kappa {
		m.kappa[t] = 0
		if m.count[t] >= 2 && ss > 0 {
			m.kappa[t] = m.count[t] / ss
		}
	}
}
