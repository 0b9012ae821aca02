package idealpoint

import (
	"math"
	"slices"

	"plenary/data/countries"
	"plenary/data/record"
)

// Dyad is one pair of states in one period, in the layout of the dyadic
// file Bailey, Strezhnev and Voeten publish with their ideal points
// (ccode1, ccode2, iso3_1, iso3_2, year, agree, IdealPointDistance, n).
type Dyad struct {
	CCode1, CCode2 int    // Correlates of War codes, 0 where a state has none
	ISO3a, ISO3b   string // the two states, in the table's column order
	Period         Period
	// Agree is the share of identical votes among the roll calls on which
	// both states voted yes, no or abstain: the authors' "agree", where an
	// abstention matches only an abstention. Absent and non-voting leave
	// the roll call out for the pair.
	Agree float64
	// Distance is |ideal a - ideal b| in the period.
	Distance float64
	// N is the number of roll calls Agree rests on.
	N int
}

// Dyads lists, for every period of res, every pair of states that both
// have an estimate in it and voted on at least one common roll call of
// rows (nil for all; the same selection res was estimated from), sorted
// by period, then by the first state's column and the second's. Agreement
// counts every selected roll call of the period, unanimous ones included,
// as the authors' file does. The whole General Assembly history gives
// about 1.6 million pairs; EachDyad streams them instead.
func Dyads(t *record.Table, rows []int, res *Result) []Dyad {
	var out []Dyad
	EachDyad(t, rows, res, func(d Dyad) bool {
		out = append(out, d)
		return true
	})
	return out
}

// EachDyad calls yield with each pair Dyads would list, in the same order,
// until yield returns false; it keeps one period's votes in memory, not
// the pairs.
func EachDyad(t *record.Table, rows []int, res *Result, yield func(Dyad) bool) {
	byPeriod := rowsByPeriod(t, rows, res.Options.By)
	ideal := map[key]float64{}
	for _, e := range res.Estimates {
		ideal[key{e.ISO3, e.Period.Year}] = e.Ideal
	}
	cow := make([]int, len(t.Countries))
	for c, iso := range t.Countries {
		if info, ok := countries.ByISO3(iso); ok {
			cow[c] = info.COW
		}
	}
	for _, p := range res.Periods {
		if !periodDyads(t, byPeriod[p.Year], p, ideal, cow, yield) {
			return
		}
	}
}

// key is a state in the period beginning in a year.
type key struct {
	iso3 string
	year int
}

// rowsByPeriod groups the selected rows (a set) by the year their period
// begins.
func rowsByPeriod(t *record.Table, rows []int, by By) map[int][]int {
	if rows == nil {
		rows = make([]int, len(t.RollCalls))
		for i := range rows {
			rows[i] = i
		}
	} else {
		rows = slices.Compact(slices.Sorted(slices.Values(rows)))
	}
	out := map[int][]int{}
	for _, r := range rows {
		if r < 0 || r >= len(t.RollCalls) || len(t.Votes[r]) != len(t.Countries) {
			continue
		}
		if p, ok := periodOf(&t.RollCalls[r], by); ok {
			out[p.Year] = append(out[p.Year], r)
		}
	}
	return out
}

// periodDyads yields the pairs of one period; false means yield asked to
// stop.
func periodDyads(t *record.Table, rows []int, p Period, ideal map[key]float64, cow []int, yield func(Dyad) bool) bool {
	var cols []int
	var pos []float64
	for c, iso := range t.Countries {
		if x, ok := ideal[key{iso, p.Year}]; ok {
			cols, pos = append(cols, c), append(pos, x)
		}
	}
	votes := make([][]int8, len(cols)) // category per state and roll call
	for i, c := range cols {
		votes[i] = make([]int8, len(rows))
		for k, r := range rows {
			votes[i][k] = int8(category(t.Votes[r][c]))
		}
	}
	for i := range cols {
		for j := i + 1; j < len(cols); j++ {
			same, n := agreement(votes[i], votes[j])
			if n == 0 {
				continue
			}
			a, b := cols[i], cols[j]
			if !yield(Dyad{
				CCode1: cow[a], CCode2: cow[b], ISO3a: t.Countries[a], ISO3b: t.Countries[b], Period: p,
				Agree: float64(same) / float64(n), Distance: math.Abs(pos[i] - pos[j]), N: n,
			}) {
				return false
			}
		}
	}
	return true
}

// agreement counts the roll calls where both voted and those where they
// voted the same.
func agreement(a, b []int8) (same, n int) {
	for k := range a {
		if a[k] >= 0 && b[k] >= 0 {
			n++
			if a[k] == b[k] {
				same++
			}
		}
	}
	return same, n
}
