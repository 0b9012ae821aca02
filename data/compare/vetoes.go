package compare

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"plenary/data/countries"
	"plenary/data/record"
)

// VetoOrder is the order the vetoing members are shown in: the Soviet
// Union and the Russian Federation side by side, as the lists keep them
// apart, then the others.
var VetoOrder = []string{"SUN", "RUS", "USA", "GBR", "FRA", "CHN", "TWN"}

// Vetoes is every veto once: those of the veto lists, and those read from
// a failed draft's member votes that no list gives (the same draft in the
// same year). A list is the record of a veto; the votes add what it lacks.
func Vetoes(vs []record.Veto) []record.Veto {
	listed := map[string]bool{}
	for _, v := range vs {
		if !v.FromVotes() {
			listed[vetoKey(v)] = true
		}
	}
	var out []record.Veto
	for _, v := range vs {
		if v.FromVotes() && listed[vetoKey(v)] {
			continue
		}
		out = append(out, v)
	}
	return out
}

func vetoKey(v record.Veto) string {
	return record.DraftSymbol(v.Draft) + "|" + strconv.Itoa(v.Year)
}

// SelectVetoes keeps the vetoes (after Vetoes) that a filter selects:
// dated within From and To (a veto known by its year only, when that year
// overlaps them), cast by one of its countries (a grouping's members at
// the veto's date, the Soviet Union counting for the P5 until 1991 and the
// Republic of China until 1971), on one of its topics (the agenda item,
// the subject or the region containing the word), with the text in the draft, agenda
// item or subject, or with one of its symbols as the draft. Sessions and
// the important-vote flag describe General Assembly votes and do not
// apply; every veto is a contested vote. The result is by date. The filter
// must be valid (Validate).
func SelectVetoes(vs []record.Veto, f Filter) []record.Veto {
	all, m := f.AllCountries(), compile(f)
	var out []record.Veto
	for _, v := range Vetoes(vs) {
		if !m.vetoDated(v) {
			continue
		}
		if len(m.topics) > 0 && !anyTopic(m.topics, strings.ToLower(v.Agenda+"\n"+v.Topic+"\n"+v.Region)) {
			continue
		}
		if m.text != "" && !strings.Contains(strings.ToLower(v.Draft+"\n"+v.Agenda+"\n"+v.Topic), m.text) {
			continue
		}
		if len(m.symbols) > 0 && !slices.Contains(m.symbols, record.DraftSymbol(v.Draft)) {
			continue
		}
		if !all && len(vetoMembers(f.Countries, v)) == 0 {
			continue
		}
		out = append(out, v)
	}
	slices.SortStableFunc(out, func(a, b record.Veto) int {
		if c := cmp.Compare(a.Year, b.Year); c != 0 {
			return c
		}
		return strings.Compare(a.Date, b.Date)
	})
	return out
}

// vetoDated reports whether a veto falls within the filter's dates.
func (m *matcher) vetoDated(v record.Veto) bool {
	lo, hi := dateNumber(v.Date), dateNumber(v.Date)
	if v.Date == "" {
		lo, hi = v.Year*10000+101, v.Year*10000+1231
	}
	return hi >= m.from && (m.to == 0 || lo <= m.to)
}

// vetoMembers lists the vetoing members of v that the country tokens name.
func vetoMembers(tokens []string, v record.Veto) []string {
	date := v.Date
	if date == "" {
		date = strconv.Itoa(v.Year) + "-07-01"
	}
	var out []string
	for _, iso := range v.Members {
		for _, tok := range tokens {
			if tok == iso || tok == All || inGrouping(tok, iso, date) {
				out = append(out, iso)
				break
			}
		}
	}
	return out
}

// inGrouping reports whether iso belonged to the grouping named tok on the
// date, itself or as the state whose seat it carries on (China's seat was
// the Republic of China's until 1971, and the lists write China).
func inGrouping(tok, iso, date string) bool {
	g, ok := countries.GroupingByName(tok)
	if !ok {
		return false
	}
	for _, m := range g.At(date) {
		if m == iso {
			return true
		}
		if c, ok := countries.Continuer(m); ok && c.ISO3 == iso {
			return true
		}
	}
	return false
}

// MemberVetoes is how many of the selected vetoes one member cast.
type MemberVetoes struct {
	ISO3   string
	Vetoes int
}

