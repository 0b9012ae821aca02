package idealpoint

import "math"

// The ordinal logit link. A vote is the latent y* = beta*theta + e, e
// logistic, cut at c1 < c2: no below c1, abstain between, yes above. With
// a = c1 - beta*theta and b = c2 - beta*theta:
//
//	P(no) = F(a),  P(abstain) = F(b) - F(a),  P(yes) = 1 - F(b).
//
// terms returns the log-probability of the vote and its first and second
// derivatives in a and b; everything the two half-steps need follows by
// the chain rule. Each vote costs one exponential, two for an abstention.
type terms struct {
	ll, da, db, daa, dab, dbb float64
}

// logistic is F(x) and log F(x), computed without overflow. log(1+e)
// rather than log1p(e): e is at most 1, where the two differ by a rounding
// error, and math.Log is several times faster.
func logistic(x float64) (f, logf float64) {
	if x >= 0 {
		e := math.Exp(-x)
		return 1 / (1 + e), -math.Log(1 + e)
	}
	e := math.Exp(x)
	return e / (1 + e), x - math.Log(1+e)
}

// voteTerms evaluates one vote y (0 no, 1 abstain, 2 yes).
func voteTerms(y uint8, a, b float64) terms {
	switch y {
	case 0:
		f, lf := logistic(a)
		return terms{ll: lf, da: 1 - f, daa: -f * (1 - f)}
	case 2:
		f, lf := logistic(-b) // 1 - F(b) = F(-b)
		return terms{ll: lf, db: -(1 - f), dbb: -f * (1 - f)}
	}
	return abstainTerms(a, b)
}

// tiny keeps the probability of an abstention away from zero when the two
// cut points meet.
const tiny = 1e-300

// abstainTerms is voteTerms for an abstention.
func abstainTerms(a, b float64) terms {
	fa, _ := logistic(a)
	fb, _ := logistic(b)
	var d float64
	if a > 0 { // both near 1: subtract the small complements instead
		ga, _ := logistic(-a)
		gb, _ := logistic(-b)
		d = ga - gb
	} else {
		d = fb - fa
	}
	d = max(d, tiny)
	pa, pb := fa*(1-fa), fb*(1-fb)
	ra, rb := pa/d, pb/d
	return terms{
		ll:  math.Log(d),
		da:  -ra,
		db:  rb,
		daa: -ra*(1-2*fa) - ra*ra,
		dbb: rb*(1-2*fb) - rb*rb,
		dab: ra * rb,
	}
}

// eta is the derivative pair in the linear predictor beta*theta: a and b
// both move by minus its change.
func (t terms) eta() (g, h float64) {
	return -(t.da + t.db), t.daa + 2*t.dab + t.dbb
}

// logLik is the log-probability of a vote alone, for the trial points of
// the line searches.
func logLik(y uint8, a, b float64) float64 {
	switch y {
	case 0:
		_, lf := logistic(a)
		return lf
	case 2:
		_, lf := logistic(-b)
		return lf
	}
	return abstainTerms(a, b).ll
}
