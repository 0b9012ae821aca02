package charts

import (
	"math"
	"sort"
	"time"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Stance is the direction of a recorded position.
type Stance int8

// Stances, coloured like the votes they resemble: support like yes,
// opposition like no, neutral or mixed like an abstention.
const (
	StanceNeutral Stance = iota
	StanceSupports
	StanceOpposes
)

func (s Stance) String() string {
	switch s {
	case StanceSupports:
		return "supports"
	case StanceOpposes:
		return "opposes"
	}
	return "neutral"
}

func (s Stance) color() drawing.Color {
	switch s {
	case StanceSupports:
		return colYes
	case StanceOpposes:
		return colNo
	}
	return colAbstain
}

// Position is one recorded position on the timeline.
type Position struct {
	Country string // label of the row
	Date    time.Time
	Stance  Stance
	Summary string
}

// PositionsTimeline shows the stances of countries on one topic over time:
// one row per country, one dot per recorded position, so that a change of
// position reads as a change of colour along the row.
type PositionsTimeline struct {
	Meta      Meta
	Positions []Position
}

func (p PositionsTimeline) meta() Meta { return p.Meta }

// rows lists the countries in order of their first position.
func (p PositionsTimeline) rows() []string {
	first := map[string]time.Time{}
	for _, q := range p.Positions {
		if t, ok := first[q.Country]; !ok || q.Date.Before(t) {
			first[q.Country] = q.Date
		}
	}
	out := make([]string, 0, len(first))
	for c := range first {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if !first[out[i]].Equal(first[out[j]]) {
			return first[out[i]].Before(first[out[j]])
		}
		return out[i] < out[j]
	})
	return out
}

func (p PositionsTimeline) draw(c *canvas) {
	pts := p.dated()
	if len(pts) == 0 {
		c.drawFrame(p.Meta, "", nil, nil)
		Empty{Meta: p.Meta, Message: "No positions recorded", Hint: "Add one in the Positions view"}.draw(c)
		return
	}
	legend := []legendItem{
		{label: "supports", color: colYes},
		{label: "opposes", color: colNo},
		{label: "neutral or mixed", color: colAbstain},
	}
	rows := PositionsTimeline{Positions: pts}.rows()
	f := c.drawFrame(p.Meta, "", legend, nil)
	fs := c.px(sizeLabel)
	labelW := 0.0
	for _, r := range rows {
		labelW = math.Max(labelW, c.measure(clean(r), fs))
	}
	labelW = math.Min(labelW, f.plot.w*0.3)
	plot := rect{f.plot.x + labelW + c.px(10), f.plot.y, f.plot.w - labelW - c.px(20), f.plot.h - c.lineHeight(c.px(sizeTick)) - c.px(10)}
	if plot.w <= 0 || plot.h <= 0 {
		return
	}
	lo, hi := dateRange(pts)
	xOf := func(t time.Time) float64 {
		return plot.x + plot.w*float64(t.Sub(lo))/float64(hi.Sub(lo))
	}
	c.drawDateAxis(f.plot, plot, lo, hi, xOf)
	rowH := plot.h / float64(len(rows))
	step := labelStep(rowH, c.lineHeight(fs)*0.9)
	index := map[string]int{}
	for i, r := range rows {
		index[r] = i
		y := plot.y + (float64(i)+0.5)*rowH
		c.line(plot.x, y, plot.right(), y, c.pal.grid, 1, nil)
		if i%step == 0 {
			c.textMid(c.ellipsize(clean(r), fs, labelW), plot.x-c.px(10), y, fs, c.pal.text, alignRight)
		}
	}
	rad := math.Min(7, math.Max(2, rowH/c.scale*0.3))
	for _, q := range pts {
		y := plot.y + (float64(index[q.Country])+0.5)*rowH
		c.circle(xOf(q.Date), y, rad, q.Stance.color())
	}
}

// dated keeps the positions with a plausible date: the others cannot be
// placed on a time axis.
func (p PositionsTimeline) dated() []Position {
	var pts []Position
	for _, q := range p.Positions {
		if !q.Date.IsZero() && q.Date.Year() > 1900 && q.Date.Year() < 2200 {
			pts = append(pts, q)
		}
	}
	return pts
}

// dateRange spans the positions' dates, padded so that dots at the ends
// are not cut and a single day gets some width.
func dateRange(pts []Position) (lo, hi time.Time) {
	lo, hi = pts[0].Date, pts[0].Date
	for _, q := range pts {
		if q.Date.Before(lo) {
			lo = q.Date
		}
		if q.Date.After(hi) {
			hi = q.Date
		}
	}
	pad := hi.Sub(lo) / 20
	if pad < 24*time.Hour {
		pad = 24 * time.Hour
	}
	return lo.Add(-pad), hi.Add(pad)
}

// drawDateAxis draws the vertical grid and the date labels below plot:
// days, months or years, whichever gives a handful, never overlapping.
func (c *canvas) drawDateAxis(area, plot rect, lo, hi time.Time, xOf func(time.Time) float64) {
	ts := c.px(sizeTick)
	layout, ticks := dateTicks(lo, hi)
	lastRight := math.Inf(-1)
	for _, t := range ticks {
		x := xOf(t)
		c.line(x, plot.y, x, plot.bottom(), c.pal.grid, 1, nil)
		lab := t.Format(layout)
		w := c.measure(lab, ts)
		if x-w/2 > lastRight+c.px(6) && x+w/2 <= area.right() {
			c.text(lab, x, plot.bottom()+c.px(6), ts, c.pal.muted, alignCenter)
			lastRight = x + w/2
		}
	}
}

// dateTicks picks tick dates and their label layout for the range.
func dateTicks(lo, hi time.Time) (string, []time.Time) {
	days := hi.Sub(lo).Hours() / 24
	var out []time.Time
	switch {
	case days <= 45:
		step := int(math.Max(1, math.Ceil(days/7)))
		for t := time.Date(lo.Year(), lo.Month(), lo.Day()+1, 0, 0, 0, 0, time.UTC); !t.After(hi); t = t.AddDate(0, 0, step) {
			out = append(out, t)
		}
		return "2 Jan 2006", out
	case days <= 3*365:
		step := int(math.Max(1, math.Ceil(days/30/8)))
		for t := time.Date(lo.Year(), lo.Month()+1, 1, 0, 0, 0, 0, time.UTC); !t.After(hi); t = t.AddDate(0, step, 0) {
			out = append(out, t)
		}
		return "Jan 2006", out
	}
	step := int(math.Max(1, math.Ceil(days/365/8)))
	for t := time.Date(lo.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC); !t.After(hi) && len(out) < 200; t = t.AddDate(step, 0, 0) {
		out = append(out, t)
	}
	return "2006", out
}

func (p PositionsTimeline) table() ([]string, [][]string) {
	rows := make([][]string, 0, len(p.Positions))
	for _, q := range p.Positions {
		d := ""
		if !q.Date.IsZero() {
			d = q.Date.Format("2006-01-02")
		}
		rows = append(rows, []string{clean(q.Country), d, q.Stance.String(), clean(q.Summary)})
	}
	return []string{"country", "date", "stance", "summary"}, rows
}