// YearVetoes is one member's vetoes in one year.
type YearVetoes struct {
	ISO3   string
	Year   int
	Vetoes int
}

// counted lists the members of v that count under the filter: all of
// them, or those its countries name.
func counted(f Filter, v record.Veto) []string {
	if f.AllCountries() {
		return v.Members
	}
	return vetoMembers(f.Countries, v)
}

// VetoesByMember counts the vetoes each member cast among the selected
// ones (a veto cast by two members counts for each), most first.
func VetoesByMember(vs []record.Veto, f Filter) []MemberVetoes {
	n := map[string]int{}
	for _, v := range SelectVetoes(vs, f) {
		for _, iso := range counted(f, v) {
			n[iso]++
		}
	}
	out := make([]MemberVetoes, 0, len(n))
	for iso, k := range n {
		out = append(out, MemberVetoes{ISO3: iso, Vetoes: k})
	}
	slices.SortFunc(out, func(a, b MemberVetoes) int {
		if c := cmp.Compare(b.Vetoes, a.Vetoes); c != 0 {
			return c
		}
		return cmp.Compare(vetoRank(a.ISO3), vetoRank(b.ISO3))
	})
	return out
}

// VetoesByYear counts each member's vetoes per year, by member (in
// VetoOrder) and then year; years without a veto of the member are left
// out.
func VetoesByYear(vs []record.Veto, f Filter) []YearVetoes {
	type key struct {
		iso  string
		year int
	}
	n := map[key]int{}
	for _, v := range SelectVetoes(vs, f) {
		for _, iso := range counted(f, v) {
			n[key{iso, v.Year}]++
		}
	}
	out := make([]YearVetoes, 0, len(n))
	for k, c := range n {
		out = append(out, YearVetoes{ISO3: k.iso, Year: k.year, Vetoes: c})
	}
	slices.SortFunc(out, func(a, b YearVetoes) int {
		if c := cmp.Compare(vetoRank(a.ISO3), vetoRank(b.ISO3)); c != 0 {
			return c
		}
		return cmp.Compare(a.Year, b.Year)
	})
	return out
}

// vetoRank orders members by VetoOrder, others after them by code.
func vetoRank(iso string) string {
	if i := slices.Index(VetoOrder, iso); i >= 0 {
		return string(rune('0' + i))
	}
	return "9" + iso
}

// VetoIndex finds the vetoes of Security Council roll calls. A roll
// call's veto is the one read from its own member votes: a listed veto of
// the same draft symbol is not enough, as a source may give two drafts one
// symbol (the failed-drafts table has S/2017/962 twice, one of them not
// vetoed).
type VetoIndex struct {
	byRollCall map[string][]string
}

// NewVetoIndex indexes the vetoes of a table.
func NewVetoIndex(vs []record.Veto) *VetoIndex {
	x := &VetoIndex{byRollCall: map[string][]string{}}
	for _, v := range vs {
		if v.FromVotes() {
			x.byRollCall[v.RollCall] = v.Members
		}
	}
	return x
}

// VetoedBy lists the members that vetoed a roll call, or nil: only a
// Security Council draft that was not adopted can have been vetoed. A
// nil index finds none.
func (x *VetoIndex) VetoedBy(rc *record.RollCall) []string {
	if x == nil || rc.Body != record.SC || !rc.Flags.Has(record.NotAdopted) {
		return nil
	}
	return x.byRollCall[rc.Symbol]
}

// Outcome is how a chart or a list names a roll call's result when it is
// not the plain adoption: "not adopted", "vetoed by Russia and China", or
// "" for every other roll call.
func (x *VetoIndex) Outcome(rc *record.RollCall) string {
	if rc.Body != record.SC || !rc.Flags.Has(record.NotAdopted) {
		return ""
	}
	if who := x.VetoedBy(rc); len(who) > 0 {
		return VetoedByText(who)
	}
	return "not adopted"
}

// VetoedByText names the vetoing members: "vetoed by Russia and China".
func VetoedByText(members []string) string {
	names := make([]string, len(members))
	for i, iso := range members {
		names[i] = iso
		if c, ok := countries.ByISO3(iso); ok {
			names[i] = c.Name
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return "vetoed by " + names[0]
	}
	return "vetoed by " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
