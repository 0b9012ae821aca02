package compare

import (
	"math/bits"

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
	c, ok := s.ix.column[iso]
	if !ok {
		return member{}, false
	}
	return member{iso: iso, col: c}, true
}
