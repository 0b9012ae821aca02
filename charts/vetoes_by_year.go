package charts

import (
	"math"
	"strconv"
)

// VetoCount is one member's vetoes in one calendar year.
type VetoCount struct {
	Year   int
	Vetoes int
}

// VetoSeries is one member's vetoes per year. A year the series does not
// list is one in which the member did not hold the seat (the Soviet Union
// after 1991): it is left blank in the CSV, where a listed 0 is a year
// without a veto.
type VetoSeries struct {
	// Member names the member, usually as the chart's legend shows it.
	Member string
	Years  []VetoCount
	// Colour is the 1-based series colour of the palette, so that a member
	// keeps its colour from one selection to the next; 0 takes the
	// series' place in the chart.
	Colour int
}

// colour is series i's colour index.
func (v VetoesByYear) colour(i int) int {
	if c := v.Members[i].Colour; c > 0 && c < 1000 {
		return c - 1
	}
	return i
}

// VetoesByYear shows the vetoes cast in the Security Council per year as
// stacked bars, one colour per member, so that both the total and who cast
// it read at a glance. The years between the first and the last are all
// drawn: a year without a bar had no veto.
type VetoesByYear struct {
	Meta    Meta
	Members []VetoSeries
}

func (v VetoesByYear) meta() Meta { return v.Meta }

// grid returns the years, every one from the first to the last, and
// counts[member][year index], -1 where the member lists no entry for the
// year.
func (v VetoesByYear) grid() ([]int, [][]int) {
	members := make([][]VetoCount, len(v.Members))
	for i, m := range v.Members {
		members[i] = m.Years
	}
	// No year has more vetoes than an int32 holds; beyond is broken input.
	return yearGrid(members, func(y VetoCount) (int, int) { return y.Year, min(max(y.Vetoes, 0), math.MaxInt32) }, true)
}

// totals sums each year's vetoes over the members.
func totals(counts [][]int, n int) []int {
	out := make([]int, n)
	for _, row := range counts {
		for j, c := range row {
			if c > 0 && out[j] < math.MaxInt32 {
				out[j] = min(out[j]+c, math.MaxInt32)
			}
		}
	}
	return out
}

func (v VetoesByYear) draw(c *canvas) {
	years, counts := v.grid()
	sum := 0
	for _, t := range totals(counts, len(years)) {
		sum += t
	}
	if len(years) == 0 || len(v.Members) == 0 || sum == 0 {
		drawEmpty(c, v.Meta)
		return
	}
	var legend []legendItem
	for i, m := range v.Members {
		col, _ := c.pal.seriesStyle(v.colour(i))
		legend = append(legend, legendItem{label: m.Member, color: col})
	}
	// One bar per year, so the years fit as a single member's would.
	years, counts, note := c.fitYears(years, counts, 1)
	tot := totals(counts, len(years))
	f := c.drawFrame(v.Meta, note, legend, nil)
	l := c.layoutYearBars(f.plot, years, [][]int{tot})
	c.drawYGrid(l.plot, l.ticks, l.axisMax, countLabel)
	for j, y := range years {
		c.drawVetoStack(l, counts, tot[j], j, v.colour)
		if (l.contiguous && y%l.step == 0) || (!l.contiguous && j%l.step == 0) {
			label := strconv.Itoa(y)
			lw := c.measure(label, l.ts)
			x := clampF(l.plot.x+(float64(j)+0.5)*l.slot, f.plot.x+lw/2, f.plot.right()-lw/2)
			c.text(label, x, l.plot.bottom()+c.px(6), l.ts, c.pal.muted, alignCenter)
		}
	}
}

// drawVetoStack draws year j's bar, one segment per member from the
// bottom up in legend order, with the year's total above it where it fits.
func (c *canvas) drawVetoStack(l *yearBars, counts [][]int, total, j int, colour func(int) int) {
	if total <= 0 {
		return
	}
	x0 := math.Round(l.plot.x + float64(j)*l.slot + (l.slot-l.groupW)/2)
	x1 := math.Max(math.Round(x0+l.groupW), x0+1)
	bottom := l.plot.bottom()
	acc := 0
	for i := range counts {
		v := counts[i][j]
		if v <= 0 {
			continue
		}
		y0 := bottom - math.Min(float64(acc)/l.axisMax, 1)*l.plot.h
		acc += v
		y1 := bottom - math.Min(float64(acc)/l.axisMax, 1)*l.plot.h
		col, _ := c.pal.seriesStyle(colour(i))
		c.fillRect(rect{x0, math.Round(y1), x1 - x0, math.Max(1, math.Round(y0)-math.Round(y1))}, col)
	}
	if l.showValues {
		top := bottom - math.Min(float64(total)/l.axisMax, 1)*l.plot.h
		c.text(itoa(total), (x0+x1)/2, top-c.lineHeight(l.vs), l.vs, c.pal.text, alignCenter)
	}
}

func (v VetoesByYear) table() ([]string, [][]string) {
	years, counts := v.grid()
	header := []string{"year"}
	for _, m := range v.Members {
		header = append(header, clean(m.Member))
	}
	header = append(header, "total")
	tot := totals(counts, len(years))
	rows := make([][]string, len(years))
	for j, y := range years {
		row := []string{strconv.Itoa(y)}
		for i := range v.Members {
			cell := ""
			if counts[i][j] >= 0 {
				cell = itoa(counts[i][j])
			}
			row = append(row, cell)
		}
		rows[j] = append(row, itoa(tot[j]))
	}
	return header, rows
}
