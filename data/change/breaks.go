package change

import (
	"math"
	"slices"

	"plenary/data/compare"
	"plenary/data/idealpoint"
)

// Obs is one year of a series: its value, the sampling variance of that
// value (how uncertain it is given the roll calls it rests on) and that
// number of roll calls or votes.
type Obs struct {
	Year  int
	Value float64
	Var   float64
	N     int
}

// BreakOptions tune Breaks; the zero value is the documented default.
type BreakOptions struct {
	// Penalty is the cost of one break in units of the weighted squared
	// error; 0 means DefaultPenalty(number of years).
	Penalty float64
	// MinYears is the fewest years a level may span (default 2), and
	// MinN the fewest roll calls (summed N) it may rest on (default 20):
	// one year, or a few years of a handful of votes, never make a level
	// of their own.
	MinYears, MinN int
	// MinMoves, when set, drops every break whose jump is smaller than
	// MinMoves times the median move from one year to the next, the
	// smallest first, merging its two levels: a series that drifts, as
	// ideal points do, is then not cut into a staircase.
	MinMoves float64
}

// IdealBreakOptions are the options for ideal-point series: their
// estimates move by a random walk, so a break must be five typical yearly
// moves at least, and a level span three years.
var IdealBreakOptions = BreakOptions{MinYears: 3, MinMoves: 5}

// DefaultPenalty is the penalty of one break in a series of n years:
// 3·ln n, a modified BIC (a break adds a level and a location). It keeps
// false breaks in series without one rare (docs/change.md has the rates).
func DefaultPenalty(n int) float64 { return 4 * math.Log(math.Max(float64(n), 3)) }

// Level is one stretch of a series between breaks.
type Level struct {
	From, To int     // first and last year
	Mean     float64 // weighted mean
	N        int     // roll calls or votes it rests on
}

// Break is one change point: the level changes from Before to After in
// Year (the first year of the new level).
type Break struct {
	Year          int
	Before, After float64
	// Size is the change in units of the series' noise (Noise): how many
	// typical year-to-year deviations the level moved. Z is the change
	// over its standard error from the two levels' weights.
	Size, Z float64
}

// Breaks is the outcome of FindBreaks.
type Breaks struct {
	Breaks []Break
	Levels []Level
	// Noise is the typical standard deviation of one year around its
	// level: the median of √(Var + Extra).
	Noise float64
	// Extra is the year-to-year variance beyond sampling (τ²), estimated
	// from the differences of consecutive years.
	Extra   float64
	Penalty float64
}

// FindBreaks finds the change points of a yearly series by penalised
// least squares (optimal partitioning): each year weighs 1/(Var + τ²),
// so that a year resting on few roll calls counts little, and a
// partition costs its weighted squared error plus Penalty per break. See
// docs/change.md. Years with no value (NaN) or no roll calls are left
// out.
func FindBreaks(series []Obs, opt BreakOptions) Breaks {
	obs := usableYears(series)
	if opt.MinYears <= 0 {
		opt.MinYears = 2
	}
	if opt.MinN <= 0 {
		opt.MinN = 20
	}
	n := len(obs)
	out := Breaks{Penalty: opt.Penalty}
	if out.Penalty <= 0 {
		out.Penalty = DefaultPenalty(n)
	}
	if n == 0 {
		return out
	}
	out.Extra = extraVariance(obs)
	w, sd := yearWeights(obs, out.Extra)
	out.Noise = median(sd)
	sums := newPrefixSums(obs, w)
	cuts := bestPartition(sums, opt, out.Penalty)
	if opt.MinMoves > 0 && len(cuts) > 1 {
		cuts = mergeSmallMoves(obs, sums, cuts, opt.MinMoves)
	}
	out.Levels, out.Breaks = levelsAndBreaks(obs, sums, cuts, out.Noise)
	return out
}

