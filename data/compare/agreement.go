package compare

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// Metric is a way to measure how alike two countries vote; the package
// documentation defines each.
type Metric int

// The agreement metrics.
const (
	Identical Metric = iota
	Voeten
	Coincidence
)

// Metrics lists the metrics in the order menus show them.
var Metrics = []Metric{Identical, Voeten, Coincidence}

// String is the metric's name as the command line spells it.
func (m Metric) String() string {
	switch m {
	case Voeten:
		return "voeten"
	case Coincidence:
		return "coincidence"
	}
	return "identical"
}

// Label is the metric's name for chart captions.
func (m Metric) Label() string {
	switch m {
	case Voeten:
		return "Voeten agreement index"
	case Coincidence:
		return "voting coincidence (yes/no votes only)"
	}
	return "identical votes"
}

// ParseMetric reads a metric name; the empty string is Identical.
func ParseMetric(s string) (Metric, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "identical", "same":
		return Identical, nil
	case "voeten", "index":
		return Voeten, nil
	case "coincidence", "state", "state-department":
		return Coincidence, nil
	}
	return Identical, fmt.Errorf("unknown metric %q (identical, voeten or coincidence)", s)
}

// Score is an agreement figure and the number of roll calls it rests on.
type Score struct {
	Agreement float64 // 0..1; NaN when N is 0
	N         int
}

// score turns counts into a Score. num2 is twice the numerator, which
// keeps Voeten's half points in integers.
func score(num2, n int) Score {
	if n == 0 {
		return Score{Agreement: math.NaN()}
	}
	return Score{Agreement: float64(num2) / float64(2*n), N: n}
}

// window is a run of bitset words [w0, w1) with the selected rows in it.
type window struct {
	w0, w1 int
	mask   []uint64 // w1-w0 words
}

func (w window) len() int { return w.w1 - w.w0 }

// whole is the window over every selected roll call.
func (s *Selection) whole() window { return window{0, s.ix.nWords, s.sel} }

// yearWindow is the part of the selection in one run of one year.
type yearWindow struct {
	year int
	window
}

// yearWindows splits the selection by calendar year; roll calls without a
// date make a window of year 0 (Undated), so that no vote is dropped from
// a count by year unseen.
func (s *Selection) yearWindows() []yearWindow { return s.ix.yearWindows(s.sel, true) }

// Undated is the year of the roll calls that have no date in the results
// by year (YearScore, YearMatrix): they are counted there, apart.
const Undated = 0

// yearWindows splits the rows of a bitset by calendar year, with the
// undated ones as year 0 or left out.
func (ix *Index) yearWindows(sel bitset, undated bool) []yearWindow {
	var out []yearWindow
	for _, run := range ix.runs {
		if run.year == 0 && !undated {
			continue
		}
		w0, w1 := run.from>>6, words(run.to)
		mask := make([]uint64, w1-w0)
		any := uint64(0)
		for w := w0; w < w1; w++ {
			mask[w-w0] = sel[w] & rangeMask(w, run.from, run.to)
			any |= mask[w-w0]
		}
		if any != 0 {
			out = append(out, yearWindow{run.year, window{w0, w1, mask}})
		}
	}
	return out
}

// gather copies a country's votes in a window into dst as four planes of
// win.len() words — yes, abstain, no, and cast (any of the three) — keeping
// only selected roll calls inside the country's membership. It reports
// whether the country cast any vote there.
func (s *Selection) gather(m member, win window, dst []uint64) bool {
	nw := win.len()
	y, a, n := s.ix.plane(m.col, planeYes), s.ix.plane(m.col, planeAbstain), s.ix.plane(m.col, planeNo)
	any := uint64(0)
	for i := 0; i < nw; i++ {
		w := win.w0 + i
		mk := win.mask[i]
		if m.mask != nil {
			mk &= m.mask[w]
		}
		yy, aa, nn := y[w]&mk, a[w]&mk, n[w]&mk
		dst[i], dst[nw+i], dst[2*nw+i], dst[3*nw+i] = yy, aa, nn, yy|aa|nn
		any |= yy | aa | nn
	}
	return any != 0
}

// count compares two gathered countries and returns twice the agreement
// numerator and the number of roll calls it rests on.
func count(m Metric, a, b []uint64, nw int) (num2, n int) {
	ya, aa, na, ca := a[:nw], a[nw:2*nw], a[2*nw:3*nw], a[3*nw:4*nw]
	yb, ab, nb, cb := b[:nw], b[nw:2*nw], b[2*nw:3*nw], b[3*nw:4*nw]
	same, half := 0, 0
	switch m {
	case Identical:
		for i := range nw {
			n += bits.OnesCount64(ca[i] & cb[i])
			same += bits.OnesCount64(ya[i]&yb[i] | aa[i]&ab[i] | na[i]&nb[i])
		}
	case Voeten:
		for i := range nw {
			n += bits.OnesCount64(ca[i] & cb[i])
			same += bits.OnesCount64(ya[i]&yb[i] | aa[i]&ab[i] | na[i]&nb[i])
			half += bits.OnesCount64(aa[i]&(yb[i]|nb[i]) | ab[i]&(ya[i]|na[i]))
		}
	case Coincidence:
		for i := range nw {
			n += bits.OnesCount64((ya[i] | na[i]) & (yb[i] | nb[i]))
			same += bits.OnesCount64(ya[i]&yb[i] | na[i]&nb[i])
		}
	}
	return 2*same + half, n
}

