package compare

import (
	"slices"
	"strings"

	"plenary/data/countries"
	"plenary/data/record"
)

// SelectPositions keeps the recorded positions a filter selects: those of
// its countries (a grouping's members at the position's date, as for
// votes), dated within From and To, on one of its topics (the topic
// containing the word, ignoring case, as for roll calls). Body, sessions,
// text, symbols and the vote flags describe roll calls and do not apply.
// The result is sorted by date, then country, so that every caller shows
// positions in the same order. The filter must be valid (Validate).
func SelectPositions(ps []record.Position, f Filter) []record.Position {
	all, m := f.AllCountries(), compile(f)
	var out []record.Position
	for _, p := range ps {
		if d := dateNumber(p.Date); d < m.from || m.to != 0 && d > m.to {
			continue
		}
		if len(m.topics) > 0 && !anyTopic(m.topics, strings.ToLower(p.Topic)) {
			continue
		}
		if !all && !positionCountry(f.Countries, p) {
			continue
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b record.Position) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Country, b.Country)
	})
	return out
}

// positionCountry reports whether a position's country is one of the
// tokens, a grouping counting its members at the position's date.
func positionCountry(tokens []string, p record.Position) bool {
	for _, tok := range tokens {
		if tok == p.Country {
			return true
		}
		if g, ok := countries.GroupingByName(tok); ok && slices.Contains(g.At(p.Date), p.Country) {
			return true
		}
	}
	return false
}

// DescribePositions states in words the parts of the filter that select
// recorded positions (dates, topics, countries), in the words of Describe,
// so that every subtitle speaks the same language.
func (f Filter) DescribePositions() string {
	g := Filter{Body: record.GA, From: f.From, To: f.To, Topics: f.Topics, Countries: f.Countries}
	return "recorded positions" + strings.TrimPrefix(g.Describe(), record.GA.Name())
}
