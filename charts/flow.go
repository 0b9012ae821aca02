package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// FlowVotes is the order of a vote flow's bars: the four votes, then no
// vote row (a member of only one of the two roll calls).
var FlowVotes = []Vote{VoteYes, VoteNo, VoteAbstain, VoteNonVoting, VoteNone}

// FlowBand is the states that voted From on the first roll call and To on
// the second; VoteNone means not a member of that roll call.
type FlowBand struct {
	From, To Vote
	States   []string // names, drawn beside a band of states that changed
}

// FlowRow is one state's two votes, for the CSV.
type FlowRow struct {
	ISO3, Name string
	A, B       Vote
}

// VoteFlow draws every member's vote on roll call A against its vote on
// B: two result bars and a band between them for each pair of votes,
// as wide as the states in it, the states that changed named beside
// their band.
type VoteFlow struct {
	Meta  Meta
	A, B  string // the roll calls' labels (symbol and date)
	Bands []FlowBand
	Rows  []FlowRow
}

func (f VoteFlow) meta() Meta { return f.Meta }

// flowWord names a bar of the flow.
func flowWord(v Vote) string {
	if v == VoteNone {
		return "not a member"
	}
	return v.String()
}

func flowColor(c *canvas, v Vote) drawing.Color {
	if col, ok := voteColor(v); ok {
		return col
	}
	return c.pal.noData
}

func (f VoteFlow) totals() (a, b map[Vote]int, n int) {
	a, b = map[Vote]int{}, map[Vote]int{}
	for _, bd := range f.Bands {
		a[bd.From] += len(bd.States)
		b[bd.To] += len(bd.States)
		n += len(bd.States)
	}
	return a, b, n
}

func (f VoteFlow) draw(c *canvas) {
	ta, tb, n := f.totals()
	if n == 0 {
		drawEmpty(c, f.Meta)
		return
	}
	legend := append(voteLegend(), legendItem{label: "Not a member", color: c.pal.noData})
	fr := c.drawFrame(f.Meta, "", nil, legend)
	p := fr.plot
	ls, ts := c.px(sizeLabel), c.px(sizeTick)
	head := c.lineHeight(ls) + c.px(6)
	barW := c.px(26)
	capW := math.Min(p.w*0.16, c.px(150))
	xa := p.x + capW
	xb := p.x + p.w*0.52
	namesX := xb + barW + capW*0.75
	c.text(c.ellipsize(clean(f.A), ls, xb-p.x), xa, p.y, ls, c.pal.text, alignLeft)
	c.text(c.ellipsize(clean(f.B), ls, p.right()-xb), xb, p.y, ls, c.pal.text, alignLeft)
	top := p.y + head
	gap := c.px(6)
	h := p.bottom() - top
	scale := math.Max(0, h-gap*float64(len(FlowVotes)-1)) / float64(n)
	if scale <= 0 {
		return
	}
	// Where each vote's bar starts on either side.
	posA, posB := map[Vote]float64{}, map[Vote]float64{}
	ya, yb := top, top
	for _, v := range FlowVotes {
		posA[v], posB[v] = ya, yb
		if ta[v] > 0 {
			ya += float64(ta[v])*scale + gap
		}
		if tb[v] > 0 {
			yb += float64(tb[v])*scale + gap
		}
	}
	bars := func(x float64, pos map[Vote]float64, t map[Vote]int, right bool) {
		for _, v := range FlowVotes {
			if t[v] == 0 {
				continue
			}
			bh := float64(t[v]) * scale
			c.fillRect(rect{x, pos[v], barW, bh}, flowColor(c, v))
			label := fmt.Sprintf("%s %d", flowWord(v), t[v])
			if bh >= c.lineHeight(ts)*0.8 {
				if right {
					c.textMid(c.ellipsize(label, ts, capW-c.px(6)), x+barW+c.px(6), pos[v]+bh/2, ts, c.pal.text, alignLeft)
				} else {
					c.textMid(c.ellipsize(label, ts, capW-c.px(6)), x-c.px(6), pos[v]+bh/2, ts, c.pal.text, alignRight)
				}
			}
		}
	}
	// Bands: the offsets inside each bar follow FlowVotes order on both
	// sides, so that bands never cross inside a bar.
	offA, offB := map[Vote]float64{}, map[Vote]float64{}
	type placed struct {
		y0, y1 float64
		names  string
	}
	var labels []placed
	for _, v := range FlowVotes {
		for _, bd := range f.Bands {
			if bd.From != v || len(bd.States) == 0 {
				continue
			}
			w := float64(len(bd.States)) * scale
			y0 := posA[bd.From] + offA[bd.From]
			y1 := posB[bd.To] + offB[bd.To]
			offA[bd.From] += w
			offB[bd.To] += w
			col := flowColor(c, bd.From)
			col.A = 110
			if bd.From != bd.To {
				col.A = 200
			}
			c.band(xa+barW, y0, xb, y1, w, col)
			if bd.From != bd.To && bd.From != VoteNone && bd.To != VoteNone {
				labels = append(labels, placed{y1, y1 + w, flowWord(bd.From) + " to " + flowWord(bd.To) + " (" + itoa(len(bd.States)) + "): " + strings.Join(bd.States, ", ")})
			}
		}
	}
	bars(xa, posA, ta, false)
	bars(xb, posB, tb, true)
	// The names of the states that changed, beside their band on the
	// right, each block below the previous one.
	nw := p.right() - namesX
	if nw < c.px(60) {
		return
	}
	lh := c.lineHeight(ts)
	slices.SortStableFunc(labels, func(a, b placed) int { return cmp.Compare(a.y0, b.y0) })
	next := top
	for i, l := range labels {
		y := math.Max(next, (l.y0+l.y1)/2-lh/2)
		left := p.bottom() - y
		rest := len(labels) - i - 1
		if left < lh {
			break
		}
		maxLines := max(1, int(math.Floor((left-float64(rest)*(lh+c.px(4)))/lh)))
		lines := c.wrap(l.names, ts, nw, min(maxLines, 7))
		for k, ln := range lines {
			c.text(ln, namesX, y+float64(k)*lh, ts, c.pal.text, alignLeft)
		}
		c.line(namesX-c.px(4), y, namesX-c.px(4), y+float64(len(lines))*lh, flowColor(c, VoteNone), 1, nil)
		next = y + float64(len(lines))*lh + c.px(4)
	}
}

// band fills a flow band of width w from (x0, y0) on the left to (x1, y1)
// on the right, its edges smooth steps.
func (c *canvas) band(x0, y0, x1, y1, w float64, col drawing.Color) {
	const steps = 24
	c.r.ResetStyle()
	c.r.SetFillColor(col)
	pt := func(k int, off float64) (int, int) {
		t := float64(k) / steps
		s := t * t * (3 - 2*t)
		return rnd(x0 + (x1-x0)*t), rnd(y0 + (y1-y0)*s + off)
	}
	x, y := pt(0, 0)
	c.r.MoveTo(x, y)
	for k := 1; k <= steps; k++ {
		x, y = pt(k, 0)
		c.r.LineTo(x, y)
	}
	for k := steps; k >= 0; k-- {
		x, y = pt(k, math.Max(1, w))
		c.r.LineTo(x, y)
	}
	c.r.Close()
	c.r.Fill()
	c.r.ResetStyle()
}

func (f VoteFlow) table() ([]string, [][]string) {
	var rows [][]string
	for _, r := range f.Rows {
		rows = append(rows, []string{clean(r.ISO3), clean(r.Name), flowWord(r.A), flowWord(r.B)})
	}
	return []string{"iso3", "name", "vote_a", "vote_b"}, rows
}
