package change

import (
	"fmt"
	"slices"

	"plenary/data/record"
)

// Step is one roll call of a series with what changed since the one
// before it.
type Step struct {
	Row    int // table row
	Totals record.Totals
	// Switched are the states that voted differently from their vote on
	// the previous step, members of both; nil on the first step.
	Switched []Member
	// Joined and Left are the states with a vote row on this step and not
	// on the previous one, or the other way round.
	Joined, Left []string
}

// Series is a sequence of roll calls on one question, in date order.
type Series struct {
	Steps []Step
}

// NewSeries follows the votes over the given table rows, which it sorts
// into table (date) order. It needs two roll calls or more.
func NewSeries(t *record.Table, rows []int) (Series, error) {
	if len(rows) < 2 {
		return Series{}, fmt.Errorf("a series needs two roll calls or more, not %d", len(rows))
	}
	rs := append([]int(nil), rows...)
	slices.Sort(rs)
	var s Series
	for k, r := range rs {
		if r < 0 || r >= len(t.RollCalls) {
			return Series{}, fmt.Errorf("change: no roll call at row %d", r)
		}
		if k > 0 && rs[k-1] == r {
			return Series{}, fmt.Errorf("%s is named twice in the series", t.RollCalls[r].Label())
		}
		st := Step{Row: r}
		for _, v := range t.Votes[r] {
			st.Totals.Add(v)
		}
		if k > 0 {
			f, err := NewFlow(t, rs[k-1], r)
			if err != nil {
				return Series{}, err
			}
			st.Switched = f.Switchers()
			for _, m := range f.Members {
				switch {
				case m.A == record.None:
					st.Joined = append(st.Joined, m.ISO3)
				case m.B == record.None:
					st.Left = append(st.Left, m.ISO3)
				}
			}
		}
		s.Steps = append(s.Steps, st)
	}
	return s, nil
}
