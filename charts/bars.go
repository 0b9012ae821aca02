package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// hbar is one row of a horizontal bar chart: a label on the left, stacked
// segments on an absolute scale, and a note after the bar's end.
type hbar struct {
	label  string
	segs   []hseg
	note   string
	header bool // a section heading: label only, no bar
}

// hseg is one stacked segment. text is drawn inside it only if it fits, so
// small segments never pile up labels.
type hseg struct {
	value float64
	fill  drawing.Color
	hatch drawing.Color // stripes over fill when set
	text  string
}

// hAxis describes the value axis. Counts start at zero and end at a round
// number above max; percentages (fixed) end exactly at max.
type hAxis struct {
	max     float64
	fixed   bool
	integer bool
	format  func(float64) string
	title   string
	// noteShare is the largest share of the width the notes may take
	// (default 0.28); rankings, with long notes and short bars, take more.
	noteShare float64
}

// hLayout is where drawHBars puts things: the rows' block, the text
// sizes, the columns of labels, bars and notes, and the value scale.
type hLayout struct {
	area, rows    rect
	rowH, barH    float64
	fs, inSize    float64 // label and in-bar text sizes
	ts            float64 // tick text size
	step          int     // every step-th label is drawn, so labels never overlap
	labelW, noteW float64
	gap, x0, x1   float64 // the bars run from x0 to x1
	axisMax       float64
	ticks         []float64
}

// xOf places a value on the bars' scale.
func (l *hLayout) xOf(v float64) float64 {
	return l.x0 + clampF(v/l.axisMax, 0, 1)*(l.x1-l.x0)
}

// drawHBars lays rows out in area: labels, grid, bars, notes and axis.
// Bars are absolute (length = value), unlike go-chart's stacked bars which
// always fill 100 %.
func (c *canvas) drawHBars(area rect, rows []hbar, ax hAxis) {
	if len(rows) == 0 || area.w <= 0 || area.h <= 0 {
		return
	}
	l := &hLayout{area: area, ts: c.px(sizeTick)}
	c.layoutRows(l, len(rows), ax)
	c.layoutColumns(l, rows, ax)
	c.layoutScale(l, ax)
	// Grid first, so bars sit on top of it.
	for _, t := range l.ticks[1:] {
		x := l.xOf(t)
		c.line(x, l.rows.y, x, l.rows.bottom(), c.pal.grid, 1, nil)
	}
	for i, r := range rows {
		c.drawHRow(l, i, r)
	}
	c.drawHAxis(l, ax)
}

// layoutRows divides the area into rows above the axis; few rows keep a
// sensible thickness and are centred.
func (c *canvas) layoutRows(l *hLayout, n int, ax hAxis) {
	axisH := c.px(8) + c.lineHeight(l.ts)
	if ax.title != "" {
		axisH += c.px(4) + c.lineHeight(l.ts)
	}
	l.rows = rect{l.area.x, l.area.y, l.area.w, math.Max(0, l.area.h-axisH)}
	l.rowH = l.rows.h / float64(n)
	if maxH := c.px(64); l.rowH > maxH {
		l.rowH = maxH
		free := l.rows.h - l.rowH*float64(n)
		l.rows.h = l.rowH * float64(n)
		l.rows.y += free / 2
	}
	l.fs = c.fitFont(c.px(sizeLabel), l.rowH*1.05)
	l.step = labelStep(l.rowH, c.lineHeight(l.fs)*0.95)
	l.inSize = math.Min(l.fs, c.px(11.5))
	l.barH = l.rowH * 0.68
	if l.rowH < c.px(6) {
		l.barH = math.Max(1, l.rowH-1)
	}
}

// layoutColumns sizes the label and note columns from their text, within
// shares of the width, and leaves the rest to the bars.
func (c *canvas) layoutColumns(l *hLayout, rows []hbar, ax hAxis) {
	for _, r := range rows {
		if !r.header {
			l.labelW = math.Max(l.labelW, c.measure(clean(r.label), l.fs))
		}
		l.noteW = math.Max(l.noteW, c.measure(clean(r.note), l.fs))
	}
	l.labelW = math.Min(l.labelW, l.area.w*0.28)
	share := ax.noteShare
	if share <= 0 {
		share = 0.28
	}
	l.noteW = math.Min(l.noteW, l.area.w*share)
	l.gap = c.px(8)
	l.x0 = l.area.x + l.labelW + l.gap
	if l.labelW == 0 {
		l.x0 = l.area.x
	}
	l.x1 = l.area.right() - l.noteW - l.gap
	if l.x1-l.x0 < c.px(40) {
		l.x1 = l.x0 + c.px(40)
	}
}

