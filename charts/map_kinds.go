package charts

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"plenary/charts/geo"
	"plenary/data/record"
)

// MapVote is one state's vote on a vote map.
type MapVote struct {
	ISO3, Name string
	Vote       Vote
}

// VoteMap is a world map of one roll call: every state that could vote
// coloured by its vote, the rest of the world in light grey. For a
// Security Council vote, pass the fifteen members and NonMembers "Not on
// the Council".
type VoteMap struct {
	Meta Meta
	// Votes lists every state that could vote, members with no record
	// included (VoteNone), in the order the CSV should list them.
	Votes []MapVote
	// Lineage places former states (see geo.Place); use
	// geo.Lineage.WithTerritory on the registry's successors.
	Lineage geo.Lineage
	// NonMembers labels the grey land in the legend; empty means "Not a
	// member".
	NonMembers string
	// Selected states (ISO3) are outlined.
	Selected []string
}

func (m VoteMap) meta() Meta { return m.Meta }

func (m VoteMap) spec() mapSpec {
	s := mapSpec{lineage: m.Lineage, selected: m.Selected}
	counts := map[Vote]int{}
	for _, v := range m.Votes {
		fill, ok := voteColor(v.Vote)
		if !ok {
			fill = colNoRecord
		}
		counts[v.Vote]++
		s.items = append(s.items, mapItem{iso3: v.ISO3, name: v.Name, value: v.Vote.String(), fill: fill})
	}
	for _, it := range voteLegend() {
		v := map[string]Vote{"Yes": VoteYes, "No": VoteNo, "Abstain": VoteAbstain, "Non-voting": VoteNonVoting}[it.label]
		it.label += " " + strconv.Itoa(counts[v])
		s.legend = append(s.legend, it)
	}
	if n := counts[VoteNone]; n > 0 {
		s.legend = append(s.legend, legendItem{label: "No record " + strconv.Itoa(n), color: colNoRecord})
	}
	other := clean(m.NonMembers)
	if other == "" {
		other = "Not a member"
	}
	s.legend = append(s.legend, legendItem{label: other, color: drawing.ColorFromHex("D9DCE1")})
	return s
}

// colNoRecord fills members without a recorded vote: darker than the land
// of non-members, lighter than non-voting.
var colNoRecord = drawing.ColorFromHex("BFC3C9")

func (m VoteMap) draw(c *canvas) {
	if len(m.Votes) == 0 {
		drawEmpty(c, m.Meta)
		return
	}
	s := m.spec()
	s.legend[len(s.legend)-1].color = landColor(c.pal)
	c.drawMap(m.Meta, s)
}

func (m VoteMap) table() ([]string, [][]string) { return mapRows(m.spec()) }

// MapValue is one state's number on an agreement or ideal-point map.
type MapValue struct {
	ISO3, Name string
	// Value is the agreement (0..1) or the ideal point; NaN is no data.
	Value float64
	// N is the number of roll calls the value rests on (agreement maps).
	N int
}

// AgreementMap colours each state by its agreement with a reference state
// over the selection, on a sequential scale from 0 to 100 %.
type AgreementMap struct {
	Meta Meta
	// Ref is the reference state's ISO3 code and RefName its name; the
	// reference is drawn in the text colour.
	Ref, RefName string
	// Metric names the measure on the key, e.g. "Agreement (Voeten's index)".
	Metric string
	States []MapValue
	// MinN is the fewest roll calls a value needs to be coloured; states
	// below it are drawn in grey.
	MinN    int
	Lineage geo.Lineage
	// Selected states (ISO3) are outlined.
	Selected []string
}

var colTooFew = drawing.ColorFromHex("9EA3AA")

func (m AgreementMap) meta() Meta { return m.Meta }

func (m AgreementMap) spec(p palette) mapSpec {
	s := mapSpec{lineage: m.Lineage, selected: m.Selected}
	for _, v := range m.States {
		it := mapItem{iso3: v.ISO3, name: v.Name, value: ftoa(v.Value)}
		switch {
		case v.ISO3 == m.Ref:
			it.fill, it.hover = p.text, "the reference"
		case math.IsNaN(v.Value) || math.IsInf(v.Value, 0) || v.N < m.MinN:
			it.fill, it.hover = colTooFew, fmt.Sprintf("fewer than %d roll calls", max(m.MinN, 1))
		default:
			it.fill = heat(v.Value)
			it.hover = fmt.Sprintf("%s over %d %s", percentLabel(v.Value), v.N, record.Plural(v.N, "roll call", "roll calls"))
		}
		s.items = append(s.items, it)
	}
	ref := clean(m.RefName)
	if ref == "" {
		ref = clean(m.Ref)
	}
	s.legend = []legendItem{
		{label: "Reference: " + ref, color: p.text},
		{label: fmt.Sprintf("Fewer than %d roll calls", max(m.MinN, 1)), color: colTooFew},
		{label: "Not a member", color: landColor(p)},
	}
	metric := clean(m.Metric)
	if metric == "" {
		metric = "Agreement"
	}
	s.scale = func(c *canvas, b rect) {
		c.gradientKey(b, metric, heat, []keyTick{{0, "0%"}, {0.5, "50%"}, {1, "100%"}})
	}
	return s
}

func (m AgreementMap) draw(c *canvas) {
	if len(m.States) == 0 {
		drawEmpty(c, m.Meta)
		return
	}
	c.drawMap(m.Meta, m.spec(c.pal))
}

