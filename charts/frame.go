package charts

import (
	"math"
	"strconv"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// swatch is how a legend item shows its colour.
type swatch int

const (
	swatchBox   swatch = iota // filled square (bars, cells)
	swatchHatch               // hatched square (elected Council members)
	swatchLine                // short line with a dot (line series)
	swatchMark                // small bar in the ink colour (markers)
	swatchNone                // text only ("+3 more")
)

type legendItem struct {
	label string
	color drawing.Color
	kind  swatch
	dash  []float64
	fill  drawing.Color // background under a hatch
}

func voteLegend() []legendItem {
	return []legendItem{
		{label: "Yes", color: colYes},
		{label: "No", color: colNo},
		{label: "Abstain", color: colAbstain},
		{label: "Non-voting", color: colNonVoting},
	}
}

// frame is the laid-out page: where the plot goes, after title, subtitle,
// legends and footer took their share.
type frame struct {
	plot rect
}

// drawFrame paints the background, the title block, the legends and the
// footer, and returns the free area for the plot. note is appended to the
// subtitle (e.g. "(most recent 40 of 52)"). Legends live outside the plot,
// so they can never cover data.
func (c *canvas) drawFrame(m Meta, note string, top, bottom []legendItem) frame {
	p := c.pal
	if !c.svg {
		// The SVG gets a real <rect> background when it is saved.
		c.fillRect(rect{0, 0, c.w, c.h}, p.bg)
	}
	margin := c.px(18)
	inner := c.w - 2*margin
	y := margin

	title := clean(m.Title)
	sub := clean(m.Subtitle)
	if note != "" {
		if sub != "" {
			sub += " "
		}
		sub += note
	}
	ts, ss := c.px(sizeTitle), c.px(sizeSubtitle)
	for _, l := range c.wrap(title, ts, inner, 2) {
		c.text(l, margin, y, ts, p.text, alignLeft)
		y += c.lineHeight(ts)
	}
	if title != "" {
		y += c.px(4)
	}
	for _, l := range c.wrap(sub, ss, inner, 2) {
		c.text(l, margin, y, ss, p.muted, alignLeft)
		y += c.lineHeight(ss)
	}
	y += c.px(10)

	maxLegendH := (c.h - y) * 0.25
	if len(top) > 0 {
		h := c.drawLegend(top, rect{margin, y, inner, maxLegendH})
		y += h + c.px(12)
	}

	// Footer: source and import date on the left, version on the right.
	fs := c.px(sizeFooter)
	fy := c.h - margin*0.75 - c.lineHeight(fs)
	left, right := m.footer()
	right = c.ellipsize(right, fs, inner*0.45)
	rw := c.measure(right, fs)
	c.text(right, c.w-margin, fy, fs, p.muted, alignRight)
	c.text(c.ellipsize(left, fs, inner-rw-c.px(24)), margin, fy, fs, p.muted, alignLeft)
	bottomY := fy - c.px(12)
	if note := clean(m.Note); note != "" {
		bottomY -= c.lineHeight(fs)
		c.textWords(c.ellipsize(note, fs, inner), margin, bottomY, fs, p.muted)
		bottomY -= c.px(6)
	}

	if len(bottom) > 0 {
		h := c.legendHeight(bottom, inner, maxLegendH)
		bottomY -= h
		c.drawLegend(bottom, rect{margin, bottomY, inner, maxLegendH})
		bottomY -= c.px(12)
	}
	return frame{plot: rect{margin, y, inner, math.Max(0, bottomY-y)}}
}

// legend geometry, in output pixels.
func (c *canvas) legendMetrics() (size, sw, gap, spacing, rowH float64) {
	size = c.px(sizeLegend)
	sw = c.px(14)
	gap = c.px(6)
	spacing = c.px(20)
	rowH = math.Max(c.lineHeight(size), sw) + c.px(6)
	return
}

// layoutLegend places items left to right, wrapping rows inside maxW; when
// they need more rows than maxH holds, the tail is replaced by "+N more".
func (c *canvas) layoutLegend(items []legendItem, maxW, maxH float64) (placed []legendItem, xs, ys []float64, height float64) {
	size, sw, gap, _, rowH := c.legendMetrics()
	maxRows := int(math.Max(1, math.Floor(maxH/rowH)))
	all := make([]legendItem, len(items))
	for i, it := range items {
		it.label = c.ellipsize(clean(it.label), size, maxW-sw-gap)
		all[i] = it
	}
	for k := len(all); k >= 0; k-- {
		try := all[:k:k]
		if k < len(all) {
			try = append(try, legendItem{label: "+" + strconv.Itoa(len(all)-k) + " more", kind: swatchNone})
		}
		xs, ys, rows := c.flowLegend(try, maxW)
		if rows <= maxRows || k == 0 {
			return try, xs, ys, float64(rows) * rowH
		}
	}
	return nil, nil, nil, 0
}

// flowLegend computes positions of items wrapped into rows of width maxW.
func (c *canvas) flowLegend(items []legendItem, maxW float64) (xs, ys []float64, rows int) {
	size, sw, gap, spacing, rowH := c.legendMetrics()
	x, y := 0.0, 0.0
	rows = 1
	for _, it := range items {
		w := c.measure(it.label, size)
		if it.kind != swatchNone {
			w += sw + gap
		}
		if x > 0 && x+w > maxW {
			x = 0
			y += rowH
			rows++
		}
		xs, ys = append(xs, x), append(ys, y)
		x += w + spacing
	}
	return xs, ys, rows
}

func (c *canvas) legendHeight(items []legendItem, maxW, maxH float64) float64 {
	_, _, _, h := c.layoutLegend(items, maxW, maxH)
	return h
}

// drawLegend draws items inside box (its height is the limit) and returns
// the height used.
func (c *canvas) drawLegend(items []legendItem, box rect) float64 {
	placed, xs, ys, h := c.layoutLegend(items, box.w, box.h)
	size, sw, gap, _, rowH := c.legendMetrics()
	for i, it := range placed {
		x, y := box.x+xs[i], box.y+ys[i]
		cy := y + rowH/2
		sq := rect{x, cy - sw/2, sw, sw}
		tx := x + sw + gap
		switch it.kind {
		case swatchBox:
			c.fillRect(sq, it.color)
		case swatchHatch:
			c.fillRect(sq, it.fill)
			c.hatch(sq, it.color)
			c.strokeRect(sq, it.color, 1)
		case swatchLine:
			c.line(x, cy, x+sw, cy, it.color, 2.5, it.dash)
			c.circle(x+sw/2, cy, 3, it.color)
		case swatchMark:
			c.fillRect(rect{x, cy - sw/4, sw, sw / 2}, it.color)
		case swatchNone:
			tx = x
		}
		c.textMid(it.label, tx, cy, size, c.pal.text, alignLeft)
	}
	return h
}

// drawMessage centres a large muted message (and an optional hint) in b.
func (c *canvas) drawMessage(b rect, msg, hint string) {
	ms := c.px(sizeMessage)
	hs := c.px(sizeSubtitle)
	lines := c.wrap(msg, ms, b.w*0.9, 2)
	total := float64(len(lines)) * c.lineHeight(ms)
	if hint != "" {
		total += c.px(8) + c.lineHeight(hs)
	}
	y := b.y + (b.h-total)/2
	for _, l := range lines {
		c.text(l, b.x+b.w/2, y, ms, c.pal.muted, alignCenter)
		y += c.lineHeight(ms)
	}
	if hint != "" {
		y += c.px(8)
		c.text(c.ellipsize(hint, hs, b.w*0.9), b.x+b.w/2, y, hs, c.pal.muted, alignCenter)
	}
}
