package charts

import (
	"math"
	"sort"
	"strconv"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// IdealPoint is a state's estimated position in one period.
type IdealPoint struct {
	Year int // the year the period begins
	// Ideal is the position; Lo and Hi bound its interval. A point with a
	// non-finite value is not drawn.
	Ideal, Lo, Hi float64
	// N is the number of votes the estimate rests on; it is written to the
	// CSV.
	N int
	// Flag marks an estimate resting on too few votes: its band is drawn
	// paler and its dot hollow.
	Flag bool
}

// IdealSeries is one state's positions over time.
type IdealSeries struct {
	Country string
	Points  []IdealPoint
}

// IdealTime draws each state's ideal point over time as a line with its
// interval as a band of one bar per period. The line breaks wherever a
// period is missing, so that no line crosses a gap in the data.
type IdealTime struct {
	Meta   Meta
	Series []IdealSeries
	// Breaks are change points of the series, drawn as in
	// AgreementOverTime.
	Breaks []SeriesBreak
}

func (a IdealTime) meta() Meta { return a.Meta }

// valid reports whether a point can be plotted.
func (p IdealPoint) valid() bool {
	for _, v := range []float64{p.Ideal, p.Lo, p.Hi} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// runs splits a series into runs of consecutive plottable years.
func (s IdealSeries) runs() [][]IdealPoint {
	pts := append([]IdealPoint(nil), s.Points...)
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].Year < pts[j].Year })
	var out [][]IdealPoint
	var cur []IdealPoint
	for _, p := range pts {
		if !p.valid() || (len(cur) > 0 && p.Year > cur[len(cur)-1].Year+1) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
		}
		if !p.valid() || (len(cur) > 0 && p.Year == cur[len(cur)-1].Year) {
			continue
		}
		cur = append(cur, p)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// idealRange is the span of years and of values the runs cover; ok is
// false when there is nothing to draw.
func idealRange(runs [][][]IdealPoint) (y0, y1 int, lo, hi float64, ok bool) {
	y0, y1, lo, hi = math.MaxInt, math.MinInt, math.Inf(1), math.Inf(-1)
	for _, rs := range runs {
		for _, r := range rs {
			for _, p := range r {
				y0, y1 = min(y0, p.Year), max(y1, p.Year)
				lo, hi = math.Min(lo, math.Min(p.Lo, p.Ideal)), math.Max(hi, math.Max(p.Hi, p.Ideal))
			}
		}
	}
	return y0, y1, lo, hi, y0 <= y1
}

// scaleTicks are round values covering [lo, hi], zero included.
func scaleTicks(lo, hi float64) []float64 {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi-lo < 1e-9 {
		lo, hi = lo-1, hi+1
	}
	step := niceStep(hi-lo, 6, false)
	first := math.Floor(lo/step) * step
	var out []float64
	for v := first; v <= hi+step*0.999 && len(out) < 100; v += step {
		out = append(out, math.Round(v/step)*step)
	}
	return out
}

