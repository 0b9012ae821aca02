package compare

import (
	"fmt"
	"math/bits"
	"strings"

	"plenary/data/countries"
	"plenary/data/record"
)

// Selection is the outcome of a filter on one index: the roll calls it
// selects and the countries it compares. Its methods compute the
// comparisons; they only read, so one Selection may serve several
// goroutines.
type Selection struct {
	ix     *Index
	filter Filter
	// Rows are the selected roll calls as table rows, in table order (by
	// date).
	Rows []int
	// Countries are the ISO3 codes compared, in the order asked for
	// (groupings expanded in ISO3 order, "all" in table order); only
	// countries with votes in the table are listed.
	Countries []string
	// Missing are countries asked for by name that have no votes in the
	// table, so that the caller can say so instead of showing nothing.
	Missing []string
	// All is true when every country of the table is compared.
	All bool

	members []member
	sel     bitset // Rows as a bitset
}

// Select applies a filter. It fails only on an invalid filter (see
// Filter.Validate).
func (ix *Index) Select(f Filter) (*Selection, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	s := &Selection{ix: ix, filter: f}
	tokens := f.Countries
	if len(tokens) == 0 {
		tokens = []string{All}
	}
	var err error
	if s.members, s.Missing, s.All, err = ix.resolve(tokens); err != nil {
		return nil, err
	}
	s.Countries = make([]string, len(s.members))
	for i, m := range s.members {
		s.Countries[i] = m.iso
	}

	sel := newBitset(ix.nRows)
	switch f.Body {
	case record.SC:
		copy(sel, ix.sc)
	case record.GA:
		for w := range sel {
			sel[w] = ^ix.sc[w]
		}
		trim(sel, ix.nRows)
	default:
		sel.setRange(0, ix.nRows)
	}
	if !s.All {
		// Keep the roll calls on which a selected country has a vote row.
		any := newBitset(ix.nRows)
		for _, m := range s.members {
			for k := 0; k < nPlanes; k++ {
				p := ix.plane(m.col, k)
				for w := range any {
					v := p[w]
					if m.mask != nil {
						v &= m.mask[w]
					}
					any[w] |= v
				}
			}
		}
		for w := range sel {
			sel[w] &= any[w]
		}
	}
	if m := compile(f); m.rowTests() {
		for w, word := range sel {
			for word != 0 {
				r := w<<6 + bits.TrailingZeros64(word)
				word &= word - 1
				if !m.match(ix, r) {
					sel[w] &^= 1 << (uint(r) & 63)
				}
			}
		}
	}
	s.sel = sel
	s.Rows = sel.rows()
	return s, nil
}

// trim clears the bits past the last row.
func trim(b bitset, n int) {
	if n&63 != 0 && len(b) > 0 {
		b[len(b)-1] &= 1<<(uint(n)&63) - 1
	}
}

// Filter is the filter the selection was made with.
func (s *Selection) Filter() Filter { return s.filter }

// Index is the index the selection was made on.
func (s *Selection) Index() *Index { return s.ix }

// RollCall returns the metadata of a table row.
func (s *Selection) RollCall(row int) *record.RollCall { return &s.ix.t.RollCalls[row] }

// Len is the number of selected roll calls.
func (s *Selection) Len() int { return len(s.Rows) }

// Latest is the most recent selected roll call's row, or -1 when the
// selection is empty.
func (s *Selection) Latest() int {
	if len(s.Rows) == 0 {
		return -1
	}
	return s.Rows[len(s.Rows)-1]
}

// Find returns the selected roll call with a symbol (in any spacing or
// case; without a year it matches the symbol with one), preferring the vote
// on the whole text over votes on amendments or paragraphs and then the
// most recent; -1 when none is selected.
func (s *Selection) Find(symbol string) int {
	m := compile(Filter{Symbols: []string{symbol}})
	if len(m.symbols) == 0 {
		return -1
	}
	best := -1
	for _, r := range s.Rows {
		if !symbolMatch(m.symbols, s.ix.symbol[r]) {
			continue
		}
		part := s.ix.t.RollCalls[r].Flags&(record.Amendment|record.Paragraph) != 0
		if best < 0 || !part || s.ix.t.RollCalls[best].Flags&(record.Amendment|record.Paragraph) != 0 {
			best = r
		}
	}
	return best
}

