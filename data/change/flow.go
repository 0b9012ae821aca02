package change

import (
	"fmt"
	"slices"
	"strings"

	"plenary/data/record"
)

// Member is one state's votes on the two roll calls of a flow. A vote of
// record.None means the state had no vote row there: it was not a member
// (or not on the Council).
type Member struct {
	ISO3 string
	A, B record.Vote
}

// Switched reports whether the state voted differently on the two roll
// calls, being a member of both.
func (m Member) Switched() bool { return m.A != m.B && m.A != record.None && m.B != record.None }

// Band is the states that went from one vote to another.
type Band struct {
	From, To record.Vote
	States   []string // ISO3, sorted
}

// Flow is every state's vote on roll call A against its vote on B.
type Flow struct {
	RowA, RowB       int // table rows
	TotalsA, TotalsB record.Totals
	Members          []Member // every state with a vote row on A or B, in table column order
	Bands            []Band   // in the order of FlowVotes, from then to; empty bands left out
}

// FlowVotes is the order of the result bars: the four votes, then no vote
// row (a member of only one of the two roll calls).
var FlowVotes = []record.Vote{record.Yes, record.No, record.Abstain, record.NonVoting, record.None}

// NewFlow compares the votes of table rows a and b.
func NewFlow(t *record.Table, a, b int) (Flow, error) {
	if a < 0 || b < 0 || a >= len(t.RollCalls) || b >= len(t.RollCalls) {
		return Flow{}, fmt.Errorf("change: no roll call at rows %d and %d", a, b)
	}
	if a == b {
		return Flow{}, fmt.Errorf("a vote flow needs two different roll calls, not %s twice", t.RollCalls[a].Label())
	}
	f := Flow{RowA: a, RowB: b}
	bands := map[[2]record.Vote][]string{}
	for c, iso := range t.Countries {
		va, vb := t.Votes[a][c], t.Votes[b][c]
		if va == record.None && vb == record.None {
			continue
		}
		f.TotalsA.Add(va)
		f.TotalsB.Add(vb)
		f.Members = append(f.Members, Member{ISO3: iso, A: va, B: vb})
		k := [2]record.Vote{va, vb}
		bands[k] = append(bands[k], iso)
	}
	for _, from := range FlowVotes {
		for _, to := range FlowVotes {
			if s := bands[[2]record.Vote{from, to}]; len(s) > 0 {
				slices.Sort(s)
				f.Bands = append(f.Bands, Band{From: from, To: to, States: s})
			}
		}
	}
	return f, nil
}

// Switchers are the states that voted differently on the two roll calls,
// both as members, sorted by code.
func (f Flow) Switchers() []Member {
	var out []Member
	for _, m := range f.Members {
		if m.Switched() {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(x, y Member) int { return strings.Compare(x.ISO3, y.ISO3) })
	return out
}
