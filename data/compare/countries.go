package compare

import (
	"fmt"
	"slices"
	"strings"

	"plenary/data/countries"
)

// All is the country token that selects every country in the table.
const All = "all"

// ParseCountries reads a comma-separated list of countries as users type
// it: ISO3 codes ("USA"), any name the registry knows ("Brazil", "Türkiye",
// "Russian Federation"), the names of groupings ("P5", "EU", "BRICS", "G7",
// "African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG", or their
// long labels) and "all". It returns canonical tokens — upper-case ISO3
// codes, grouping names as countries.Groupings spells them, or just "all" —
// in the order given and without repeats, for Filter.Countries. Groupings
// are kept as names, not expanded, because their membership depends on the
// date of each roll call; Index.Select expands them. Empty items (a
// trailing comma) are ignored; an unknown item is an error that names it
// and suggests close names.
func ParseCountries(s string) ([]string, error) {
	var out []string
	all := false
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		tok, err := countryToken(item)
		if err != nil {
			return nil, err
		}
		if tok == All {
			all = true
		}
		if !slices.Contains(out, tok) {
			out = append(out, tok)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no countries given: list ISO3 codes, names or groups separated by commas, or \"all\"")
	}
	if all {
		return []string{All}, nil
	}
	return out, nil
}

// countryToken resolves one item. ISO3 codes come first so that a code is
// never read as a name; groupings come before names because no grouping
// shares a name with a state.
func countryToken(item string) (string, error) {
	if strings.EqualFold(item, All) {
		return All, nil
	}
	if len(item) == 3 {
		if c, ok := countries.ByISO3(item); ok {
			return c.ISO3, nil
		}
	}
	if g, ok := countries.GroupingByName(item); ok {
		return g.Name, nil
	}
	if iso, ok := countries.Lookup(item); ok {
		return iso, nil
	}
	msg := fmt.Sprintf("unknown country or group %q", clip(item, 40))
	if s := suggest(item); len(s) > 0 {
		msg += " (did you mean " + strings.Join(s, ", ") + "?)"
	} else {
		msg += ": use ISO3 codes (USA), names (Brazil), groups (" + strings.Join(groupingNames(), ", ") + ") or all"
	}
	return "", fmt.Errorf("%s", msg)
}

func groupingNames() []string {
	var out []string
	for _, g := range countries.Groupings() {
		out = append(out, g.Name)
	}
	return out
}

