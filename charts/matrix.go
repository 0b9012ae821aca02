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
	l, ok := m.layout(c, f.plot, n)
	if !ok {
		return
	}
	m.drawCells(c, l)
	m.drawValues(c, l)
	m.drawLabels(c, l)
	c.drawScale(rect{l.gx + l.side + c.px(24), l.gy, l.scaleW - c.px(20), f.plot.bottom() - l.gy}, l.side)
}

// matrixLayout is the geometry of a drawn matrix.
type matrixLayout struct {
	n           int
	labels      []string
	fs, labelW  float64
	cell, side  float64
	gap, scaleW float64
	gx, gy      float64 // top left corner of the first cell
}

// layout sizes the cells to fill the plot area and centres the matrix
// with its colour key in it, so that a few countries get large cells
// rather than a corner of the canvas.
func (m AgreementMatrix) layout(c *canvas, area rect, n int) (matrixLayout, bool) {
	l := matrixLayout{n: n, gap: c.px(6), scaleW: c.px(90), labels: make([]string, n)}
	for i := range l.labels {
		l.labels[i] = clean(m.Countries[i])
	}
	w := math.Max(0, area.w-l.scaleW)
	l.fs = c.px(sizeLabel)
	for range 3 { // label size and cell size depend on each other
		l.labelW = 0
		for _, s := range l.labels {
			l.labelW = math.Max(l.labelW, c.measure(s, l.fs))
		}
		l.labelW = math.Min(l.labelW, math.Min(w, area.h)*0.25)
		l.cell = math.Min((w-l.labelW-l.gap)/float64(n), (area.h-l.labelW-l.gap)/float64(n))
		l.cell = math.Min(l.cell, c.px(160))
		if l.cell <= 0 {
			return l, false
		}
		l.fs = c.fitFont(c.px(sizeLabel), l.cell*1.1)
	}
	l.side = l.cell * float64(n)
	block := l.labelW + l.gap + l.side + l.scaleW
	l.gx = area.x + math.Max(0, (area.w-block)/2) + l.labelW + l.gap
	l.gy = area.y + l.labelW + l.gap
	return l, true
}

// drawCells fills the cells, one path per colour.
func (m AgreementMatrix) drawCells(c *canvas, l matrixLayout) {
	byColor := map[drawing.Color][]rect{}
	inset := 0.0
	if l.cell >= c.px(10) {
		inset = 1 // a hairline of background between cells
	}
	for i := range l.n {
		for j := range l.n {
			v := m.value(i, j)
			col := c.pal.noData
			if !math.IsNaN(v) {
				col = heat(v)
			}
			x0, y0 := math.Round(l.gx+float64(j)*l.cell), math.Round(l.gy+float64(i)*l.cell)
			x1, y1 := math.Round(l.gx+float64(j+1)*l.cell), math.Round(l.gy+float64(i+1)*l.cell)
			byColor[col] = append(byColor[col], rect{x0, y0, math.Max(1, x1-x0-inset), math.Max(1, y1-y0-inset)})
		}
	}
	for col, rs := range byColor {
		c.fillRects(rs, col)
	}
}

// drawValues prints the percentages when a cell holds "100" comfortably.
func (m AgreementMatrix) drawValues(c *canvas, l matrixLayout) {
	vs := math.Min(c.px(16), l.cell*0.3)
	if l.cell < c.measure("100", vs)+c.px(6) || l.cell < c.lineHeight(vs)+c.px(4) || vs < c.px(sizeMin) {
		return
	}
	for i := range l.n {
		for j := range l.n {
			v := m.value(i, j)
			if math.IsNaN(v) {
				continue
			}
			s := strconv.Itoa(int(math.Round(v * 100)))
			c.textMid(s, l.gx+(float64(j)+0.5)*l.cell, l.gy+(float64(i)+0.5)*l.cell, vs, inkOn(heat(v)), alignCenter)
		}
	}
}

// drawLabels labels rows on the left and columns above, every step-th
// when crowded.
func (m AgreementMatrix) drawLabels(c *canvas, l matrixLayout) {
	step := labelStep(l.cell, c.lineHeight(l.fs)*0.9)
	for i := 0; i < l.n; i += step {
		s := c.ellipsize(l.labels[i], l.fs, l.labelW)
		c.textMid(s, l.gx-l.gap, l.gy+(float64(i)+0.5)*l.cell, l.fs, c.pal.text, alignRight)
		c.textUp(s, l.gx+(float64(i)+0.5)*l.cell, l.gy-l.gap, l.fs, c.pal.text)
	}
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