func (m AgreementMap) table() ([]string, [][]string) {
	h, rows := mapRows(m.spec(paletteFor(Light)))
	n := map[string]int{}
	for _, s := range slices.Backward(m.States) { // the first entry wins
		n[clean(s.ISO3)] = s.N
	}
	for i := range rows {
		rows[i] = append(rows[i], itoa(max(n[rows[i][0]], 0)))
	}
	return append(h, "n"), rows
}

// IdealMap colours each state by its ideal point on a diverging scale
// centred on zero and symmetric, so that the middle colour means the
// middle of the scale and not the middle of this year's spread.
type IdealMap struct {
	Meta   Meta
	States []MapValue
	// Label names the dimension on the key, e.g. "Ideal point (higher:
	// closer to the United States)".
	Label   string
	Lineage geo.Lineage
	// Selected states (ISO3) are outlined.
	Selected []string
}

func (m IdealMap) meta() Meta { return m.Meta }

// extent is the half-width of the scale: the largest |value|, rounded up
// to a half.
func (m IdealMap) extent() float64 {
	e := 0.0
	for _, v := range m.States {
		if !math.IsNaN(v.Value) && !math.IsInf(v.Value, 0) {
			e = math.Max(e, math.Abs(v.Value))
		}
	}
	return math.Max(0.5, math.Ceil(e*2)/2)
}

func (m IdealMap) spec(p palette) mapSpec {
	s := mapSpec{lineage: m.Lineage, selected: m.Selected}
	e := m.extent()
	col := func(t float64) drawing.Color { return diverging(t) }
	noData := false
	for _, v := range m.States {
		it := mapItem{iso3: v.ISO3, name: v.Name, value: ftoa(v.Value), fill: colTooFew, hover: "no estimate"}
		if math.IsNaN(v.Value) || math.IsInf(v.Value, 0) {
			noData = true
		} else {
			it.fill = col((v.Value/e + 1) / 2)
			it.hover = strings.Replace(strconv.FormatFloat(v.Value, 'f', 2, 64), "-", "−", 1)
		}
		s.items = append(s.items, it)
	}
	if noData {
		s.legend = append(s.legend, legendItem{label: "No estimate", color: colTooFew})
	}
	s.legend = append(s.legend, legendItem{label: "Not a member", color: landColor(p)})
	label := clean(m.Label)
	if label == "" {
		label = "Ideal point"
	}
	// A true minus sign, and a plus, so that the ends read as opposites.
	end := strconv.FormatFloat(e, 'g', 4, 64)
	s.scale = func(c *canvas, b rect) {
		c.gradientKey(b, label, col, []keyTick{{0, "−" + end}, {0.5, "0"}, {1, "+" + end}})
	}
	return s
}

func (m IdealMap) draw(c *canvas) {
	if len(m.States) == 0 {
		drawEmpty(c, m.Meta)
		return
	}
	c.drawMap(m.Meta, m.spec(c.pal))
}

func (m IdealMap) table() ([]string, [][]string) { return mapRows(m.spec(paletteFor(Light))) }

// divergingStops is ColorBrewer's RdYlBu: colour-blind safe, and its pale
// yellow middle stays apart from the grey of states without data.
var divergingStops = []drawing.Color{
	drawing.ColorFromHex("D73027"), drawing.ColorFromHex("FC8D59"), drawing.ColorFromHex("FEE090"),
	drawing.ColorFromHex("FFFFBF"), drawing.ColorFromHex("E0F3F8"), drawing.ColorFromHex("91BFDB"),
	drawing.ColorFromHex("4575B4"),
}

// diverging maps t in 0..1 onto divergingStops, 0.5 being the middle.
func diverging(t float64) drawing.Color {
	t = clampF(t, 0, 1) * float64(len(divergingStops)-1)
	i := min(int(t), len(divergingStops)-2)
	f := t - float64(i)
	a, b := divergingStops[i], divergingStops[i+1]
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + f*(float64(y)-float64(x)))) }
	return drawing.Color{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 255}
}

// keyTick is one labelled position (0..1) on a colour key.
type keyTick struct {
	at    float64
	label string
}

// gradientKey draws a horizontal colour bar with a title above and tick
// labels below, inside b.
func (c *canvas) gradientKey(b rect, title string, col func(float64) drawing.Color, ticks []keyTick) {
	ts := c.px(sizeTick)
	c.text(c.ellipsize(title, ts, b.w), b.x, b.y, ts, c.pal.text, alignLeft)
	barY := b.y + c.lineHeight(ts) + c.px(4)
	barH := c.px(10)
	inset := c.px(12) // room for the end labels
	bw := b.w - 2*inset
	const steps = 48
	for k := range steps {
		x0 := b.x + inset + bw*float64(k)/steps
		c.fillRect(rect{math.Floor(x0), barY, math.Ceil(bw/steps) + 1, barH}, col((float64(k)+0.5)/steps))
	}
	for i, t := range ticks {
		x := b.x + inset + t.at*bw
		c.line(x, barY+barH, x, barY+barH+c.px(3), c.pal.axis, 1, nil)
		// The end labels may not reach beyond the key's box.
		lw := c.measure(t.label, ts)
		lx := clampF(x-lw/2, b.x, math.Max(b.x, b.right()-lw))
		if i > 0 && i < len(ticks)-1 {
			lx = x - lw/2
		}
		c.text(c.ellipsize(t.label, ts, b.w), lx, barY+barH+c.px(4), ts, c.pal.muted, alignLeft)
	}
}
