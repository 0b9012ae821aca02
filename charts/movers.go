package charts

import (
	"fmt"
	"math"
	"strconv"
)

// MoverRow is one state's measure in two periods with its intervals.
type MoverRow struct {
	Country     string
	A, ALo, AHi float64
	B, BLo, BHi float64
	N           int
	Within      bool // the intervals overlap: drawn muted
	Selected    bool // named by the filter: labelled in bold colour
}

// Movers draws each state's change between two periods as a dumbbell: a
// hollow dot at the first period, a filled one at the second, joined by a
// line; the intervals are thin bars behind the dots. Changes that stay
// within the intervals are drawn in grey. Rows come ranked, largest
// change first.
type Movers struct {
	Meta    Meta
	LabelA  string // the first period
	LabelB  string
	Measure string // axis title
	Rows    []MoverRow
}

func (m Movers) meta() Meta { return m.Meta }

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func (m Movers) valid() []MoverRow {
	var out []MoverRow
	for _, r := range m.Rows {
		if finite(r.A, r.B, r.ALo, r.AHi, r.BLo, r.BHi) {
			out = append(out, r)
		}
	}
	return out
}

func (m Movers) draw(c *canvas) {
	rows := m.valid()
	if len(rows) == 0 {
		drawEmpty(c, m.Meta)
		return
	}
	col := c.pal.series[0]
	legend := []legendItem{
		{label: clean(m.LabelA) + " (hollow)", color: col, kind: swatchLine},
		{label: clean(m.LabelB) + " (filled)", color: col, kind: swatchLine},
		{label: "change within the 95% intervals", color: c.pal.axis, kind: swatchLine},
	}
	f := c.drawFrame(m.Meta, "", nil, legend)
	p := f.plot
	fs := c.px(sizeLabel)
	ts := c.px(sizeTick)
	rowH := c.px(16)
	axisH := c.lineHeight(ts)*2 + c.px(10)
	fit := int(math.Max(1, math.Floor((p.h-axisH)/rowH)))
	if len(rows) > fit {
		rows = rows[:fit]
	}
	rowH = math.Min(c.px(28), (p.h-axisH)/float64(len(rows)))
	fs = c.fitFont(fs, rowH*1.2)
	labelW := 0.0
	for _, r := range rows {
		labelW = math.Max(labelW, c.measure(clean(r.Country), fs))
	}
	labelW = math.Min(labelW, p.w*0.3)
	noteW := c.measure("+0.000", fs) + c.px(10)
	x0, x1 := p.x+labelW+c.px(10), p.right()-noteW
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		lo = math.Min(lo, math.Min(r.ALo, r.BLo))
		hi = math.Max(hi, math.Max(r.AHi, r.BHi))
	}
	tv := scaleTicks(lo, hi)
	v0, v1 := tv[0], tv[len(tv)-1]
	xOf := func(v float64) float64 { return x0 + clampF((v-v0)/(v1-v0), 0, 1)*(x1-x0) }
	bottom := p.y + rowH*float64(len(rows))
	for _, t := range tv {
		x := xOf(t)
		gc := c.pal.grid
		if t == 0 {
			gc = c.pal.axis
		}
		c.line(x, p.y, x, bottom, gc, 1, nil)
		c.text(scaleLabel(t), x, bottom+c.px(4), ts, c.pal.muted, alignCenter)
	}
	if m.Measure != "" {
		c.text(c.ellipsize(clean(m.Measure), ts, x1-x0), (x0+x1)/2, bottom+c.px(6)+c.lineHeight(ts), ts, c.pal.muted, alignCenter)
	}
	for i, r := range rows {
		cy := p.y + rowH*(float64(i)+0.5)
		rc := col
		if r.Within {
			rc = c.pal.axis
		}
		tc := c.pal.muted
		if r.Selected {
			tc = c.pal.text
		}
		c.textMid(c.ellipsize(clean(r.Country), fs, labelW), x0-c.px(10), cy, fs, tc, alignRight)
		band := rc
		band.A = 60
		c.fillRect(rect{xOf(r.ALo), cy - rowH*0.3, math.Max(1, xOf(r.AHi)-xOf(r.ALo)), rowH * 0.2}, band)
		c.fillRect(rect{xOf(r.BLo), cy + rowH*0.1, math.Max(1, xOf(r.BHi)-xOf(r.BLo)), rowH * 0.2}, band)
		c.line(xOf(r.A), cy, xOf(r.B), cy, rc, 2, nil)
		rad := math.Max(2, math.Min(5, rowH*0.3/c.scale))
		c.circle(xOf(r.A), cy, rad, rc)
		c.circle(xOf(r.A), cy, rad*0.55, c.pal.bg)
		c.circle(xOf(r.B), cy, rad, rc)
		c.textMid(fmt.Sprintf("%+.3f", r.B-r.A), p.right(), cy, fs, tc, alignRight)
	}
}

func (m Movers) table() ([]string, [][]string) {
	var rows [][]string
	for _, r := range m.Rows {
		rows = append(rows, []string{clean(r.Country), ftoa(r.A), ftoa(r.ALo), ftoa(r.AHi), ftoa(r.B), ftoa(r.BLo), ftoa(r.BHi),
			ftoa(r.B - r.A), strconv.FormatBool(r.Within)})
	}
	return []string{"country", "a", "a_lo", "a_hi", "b", "b_lo", "b_hi", "change", "within_intervals"}, rows
}