// selfCount is the number of roll calls a country's agreement with itself
// rests on: those where it voted yes, no or abstain (yes or no for
// Coincidence).
func selfCount(m Metric, a []uint64, nw int) int {
	n := 0
	for i := range nw {
		if m == Coincidence {
			n += bits.OnesCount64(a[i] | a[2*nw+i])
		} else {
			n += bits.OnesCount64(a[3*nw+i])
		}
	}
	return n
}

// Pair is the agreement of two countries over the whole selection. Either
// may be outside the selected countries; it fails when one has no votes in
// the table.
func (s *Selection) Pair(a, b string, m Metric) (Score, error) {
	ma, mb, err := s.pair(a, b)
	if err != nil {
		return Score{}, err
	}
	win := s.whole()
	ba, bb := make([]uint64, 4*win.len()), make([]uint64, 4*win.len())
	s.gather(ma, win, ba)
	s.gather(mb, win, bb)
	return score(count(m, ba, bb, win.len())), nil
}

func (s *Selection) pair(a, b string) (member, member, error) {
	ma, ok := s.member(a)
	if !ok {
		return member{}, member{}, fmt.Errorf("%s has no votes in the data", a)
	}
	mb, ok := s.member(b)
	if !ok {
		return member{}, member{}, fmt.Errorf("%s has no votes in the data", b)
	}
	return ma, mb, nil
}

// YearScore is the agreement within one calendar year.
type YearScore struct {
	Year int
	Score
}

// PairOverTime is the agreement of two countries in each year of the
// selection in which both voted (years with n = 0 are left out), the
// undated roll calls first as year Undated.
func (s *Selection) PairOverTime(a, b string, m Metric) ([]YearScore, error) {
	ma, mb, err := s.pair(a, b)
	if err != nil {
		return nil, err
	}
	var acc []yearCount
	at := map[int]int{}
	var ba, bb []uint64
	for _, yw := range s.yearWindows() {
		nw := yw.len()
		ba, bb = grow(ba, 4*nw), grow(bb, 4*nw)
		if !s.gather(ma, yw.window, ba) || !s.gather(mb, yw.window, bb) {
			continue
		}
		num2, n := count(m, ba, bb, nw)
		if n == 0 {
			continue
		}
		// A year may come in several runs when the table is not sorted.
		k, ok := at[yw.year]
		if !ok {
			k = len(acc)
			at[yw.year] = k
			acc = append(acc, yearCount{year: yw.year})
		}
		acc[k].num2 += num2
		acc[k].n += n
	}
	slices.SortFunc(acc, func(a, b yearCount) int { return cmp.Compare(a.year, b.year) })
	out := make([]YearScore, len(acc))
	for i, a := range acc {
		out[i] = YearScore{a.year, score(a.num2, a.n)}
	}
	return out, nil
}

type yearCount struct{ year, num2, n int }

func grow(b []uint64, n int) []uint64 {
	if cap(b) < n {
		return make([]uint64, n)
	}
	return b[:n]
}

// Ranked is one country's agreement with a reference country.
type Ranked struct {
	ISO3 string
	Score
}

// Ranking compares a reference country with every selected country (but
// itself) over the whole selection and ranks them from most to least in
// agreement, ties broken by n and then code. Countries whose score rests
// on fewer than minN roll calls are left out (and n = 0 always is).
func (s *Selection) Ranking(ref string, m Metric, minN int) ([]Ranked, error) {
	mr, ok := s.member(ref)
	if !ok {
		return nil, fmt.Errorf("%s has no votes in the data", ref)
	}
	win := s.whole()
	nw := win.len()
	br, bo := make([]uint64, 4*nw), make([]uint64, 4*nw)
	s.gather(mr, win, br)
	var out []Ranked
	for _, mo := range s.members {
		if mo.iso == ref || !s.gather(mo, win, bo) {
			continue
		}
		num2, n := count(m, br, bo, nw)
		if n == 0 || n < minN {
			continue
		}
		out = append(out, Ranked{mo.iso, score(num2, n)})
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		if c := cmp.Compare(b.Agreement, a.Agreement); c != 0 {
			return c
		}
		if c := cmp.Compare(b.N, a.N); c != 0 {
			return c
		}
		return strings.Compare(a.ISO3, b.ISO3)
	})
	return out, nil
}
