package change

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"plenary/data/compare"
	"plenary/data/idealpoint"
)

// Value is a measure of one state in one period with its 95% interval.
type Value struct {
	Value, Lo, Hi float64
	N             int // the votes or roll calls it rests on
}

// Mover is one state's change between two periods.
type Mover struct {
	ISO3   string
	A, B   Value
	Change float64 // B − A
	// Within is true when the two intervals overlap: the change is no
	// larger than the uncertainty of the two measures, and is drawn so.
	Within bool
}

func newMover(iso string, a, b Value) Mover {
	return Mover{ISO3: iso, A: a, B: b, Change: b.Value - a.Value, Within: a.Lo <= b.Hi && b.Lo <= a.Hi}
}

// rank sorts movers by the size of their change, largest first, ties by
// code.
func rank(ms []Mover) {
	slices.SortStableFunc(ms, func(x, y Mover) int {
		if dx, dy := math.Abs(x.Change), math.Abs(y.Change); dx != dy {
			if dx > dy {
				return -1
			}
			return 1
		}
		return strings.Compare(x.ISO3, y.ISO3)
	})
}

// IdealMovers ranks the states estimated in both periods (the periods
// beginning in years a and b) by the change of their ideal point. Flagged
// estimates (too few votes) are left out.
func IdealMovers(r *idealpoint.Result, a, b int) ([]Mover, error) {
	if a == b {
		return nil, fmt.Errorf("movers compare two different periods, not %d twice", a)
	}
	find := func(y int) (map[string]idealpoint.Point, error) {
		m := map[string]idealpoint.Point{}
		for _, e := range r.Estimates {
			if e.Period.Year == y && !e.Flag {
				m[e.ISO3] = e
			}
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("no ideal points for %d: the selection has no votes that year", y)
		}
		return m, nil
	}
	pa, err := find(a)
	if err != nil {
		return nil, err
	}
	pb, err := find(b)
	if err != nil {
		return nil, err
	}
	var out []Mover
	for iso, ea := range pa {
		eb, ok := pb[iso]
		if !ok {
			continue
		}
		out = append(out, newMover(iso,
			Value{Value: ea.Ideal, Lo: ea.Lo, Hi: ea.Hi, N: ea.N},
			Value{Value: eb.Ideal, Lo: eb.Lo, Hi: eb.Hi, N: eb.N}))
	}
	rank(out)
	return out, nil
}

// AgreementMovers ranks the states by the change of their agreement with
// ref from selection a to selection b (two periods of one filter), each
// resting on at least minN roll calls in both. The interval of an
// agreement is Wilson's 95% score interval for a share of n.
func AgreementMovers(a, b *compare.Selection, ref string, m compare.Metric, minN int) ([]Mover, error) {
	ra, err := a.Ranking(ref, m, minN)
	if err != nil {
		return nil, err
	}
	rb, err := b.Ranking(ref, m, minN)
	if err != nil {
		return nil, err
	}
	inB := map[string]compare.Score{}
	for _, r := range rb {
		inB[r.ISO3] = r.Score
	}
	var out []Mover
	for _, r := range ra {
		sb, ok := inB[r.ISO3]
		if !ok || r.ISO3 == ref {
			continue
		}
		out = append(out, newMover(r.ISO3, wilson(r.Score), wilson(sb)))
	}
	rank(out)
	return out, nil
}

// wilson is an agreement with its 95% score interval.
func wilson(s compare.Score) Value {
	const z = 1.959964
	n := float64(s.N)
	p := s.Agreement
	d := 1 + z*z/n
	c := (p + z*z/(2*n)) / d
	h := z * math.Sqrt(p*(1-p)/n+z*z/(4*n*n)) / d
	return Value{Value: p, Lo: math.Max(0, c-h), Hi: math.Min(1, c+h), N: s.N}
}
