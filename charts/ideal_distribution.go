package charts

import (
	"math"
	"sort"
	"strconv"
)

// IdealState is one state's position in the period shown.
type IdealState struct {
	Country string
	// Ideal is the position, Lo and Hi its interval; a state with a
	// non-finite value is left out.
	Ideal, Lo, Hi float64
	N             int  // votes the estimate rests on, for the CSV
	Flag          bool // too few votes: drawn hollow
}

// IdealDistribution places every state of one period on the ideal-point
// scale as a dot: the states in Selected in colour, with their interval
// and their name, the others grey. Dots that would overlap are stacked.
type IdealDistribution struct {
	Meta     Meta
	States   []IdealState
	Selected []string // country names as in States
}

func (a IdealDistribution) meta() Meta { return a.Meta }

// plotted are the states with a value, sorted by position.
func (a IdealDistribution) plotted() []IdealState {
	var out []IdealState
	for _, s := range a.States {
		if (IdealPoint{Ideal: s.Ideal, Lo: s.Lo, Hi: s.Hi}).valid() {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Ideal < out[j].Ideal })
	return out
}

// selectedIndex maps each selected name to its colour index.
func (a IdealDistribution) selectedIndex() map[string]int {
	m := map[string]int{}
	for i, s := range a.Selected {
		if _, dup := m[s]; !dup {
			m[s] = i
		}
	}
	return m
}

func (a IdealDistribution) draw(c *canvas) {
	states := a.plotted()
	if len(states) == 0 {
		drawEmpty(c, a.Meta)
		return
	}
	sel := a.selectedIndex()
	var legend []legendItem
	for i, s := range a.Selected {
		col, _ := c.pal.seriesStyle(i)
		legend = append(legend, legendItem{label: s, color: col, kind: swatchBox})
	}
	f := c.drawFrame(a.Meta, "", nil, legend)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range states {
		lo, hi = math.Min(lo, s.Lo), math.Max(hi, s.Hi)
	}
	tv := scaleTicks(lo, hi)
	plot := f.plot
	plot.h -= c.lineHeight(c.px(sizeTick)) + c.px(10)
	if plot.w < 2 || plot.h < 2 {
		return
	}
	xOf := func(v float64) float64 { return plot.x + clampF((v-tv[0])/(tv[len(tv)-1]-tv[0]), 0, 1)*plot.w }
	c.drawScaleAxis(plot, tv, xOf)
	c.drawStrip(plot, states, sel, xOf)
}

// drawScaleAxis draws vertical grid lines with the position labels below
// the plot, zero in the axis colour.
func (c *canvas) drawScaleAxis(plot rect, tv []float64, xOf func(float64) float64) {
	ts := c.px(sizeTick)
	for _, t := range tv {
		x := xOf(t)
		col := c.pal.grid
		if t == 0 {
			col = c.pal.axis
		}
		c.line(x, plot.y, x, plot.bottom(), col, 1, nil)
		c.text(scaleLabel(t), x, plot.bottom()+c.px(6), ts, c.pal.muted, alignCenter)
	}
}

// drawStrip draws the dots, stacking those that would overlap around the
// middle line, then the selected states' intervals and names above.
func (c *canvas) drawStrip(plot rect, states []IdealState, sel map[string]int, xOf func(float64) float64) {
	rad := c.px(4)
	mid := plot.y + plot.h*0.62
	var lastX []float64 // right edge of the last dot in each stacking level
	grey := c.pal.axis
	labelY := plot.y + c.px(4)
	ts := c.px(sizeTick)
	labelEnd := math.Inf(-1)
	level := 0
	for _, s := range states {
		x := xOf(s.Ideal)
		k := 0
		for k < len(lastX) && lastX[k] > x-rad {
			k++
		}
		if k == len(lastX) {
			lastX = append(lastX, 0)
		}
		lastX[k] = x + rad
		off := float64((k+1)/2) * 2.2 * rad
		if k%2 == 1 {
			off = -off
		}
		y := clampF(mid+off, plot.y+rad, plot.bottom()-rad)
		i, chosen := sel[clean(s.Country)]
		col := grey
		if chosen {
			col, _ = c.pal.seriesStyle(i)
			c.line(xOf(s.Lo), y, xOf(s.Hi), y, col, c.strokeWidth(2), nil)
			name := c.ellipsize(clean(s.Country), ts, plot.w/4)
			w := c.measure(name, ts)
			if x-w/2 < labelEnd+c.px(6) {
				level = (level + 1) % 3
			} else {
				level = 0
			}
			ly := labelY + float64(level)*c.lineHeight(ts)
			c.line(x, ly+c.lineHeight(ts), x, y-rad, col, 1, []float64{c.px(2), c.px(2)})
			lx := clampF(x, plot.x+w/2, plot.right()-w/2)
			c.text(name, lx, ly, ts, c.pal.text, alignCenter)
			labelEnd = lx + w/2
		}
		c.circle(x, y, rad, col)
		if s.Flag {
			c.circle(x, y, rad*0.55, c.pal.bg)
		}
	}
}

func (a IdealDistribution) table() ([]string, [][]string) {
	sel := a.selectedIndex()
	var rows [][]string
	for _, s := range a.plotted() {
		_, chosen := sel[clean(s.Country)]
		rows = append(rows, []string{clean(s.Country), ftoa(s.Ideal), ftoa(s.Lo), ftoa(s.Hi), itoa(s.N),
			strconv.FormatBool(s.Flag), strconv.FormatBool(chosen)})
	}
	return []string{"country", "ideal", "lo", "hi", "n", "flagged", "selected"}, rows
}
