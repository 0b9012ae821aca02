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

// drawHBars lays rows out in area: labels, grid, bars, notes and axis.
// Bars are absolute (length = value), unlike go-chart's stacked bars which
// always fill 100 %.
func (c *canvas) drawHBars(area rect, rows []hbar, ax hAxis) {
	p := c.pal
	if len(rows) == 0 || area.w <= 0 || area.h <= 0 {
		return
	}
	ts := c.px(sizeTick)
	axisH := c.px(8) + c.lineHeight(ts)
	if ax.title != "" {
		axisH += c.px(4) + c.lineHeight(ts)
	}
	rowsArea := rect{area.x, area.y, area.w, math.Max(0, area.h-axisH)}
	n := len(rows)
	rowH := rowsArea.h / float64(n)
	if maxH := c.px(64); rowH > maxH {
		// Few rows: keep bars a sensible thickness and centre the block.
		rowH = maxH
		free := rowsArea.h - rowH*float64(n)
		rowsArea.h = rowH * float64(n)
		rowsArea.y += free / 2
	}
	fs := c.fitFont(c.px(sizeLabel), rowH*1.05)
	step := labelStep(rowH, c.lineHeight(fs)*0.95)

	labelW, noteW := 0.0, 0.0
	for _, r := range rows {
		if !r.header {
			labelW = math.Max(labelW, c.measure(clean(r.label), fs))
		}
		noteW = math.Max(noteW, c.measure(clean(r.note), fs))
	}
	labelW = math.Min(labelW, area.w*0.28)
	share := ax.noteShare
	if share <= 0 {
		share = 0.28
	}
	noteW = math.Min(noteW, area.w*share)
	gap := c.px(8)
	x0 := area.x + labelW + gap
	if labelW == 0 {
		x0 = area.x
	}
	x1 := area.right() - noteW - gap
	if x1-x0 < c.px(40) {
		x1 = x0 + c.px(40)
	}

	// Axis scale.
	var axisMax float64
	var tv []float64
	dataMax := ax.max
	if !(dataMax > 0) || math.IsInf(dataMax, 0) {
		dataMax = 1
	}
	tickW := c.measure(ax.format(dataMax), ts) + c.px(48)
	maxTicks := int(math.Max(1, math.Floor((x1-x0)/tickW)))
	if ax.fixed {
		axisMax = dataMax
		for _, parts := range []int{4, 2, 1} {
			if parts <= maxTicks {
				tv = ticks(axisMax, axisMax/float64(parts))
				break
			}
		}
	} else {
		st := niceStep(dataMax, maxTicks, ax.integer)
		tv = ticks(dataMax, st)
		axisMax = tv[len(tv)-1]
	}
	xOf := func(v float64) float64 {
		return x0 + clampF(v/axisMax, 0, 1)*(x1-x0)
	}

	// Grid first, so bars sit on top of it.
	gridTop, gridBottom := rowsArea.y, rowsArea.bottom()
	for _, t := range tv[1:] {
		x := xOf(t)
		c.line(x, gridTop, x, gridBottom, p.grid, 1, nil)
	}

	inSize := math.Min(fs, c.px(11.5))
	barH := rowH * 0.68
	if rowH < c.px(6) {
		barH = math.Max(1, rowH-1)
	}
	for i, r := range rows {
		cy := rowsArea.y + (float64(i)+0.5)*rowH
		label := clean(r.label)
		if r.header {
			if c.lineHeight(fs) <= rowH*1.3 {
				c.textMid(c.ellipsize(label, fs, area.w), area.x, cy, fs, p.text, alignLeft)
			}
			continue
		}
		showText := i%step == 0
		if showText {
			c.textMid(c.ellipsize(label, fs, labelW), x0-gap, cy, fs, p.text, alignRight)
		}
		cum := 0.0
		top := cy - barH/2
		for _, s := range r.segs {
			if !(s.value > 0) || math.IsInf(s.value, 0) {
				continue
			}
			xa, xb := math.Round(xOf(cum)), math.Round(xOf(cum+s.value))
			cum += s.value
			seg := rect{xa, top, xb - xa, barH}
			c.fillRect(seg, s.fill)
			if !s.hatch.IsZero() {
				c.hatch(seg, s.hatch)
			}
			if s.text != "" && seg.w >= c.measure(s.text, inSize)+c.px(8) && barH >= c.lineHeight(inSize)*0.85 {
				ink := inkOn(s.fill)
				c.textMid(s.text, seg.x+seg.w/2, cy, inSize, ink, alignCenter)
			}
		}
		if showText && r.note != "" {
			// Notes follow the bar's end; when text is taller than a row it
			// would cover neighbouring bars, so it goes past the axis end.
			nx := xOf(cum) + gap*0.75
			if step > 1 {
				nx = x1 + gap*0.75
			}
			c.textMid(c.ellipsize(clean(r.note), fs, noteW), nx, cy, fs, p.muted, alignLeft)
		}
	}

	// Axis line and tick labels.
	c.line(x0, gridTop, x0, gridBottom, p.axis, 1, nil)
	ty := gridBottom + c.px(6)
	for _, t := range tv {
		s := ax.format(t)
		w := c.measure(s, ts)
		x := clampF(xOf(t), area.x+w/2, area.right()-w/2)
		c.text(s, x, ty, ts, p.muted, alignCenter)
	}
	if ax.title != "" {
		c.text(c.ellipsize(ax.title, ts, x1-x0), (x0+x1)/2, ty+c.lineHeight(ts)+c.px(4), ts, p.muted, alignCenter)
	}
}
