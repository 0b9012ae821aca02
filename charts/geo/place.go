package geo

import (
	"slices"
)

// Lineage describes how historical states relate to today's, in the terms
// of Plenary's country registry: Successors lists, for a state that no
// longer exists, the states that took over its territory (ISO3 codes, the
// continuing state first); Continues maps a state that carries on another's
// seat to that predecessor (RUS → SUN, YEM → YAR).
type Lineage struct {
	Successors map[string][]string
	Continues  map[string]string
}

// territorial lists the successors a map needs beyond the registry's seat
// successors: the registry names only Russia for the Soviet Union, because
// Russia took over its seat, but on a map of 1975 the Soviet Union covers
// the Baltic, Caucasian and Central Asian republics and Moldova too.
// Ukraine and Belarus held seats of their own throughout, and the placement
// rule leaves them to themselves.
var territorial = map[string][]string{
	"SUN": {"RUS", "UKR", "BLR", "EST", "LVA", "LTU", "MDA", "GEO", "ARM", "AZE", "KAZ", "UZB", "TKM", "KGZ", "TJK"},
	// Natural Earth draws Kosovo apart; it was part of both.
	"YUG": {"SCG", "HRV", "SVN", "BIH", "MKD", "XKX"},
	"SCG": {"SRB", "MNE", "XKX"},
}

// WithTerritory returns l with the territorial successors added that a map
// needs and a seat registry does not list (the Soviet Union's republics,
// Kosovo). l itself is not changed.
func (l Lineage) WithTerritory() Lineage {
	out := Lineage{Successors: map[string][]string{}, Continues: l.Continues}
	for k, v := range l.Successors {
		out.Successors[k] = slices.Clone(v)
	}
	for k, extra := range territorial {
		s := out.Successors[k]
		for _, e := range extra {
			if !slices.Contains(s, e) {
				s = append(s, e)
			}
		}
		out.Successors[k] = s
	}
	return out
}

// Placement says how one state is shown on a map.
type Placement struct {
	// Shapes are the keys of the shapes filled in the state's colour: its
	// own, then those it holds as a historical state.
	Shapes []string
	// Successor is true when the shapes are (or include) territory of
	// successor states.
	Successor bool
}

// Marker reports whether the state has no territory on the map and must
// be shown by a marker.
func (p Placement) Marker() bool { return len(p.Shapes) == 0 }

// Place decides which shapes each voting state is drawn on. has tells
// whether the map has a shape for a key. The rule:
//
//  1. A voting state with a shape of its own is drawn on it.
//  2. A voting state that no longer exists (it has successors) is also
//     drawn on its successors' shapes — and theirs in turn, down the
//     lineage (Yugoslavia → Serbia and Montenegro → Serbia, Montenegro) —
//     wherever no voting state holds that shape by rule 1 (Czechoslovakia
//     on Czechia and Slovakia in 1975, but the GDR not on Germany, where
//     the Federal Republic votes).
//  3. A shape claimed by two voting historical states goes to the one its
//     owner continues (Yemen continues the Yemen Arab Republic, so Yemen's
//     shape shows North Yemen and South Yemen gets a marker); with no such
//     tie-breaker it goes to neither.
//  4. A voting state left without shapes is shown by a marker.
//
// Every voting state gets an entry. Shapes of no voting state are not
// listed: they are drawn as non-members.
func Place(voting []string, l Lineage, has func(string) bool) map[string]Placement {
	out := make(map[string]Placement, len(voting))
	held := map[string]bool{}
	for _, v := range voting {
		p := Placement{}
		if has(v) {
			p.Shapes = []string{v}
			held[v] = true
		}
		out[v] = p
	}
	claims := map[string][]string{} // shape -> historical voting states
	for _, v := range voting {
		for _, k := range descendants(v, l.Successors) {
			if has(k) && !held[k] {
				claims[k] = append(claims[k], v)
			}
		}
	}
	keys := make([]string, 0, len(claims))
	for k := range claims {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		owner := winner(k, claims[k], l.Continues)
		if owner == "" {
			continue
		}
		p := out[owner]
		p.Shapes = append(p.Shapes, k)
		p.Successor = true
		out[owner] = p
	}
	return out
}

// descendants lists the successors of s, and theirs, depth first.
func descendants(s string, succ map[string][]string) []string {
	var out []string
	seen := map[string]bool{s: true}
	var walk func(string)
	walk = func(x string) {
		for _, c := range succ[x] {
			if seen[c] {
				continue
			}
			seen[c] = true
			out = append(out, c)
			walk(c)
		}
	}
	walk(s)
	return out
}

// winner picks the claimant of shape k under rule 3.
func winner(k string, claimants []string, continues map[string]string) string {
	if len(claimants) == 1 {
		return claimants[0]
	}
	// Follow k's chain of continued seats: YEM → YAR.
	seen := map[string]bool{}
	for p := continues[k]; p != "" && !seen[p]; p = continues[p] {
		seen[p] = true
		if slices.Contains(claimants, p) {
			return p
		}
	}
	return ""
}
