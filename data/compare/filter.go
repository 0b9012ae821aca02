package compare

import (
	"fmt"
	"strings"

	"plenary/data/countries"
	"plenary/data/record"
)

// Filter says which roll calls and which countries a comparison looks at.
// The zero value selects everything. Every field narrows the selection;
// fields holding lists match when any item matches.
type Filter struct {
	// Countries are tokens as ParseCountries returns them: ISO3 codes,
	// grouping names (P5, EU, …) or "all"; empty means all. They are the
	// countries compared, and they narrow the roll calls to those on which
	// at least one of them has a vote row (members of a grouping only
	// while they belonged to it).
	Countries []string
	// Body is GA, SC or Both. Empty is the default: both bodies when
	// listing roll calls, the General Assembly for comparisons (see
	// ForComparison).
	Body record.Body
	// From and To bound the date, both inclusive, as YYYY-MM-DD or a
	// shorter prefix (2019 or 2019-06); empty is open.
	From, To string
	// Sessions are General Assembly sessions as the data spell them ("74",
	// "ES-11"), compared without regard to case.
	Sessions []string
	// Topics match a roll call when one of its topics contains one of
	// them, ignoring case.
	Topics []string
	// Text matches when the symbol or the title contains it, ignoring case.
	Text string
	// Symbols are resolution symbols in any spacing or case; a symbol
	// without the year in brackets ("S/RES/2774") matches the one with.
	Symbols []string
	// Important keeps only the votes coded as important.
	Important bool
	// Contested keeps only roll calls with at least one no or abstention,
	// leaving out texts adopted without a vote.
	Contested bool
}

// Both asks for General Assembly and Security Council votes together in a
// comparison. It must be asked for: the two bodies have different members
// and agendas, and an agreement figure mixing them would compare unlike
// with unlike.
const Both record.Body = "both"

// ForComparison is the filter that agreement, rankings, matrices and vote
// grids use: without a body, the General Assembly alone; a body named,
// or Both, as given.
func (f Filter) ForComparison() Filter {
	if f.Body == "" {
		f.Body = record.GA
	}
	return f
}

// Validate checks the parts of a filter that could be mistyped: the body,
// the dates and the country tokens. Select calls it.
func (f Filter) Validate() error {
	switch f.Body {
	case "", record.GA, record.SC, Both:
	default:
		return fmt.Errorf("unknown body %q (GA, SC or both)", f.Body)
	}
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v != "" && !validDate(d.v) {
			return fmt.Errorf("%s date %q: expected YYYY-MM-DD (or YYYY, YYYY-MM)", d.name, d.v)
		}
	}
	if f.From != "" && f.To != "" && dateNumber(f.From) > toNumber(f.To) {
		return fmt.Errorf("the from date %s is after the to date %s", f.From, f.To)
	}
	for _, tok := range f.Countries {
		if _, err := countryToken(strings.TrimSpace(tok)); err != nil {
			return err
		}
	}
	return nil
}

// validDate accepts YYYY, YYYY-MM and YYYY-MM-DD with a plausible month
// and day.
func validDate(s string) bool {
	switch len(s) {
	case 4, 7, 10:
	default:
		return false
	}
	n := dateNumber(s)
	if n == 0 {
		return false
	}
	m, d := n/100%100, n%100
	switch len(s) {
	case 7:
		return m >= 1 && m <= 12
	case 10:
		return m >= 1 && m <= 12 && d >= 1 && d <= 31
	}
	return true
}

// toNumber is the last YYYYMMDD an inclusive upper bound admits: 2019 is
// 20199999, so every day of 2019 is at or below it.
func toNumber(s string) int {
	n := dateNumber(s)
	switch len(s) {
	case 4:
		return n + 9999
	case 7:
		return n + 99
	}
	return n
}

// AllCountries reports whether the filter compares every country.
func (f Filter) AllCountries() bool {
	if len(f.Countries) == 0 {
		return true
	}
	for _, c := range f.Countries {
		if strings.EqualFold(strings.TrimSpace(c), All) {
			return true
		}
	}
	return false
}

