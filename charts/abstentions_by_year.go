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
	seen := map[int]bool{}
	for _, m := range s.Members {
		for _, y := range m.Years {
			seen[y.Year] = true
		}
	}
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	sort.Ints(years)
	idx := map[int]int{}
	for i, y := range years {
		idx[y] = i
	}
	counts := make([][]int, len(s.Members))
	for i, m := range s.Members {
		counts[i] = make([]int, len(years))
		for j := range counts[i] {
			counts[i][j] = -1
		}
		for _, y := range m.Years {
			counts[i][idx[y.Year]] = max(y.Abstentions, 0)
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
	note := ""
	// Every bar needs at least one pixel; keep the most recent years that fit.
	nm := len(s.Members)
	fit := int(math.Max(1, (c.w-c.px(100))/float64(nm+1)))
	if len(years) > fit {
		note = fmt.Sprintf("(most recent %d of %d years)", fit, len(years))
		cut := len(years) - fit
		years = years[cut:]
		for i := range counts {
			counts[i] = counts[i][cut:]
		}
	}
	f := c.drawFrame(s.Meta, note, legend, nil)

	maxV := 0
	for _, row := range counts {
		for _, v := range row {
			maxV = max(maxV, v)
		}
	}
	ts := c.px(sizeTick)
	maxTicks := int(math.Max(1, f.plot.h/(c.lineHeight(ts)*3)))
	tv := ticks(float64(maxV), niceStep(float64(maxV), min(maxTicks, 8), true))
	axisMax := tv[len(tv)-1]
	labels := make([]string, len(tv))
	for i, t := range tv {
		labels[i] = countLabel(t)
	}
	plot := c.plotBox(f.plot, labels)
	slot := plot.w / float64(len(years))
	groupW := slot * 0.8
	if slot-groupW < 1 {
		groupW = slot
	}
	groupW = math.Min(groupW, c.px(48)*float64(nm)) // no slabs for one year
	barW := groupW / float64(nm)
	vs := math.Min(ts, c.px(11))
	showValues := barW >= c.measure(itoa(maxV), vs)+c.px(2)
	if showValues {
		// Room above the tallest bar for its value.
		room := c.lineHeight(vs) + c.px(2)
		plot.y += room
		plot.h = math.Max(0, plot.h-room)
	}
	c.drawYGrid(plot, tv, axisMax, countLabel)
	widest := ""
	for _, y := range years {
		if l := strconv.Itoa(y); len(l) > len(widest) {
			widest = l
		}
	}
	step := c.yearLabelStep(slot, widest)
	contiguous := years[len(years)-1]-years[0] == len(years)-1
	for j, y := range years {
		gx := plot.x + float64(j)*slot + (slot-groupW)/2
		for i := range s.Members {
			v := counts[i][j]
			if v <= 0 {
				continue
			}
			col, _ := c.pal.seriesStyle(i)
			h := float64(v) / axisMax * plot.h
			x0 := math.Round(gx + float64(i)*barW)
			x1 := math.Round(gx + float64(i+1)*barW)
			if x1-x0 > c.px(3) {
				x1-- // a hairline gap between neighbouring bars
			}
			x1 = math.Max(x1, x0+1)
			c.fillRect(rect{x0, plot.bottom() - h, x1 - x0, h}, col)
			if showValues {
				c.text(itoa(v), (x0+x1)/2, plot.bottom()-h-c.lineHeight(vs), vs, c.pal.text, alignCenter)
			}
		}
		if (contiguous && y%step == 0) || (!contiguous && j%step == 0) {
			label := strconv.Itoa(y)
			lw := c.measure(label, ts)
			x := clampF(plot.x+(float64(j)+0.5)*slot, f.plot.x+lw/2, f.plot.right()-lw/2)
			c.text(label, x, plot.bottom()+c.px(6), ts, c.pal.muted, alignCenter)
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
