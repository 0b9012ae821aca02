package compare

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"

	"plenary/data/record"
)

// Permanent lists the permanent members of the Security Council. The
// datasets file the Soviet Union's votes under RUS, so RUS covers the seat
// throughout; the Republic of China's (TWN, until 1971) does not occur in
// the Council data Plenary reads.
var Permanent = []string{"CHN", "FRA", "GBR", "RUS", "USA"}

// MemberAbstentions is how often one Council member abstained.
type MemberAbstentions struct {
	ISO3        string
	Permanent   bool
	Abstentions int
	// Votes is the number of roll calls on which the member voted yes, no
	// or abstain: the base of its abstention rate.
	Votes int
}

// YearAbstentions is one member's abstentions in one calendar year.
type YearAbstentions struct {
	ISO3        string
	Year        int
	Abstentions int
	Votes       int
}

// ResolutionAbstentions names the members that abstained on one roll call.
type ResolutionAbstentions struct {
	Row       int
	RollCall  *record.RollCall
	Abstained []string // ISO3, sorted
}

// Council is the abstention record of the Security Council over the
// selection.
type Council struct {
	// RollCalls is the number of Security Council roll calls counted.
	RollCalls int
	// Members are the members with a vote row on them, permanent members
	// first, each part in ISO3 order (only the selected countries unless
	// all are).
	Members []MemberAbstentions
	// ByYear is the record of each permanent member in each year with a
	// counted roll call, by member and then year.
	ByYear []YearAbstentions
	// Resolutions are the counted roll calls with at least one abstention,
	// oldest first.
	Resolutions []ResolutionAbstentions
	// WithoutVote are the rows of texts adopted without a vote. Their
	// recorded votes are nominal, so they are left out of every count and
	// listed here instead.
	WithoutVote []int
}

// Council counts Security Council abstentions over the selected roll calls
// (General Assembly roll calls in the selection are ignored).
func (s *Selection) Council() Council {
	ix := s.ix
	mask := newBitset(ix.nRows)
	without := newBitset(ix.nRows)
	for w := range mask {
		sc := s.sel[w] & ix.sc[w]
		without[w] = sc & ix.withoutVote[w]
		mask[w] = sc &^ ix.withoutVote[w]
	}
	out := Council{RollCalls: mask.count(), WithoutVote: without.rows()}
	members := s.members
	for _, m := range members {
		a, v, present := 0, 0, 0
		ya, ab, no, nv := ix.plane(m.col, planeYes), ix.plane(m.col, planeAbstain), ix.plane(m.col, planeNo), ix.plane(m.col, planeNonVoting)
		for w, mk := range mask {
			if m.mask != nil {
				mk &= m.mask[w]
			}
			a += bits.OnesCount64(ab[w] & mk)
			v += bits.OnesCount64((ya[w] | ab[w] | no[w]) & mk)
			present += bits.OnesCount64((ya[w] | ab[w] | no[w] | nv[w]) & mk)
		}
		if present > 0 {
			out.Members = append(out.Members, MemberAbstentions{ISO3: m.iso, Permanent: slices.Contains(Permanent, m.iso), Abstentions: a, Votes: v})
		}
	}
	slices.SortFunc(out.Members, func(a, b MemberAbstentions) int {
		if a.Permanent != b.Permanent {
			if a.Permanent {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ISO3, b.ISO3)
	})
	out.ByYear = s.permanentByYear(mask)
	for _, r := range mask.rows() {
		var who []string
		row := ix.t.Votes[r]
		for _, m := range members {
			if row[m.col] == record.Abstain && (m.mask == nil || m.mask.has(r)) {
				who = append(who, m.iso)
			}
		}
		if len(who) > 0 {
			slices.Sort(who)
			out.Resolutions = append(out.Resolutions, ResolutionAbstentions{Row: r, RollCall: &ix.t.RollCalls[r], Abstained: who})
		}
	}
	return out
}

// permanentByYear counts each selected permanent member's abstentions and
// votes per year.
func (s *Selection) permanentByYear(mask bitset) []YearAbstentions {
	var out []YearAbstentions
	wins := s.ix.yearWindows(mask, false) // abstentions are counted by member too; a year needs a date
	for _, m := range s.members {
		if !slices.Contains(Permanent, m.iso) {
			continue
		}
		ya, ab, no := s.ix.plane(m.col, planeYes), s.ix.plane(m.col, planeAbstain), s.ix.plane(m.col, planeNo)
		at := map[int]int{} // year -> position in out; a year may span several runs
		for _, yw := range wins {
			a, v := 0, 0
			for i, mk := range yw.mask {
				w := yw.w0 + i
				if m.mask != nil {
					mk &= m.mask[w]
				}
				a += bits.OnesCount64(ab[w] & mk)
				v += bits.OnesCount64((ya[w] | ab[w] | no[w]) & mk)
			}
			if v == 0 {
				continue
			}
			if k, ok := at[yw.year]; ok {
				out[k].Abstentions += a
				out[k].Votes += v
				continue
			}
			at[yw.year] = len(out)
			out = append(out, YearAbstentions{ISO3: m.iso, Year: yw.year, Abstentions: a, Votes: v})
		}
	}
	slices.SortStableFunc(out, func(a, b YearAbstentions) int {
		if c := strings.Compare(a.ISO3, b.ISO3); c != 0 {
			return c
		}
		return cmp.Compare(a.Year, b.Year)
	})
	return out
}
