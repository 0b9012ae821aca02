package charts

import (
	"fmt"
	"math"
	"strings"

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
	c0, r1, note := g.visible(c)
	f := c.drawFrame(g.Meta, note, legend, nil)
	l, ok := g.layout(c, f.plot, c0, r1)
	if !ok {
		return
	}
	g.drawCells(c, l)
	g.drawSplits(c, l)
	g.drawLabels(c, l)
}

// visible chooses what fits, since every cell needs a pixel: the most
// recent roll calls from c0 and the countries before r1, with a note
// saying what was left out.
func (g VoteGrid) visible(c *canvas) (c0, r1 int, note string) {
	nr, nc := len(g.Countries), len(g.RollCalls)
	r1 = nr
	var notes []string
	if fit := int(c.w * 0.7); nc > fit {
		c0 = nc - fit
		notes = append(notes, fmt.Sprintf("(most recent %d of %d roll calls)", fit, nc))
	}
	if fit := int(c.h * 0.45); nr > fit {
		r1 = fit
		notes = append(notes, fmt.Sprintf("(first %d of %d countries)", fit, nr))
	}
	return c0, r1, strings.Join(notes, " ")
}

// gridLayout is the geometry of a drawn grid.
type gridLayout struct {
	c0, rows, cols     int     // first roll call drawn, rows and columns
	fs                 float64 // label font size
	rowLabelW, colLabH float64
	cw, ch, markH, gap float64
	gx, gy, my         float64 // grid origin and marker row
}

// layout sizes the cells and the labels. The font follows the cell size
// and the label space follows the font, so it settles in a few rounds; a
// last step shrinks the font until the longest column label fits whole.
func (g VoteGrid) layout(c *canvas, area rect, c0, r1 int) (gridLayout, bool) {
	l := gridLayout{c0: c0, rows: r1, cols: len(g.RollCalls) - c0, gap: c.px(6), markH: c.px(10)}
	l.fs = c.px(sizeLabel)
	for range 3 {
		l.rowLabelW = math.Min(math.Max(g.longestRow(c, l), c.measure("Split", l.fs)), area.w*0.25)
		l.colLabH = math.Min(g.longestColumn(c, l), area.h*0.28)
		l.cw = math.Min((area.w-l.rowLabelW-l.gap)/float64(l.cols), c.px(72))
		l.ch = math.Min((area.h-l.colLabH-l.markH-3*l.gap)/float64(l.rows), c.px(34))
		if l.cw <= 0 || l.ch <= 0 {
			return l, false
		}
		l.fs = math.Min(c.fitFont(c.px(sizeLabel), l.ch*1.1), c.fitFont(c.px(sizeLabel), l.cw*1.1))
	}
	for min := c.px(sizeMin) / 2; l.fs > min && g.longestColumn(c, l) > l.colLabH; {
		l.fs = math.Max(min, l.fs-c.px(0.5))
	}
	l.gx = area.x + l.rowLabelW + l.gap
	l.my = area.y + l.colLabH + l.gap
	l.gy = l.my + l.markH + l.gap
	return l, true
}

func (g VoteGrid) longestRow(c *canvas, l gridLayout) float64 {
	w := 0.0
	for i := range l.rows {
		w = math.Max(w, c.measure(clean(g.Countries[i]), l.fs))
	}
	return w
}

func (g VoteGrid) longestColumn(c *canvas, l gridLayout) float64 {
	w := 0.0
	for j := l.c0; j < len(g.RollCalls); j++ {
		w = math.Max(w, c.measure(clean(g.RollCalls[j]), l.fs))
	}
	return w
}

// insets leaves a one-pixel line between cells large enough to show it.
func (l gridLayout) insets(c *canvas) (ix, iy float64) {
	if l.cw >= c.px(8) {
		ix = 1
	}
	if l.ch >= c.px(8) {
		iy = 1
	}
	return ix, iy
}

// drawCells fills the cells, one path per vote colour.
func (g VoteGrid) drawCells(c *canvas, l gridLayout) {
	byColor := map[drawing.Color][]rect{}
	ix, iy := l.insets(c)
	for i := range l.rows {
		for jj := range l.cols {
			col, ok := voteColor(g.vote(i, l.c0+jj))
			if !ok {
				col = c.pal.noData
			}
			x0, y0 := math.Round(l.gx+float64(jj)*l.cw), math.Round(l.gy+float64(i)*l.ch)
			x1, y1 := math.Round(l.gx+float64(jj+1)*l.cw), math.Round(l.gy+float64(i+1)*l.ch)
			byColor[col] = append(byColor[col], rect{x0, y0, math.Max(1, x1-x0-ix), math.Max(1, y1-y0-iy)})
		}
	}
	for col, rs := range byColor {
		c.fillRects(rs, col)
	}
}

// drawSplits marks the roll calls on which the countries split.
func (g VoteGrid) drawSplits(c *canvas, l gridLayout) {
	var marks []rect
	ix, _ := l.insets(c)
	for jj := range l.cols {
		if g.split(l.c0 + jj) {
			x0, x1 := math.Round(l.gx+float64(jj)*l.cw), math.Round(l.gx+float64(jj+1)*l.cw)
			marks = append(marks, rect{x0, l.my + l.markH*0.2, math.Max(1, x1-x0-ix), l.markH * 0.6})
		}
	}
	c.fillRects(marks, c.pal.text)
	ms := math.Min(l.fs, c.fitFont(c.px(sizeTick), l.markH*1.6))
	c.textMid("Split", l.gx-l.gap, l.my+l.markH/2, ms, c.pal.muted, alignRight)
}

// drawLabels labels the rows and, from the most recent back, every
// column there is room for.
func (g VoteGrid) drawLabels(c *canvas, l gridLayout) {
	rowStep := labelStep(l.ch, c.lineHeight(l.fs)*0.9)
	colStep := labelStep(l.cw, c.lineHeight(l.fs)*0.9)
	for i := 0; i < l.rows; i += rowStep {
		s := c.ellipsize(clean(g.Countries[i]), l.fs, l.rowLabelW)
		c.textMid(s, l.gx-l.gap, l.gy+(float64(i)+0.5)*l.ch, l.fs, c.pal.text, alignRight)
	}
	for jj := l.cols - 1; jj >= 0; jj -= colStep {
		s := c.ellipsize(clean(g.RollCalls[l.c0+jj]), l.fs, l.colLabH)
		c.textUp(s, l.gx+(float64(jj)+0.5)*l.cw, l.my-l.gap, l.fs, c.pal.text)
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
