package charts

import (
	"io"
	"math"
	"sort"
	"strconv"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// AgreementPoint is one year of agreement between a country and the
// reference country.
type AgreementPoint struct {
	Year int
	// Agreement is the share of roll calls in which both voted the same,
	// 0..1; NaN means no data, and the line has a gap there.
	Agreement float64
	// N is the number of roll calls compared; it is written to the CSV.
	N int
}

// AgreementSeries is one country's line.
type AgreementSeries struct {
	Country string
	Points  []AgreementPoint
}

// AgreementOverTime draws one line per country showing, year by year, how
// often it voted like Reference, on a fixed 0–100 % axis so that charts of
// different countries compare at a glance. Missing years break the line.
type AgreementOverTime struct {
	Meta      Meta
	Reference string
	Series    []AgreementSeries
	// MinN is the fewest roll calls a point should rest on: points on
	// fewer are drawn hollow, and a note says so, so that a year of two
	// votes does not look as solid as a year of eighty. 0 draws every
	// point alike.
	MinN int
	// Breaks are change points of the series (their Series index), drawn
	// as a dashed step from the level before to the level after.
	Breaks []SeriesBreak
}

// SeriesBreak marks a change point of series Series: the level moves
// from Before to After in Year.
type SeriesBreak struct {
	Series        int
	Year          int
	Before, After float64
}

func (a AgreementOverTime) meta() Meta { return a.Meta }

// valid reports whether a point can be plotted.
func (p AgreementPoint) valid() bool {
	return !math.IsNaN(p.Agreement) && !math.IsInf(p.Agreement, 0)
}

// segments splits a series into runs of consecutive plottable years.
func (s AgreementSeries) segments() [][]AgreementPoint {
	pts := append([]AgreementPoint(nil), s.Points...)
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].Year < pts[j].Year })
	var out [][]AgreementPoint
	var cur []AgreementPoint
	for _, p := range pts {
		if !p.valid() {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		if len(cur) > 0 && p.Year > cur[len(cur)-1].Year+1 {
			out = append(out, cur)
			cur = nil
		}
		if len(cur) > 0 && p.Year == cur[len(cur)-1].Year {
			continue // duplicate year: keep the first
		}
		cur = append(cur, p)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// nosave lets a go-chart Chart draw into our renderer without saving it.
type nosave struct{ chart.Renderer }

func (nosave) Save(io.Writer) error { return nil }

// unseen is nosave that also drops what go-chart draws with neither a
// visible fill nor a visible stroke: the chart's background and canvas
// boxes, which it always fills, here in a transparent colour. Painting a
// premultiplied colour of alpha 0 leaves every pixel as it was, yet over
// the whole image it was most of a line chart's drawing time. go-chart
// sets a shape's colours before its path, so the path is dropped with it.
type unseen struct {
	nosave
	fill, stroke drawing.Color
}

// seriesRenderer is what renderSeries gives go-chart (a variable so that
// a test can compare it with the plain renderer).
var seriesRenderer = func(r chart.Renderer) chart.Renderer { return &unseen{nosave: nosave{r}} }

func (u *unseen) SetFillColor(c drawing.Color)   { u.fill = c; u.Renderer.SetFillColor(c) }
func (u *unseen) SetStrokeColor(c drawing.Color) { u.stroke = c; u.Renderer.SetStrokeColor(c) }
func (u *unseen) ResetStyle() {
	u.fill, u.stroke = drawing.Color{}, drawing.Color{}
	u.Renderer.ResetStyle()
}
func (u *unseen) visible() bool { return u.fill.A != 0 || u.stroke.A != 0 }

func (u *unseen) MoveTo(x, y int) {
	if u.visible() {
		u.Renderer.MoveTo(x, y)
	}
}

func (u *unseen) LineTo(x, y int) {
	if u.visible() {
		u.Renderer.LineTo(x, y)
	}
}

func (u *unseen) QuadCurveTo(cx, cy, x, y int) {
	if u.visible() {
		u.Renderer.QuadCurveTo(cx, cy, x, y)
	}
}

func (u *unseen) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	if u.visible() {
		u.Renderer.ArcTo(cx, cy, rx, ry, start, delta)
	}
}

func (u *unseen) Circle(radius float64, x, y int) {
	if u.visible() {
		u.Renderer.Circle(radius, x, y)
	}
}

func (u *unseen) Close() {
	if u.visible() {
		u.Renderer.Close()
	}
}

func (u *unseen) FillStroke() {
	if u.visible() {
		u.Renderer.FillStroke()
	}
}

func (a AgreementOverTime) draw(c *canvas) {
	segs, minY, maxY := a.allSegments()
	if minY > maxY {
		drawEmpty(c, a.Meta)
		return
	}
	var legend []legendItem
	for i, s := range a.Series {
		col, dash := c.pal.seriesStyle(i)
		legend = append(legend, legendItem{label: s.Country, color: col, dash: dash, kind: swatchLine})
	}
	note := ""
	if a.weakPoints(segs) > 0 {
		note = "(hollow points: fewer than " + strconv.Itoa(a.MinN) + " roll calls)"
	}
	f := c.drawFrame(a.Meta, note, nil, legend)
	plot, area, ok := a.plotArea(c, f.plot)
	if !ok {
		return
	}
	x0, x1 := float64(minY)-0.5, float64(maxY)+0.5 // half a year of air on each side
	xOf := func(y float64) float64 { return plot.x + (y-x0)/(x1-x0)*plot.w }
	c.drawYearAxis(plot, area, minY, maxY, xOf)
	a.drawLines(c, plot, segs, x0, x1)
	a.drawWeak(c, plot, segs, xOf)
	c.drawBreaks(a.Breaks, xOf, func(v float64) float64 { return plot.bottom() - clampF(v, 0, 1)*plot.h })
}

// drawBreaks draws each break as a dashed step at the boundary between
// the two years: the level before, a vertical to the level after, and
// the level after, one year long each, in the series' colour.
func (c *canvas) drawBreaks(bs []SeriesBreak, xOf, yOf func(float64) float64) {
	for _, b := range bs {
		if !finite(b.Before, b.After) {
			continue
		}
		col, _ := c.pal.seriesStyle(b.Series)
		x := xOf(float64(b.Year) - 0.5)
		ya, yb := yOf(b.Before), yOf(b.After)
		dash := []float64{5, 3}
		c.line(xOf(float64(b.Year)-1.5), ya, x, ya, col, 2, dash)
		c.line(x, ya, x, yb, col, 2, dash)
		c.line(x, yb, xOf(float64(b.Year)+0.5), yb, col, 2, dash)
		c.circle(x, yb, 4, col)
	}
}

// allSegments splits every series into runs and finds the years spanned.
func (a AgreementOverTime) allSegments() (segs [][][]AgreementPoint, minY, maxY int) {
	minY, maxY = math.MaxInt, math.MinInt
	segs = make([][][]AgreementPoint, len(a.Series))
	for i, s := range a.Series {
		segs[i] = s.segments()
		for _, sg := range segs[i] {
			minY = min(minY, sg[0].Year)
			maxY = max(maxY, sg[len(sg)-1].Year)
		}
	}
	return segs, minY, maxY
}

// weak reports whether a point rests on fewer roll calls than MinN.
func (a AgreementOverTime) weak(p AgreementPoint) bool { return p.N < a.MinN }

// weakPoints counts the points drawn hollow.
func (a AgreementOverTime) weakPoints(segs [][][]AgreementPoint) int {
	k := 0
	for _, sg := range segs {
		for _, run := range sg {
			for _, p := range run {
				if a.weak(p) {
					k++
				}
			}
		}
	}
	return k
}

// plotArea places the caption and the y axis, and returns the box for the
// data and the area around it (for the year labels).
func (a AgreementOverTime) plotArea(c *canvas, area rect) (plot, outer rect, ok bool) {
	ts := c.px(sizeTick)
	if ref := clean(a.Reference); ref != "" {
		caption := c.ellipsize("Roll calls voted the same way as "+ref, ts, area.w)
		c.text(caption, area.x, area.y, ts, c.pal.muted, alignLeft)
		area.y += c.lineHeight(ts) + c.px(6)
		area.h = math.Max(0, area.h-c.lineHeight(ts)-c.px(6))
	}
	tv := []float64{0, 0.25, 0.5, 0.75, 1}
	if area.h < c.lineHeight(ts)*8 {
		tv = []float64{0, 0.5, 1}
	}
	labels := make([]string, len(tv))
	for i, t := range tv {
		labels[i] = percentLabel(t)
	}
	plot = c.plotBox(area, labels)
	plot = rect{math.Round(plot.x), math.Round(plot.y), math.Round(plot.w), math.Round(plot.h)}
	if plot.w < 2 || plot.h < 2 {
		return plot, area, false
	}
	c.drawYGrid(plot, tv, 1, percentLabel)
	return plot, area, true
}

// drawYearAxis draws the vertical year lines and their labels.
func (c *canvas) drawYearAxis(plot, area rect, minY, maxY int, xOf func(float64) float64) {
	ts := c.px(sizeTick)
	x0, x1 := float64(minY)-0.5, float64(maxY)+0.5
	widest := strconv.Itoa(minY)
	if w := strconv.Itoa(maxY); len(w) > len(widest) {
		widest = w
	}
	step := c.yearLabelStep(plot.w/(x1-x0), widest)
	if span := maxY - minY; span/step > 200 {
		// Absurd year ranges: fall back to round steps that fit the width.
		step = int(niceStep(float64(span), 10, true))
	}
	first := minY
	if minY != maxY {
		first = (minY + step - 1) / step * step
		if minY < 0 {
			first = minY / step * step
		}
	}
	for y := first; y <= maxY && y >= first; y += step {
		x := xOf(float64(y))
		c.line(x, plot.y, x, plot.bottom(), c.pal.grid, 1, nil)
		label := strconv.Itoa(y)
		lw := c.measure(label, ts)
		c.text(label, clampF(x, area.x+lw/2, area.right()-lw/2), plot.bottom()+c.px(6), ts, c.pal.muted, alignCenter)
	}
}

// drawLines draws the series with go-chart, which draws continuous series
// well once the ranges are fixed and no axis of its own is drawn. Dots
// mark the yearly values; with thousands of points they would only blur
// the lines (and slow drawing), so then only lone points get one.
func (a AgreementOverTime) drawLines(c *canvas, plot rect, segs [][][]AgreementPoint, x0, x1 float64) {
	points := 0
	for _, sg := range segs {
		for _, run := range sg {
			points += len(run)
		}
	}
	var series []chart.Series
	for i := range a.Series {
		col, dash := c.pal.seriesStyle(i)
		var d []float64
		for _, v := range dash {
			d = append(d, c.px(v))
		}
		for _, sg := range segs[i] {
			xs, ys := make([]float64, len(sg)), make([]float64, len(sg))
			for k, p := range sg {
				xs[k], ys[k] = float64(p.Year), clampF(p.Agreement, 0, 1)
			}
			dot := c.px(3)
			if points > 1500 && len(sg) > 1 {
				dot = 0
			}
			series = append(series, chart.ContinuousSeries{
				XValues: xs, YValues: ys,
				Style: chart.Style{
					StrokeColor: col, StrokeWidth: c.strokeWidth(2.5), StrokeDashArray: d,
					DotColor: col, DotWidth: dot,
				},
			})
		}
	}
	c.renderSeries(plot, series, x0, x1)
}

// renderSeries lets a go-chart Chart draw series into the plot box.
func (c *canvas) renderSeries(plot rect, series []chart.Series, x0, x1 float64) {
	r := seriesRenderer(c.r)
	clear := drawing.Color{R: 255, G: 255, B: 255, A: 0} // transparent but not "unset"
	ch := chart.Chart{
		Width: int(c.w), Height: int(c.h), DPI: c.dpi,
		Background: chart.Style{
			FillColor: clear, StrokeColor: clear,
			Padding: chart.Box{IsSet: true, Top: int(plot.y), Left: int(plot.x),
				Right: int(c.w - plot.right()), Bottom: int(c.h - plot.bottom())},
		},
		Canvas:         chart.Style{FillColor: clear, StrokeColor: clear},
		XAxis:          chart.XAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: x0, Max: x1}},
		YAxis:          chart.YAxis{Style: chart.Hidden(), Range: &chart.ContinuousRange{Min: 0, Max: 1}},
		YAxisSecondary: chart.YAxis{Style: chart.Hidden()},
		Series:         series,
	}
	if err := ch.Render(func(int, int) (chart.Renderer, error) { return r, nil }, io.Discard); err != nil {
		panic(err) // turned into an error by paint; inputs above make this unreachable
	}
	c.r.ResetStyle()
	c.r.SetDPI(c.dpi)
}

// drawWeak draws the points under MinN as rings in the series colour
// with the page showing through.
func (a AgreementOverTime) drawWeak(c *canvas, plot rect, segs [][][]AgreementPoint, xOf func(float64) float64) {
	for i := range a.Series {
		col, _ := c.pal.seriesStyle(i)
		for _, sg := range segs[i] {
			for _, p := range sg {
				if !a.weak(p) {
					continue
				}
				x, y := xOf(float64(p.Year)), plot.bottom()-clampF(p.Agreement, 0, 1)*plot.h
				c.circle(x, y, 4.5, col)
				c.circle(x, y, 2.5, c.pal.bg)
			}
		}
	}
}

func (a AgreementOverTime) table() ([]string, [][]string) {
	var rows [][]string
	for _, s := range a.Series {
		for _, sg := range s.segments() {
			for _, p := range sg {
				rows = append(rows, []string{clean(s.Country), strconv.Itoa(p.Year), ftoa(clampF(p.Agreement, 0, 1)), itoa(p.N)})
			}
		}
	}
	return []string{"country", "year", "agreement", "n"}, rows
}
