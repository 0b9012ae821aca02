package compare

import "plenary/data/record"

// Breakdown is how one roll call split, counted from the member votes of
// every state (not only the selected countries), with the officially
// published totals beside them where the source has them, so that a
// difference between the two shows.
type Breakdown struct {
	Row       int // table row
	RollCall  *record.RollCall
	Counted   record.Totals
	Published *record.Totals // nil when the source publishes none
}

// Breakdowns returns the breakdown of every selected roll call, oldest
// first.
func (s *Selection) Breakdowns() []Breakdown {
	out := make([]Breakdown, len(s.Rows))
	for i, r := range s.Rows {
		rc := &s.ix.t.RollCalls[r]
		out[i] = Breakdown{Row: r, RollCall: rc, Counted: s.ix.counted[r], Published: rc.Published}
	}
	return out
}

// GroupTotals is the breakdown of a roll call within one UN regional
// group (or Other).
type GroupTotals struct {
	Group  string // a countries.Group value, or Other
	Totals record.Totals
}

// ByGroup breaks one roll call (a table row) down by UN regional group,
// over every state that voted on it. A state counts in the group it
// belonged to on the day of the vote, by the same dated memberships the
// group filters use (GroupRule states them), and in Other when it was in
// none. Groups come in the registry's order with Other last, and groups
// without a vote row are left out.
func (ix *Index) ByGroup(row int) []GroupTotals {
	if row < 0 || row >= ix.nRows {
		return nil
	}
	votes := ix.t.Votes[row]
	counted := make([]bool, len(votes))
	tot := make([]record.Totals, len(groupNames))
	for g, members := range ix.regional {
		for _, m := range members {
			if counted[m.col] || m.mask != nil && !m.mask.has(row) {
				continue
			}
			counted[m.col] = true
			tot[g].Add(votes[m.col])
		}
	}
	for c, v := range votes {
		if !counted[c] {
			tot[len(tot)-1].Add(v)
		}
	}
	var out []GroupTotals
	for g, t := range tot {
		if t.Members() > 0 {
			out = append(out, GroupTotals{Group: groupNames[g], Totals: t})
		}
	}
	return out
}

// GroupRule says, in a sentence for a chart's footer, how states are
// assigned to regional groups.
const GroupRule = "Groups as they stood on the day of the vote; before their formalisation in 1963, each state in the group it joined then"