// usableYears returns the years of series that have a finite value, a
// variance and roll calls, in order of year.
func usableYears(series []Obs) []Obs {
	var obs []Obs
	for _, o := range series {
		if o.N > 0 && !math.IsNaN(o.Value) && !math.IsInf(o.Value, 0) && o.Var >= 0 && !math.IsNaN(o.Var) {
			obs = append(obs, o)
		}
	}
	slices.SortStableFunc(obs, func(a, b Obs) int { return a.Year - b.Year })
	return obs
}

// yearWeights returns each year's weight 1/(Var + extra) and its standard
// deviation √(Var + extra).
func yearWeights(obs []Obs, extra float64) (w, sd []float64) {
	w = make([]float64, len(obs))
	sd = make([]float64, len(obs))
	for i, o := range obs {
		v := o.Var + extra
		if v <= 0 {
			v = 1e-12
		}
		w[i], sd[i] = 1/v, math.Sqrt(v)
	}
	return w, sd
}

// prefixSums holds the running sums of w, w·y, w·y² and N over a series,
// which make a segment's mean and cost O(1).
type prefixSums struct {
	sw, swy, swy2 []float64
	sn            []int
}

func newPrefixSums(obs []Obs, w []float64) *prefixSums {
	n := len(obs)
	p := &prefixSums{sw: make([]float64, n+1), swy: make([]float64, n+1), swy2: make([]float64, n+1), sn: make([]int, n+1)}
	for i, o := range obs {
		p.sw[i+1], p.swy[i+1], p.swy2[i+1] = p.sw[i]+w[i], p.swy[i]+w[i]*o.Value, p.swy2[i]+w[i]*o.Value*o.Value
		p.sn[i+1] = p.sn[i] + o.N
	}
	return p
}

// len is the number of years summed.
func (p *prefixSums) len() int { return len(p.sn) - 1 }

// mean is the weighted mean of obs[i:j].
func (p *prefixSums) mean(i, j int) float64 { return (p.swy[j] - p.swy[i]) / (p.sw[j] - p.sw[i]) }

// cost is the weighted squared error of obs[i:j] around its mean.
func (p *prefixSums) cost(i, j int) float64 {
	W, S := p.sw[j]-p.sw[i], p.swy[j]-p.swy[i]
	return math.Max(0, p.swy2[j]-p.swy2[i]-S*S/W)
}

// bestPartition returns where each level of the least-cost partition
// starts (the first is 0), each level spanning opt.MinYears and resting
// on opt.MinN roll calls at least; a series too short to split is one
// level.
func bestPartition(p *prefixSums, opt BreakOptions, penalty float64) []int {
	n := p.len()
	ok := func(i, j int) bool { return j-i >= opt.MinYears && p.sn[j]-p.sn[i] >= opt.MinN }
	// best[j] is the least cost of obs[:j]; from[j] where its last level
	// starts.
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for j := 1; j <= n; j++ {
		best[j], from[j] = math.Inf(1), -1
		for i := 0; i < j; i++ {
			if !ok(i, j) || (i > 0 && math.IsInf(best[i], 1)) {
				continue
			}
			c := p.cost(i, j)
			if i > 0 {
				c += best[i] + penalty
			}
			if c < best[j] {
				best[j], from[j] = c, i
			}
		}
	}
	if from[n] < 0 {
		return []int{0} // too short to split: one level
	}
	var cuts []int
	for j := n; j > 0; j = from[j] {
		cuts = append(cuts, from[j])
	}
	slices.Reverse(cuts)
	return cuts
}

// mergeSmallMoves drops, the smallest first, every cut whose jump between
// levels is under minMoves times the median move from one year to the
// next, merging its two levels.
func mergeSmallMoves(obs []Obs, p *prefixSums, cuts []int, minMoves float64) []int {
	n := len(obs)
	moves := make([]float64, 0, n-1)
	for i := 1; i < n; i++ {
		moves = append(moves, math.Abs(obs[i].Value-obs[i-1].Value))
	}
	least := minMoves * median(moves)
	for len(cuts) > 1 {
		k := smallestJump(p, cuts, least)
		if k < 0 {
			break
		}
		cuts = append(cuts[:k], cuts[k+1:]...)
	}
	return cuts
}

