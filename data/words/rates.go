package words

import (
	"sort"
)

// Count is a selected speech with its mentions of a query (0 when it does
// not match).
type Count struct {
	Speech
	Matches int
}

// Point is the mentions of a query in the speeches of one state (or of
// every selected state, Country "") in one period.
type Point struct {
	Country  string
	Year     int // the first year of the period
	Speeches int // speeches given: what the point rests on
	Matching int // speeches that match the query
	Matches  int // mentions in them
	Words    int // words of every speech given
}

// Per10k is the mentions per 10,000 words spoken; 0 when no word was.
func (p Point) Per10k() float64 {
	if p.Words == 0 {
		return 0
	}
	return 10000 * float64(p.Matches) / float64(p.Words)
}

// ByYear sums the counts per year (and per state when perCountry), over
// every speech given: a speech that does not mention the query counts its
// words, so that a rate is the share of what was said. Periods are years,
// or spans of step years starting at the first year of the counts (step
// 5: 1946–1950, 1951–1955, …). Points are sorted by state, then year.
func ByYear(counts []Count, perCountry bool, step int) []Point {
	if step < 1 {
		step = 1
	}
	first := 0
	for _, c := range counts {
		if first == 0 || c.Year < first {
			first = c.Year
		}
	}
	type key struct {
		country string
		year    int
	}
	acc := map[key]*Point{}
	for _, c := range counts {
		k := key{year: first + (c.Year-first)/step*step}
		if perCountry {
			k.country = c.Country
		}
		p := acc[k]
		if p == nil {
			p = &Point{Country: k.country, Year: k.year}
			acc[k] = p
		}
		p.Speeches++
		p.Words += c.Words
		p.Matches += c.Matches
		if c.Matches > 0 {
			p.Matching++
		}
	}
	out := make([]Point, 0, len(acc))
	for _, p := range acc {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Country != out[j].Country {
			return out[i].Country < out[j].Country
		}
		return out[i].Year < out[j].Year
	})
	return out
}

// ByCountry sums the counts per state over the whole selection, for the
// map: who spoke of it, and how much.
func ByCountry(counts []Count) []Point {
	acc := map[string]*Point{}
	var order []string
	for _, c := range counts {
		p := acc[c.Country]
		if p == nil {
			p = &Point{Country: c.Country, Year: c.Year}
			acc[c.Country] = p
			order = append(order, c.Country)
		}
		p.Speeches++
		p.Words += c.Words
		p.Matches += c.Matches
		if c.Matches > 0 {
			p.Matching++
		}
	}
	sort.Strings(order)
	out := make([]Point, len(order))
	for i, c := range order {
		out[i] = *acc[c]
	}
	return out
}