// suggest lists up to three states or groupings whose name contains what
// was typed, as "Name (ISO3)".
func suggest(item string) []string {
	key := countries.Normalize(item)
	if len(key) < 3 {
		return nil
	}
	var out []string
	for _, g := range countries.Groupings() {
		if strings.Contains(countries.Normalize(g.Name+" "+g.Label), key) {
			out = append(out, g.Name)
		}
	}
	for _, c := range countries.All() {
		if len(out) >= 3 {
			break
		}
		for _, n := range append([]string{c.Name, c.UNName}, c.AltNames...) {
			if strings.Contains(countries.Normalize(n), key) {
				out = append(out, c.Name+" ("+c.ISO3+")")
				break
			}
		}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// clip shortens text quoted in an error message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// member is a selected country: its table column and, when it was
// selected only through groupings, the roll calls on which it belonged to
// one of them.
type member struct {
	iso   string
	col   int
	mask  bitset // nil: every roll call
	named bool   // asked for by name or code, not only through a grouping
}

// resolve expands country tokens against the table. States named directly
// count on every roll call; states that come in through a grouping count
// only while they belonged to it (a state continuing another's seat, such
// as Russia the Soviet Union's, inherits its predecessor's memberships, as
// the datasets file the predecessor's votes under the successor's code).
// missing lists states named directly that have no votes in the table.
func (ix *Index) resolve(tokens []string) (members []member, missing []string, all bool, err error) {
	pos := map[string]int{}
	add := func(m member) {
		if i, ok := pos[m.iso]; ok {
			members[i].mask = unionMask(members[i].mask, m.mask)
			members[i].named = members[i].named || m.named
			return
		}
		pos[m.iso] = len(members)
		members = append(members, m)
	}
	for _, item := range tokens {
		tok, err := countryToken(strings.TrimSpace(item))
		if err != nil {
			return nil, nil, false, err
		}
		if tok == All {
			all = true
			continue
		}
		if c, ok := countries.ByISO3(tok); ok && c.ISO3 == tok {
			if m, ok := ix.seat(tok); ok {
				m.named = true
				add(m)
			} else if !slices.Contains(missing, tok) {
				missing = append(missing, tok)
			}
			continue
		}
		if g, ok := countries.GroupingByName(tok); ok {
			for _, m := range ix.groupMembers(g) {
				add(m)
			}
		}
	}
	if all {
		members = members[:0]
		for c, iso := range ix.t.Countries {
			members = append(members, member{iso: iso, col: c})
		}
		missing = nil
	}
	return members, missing, all, nil
}

// seat finds where a state's votes are in the table: its own column, or,
// for a seat that another state carries on and whose votes the datasets
// file under that state's code (the USSR's under RUS), the continuing
// state's column limited to the roll calls of the state's own years, when
// it holds a vote there.
func (ix *Index) seat(iso string) (member, bool) {
	if col, ok := ix.column[iso]; ok {
		return member{iso: iso, col: col}, true
	}
	c, ok := countries.ByISO3(iso)
	if !ok {
		return member{}, false
	}
	var spans []countries.Membership
	for _, p := range c.Periods() {
		spans = append(spans, countries.Membership{ISO3: iso, From: p.From, To: p.To})
	}
	for next, ok := countries.Continuer(iso); ok && len(spans) > 0; next, ok = countries.Continuer(next.ISO3) {
		if col, has := ix.column[next.ISO3]; has {
			m := member{iso: iso, col: col, mask: ix.spanMask(spans)}
			_, _, any := ix.voteSpan(m)
			return m, any
		}
	}
	return member{}, false
}

// groupMembers lists the table's countries that ever belonged to g, in
// ISO3 order, each with the roll calls during its membership.
func (ix *Index) groupMembers(g countries.Grouping) []member {
	var out []member
	for c, iso := range ix.t.Countries {
		pred := ""
		if cc, ok := countries.ByISO3(iso); ok {
			pred = cc.Continues
		}
		var spans []countries.Membership
		for _, m := range g.Members {
			if m.ISO3 == iso || (pred != "" && m.ISO3 == pred) {
				spans = append(spans, m)
			}
		}
		if len(spans) > 0 {
			out = append(out, member{iso: iso, col: c, mask: ix.spanMask(spans)})
		}
	}
	slices.SortFunc(out, func(a, b member) int { return strings.Compare(a.iso, b.iso) })
	return out
}

// spanMask marks the roll calls dated inside one of the spans. A roll call
// without a date counts as inside: dropping it would hide votes for a lack
// of metadata. It returns nil when every roll call is inside.
func (ix *Index) spanMask(spans []countries.Membership) bitset {
	type span struct{ from, to int }
	ss := make([]span, len(spans))
	for i, m := range spans {
		ss[i] = span{dateNumber(m.From), dateNumber(m.To)}
	}
	mask := newBitset(ix.nRows)
	if ix.sorted {
		// Rows are in date order, undated ones first: each span is one
		// run of rows.
		undated, _ := slices.BinarySearch(ix.date, 1)
		mask.setRange(0, undated)
		for _, s := range ss {
			from, _ := slices.BinarySearch(ix.date, max(s.from, 1))
			to := ix.nRows
			if s.to != 0 {
				to, _ = slices.BinarySearch(ix.date, s.to)
			}
			mask.setRange(from, to)
		}
	} else {
		for r, d := range ix.date {
			if d == 0 {
				mask.set(r)
				continue
			}
			for _, s := range ss {
				if d >= s.from && (s.to == 0 || d < s.to) {
					mask.set(r)
					break
				}
			}
		}
	}
	if mask.count() == ix.nRows {
		return nil
	}
	return mask
}

// unionMask joins two membership masks; nil (always a member) wins.
func unionMask(a, b bitset) bitset {
	if a == nil || b == nil {
		return nil
	}
	out := slices.Clone(a)
	for i := range out {
		out[i] |= b[i]
	}
	return out
}
