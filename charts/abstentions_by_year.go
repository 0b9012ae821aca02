package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
)

// YearCount is one member's abstentions in one calendar year.
type YearCount struct {
	Year        int
	Abstentions int
}

// MemberYears is one member's abstentions per year.
type MemberYears struct {
	// Member names the member, usually an ISO3 code such as "USA".
	Member string
	Years  []YearCount
}

// SCAbstentionsByYear shows the permanent members' abstentions per year as
// grouped bars (one group per year, one bar per member), to show when each
// of the P5 chose to abstain rather than veto. Years without any entry are
// left out.
type SCAbstentionsByYear struct {
	Meta    Meta
	Members []MemberYears
}

func (s SCAbstentionsByYear) meta() Meta { return s.Meta }

// grid returns the sorted years and counts[member][year index]
// (-1 where the member has no entry for that year).
func (s SCAbstentionsByYear) grid() ([]int, [][]int) {
	members := make([][]YearCount, len(s.Members))
	for i, m := range s.Members {
		members[i] = m.Years
	}
	return yearGrid(members, func(y YearCount) (int, int) { return y.Year, max(y.Abstentions, 0) }, false)
}

// maxYearSpan bounds the years filled in between the first and the last;
// a wider span (only a broken input has one) keeps the years given.
const maxYearSpan = 400

// yearGrid lays out the members' yearly entries on the years any of them
// lists, sorted (with fill, every year from the first to the last, unless
// the span exceeds maxYearSpan): counts[member][year index], -1 where the
// member lists no entry for the year. entry gives an entry's year and
// count.
func yearGrid[T any](members [][]T, entry func(T) (int, int), fill bool) ([]int, [][]int) {
	seen := map[int]bool{}
	for _, m := range members {
		for _, e := range m {
			y, _ := entry(e)
			seen[y] = true
		}
	}
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	sort.Ints(years)
	if n := len(years); fill && n > 1 && years[n-1]-years[0] < maxYearSpan {
		all := make([]int, 0, years[n-1]-years[0]+1)
		for y := years[0]; y <= years[n-1]; y++ {
			all = append(all, y)
		}
		years = all
	}
	idx := map[int]int{}
	for i, y := range years {
		idx[y] = i
	}
	counts := make([][]int, len(members))
	for i, m := range members {
		counts[i] = make([]int, len(years))
		for j := range counts[i] {
			counts[i][j] = -1
		}
		for _, e := range m {
			y, n := entry(e)
			counts[i][idx[y]] = n
		}
	}
	return years, counts
}

func (s SCAbstentionsByYear) draw(c *canvas) {
	years, counts := s.grid()
	if len(years) == 0 || len(s.Members) == 0 {
		drawEmpty(c, s.Meta)
		return
	}
	var legend []legendItem
	for i, m := range s.Members {
		col, _ := c.pal.seriesStyle(i)
		legend = append(legend, legendItem{label: m.Member, color: col})
	}
	years, counts, note := c.fitYears(years, counts, len(s.Members))
	f := c.drawFrame(s.Meta, note, legend, nil)
	l := c.layoutYearBars(f.plot, years, counts)
	c.drawYGrid(l.plot, l.ticks, l.axisMax, countLabel)
	for j, y := range years {
		c.drawYearGroup(l, counts, j)
		if (l.contiguous && y%l.step == 0) || (!l.contiguous && j%l.step == 0) {
			label := strconv.Itoa(y)
			lw := c.measure(label, l.ts)
			x := clampF(l.plot.x+(float64(j)+0.5)*l.slot, f.plot.x+lw/2, f.plot.right()-lw/2)
			c.text(label, x, l.plot.bottom()+c.px(6), l.ts, c.pal.muted, alignCenter)
		}
	}
}

// fitYears keeps the most recent years whose bars get at least one pixel
// each, with a note saying how many were left out.
func (c *canvas) fitYears(years []int, counts [][]int, members int) ([]int, [][]int, string) {
	fit := int(math.Max(1, (c.w-c.px(100))/float64(members+1)))
	if len(years) <= fit {
		return years, counts, ""
	}
	note := fmt.Sprintf("(most recent %d of %d years)", fit, len(years))
	cut := len(years) - fit
	for i := range counts {
		counts[i] = counts[i][cut:]
	}
	return years[cut:], counts, note
}

