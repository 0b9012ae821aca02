package charts

import (
	"fmt"
	"math"
	"strconv"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// AgreementMatrix is a heatmap of agreement between every pair of the
// selected countries, to find blocs at a glance. Values are printed in the
// cells when they fit; with many countries the labels thin out and the
// colours carry the information (go-chart has no heatmap, so this is drawn
// cell by cell).
type AgreementMatrix struct {
	Meta      Meta
	Countries []string
	// Agreement[i][j] is the share of roll calls where Countries[i] and
	// Countries[j] voted the same, 0..1; NaN or a missing entry is no data.
	Agreement [][]float64
	// N[i][j] is the number of roll calls compared (optional; CSV only).
	N [][]int
}

func (m AgreementMatrix) meta() Meta { return m.Meta }

func (m AgreementMatrix) value(i, j int) float64 {
	if i < len(m.Agreement) && j < len(m.Agreement[i]) {
		v := m.Agreement[i][j]
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			return clampF(v, 0, 1)
		}
	}
	return math.NaN()
}

func (m AgreementMatrix) count(i, j int) int {
	if i < len(m.N) && j < len(m.N[i]) {
		return max(m.N[i][j], 0)
	}
	return 0
}

// heat maps agreement to viridis: perceptually even and colour-blind safe.
func heat(v float64) drawing.Color {
	return chart.Viridis(clampF(v, 0, 1), 0, 1)
}

func (m AgreementMatrix) draw(c *canvas) {
	n := len(m.Countries)
	if n == 0 {
		drawEmpty(c, m.Meta)
		return
	}
	// Room for the labels of at least the first cells is checked below;
	// first make sure every country gets a pixel.
	note := ""
	fit := int(math.Min(c.w, c.h) * 0.5)
	if n > fit {
		note = fmt.Sprintf("(first %d of %d countries)", fit, n)
		n = fit
	}
	f := c.drawFrame(m.Meta, note, nil, nil)
	scaleW := c.px(90)
	area := f.plot
	area.w = math.Max(0, area.w-scaleW)
	gap := c.px(6)

	labels := make([]string, n)
	for i := range labels {
		labels[i] = clean(m.Countries[i])
	}
	fs := c.px(sizeLabel)
	var labelW, cell float64
	for range 3 { // label size and cell size depend on each other
		labelW = 0
		for _, l := range labels {
			labelW = math.Max(labelW, c.measure(l, fs))
		}
		labelW = math.Min(labelW, math.Min(area.w, area.h)*0.25)
		cell = math.Min((area.w-labelW-gap)/float64(n), (area.h-labelW-gap)/float64(n))
		cell = math.Min(cell, c.px(64))
		if cell <= 0 {
			return
		}
		fs = c.fitFont(c.px(sizeLabel), cell*1.1)
	}
	step := labelStep(cell, c.lineHeight(fs)*0.9)
	side := cell * float64(n)
	gx := area.x + labelW + gap
	gy := area.y + labelW + gap

	// Cells, one path per colour.
	byColor := map[drawing.Color][]rect{}
	inset := 0.0
	if cell >= c.px(10) {
		inset = 1 // a hairline of background between cells
	}
	for i := range n {
		for j := range n {
			v := m.value(i, j)
			col := c.pal.noData
			if !math.IsNaN(v) {
				col = heat(v)
			}
			x0, y0 := math.Round(gx+float64(j)*cell), math.Round(gy+float64(i)*cell)
			x1, y1 := math.Round(gx+float64(j+1)*cell), math.Round(gy+float64(i+1)*cell)
			byColor[col] = append(byColor[col], rect{x0, y0, math.Max(1, x1-x0-inset), math.Max(1, y1-y0-inset)})
		}
	}
	for col, rs := range byColor {
		c.fillRects(rs, col)
	}

	// Values, when a cell holds "100" comfortably.
	vs := math.Min(c.px(11.5), cell*0.36)
	if cell >= c.measure("100", vs)+c.px(6) && cell >= c.lineHeight(vs)+c.px(4) && vs >= c.px(sizeMin) {
		for i := range n {
			for j := range n {
				v := m.value(i, j)
				if math.IsNaN(v) {
					continue
				}
				s := strconv.Itoa(int(math.Round(v * 100)))
				c.textMid(s, gx+(float64(j)+0.5)*cell, gy+(float64(i)+0.5)*cell, vs, inkOn(heat(v)), alignCenter)
			}
		}
	}

	// Labels: rows on the left, columns above, every step-th when crowded.
	for i := 0; i < n; i += step {
		l := c.ellipsize(labels[i], fs, labelW)
		c.textMid(l, gx-gap, gy+(float64(i)+0.5)*cell, fs, c.pal.text, alignRight)
		c.textUp(l, gx+(float64(i)+0.5)*cell, gy-gap, fs, c.pal.text)
	}

	sx := math.Min(gx+side+c.px(24), area.right()+c.px(20))
	c.drawScale(rect{sx, gy, scaleW - c.px(20), area.bottom() - gy}, side)
}

// drawScale draws the colour key of the heatmap and the no-data swatch in
// b, about as tall as the matrix (side) but never below b.
func (c *canvas) drawScale(b rect, side float64) {
	ts := c.px(sizeTick)
	barW := c.px(14)
	title := c.ellipsize("Agreement", ts, b.w+c.px(10))
	c.text(title, b.x, b.y, ts, c.pal.text, alignLeft)
	top := b.y + c.lineHeight(ts) + c.px(6)
	below := c.px(14) + barW + c.px(2) // the no-data swatch
	h := clampF(side-c.lineHeight(ts)*3, c.px(160), c.px(320))
	h = math.Max(c.px(40), math.Min(h, b.bottom()-top-below))
	const steps = 64
	for k := range steps {
		v0 := float64(k) / steps
		y0 := top + h - (v0+1.0/steps)*h
		c.fillRect(rect{b.x, math.Floor(y0), barW, math.Ceil(h/steps) + 1}, heat(v0+0.5/steps))
	}
	for _, t := range []float64{0, 0.5, 1} {
		y := top + h - t*h
		c.line(b.x+barW, y, b.x+barW+c.px(4), y, c.pal.axis, 1, nil)
		c.textMid(percentLabel(t), b.x+barW+c.px(7), y, ts, c.pal.muted, alignLeft)
	}
	ny := top + h + c.px(14)
	c.fillRect(rect{b.x, ny, barW, barW}, c.pal.noData)
	c.strokeRect(rect{b.x, ny, barW, barW}, c.pal.axis, 1)
	c.textMid(c.ellipsize("No data", ts, b.w-barW-c.px(6)), b.x+barW+c.px(7), ny+barW/2, ts, c.pal.muted, alignLeft)
}

func (m AgreementMatrix) table() ([]string, [][]string) {
	var rows [][]string
	for i, a := range m.Countries {
		for j, b := range m.Countries {
			rows = append(rows, []string{clean(a), clean(b), ftoa(m.value(i, j)), itoa(m.count(i, j))})
		}
	}
	return []string{"country_a", "country_b", "agreement", "n"}, rows
}