// scaleLabel formats a position tick.
func scaleLabel(v float64) string {
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func (a IdealTime) draw(c *canvas) {
	runs := make([][][]IdealPoint, len(a.Series))
	for i, s := range a.Series {
		runs[i] = s.runs()
	}
	y0, y1, lo, hi, ok := idealRange(runs)
	if !ok {
		drawEmpty(c, a.Meta)
		return
	}
	var legend []legendItem
	for i, s := range a.Series {
		col, dash := c.pal.seriesStyle(i)
		legend = append(legend, legendItem{label: s.Country, color: col, dash: dash, kind: swatchLine})
	}
	f := c.drawFrame(a.Meta, "", nil, legend)
	tv := scaleTicks(lo, hi)
	labels := make([]string, len(tv))
	for i, t := range tv {
		labels[i] = scaleLabel(t)
	}
	plot := c.plotBox(f.plot, labels)
	plot = rect{math.Round(plot.x), math.Round(plot.y), math.Round(plot.w), math.Round(plot.h)}
	if plot.w < 2 || plot.h < 2 {
		return
	}
	sc := yearScale{x0: float64(y0) - 0.5, x1: float64(y1) + 0.5, v0: tv[0], v1: tv[len(tv)-1], plot: plot}
	c.drawScaleGrid(sc, tv)
	c.drawYearAxis(sc.plot, f.plot, y0, y1, sc.x)
	for i := range a.Series {
		col, dash := c.pal.seriesStyle(i)
		for _, r := range runs[i] {
			c.drawBands(sc, r, col)
		}
		for _, r := range runs[i] {
			c.drawRun(sc, r, col, dash)
		}
	}
	c.drawBreaks(a.Breaks, sc.x, sc.y)
}

// yearScale maps years to x and positions to y inside plot.
type yearScale struct {
	x0, x1, v0, v1 float64
	plot           rect
}

func (s yearScale) x(year float64) float64 { return s.plot.x + (year-s.x0)/(s.x1-s.x0)*s.plot.w }
func (s yearScale) y(v float64) float64 {
	return s.plot.bottom() - clampF((v-s.v0)/(s.v1-s.v0), 0, 1)*s.plot.h
}

// drawScaleGrid draws the horizontal grid with its labels, zero in the
// axis colour.
func (c *canvas) drawScaleGrid(s yearScale, tv []float64) {
	ts := c.px(sizeTick)
	for _, t := range tv {
		y := s.y(t)
		col := c.pal.grid
		if t == 0 {
			col = c.pal.axis
		}
		c.line(s.plot.x, y, s.plot.right(), y, col, 1, nil)
		c.textMid(scaleLabel(t), s.plot.x-c.px(8), y, ts, c.pal.muted, alignRight)
	}
}

// drawBands draws each period's interval as a translucent bar one period
// wide (paler for flagged estimates).
func (c *canvas) drawBands(s yearScale, run []IdealPoint, col drawing.Color) {
	half := math.Max(1, 0.45*(s.x(1)-s.x(0)))
	for _, p := range run {
		fill := col
		fill.A = 70
		if p.Flag {
			fill.A = 30
		}
		x := s.x(float64(p.Year))
		top, bottom := s.y(p.Hi), s.y(p.Lo)
		c.fillRect(rect{x - half, top, 2 * half, math.Max(1, bottom-top)}, fill)
	}
}

// drawRun draws one unbroken stretch of a series with its dots; a flagged
// estimate gets a hollow dot.
func (c *canvas) drawRun(s yearScale, run []IdealPoint, col drawing.Color, dash []float64) {
	var d []float64
	for _, v := range dash {
		d = append(d, c.px(v))
	}
	for k := 1; k < len(run); k++ {
		a, b := run[k-1], run[k]
		c.line(s.x(float64(a.Year)), s.y(a.Ideal), s.x(float64(b.Year)), s.y(b.Ideal), col, c.strokeWidth(2.5), d)
	}
	if len(run) > 300 {
		return // dots would only blur the line
	}
	for _, p := range run {
		x, y := s.x(float64(p.Year)), s.y(p.Ideal)
		c.circle(x, y, c.px(3), col)
		if p.Flag {
			c.circle(x, y, c.px(1.6), c.pal.bg)
		}
	}
}

func (a IdealTime) table() ([]string, [][]string) {
	var rows [][]string
	for _, s := range a.Series {
		for _, r := range s.runs() {
			for _, p := range r {
				rows = append(rows, []string{clean(s.Country), strconv.Itoa(p.Year),
					ftoa(p.Ideal), ftoa(p.Lo), ftoa(p.Hi), itoa(p.N), strconv.FormatBool(p.Flag)})
			}
		}
	}
	return []string{"country", "year", "ideal", "lo", "hi", "n", "flagged"}, rows
}
