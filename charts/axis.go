package charts

import (
	"math"
	"strconv"
)

// niceStep picks a 1-2-5 step so that 0..max needs at most maxTicks steps.
// Integer axes (vote counts) never get fractional steps.
func niceStep(max float64, maxTicks int, integer bool) float64 {
	if !(max > 0) || math.IsInf(max, 0) {
		max = 1
	}
	if maxTicks < 1 {
		maxTicks = 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(max/float64(maxTicks))))
	for _, m := range []float64{1, 2, 5, 10, 20, 50} {
		step := m * mag
		if integer && step < 1 {
			continue
		}
		if math.Ceil(max/step-1e-9) <= float64(maxTicks) {
			return step
		}
	}
	return 100 * mag
}

// ticks returns 0, step, … up to the first multiple of step ≥ max.
func ticks(max, step float64) []float64 {
	if !(max > 0) {
		max = step
	}
	n := int(math.Ceil(max/step - 1e-9))
	if n < 1 {
		n = 1
	}
	if n > 100 {
		n = 100
	}
	out := make([]float64, n+1)
	for i := range out {
		out[i] = float64(i) * step
	}
	return out
}

func countLabel(v float64) string { return strconv.Itoa(int(math.Round(v))) }

func percentLabel(v float64) string {
	return strconv.Itoa(int(math.Round(v*100))) + "%"
}

// labelStep says how many rows of height rowH one label of height lh
// covers, so that drawing every step-th label never overlaps.
func labelStep(rowH, lh float64) int {
	if rowH <= 0 {
		return 1 << 30
	}
	s := int(math.Ceil(lh/rowH - 1e-9))
	if s < 1 {
		s = 1
	}
	return s
}

// fitFont returns the largest size ≤ want whose line fits in room, but not
// below the readable minimum (callers then skip labels instead).
func (c *canvas) fitFont(want, room float64) float64 {
	min := c.px(sizeMin)
	s := want
	for s > min && c.lineHeight(s) > room {
		s -= c.px(0.5)
	}
	return math.Max(s, min)
}

// plotBox reserves room left of area for y tick labels and below it for one
// line of x labels, and returns the box for the data itself.
func (c *canvas) plotBox(area rect, yLabels []string) rect {
	ts := c.px(sizeTick)
	w := 0.0
	for _, l := range yLabels {
		w = math.Max(w, c.measure(l, ts))
	}
	left := w + c.px(10)
	bottom := c.lineHeight(ts) + c.px(10)
	top := c.lineHeight(ts) / 2 // room for the top tick label
	return rect{area.x + left, area.y + top, math.Max(0, area.w-left-c.px(8)), math.Max(0, area.h-bottom-top)}
}

// drawYGrid draws horizontal grid lines and their labels left of plot; the
// y axis runs from 0 (bottom) to axisMax (top).
func (c *canvas) drawYGrid(plot rect, tv []float64, axisMax float64, format func(float64) string) {
	ts := c.px(sizeTick)
	for _, t := range tv {
		y := plot.bottom() - clampF(t/axisMax, 0, 1)*plot.h
		col := c.pal.grid
		if t == 0 {
			col = c.pal.axis
		}
		c.line(plot.x, y, plot.right(), y, col, 1, nil)
		c.textMid(format(t), plot.x-c.px(8), y, ts, c.pal.muted, alignRight)
	}
}

// yearLabelStep picks a round step (1, 2, 5, 10, …) for year labels that
// are slotW apart, so that they do not touch; widest is the longest label.
func (c *canvas) yearLabelStep(slotW float64, widest string) int {
	need := math.Max(c.measure(widest, c.px(sizeTick)), c.measure("2000", c.px(sizeTick))) + c.px(12)
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		if slotW*float64(s) >= need {
			return s
		}
	}
	return 1000
}
