package change

import (
	"fmt"
	"slices"

	"plenary/data/record"
)

// Divergence is one roll call on which two states voted against each
// other.
type Divergence struct {
	Row  int // table row
	A, B record.Vote
	// Opposed is true for yes against no, false when one abstained and
	// the other voted yes or no.
	Opposed bool
}

// Divergent lists the roll calls among rows on which states a and b both
// voted (yes, no or abstain) and voted differently: yes against no
// first, then those on which one abstained, each most recent first.
func Divergent(t *record.Table, rows []int, a, b string) ([]Divergence, error) {
	ca, cb := t.Column(a), t.Column(b)
	switch {
	case a == b:
		return nil, fmt.Errorf("divergent votes compare two different states, not %s twice", a)
	case ca < 0:
		return nil, fmt.Errorf("%s has no votes in the data", a)
	case cb < 0:
		return nil, fmt.Errorf("%s has no votes in the data", b)
	}
	var out []Divergence
	for _, r := range rows {
		va, vb := t.Votes[r][ca], t.Votes[r][cb]
		if !va.Cast() || !vb.Cast() || va == vb {
			continue
		}
		out = append(out, Divergence{Row: r, A: va, B: vb, Opposed: va != record.Abstain && vb != record.Abstain})
	}
	slices.SortStableFunc(out, func(x, y Divergence) int {
		if x.Opposed != y.Opposed {
			if x.Opposed {
				return -1
			}
			return 1
		}
		return y.Row - x.Row
	})
	return out, nil
}