// member returns how a country takes part: its column and membership mask
// when it is selected, else its column on every roll call.
func (s *Selection) member(iso string) (member, bool) {
	for _, m := range s.members {
		if m.iso == iso {
			return m, true
		}
	}
	return s.ix.seat(iso)
}

// NoVotes says why a selection holds nothing to compare, as an error that
// names the reason: a country asked for has no votes in the table or
// none among the selected roll calls, or no roll call matches the filter (with the years in which the
// countries named did vote). It is nil when there are votes to compare.
func (s *Selection) NoVotes() error {
	if len(s.Missing) > 0 {
		var names []string
		for _, iso := range s.Missing {
			names = append(names, describeSeat(iso))
		}
		return fmt.Errorf("no votes in the database for %s", strings.Join(names, ", "))
	}
	var idle []string
	for _, m := range s.members {
		if m.named && len(s.Rows) > 0 && !s.castIn(m) {
			idle = append(idle, s.whenVoted(m))
		}
	}
	if len(idle) > 0 {
		return fmt.Errorf("no votes among the selected roll calls (%s) for %s", s.filter.Describe(), strings.Join(idle, "; "))
	}
	if len(s.Rows) > 0 {
		return nil
	}
	msg := "no roll calls match: " + s.filter.Describe()
	if !s.All && len(s.members) <= 5 {
		var spans []string
		for _, m := range s.members {
			spans = append(spans, s.whenVoted(m))
		}
		msg += "; " + strings.Join(spans, "; ")
	}
	return fmt.Errorf("%s", msg)
}

// castIn reports whether a country has a vote row on a selected roll call
// inside its membership.
func (s *Selection) castIn(m member) bool {
	for k := 0; k < nPlanes; k++ {
		p := s.ix.plane(m.col, k)
		for w, sel := range s.sel {
			v := p[w] & sel
			if m.mask != nil {
				v &= m.mask[w]
			}
			if v != 0 {
				return true
			}
		}
	}
	return false
}

// whenVoted names a country with the dates of its first and last votes in
// the table.
func (s *Selection) whenVoted(m member) string {
	if first, last, ok := s.ix.voteSpan(m); ok {
		return fmt.Sprintf("%s voted from %s to %s", displayName(m.iso), first, last)
	}
	return displayName(m.iso) + " has no votes"
}

// describeSeat names a state, with its years for one that no longer
// exists, so that a message explains why it has no votes.
func describeSeat(iso string) string {
	c, ok := countries.ByISO3(iso)
	if !ok {
		return iso
	}
	if c.Status == countries.StatusHistorical {
		return fmt.Sprintf("%s (%s, a member from %s to %s)", c.Name, c.ISO3, c.Admitted, c.Ended)
	}
	return c.Name + " (" + c.ISO3 + ")"
}

func displayName(iso string) string {
	if c, ok := countries.ByISO3(iso); ok {
		return c.Name
	}
	return iso
}

// voteSpan is the date of a country's first and last vote row in the
// table, within its membership mask.
func (ix *Index) voteSpan(m member) (first, last string, ok bool) {
	lo, hi := -1, -1
	for r := 0; r < ix.nRows; r++ {
		if m.mask != nil && !m.mask.has(r) {
			continue
		}
		for k := 0; k < nPlanes; k++ {
			if bitset(ix.plane(m.col, k)).has(r) {
				if lo < 0 {
					lo = r
				}
				hi = r
				break
			}
		}
	}
	if lo < 0 {
		return "", "", false
	}
	return ix.t.RollCalls[lo].Date, ix.t.RollCalls[hi].Date, true
}