// Describe states the filter in words, for chart subtitles and messages:
// "General Assembly · 1990–2019 · topic “nuclear” · important votes".
func (f Filter) Describe() string {
	var parts []string
	switch f.Body {
	case record.GA, record.SC:
		parts = append(parts, f.Body.Name())
	case Both:
		parts = append(parts, "General Assembly and Security Council together")
	default:
		parts = append(parts, "General Assembly and Security Council")
	}
	switch {
	case f.From != "" && f.To != "":
		if f.From == f.To {
			parts = append(parts, f.From)
		} else {
			parts = append(parts, f.From+"–"+f.To)
		}
	case f.From != "":
		parts = append(parts, "from "+f.From)
	case f.To != "":
		parts = append(parts, "until "+f.To)
	}
	if len(f.Sessions) > 0 {
		parts = append(parts, record.Plural(len(f.Sessions), "session ", "sessions ")+strings.Join(f.Sessions, ", "))
	}
	if len(f.Symbols) > 0 {
		parts = append(parts, strings.Join(f.Symbols, ", "))
	}
	if len(f.Topics) > 0 {
		parts = append(parts, record.Plural(len(f.Topics), "topic ", "topics ")+quoteAll(f.Topics, " or "))
	}
	if f.Text != "" {
		parts = append(parts, "text "+quoteAll([]string{f.Text}, ""))
	}
	if f.Important {
		parts = append(parts, "important votes")
	}
	if f.Contested {
		parts = append(parts, "contested votes")
	}
	if !f.AllCountries() {
		parts = append(parts, describeCountries(f.Countries))
	}
	return strings.Join(parts, " · ")
}

func quoteAll(items []string, sep string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "“" + s + "”"
	}
	return strings.Join(q, sep)
}

// describeCountries names up to eight countries; more become a count.
func describeCountries(tokens []string) string {
	if len(tokens) > 8 {
		return fmt.Sprintf("%d countries and groups", len(tokens))
	}
	names := make([]string, len(tokens))
	for i, t := range tokens {
		names[i] = t
		if g, ok := countries.GroupingByName(t); ok {
			names[i] = g.Name
		}
	}
	return strings.Join(names, ", ")
}

// matcher is a filter compiled for one index: lower-cased text, dates as
// numbers, symbols in UN form.
type matcher struct {
	from, to  int
	sessions  []string
	topics    []string
	text      string
	symbols   []string // in UN form, upper case
	important bool
	contested bool
}

func compile(f Filter) matcher {
	m := matcher{important: f.Important, contested: f.Contested}
	if f.From != "" {
		m.from = dateNumber(f.From)
	}
	if f.To != "" {
		m.to = toNumber(f.To)
	}
	for _, s := range f.Sessions {
		if s = strings.TrimSpace(s); s != "" {
			m.sessions = append(m.sessions, s)
		}
	}
	for _, t := range f.Topics {
		if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
			m.topics = append(m.topics, t)
		}
	}
	m.text = strings.ToLower(strings.TrimSpace(f.Text))
	for _, s := range f.Symbols {
		if s = record.NormalizeSymbol(s); s != "" {
			m.symbols = append(m.symbols, strings.ToUpper(s))
		}
	}
	return m
}

// match tests one row against everything but the body and the countries,
// which Select applies as bitsets.
func (m *matcher) match(ix *Index, r int) bool {
	if m.important && !ix.important.has(r) {
		return false
	}
	if m.contested && !ix.contested.has(r) {
		return false
	}
	if m.from != 0 || m.to != 0 {
		d := ix.date[r]
		if d == 0 || d < m.from || (m.to != 0 && d > m.to) {
			return false
		}
	}
	if len(m.sessions) > 0 && !anyEqualFold(m.sessions, ix.t.RollCalls[r].Session) {
		return false
	}
	if m.text != "" && !strings.Contains(ix.search[r], m.text) {
		return false
	}
	if len(m.topics) > 0 && !anyTopic(m.topics, ix.topics[r]) {
		return false
	}
	if len(m.symbols) > 0 && !symbolMatch(m.symbols, ix.symbol[r]) {
		return false
	}
	return true
}

func (m *matcher) rowTests() bool {
	return m.important || m.contested || m.from != 0 || m.to != 0 || len(m.sessions) > 0 ||
		m.text != "" || len(m.topics) > 0 || len(m.symbols) > 0
}

func anyEqualFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// anyTopic tests the roll call's topics (lower case, one per line) for
// any of the wanted substrings. A substring must fall within one topic.
func anyTopic(want []string, topics string) bool {
	if topics == "" {
		return false
	}
	for _, w := range want {
		for rest := topics; ; {
			line, next, more := strings.Cut(rest, "\n")
			if strings.Contains(line, w) {
				return true
			}
			if !more {
				break
			}
			rest = next
		}
	}
	return false
}

// symbolMatch compares symbols in UN form; "S/RES/2774" also matches
// "S/RES/2774 (2025)".
func symbolMatch(want []string, sym string) bool {
	if sym == "" {
		return false
	}
	up := strings.ToUpper(sym)
	for _, w := range want {
		if up == w || (strings.HasPrefix(up, w+" (") && !strings.Contains(w, "(")) {
			return true
		}
	}
	return false
}
