package charts

import (
	"fmt"
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// VoteGrid shows how each selected country voted on each roll call, one
// coloured cell per vote, with roll calls on which the selection split
// marked above the grid, so that the points of disagreement are easy to
// find.
type VoteGrid struct {
	Meta      Meta
	Countries []string
	// RollCalls labels the columns, oldest first; when they do not fit the
	// most recent are kept.
	RollCalls []string
	// Votes[i][j] is how Countries[i] voted on RollCalls[j]; missing
	// entries are VoteNone.
	Votes [][]Vote
}

func (g VoteGrid) meta() Meta { return g.Meta }

func (g VoteGrid) vote(i, j int) Vote {
	if i < len(g.Votes) && j < len(g.Votes[i]) {
		if v := g.Votes[i][j]; v >= VoteNone && v <= VoteNonVoting {
			return v
		}
	}
	return VoteNone
}

// split reports whether the countries that voted on roll call j did not all
// vote the same (yes, no and abstain count; absence does not).
func (g VoteGrid) split(j int) bool {
	seen := VoteNone
	for i := range g.Countries {
		v := g.vote(i, j)
		if v != VoteYes && v != VoteNo && v != VoteAbstain {
			continue
		}
		if seen != VoteNone && v != seen {
			return true
		}
		seen = v
	}
	return false
}

func (g VoteGrid) draw(c *canvas) {
	nr, nc := len(g.Countries), len(g.RollCalls)
	if nr == 0 || nc == 0 {
		drawEmpty(c, g.Meta)
		return
	}
	legend := append(voteLegend(),
		legendItem{label: "No record", color: c.pal.noData},
		legendItem{label: "Split vote", color: c.pal.text, kind: swatchMark},
	)
	// Every cell needs a pixel: keep the most recent roll calls and the
	// first countries that fit, and say so.
	var notes []string
	c0, r1 := 0, nr
	if fit := int(c.w * 0.7); nc > fit {
		c0 = nc - fit
		notes = append(notes, fmt.Sprintf("(most recent %d of %d roll calls)", fit, nc))
	}
	if fit := int(c.h * 0.45); nr > fit {
		r1 = fit
		notes = append(notes, fmt.Sprintf("(first %d of %d countries)", fit, nr))
	}
	note := ""
	for i, n := range notes {
		if i > 0 {
			note += " "
		}
		note += n
	}
	f := c.drawFrame(g.Meta, note, legend, nil)
	area := f.plot
	rows, cols := r1, nc-c0
	gap := c.px(6)

	fs := c.px(sizeLabel)
	var rowLabelW, colLabelH, cw, ch, markH float64
	for range 3 {
		rowLabelW = 0
		for i := range rows {
			rowLabelW = math.Max(rowLabelW, c.measure(clean(g.Countries[i]), fs))
		}
		rowLabelW = math.Max(rowLabelW, c.measure("Split", fs))
		rowLabelW = math.Min(rowLabelW, area.w*0.25)
		colLabelH = 0
		for j := c0; j < nc; j++ {
			colLabelH = math.Max(colLabelH, c.measure(clean(g.RollCalls[j]), fs))
		}
		colLabelH = math.Min(colLabelH, area.h*0.28)
		markH = c.px(10)
		cw = math.Min((area.w-rowLabelW-gap)/float64(cols), c.px(72))
		ch = math.Min((area.h-colLabelH-markH-3*gap)/float64(rows), c.px(34))
		if cw <= 0 || ch <= 0 {
			return
		}
		fs = math.Min(c.fitFont(c.px(sizeLabel), ch*1.1), c.fitFont(c.px(sizeLabel), cw*1.1))
	}
	rowStep := labelStep(ch, c.lineHeight(fs)*0.9)
	colStep := labelStep(cw, c.lineHeight(fs)*0.9)
	gx := area.x + rowLabelW + gap
	my := area.y + colLabelH + gap // marker row
	gy := my + markH + gap

	// Cells, one path per vote colour.
	byColor := map[drawing.Color][]rect{}
	ix, iy := 0.0, 0.0
	if cw >= c.px(8) {
		ix = 1
	}
	if ch >= c.px(8) {
		iy = 1
	}
	for i := range rows {
		for jj := range cols {
			col, ok := voteColor(g.vote(i, c0+jj))
			if !ok {
				col = c.pal.noData
			}
			x0, y0 := math.Round(gx+float64(jj)*cw), math.Round(gy+float64(i)*ch)
			x1, y1 := math.Round(gx+float64(jj+1)*cw), math.Round(gy+float64(i+1)*ch)
			byColor[col] = append(byColor[col], rect{x0, y0, math.Max(1, x1-x0-ix), math.Max(1, y1-y0-iy)})
		}
	}
	for col, rs := range byColor {
		c.fillRects(rs, col)
	}

	// Split markers.
	var marks []rect
	for jj := range cols {
		if g.split(c0 + jj) {
			x0, x1 := math.Round(gx+float64(jj)*cw), math.Round(gx+float64(jj+1)*cw)
			marks = append(marks, rect{x0, my + markH*0.2, math.Max(1, x1-x0-ix), markH * 0.6})
		}
	}
	c.fillRects(marks, c.pal.text)
	ms := math.Min(fs, c.fitFont(c.px(sizeTick), markH*1.6))
	c.textMid("Split", gx-gap, my+markH/2, ms, c.pal.muted, alignRight)

	for i := 0; i < rows; i += rowStep {
		l := c.ellipsize(clean(g.Countries[i]), fs, rowLabelW)
		c.textMid(l, gx-gap, gy+(float64(i)+0.5)*ch, fs, c.pal.text, alignRight)
	}
	// Columns: label the most recent roll call, then every step-th back.
	for jj := cols - 1; jj >= 0; jj -= colStep {
		l := c.ellipsize(clean(g.RollCalls[c0+jj]), fs, colLabelH)
		c.textUp(l, gx+(float64(jj)+0.5)*cw, my-gap, fs, c.pal.text)
	}
}

func (g VoteGrid) table() ([]string, [][]string) {
	header := []string{"country"}
	for _, r := range g.RollCalls {
		header = append(header, clean(r))
	}
	var rows [][]string
	for i, country := range g.Countries {
		row := []string{clean(country)}
		for j := range g.RollCalls {
			row = append(row, g.vote(i, j).String())
		}
		rows = append(rows, row)
	}
	if len(g.Countries) > 0 {
		row := []string{"(split)"}
		for j := range g.RollCalls {
			if g.split(j) {
				row = append(row, "yes")
			} else {
				row = append(row, "no")
			}
		}
		rows = append(rows, row)
	}
	return header, rows
}
