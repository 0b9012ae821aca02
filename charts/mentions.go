package charts

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"plenary/charts/geo"
	"plenary/data/record"
)

// MentionPoint is how much one state said of a term in one year.
type MentionPoint struct {
	Year     int
	Per10k   float64 // mentions per 10,000 words spoken
	Mentions int
	Words    int
	Speeches int // the speeches the point rests on
}

// MentionSeries is one state's mentions over time.
type MentionSeries struct {
	Country string
	Points  []MentionPoint
}

// MentionsTime draws the mentions of a term per 10,000 words by year, one
// line per state, drawn as IdealTime without intervals: a line breaks
// where a state gave no speech.
type MentionsTime struct {
	Meta   Meta
	Series []MentionSeries
}

func (a MentionsTime) meta() Meta { return a.Meta }

func (a MentionsTime) draw(c *canvas) {
	t := IdealTime{Meta: a.Meta}
	for _, s := range a.Series {
		is := IdealSeries{Country: s.Country}
		for _, p := range s.Points {
			is.Points = append(is.Points, IdealPoint{Year: p.Year, Ideal: p.Per10k, Lo: p.Per10k, Hi: p.Per10k, N: p.Speeches})
		}
		t.Series = append(t.Series, is)
	}
	t.draw(c)
}

func (a MentionsTime) table() ([]string, [][]string) {
	var rows [][]string
	for _, s := range a.Series {
		pts := slices.Clone(s.Points)
		slices.SortFunc(pts, func(x, y MentionPoint) int { return x.Year - y.Year })
		for _, p := range pts {
			rows = append(rows, []string{clean(s.Country), strconv.Itoa(p.Year), ftoa(p.Per10k),
				itoa(p.Mentions), itoa(p.Words), itoa(p.Speeches)})
		}
	}
	return []string{"country", "year", "per_10000_words", "mentions", "words", "speeches"}, rows
}

// MentionsMap colours each state by its mentions of a term per 10,000
// words over the selected years, on a sequential scale from zero to the
// largest rate; states that gave no speech are grey.
type MentionsMap struct {
	Meta Meta
	// States hold the rate in Value (NaN: no speech) and the speeches it
	// rests on in N.
	States []MapValue
	// Term names what was searched, for the key, in its quotation marks.
	Term string
	// Selected states (ISO3) are outlined.
	Selected []string
	Lineage  geo.Lineage
}

func (m MentionsMap) meta() Meta { return m.Meta }

// top is the end of the scale: the largest rate, at least a small one so
// that a term nobody used does not colour the map.
func (m MentionsMap) top() float64 {
	t := 0.0
	for _, v := range m.States {
		if !math.IsNaN(v.Value) && !math.IsInf(v.Value, 0) {
			t = math.Max(t, v.Value)
		}
	}
	return math.Max(t, 0.1)
}

func (m MentionsMap) spec(p palette) mapSpec {
	s := mapSpec{lineage: m.Lineage, selected: m.Selected}
	top := m.top()
	for _, v := range m.States {
		it := mapItem{iso3: v.ISO3, name: v.Name, value: ftoa(v.Value), fill: colTooFew, hover: "no speech"}
		if !math.IsNaN(v.Value) && !math.IsInf(v.Value, 0) {
			it.fill = heat(v.Value / top)
			it.hover = fmt.Sprintf("%s per 10,000 words in %d %s", strconv.FormatFloat(v.Value, 'f', 2, 64), v.N, record.Plural(v.N, "speech", "speeches"))
		}
		s.items = append(s.items, it)
	}
	s.legend = []legendItem{{label: "No speech", color: colTooFew}, {label: "Not a member", color: landColor(p)}}
	label := "Mentions per 10,000 words"
	if t := clean(m.Term); t != "" {
		label = t + " per 10,000 words"
	}
	end := strconv.FormatFloat(top, 'g', 3, 64)
	s.scale = func(c *canvas, b rect) {
		c.gradientKey(b, label, heat, []keyTick{{0, "0"}, {1, end}})
	}
	return s
}

func (m MentionsMap) draw(c *canvas) {
	if len(m.States) == 0 {
		drawEmpty(c, m.Meta)
		return
	}
	c.drawMap(m.Meta, m.spec(c.pal))
}

func (m MentionsMap) table() ([]string, [][]string) {
	h, rows := mapRows(m.spec(paletteFor(Light)))
	n := map[string]int{}
	for _, s := range slices.Backward(m.States) {
		n[clean(s.ISO3)] = s.N
	}
	for i := range rows {
		rows[i] = append(rows[i], itoa(max(n[rows[i][0]], 0)))
	}
	return append(h, "speeches"), rows
}
