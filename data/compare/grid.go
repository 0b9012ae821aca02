package compare

import "plenary/data/record"

// GridRow is one roll call of a vote grid.
type GridRow struct {
	Row      int
	RollCall *record.RollCall
	// Votes are the selected countries' votes, in Selection.Countries
	// order; None outside a country's membership of a selected grouping.
	Votes []record.Vote
	// Split is true when the countries cast at least two different votes
	// (yes, no, abstain; non-voting and missing rows do not count).
	Split bool
}

// Grid is the selected countries' votes side by side.
type Grid struct {
	Countries []string
	Rows      []GridRow // oldest first
	Splits    int       // rows with Split set
}

// Grid lists the selected countries' votes on the selected roll calls,
// the most recent limit of them when limit > 0 (a chart can show only so
// many columns).
func (s *Selection) Grid(limit int) Grid {
	rows := s.Rows
	if limit > 0 && len(rows) > limit {
		rows = rows[len(rows)-limit:]
	}
	k := len(s.members)
	g := Grid{Countries: s.Countries, Rows: make([]GridRow, len(rows))}
	cells := make([]record.Vote, len(rows)*k)
	for i, r := range rows {
		row := s.ix.t.Votes[r]
		votes := cells[i*k : (i+1)*k : (i+1)*k]
		seen := record.None
		split := false
		for j, m := range s.members {
			v := row[m.col]
			if m.mask != nil && !m.mask.has(r) {
				v = record.None
			}
			votes[j] = v
			if v.Cast() {
				if seen != record.None && v != seen {
					split = true
				}
				seen = v
			}
		}
		g.Rows[i] = GridRow{Row: r, RollCall: &s.ix.t.RollCalls[r], Votes: votes, Split: split}
		if split {
			g.Splits++
		}
	}
	return g
}