// layoutScale picks the axis end and ticks: counts end at a round number
// above the largest value, fixed scales (percentages) exactly at it.
func (c *canvas) layoutScale(l *hLayout, ax hAxis) {
	dataMax := ax.max
	if !(dataMax > 0) || math.IsInf(dataMax, 0) {
		dataMax = 1
	}
	tickW := c.measure(ax.format(dataMax), l.ts) + c.px(48)
	maxTicks := int(math.Max(1, math.Floor((l.x1-l.x0)/tickW)))
	if ax.fixed {
		l.axisMax = dataMax
		for _, parts := range []int{4, 2, 1} {
			if parts <= maxTicks {
				l.ticks = ticks(l.axisMax, l.axisMax/float64(parts))
				break
			}
		}
		return
	}
	l.ticks = ticks(dataMax, niceStep(dataMax, maxTicks, ax.integer))
	l.axisMax = l.ticks[len(l.ticks)-1]
}

// drawHRow draws row i: a section heading, or the label, the stacked
// segments and the note.
func (c *canvas) drawHRow(l *hLayout, i int, r hbar) {
	cy := l.rows.y + (float64(i)+0.5)*l.rowH
	label := clean(r.label)
	if r.header {
		if c.lineHeight(l.fs) <= l.rowH*1.3 {
			c.textMid(c.ellipsize(label, l.fs, l.area.w), l.area.x, cy, l.fs, c.pal.text, alignLeft)
		}
		return
	}
	showText := i%l.step == 0
	if showText {
		c.textMid(c.ellipsize(label, l.fs, l.labelW), l.x0-l.gap, cy, l.fs, c.pal.text, alignRight)
	}
	end := c.drawSegments(l, r.segs, cy)
	if showText && r.note != "" {
		// Notes follow the bar's end; when text is taller than a row it
		// would cover neighbouring bars, so it goes past the axis end.
		nx := end + l.gap*0.75
		if l.step > 1 {
			nx = l.x1 + l.gap*0.75
		}
		c.textMid(c.ellipsize(clean(r.note), l.fs, l.noteW), nx, cy, l.fs, c.pal.muted, alignLeft)
	}
}

// drawSegments stacks a row's segments and returns where the bar ends.
func (c *canvas) drawSegments(l *hLayout, segs []hseg, cy float64) float64 {
	cum := 0.0
	top := cy - l.barH/2
	for _, s := range segs {
		if !(s.value > 0) || math.IsInf(s.value, 0) {
			continue
		}
		xa, xb := math.Round(l.xOf(cum)), math.Round(l.xOf(cum+s.value))
		cum += s.value
		seg := rect{xa, top, xb - xa, l.barH}
		c.fillRect(seg, s.fill)
		if !s.hatch.IsZero() {
			c.hatch(seg, s.hatch)
		}
		if s.text != "" && seg.w >= c.measure(s.text, l.inSize)+c.px(8) && l.barH >= c.lineHeight(l.inSize)*0.85 {
			c.textMid(s.text, seg.x+seg.w/2, cy, l.inSize, inkOn(s.fill), alignCenter)
		}
	}
	return l.xOf(cum)
}

// drawHAxis draws the axis line, the tick labels and the axis title.
func (c *canvas) drawHAxis(l *hLayout, ax hAxis) {
	c.line(l.x0, l.rows.y, l.x0, l.rows.bottom(), c.pal.axis, 1, nil)
	ty := l.rows.bottom() + c.px(6)
	for _, t := range l.ticks {
		s := ax.format(t)
		w := c.measure(s, l.ts)
		x := clampF(l.xOf(t), l.area.x+w/2, l.area.right()-w/2)
		c.text(s, x, ty, l.ts, c.pal.muted, alignCenter)
	}
	if ax.title != "" {
		c.text(c.ellipsize(ax.title, l.ts, l.x1-l.x0), (l.x0+l.x1)/2, ty+c.lineHeight(l.ts)+c.px(4), l.ts, c.pal.muted, alignCenter)
	}
}