// yearBars is where the grouped bars of SCAbstentionsByYear go.
type yearBars struct {
	plot               rect
	ticks              []float64
	axisMax            float64
	slot, groupW, barW float64 // a year's slot, its group of bars, one bar
	ts, vs             float64 // tick and value text sizes
	showValues         bool
	step               int // every step-th year is labelled
	contiguous         bool
	members            int
}

// layoutYearBars picks the count scale, the width of each year's group of
// bars, whether values fit above the bars, and which years get labels.
func (c *canvas) layoutYearBars(area rect, years []int, counts [][]int) *yearBars {
	maxV := 0
	for _, row := range counts {
		for _, v := range row {
			maxV = max(maxV, v)
		}
	}
	l := &yearBars{ts: c.px(sizeTick), members: len(counts)}
	maxTicks := int(math.Max(1, area.h/(c.lineHeight(l.ts)*3)))
	l.ticks = ticks(float64(maxV), niceStep(float64(maxV), min(maxTicks, 8), true))
	l.axisMax = l.ticks[len(l.ticks)-1]
	labels := make([]string, len(l.ticks))
	for i, t := range l.ticks {
		labels[i] = countLabel(t)
	}
	l.plot = c.plotBox(area, labels)
	l.slot = l.plot.w / float64(len(years))
	l.groupW = l.slot * 0.8
	if l.slot-l.groupW < 1 {
		l.groupW = l.slot
	}
	l.groupW = math.Min(l.groupW, c.px(48)*float64(l.members)) // no slabs for one year
	l.barW = l.groupW / float64(l.members)
	l.vs = math.Min(l.ts, c.px(11))
	if l.showValues = l.barW >= c.measure(itoa(maxV), l.vs)+c.px(2); l.showValues {
		// Room above the tallest bar for its value.
		room := c.lineHeight(l.vs) + c.px(2)
		l.plot.y += room
		l.plot.h = math.Max(0, l.plot.h-room)
	}
	widest := ""
	for _, y := range years {
		if s := strconv.Itoa(y); len(s) > len(widest) {
			widest = s
		}
	}
	l.step = c.yearLabelStep(l.slot, widest)
	l.contiguous = years[len(years)-1]-years[0] == len(years)-1
	return l
}

// drawYearGroup draws the members' bars of year j, with their values where
// they fit.
func (c *canvas) drawYearGroup(l *yearBars, counts [][]int, j int) {
	gx := l.plot.x + float64(j)*l.slot + (l.slot-l.groupW)/2
	for i := 0; i < l.members; i++ {
		v := counts[i][j]
		if v <= 0 {
			continue
		}
		col, _ := c.pal.seriesStyle(i)
		h := float64(v) / l.axisMax * l.plot.h
		x0 := math.Round(gx + float64(i)*l.barW)
		x1 := math.Round(gx + float64(i+1)*l.barW)
		if x1-x0 > c.px(3) {
			x1-- // a hairline gap between neighbouring bars
		}
		x1 = math.Max(x1, x0+1)
		c.fillRect(rect{x0, l.plot.bottom() - h, x1 - x0, h}, col)
		if l.showValues {
			c.text(itoa(v), (x0+x1)/2, l.plot.bottom()-h-c.lineHeight(l.vs), l.vs, c.pal.text, alignCenter)
		}
	}
}

func (s SCAbstentionsByYear) table() ([]string, [][]string) {
	years, counts := s.grid()
	header := []string{"year"}
	for _, m := range s.Members {
		header = append(header, clean(m.Member))
	}
	rows := make([][]string, len(years))
	for j, y := range years {
		row := []string{strconv.Itoa(y)}
		for i := range s.Members {
			cell := ""
			if counts[i][j] >= 0 {
				cell = itoa(counts[i][j])
			}
			row = append(row, cell)
		}
		rows[j] = row
	}
	return header, rows
}