// smallestJump returns the index in cuts of the cut whose levels differ
// least, if by less than least, or -1.
func smallestJump(p *prefixSums, cuts []int, least float64) int {
	k, small := -1, least
	for c := 1; c < len(cuts); c++ {
		end := p.len()
		if c+1 < len(cuts) {
			end = cuts[c+1]
		}
		if d := math.Abs(p.mean(cuts[c], end) - p.mean(cuts[c-1], cuts[c])); d < small {
			k, small = c, d
		}
	}
	return k
}

// levelsAndBreaks describes the levels that start at cuts and the breaks
// between them, each break's size in units of noise.
func levelsAndBreaks(obs []Obs, p *prefixSums, cuts []int, noise float64) ([]Level, []Break) {
	var levels []Level
	var breaks []Break
	ends := append(cuts[1:], len(obs))
	for k, i := range cuts {
		j := ends[k]
		levels = append(levels, Level{From: obs[i].Year, To: obs[j-1].Year, Mean: p.mean(i, j), N: p.sn[j] - p.sn[i]})
	}
	for k := 1; k < len(levels); k++ {
		a, b := levels[k-1], levels[k]
		i, m, j := cuts[k-1], cuts[k], ends[k]
		se := math.Sqrt(1/(p.sw[m]-p.sw[i]) + 1/(p.sw[j]-p.sw[m]))
		d := b.Mean - a.Mean
		breaks = append(breaks, Break{Year: b.From, Before: a.Mean, After: b.Mean, Size: d / noise, Z: d / se})
	}
	return levels, breaks
}

// extraVariance estimates τ², the variance of a year around its level
// beyond its sampling variance, from consecutive differences d (whose
// variance is v₁ + v₂ + 2τ² where the level holds): by moments,
// τ² = mean(d² − v₁ − v₂)/2, over the differences no larger than three
// of their standard deviations, so that the few that span a break do not
// inflate it. Five rounds settle it.
func extraVariance(obs []Obs) float64 {
	if len(obs) < 3 {
		return 0
	}
	type diff struct{ d2, v float64 }
	ds := make([]diff, 0, len(obs)-1)
	for i := 1; i < len(obs); i++ {
		d := obs[i].Value - obs[i-1].Value
		ds = append(ds, diff{d * d, obs[i].Var + obs[i-1].Var})
	}
	t2 := math.Inf(1)
	for range 5 {
		sum, k := 0.0, 0
		for _, d := range ds {
			if d.d2 <= 9*(d.v+2*t2) {
				sum += d.d2 - d.v
				k++
			}
		}
		if k == 0 {
			return 0
		}
		t2 = math.Max(0, sum/float64(2*k))
	}
	return t2
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// AgreementSeries turns a pair's yearly agreement into a series: the
// sampling variance of a share p of n roll calls is p(1−p)/n, with p
// pulled half a roll call from 0 and 1 so that a year of perfect
// agreement still has some.
func AgreementSeries(years []compare.YearScore) []Obs {
	var out []Obs
	for _, y := range years {
		if y.Year == compare.Undated || y.N == 0 || math.IsNaN(y.Agreement) {
			continue
		}
		n := float64(y.N)
		p := (y.Agreement*n + 0.5) / (n + 1)
		out = append(out, Obs{Year: y.Year, Value: y.Agreement, Var: p * (1 - p) / n, N: y.N})
	}
	return out
}

// IdealSeries turns a state's ideal points into a series: the sampling
// variance of a year is its estimate's SD squared. Flagged estimates are
// left out.
func IdealSeries(ps []idealpoint.Point) []Obs {
	var out []Obs
	for _, p := range ps {
		if p.Flag {
			continue
		}
		out = append(out, Obs{Year: p.Period.Year, Value: p.Ideal, Var: p.SD * p.SD, N: p.N})
	}
	return out
}
