package charts

import (
	"math"
	"sort"
	"strconv"
)

// AlignmentState is one state's place between two poles: 1 at pole A, -1
// at pole B, 0 halfway; beyond the poles the value passes ±1.
type AlignmentState struct {
	Country   string
	Alignment float64 // a non-finite value leaves the state out
}

// Alignment ranks every state by its place between two poles (typically
// two states' ideal points in one period) as a dot per state, from the
// closest to pole B on the left to the closest to pole A on the right. The
// states in Selected are coloured and named, the others grey.
type Alignment struct {
	Meta         Meta
	PoleA, PoleB string // names of the poles, drawn at +1 and -1
	States       []AlignmentState
	Selected     []string
}

func (a Alignment) meta() Meta { return a.Meta }

// ranked are the states with a value, from the lowest to the highest.
func (a Alignment) ranked() []AlignmentState {
	var out []AlignmentState
	for _, s := range a.States {
		if !math.IsNaN(s.Alignment) && !math.IsInf(s.Alignment, 0) {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Alignment < out[j].Alignment })
	return out
}

func (a Alignment) draw(c *canvas) {
	states := a.ranked()
	if len(states) == 0 {
		drawEmpty(c, a.Meta)
		return
	}
	sel := IdealDistribution{Selected: a.Selected}.selectedIndex()
	var legend []legendItem
	for i, s := range a.Selected {
		col, _ := c.pal.seriesStyle(i)
		legend = append(legend, legendItem{label: s, color: col, kind: swatchBox})
	}
	f := c.drawFrame(a.Meta, "", nil, legend)
	lo, hi := math.Min(-1, states[0].Alignment), math.Max(1, states[len(states)-1].Alignment)
	tv := scaleTicks(lo, hi)
	labels := make([]string, len(tv))
	for i, t := range tv {
		labels[i] = scaleLabel(t)
	}
	plot := c.plotBox(f.plot, labels)
	if plot.w < 2 || plot.h < 2 {
		return
	}
	sc := yearScale{x0: 0, x1: float64(len(states)), v0: tv[0], v1: tv[len(tv)-1], plot: plot}
	c.drawScaleGrid(sc, tv)
	c.drawPoles(sc, clean(a.PoleA), clean(a.PoleB))
	c.drawRanked(sc, states, sel)
}

// drawPoles marks +1 and -1 with the poles' names.
func (c *canvas) drawPoles(s yearScale, a, b string) {
	ts := c.px(sizeTick)
	for _, p := range []struct {
		v    float64
		name string
	}{{1, a}, {-1, b}} {
		y := s.y(p.v)
		c.line(s.plot.x, y, s.plot.right(), y, c.pal.axis, 1, []float64{c.px(4), c.px(3)})
		if p.name != "" {
			c.text(c.ellipsize(p.name, ts, s.plot.w/3), s.plot.x+c.px(4), y-c.lineHeight(ts)-c.px(2), ts, c.pal.muted, alignLeft)
		}
	}
}

// drawRanked draws a dot per state at its rank, the selected ones in
// colour with their names, staggered so that neighbours do not collide.
func (c *canvas) drawRanked(s yearScale, states []AlignmentState, sel map[string]int) {
	ts := c.px(sizeTick)
	rad := math.Max(c.px(1.5), math.Min(c.px(4), 0.45*s.plot.w/float64(len(states))))
	level := 0
	for k, st := range states {
		x, y := s.x(float64(k)+0.5), s.y(st.Alignment)
		i, chosen := sel[clean(st.Country)]
		if !chosen {
			c.circle(x, y, rad, c.pal.axis)
			continue
		}
		col, _ := c.pal.seriesStyle(i)
		c.circle(x, y, rad+c.px(1.5), col)
		name := c.ellipsize(clean(st.Country), ts, s.plot.w/4)
		w := c.measure(name, ts)
		level = (level + 1) % 3
		ly := y + c.px(8) + float64(level)*c.lineHeight(ts)
		if st.Alignment > 0 {
			ly = y - c.px(8) - float64(level+1)*c.lineHeight(ts)
		}
		ly = clampF(ly, s.plot.y, s.plot.bottom()-c.lineHeight(ts))
		c.text(name, clampF(x, s.plot.x+w/2, s.plot.right()-w/2), ly, ts, c.pal.text, alignCenter)
	}
}

func (a Alignment) table() ([]string, [][]string) {
	sel := IdealDistribution{Selected: a.Selected}.selectedIndex()
	var rows [][]string
	states := a.ranked()
	for k := len(states) - 1; k >= 0; k-- {
		st := states[k]
		_, chosen := sel[clean(st.Country)]
		rows = append(rows, []string{strconv.Itoa(len(states) - k), clean(st.Country), ftoa(st.Alignment), strconv.FormatBool(chosen)})
	}
	return []string{"rank", "country", "alignment", "selected"}, rows
}
