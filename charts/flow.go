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
	l := newFlowLayout(c, fr.plot)
	c.text(c.ellipsize(clean(f.A), l.ls, l.xb-l.p.x), l.xa, l.p.y, l.ls, c.pal.text, alignLeft)
	c.text(c.ellipsize(clean(f.B), l.ls, l.p.right()-l.xb), l.xb, l.p.y, l.ls, c.pal.text, alignLeft)
	l.scale = math.Max(0, l.p.bottom()-l.top-l.gap*float64(len(FlowVotes)-1)) / float64(n)
	if l.scale <= 0 {
		return
	}
	l.posA, l.posB = l.barStarts(ta), l.barStarts(tb)
	labels := f.drawBands(c, l)
	l.drawBars(c, l.xa, l.posA, ta, false)
	l.drawBars(c, l.xb, l.posB, tb, true)
	l.drawSwitchers(c, labels)
}

// flowLayout is where a vote flow's parts go: the two bars' x, the
// captions' width, the names' column, and, once the totals are known, the
// scale in pixels per state and where each vote's bar starts on either
// side.
type flowLayout struct {
	p                          rect
	ls, ts, barW, capW, gap    float64
	xa, xb, namesX, top, scale float64
	posA, posB                 map[Vote]float64
}

func newFlowLayout(c *canvas, p rect) *flowLayout {
	l := &flowLayout{p: p, ls: c.px(sizeLabel), ts: c.px(sizeTick), barW: c.px(26), gap: c.px(6)}
	l.capW = math.Min(p.w*0.16, c.px(150))
	l.xa = p.x + l.capW
	l.xb = p.x + p.w*0.52
	l.namesX = l.xb + l.barW + l.capW*0.75
	l.top = p.y + c.lineHeight(l.ls) + c.px(6)
	return l
}

// barStarts stacks the bars of one side's totals in FlowVotes order.
func (l *flowLayout) barStarts(t map[Vote]int) map[Vote]float64 {
	pos := map[Vote]float64{}
	y := l.top
	for _, v := range FlowVotes {
		pos[v] = y
		if t[v] > 0 {
			y += float64(t[v])*l.scale + l.gap
		}
	}
	return pos
}

func (l *flowLayout) drawBars(c *canvas, x float64, pos map[Vote]float64, t map[Vote]int, right bool) {
	for _, v := range FlowVotes {
		if t[v] == 0 {
			continue
		}
		bh := float64(t[v]) * l.scale
		c.fillRect(rect{x, pos[v], l.barW, bh}, flowColor(c, v))
		label := fmt.Sprintf("%s %d", flowWord(v), t[v])
		if bh < c.lineHeight(l.ts)*0.8 {
			continue
		}
		if right {
			c.textMid(c.ellipsize(label, l.ts, l.capW-c.px(6)), x+l.barW+c.px(6), pos[v]+bh/2, l.ts, c.pal.text, alignLeft)
		} else {
			c.textMid(c.ellipsize(label, l.ts, l.capW-c.px(6)), x-c.px(6), pos[v]+bh/2, l.ts, c.pal.text, alignRight)
		}
	}
}

// switchers is the names of the states that moved from one vote to
// another, and where their band meets the second bar.
type switchers struct {
	y0, y1 float64
	names  string
}

// drawBands draws the bands from the first bar to the second. The offsets
// inside each bar follow FlowVotes order on both sides, so that bands never
// cross inside a bar.
func (f VoteFlow) drawBands(c *canvas, l *flowLayout) []switchers {
	offA, offB := map[Vote]float64{}, map[Vote]float64{}
	var labels []switchers
	for _, v := range FlowVotes {
		for _, bd := range f.Bands {
			if bd.From != v || len(bd.States) == 0 {
				continue
			}
			w := float64(len(bd.States)) * l.scale
			y0 := l.posA[bd.From] + offA[bd.From]
			y1 := l.posB[bd.To] + offB[bd.To]
			offA[bd.From] += w
			offB[bd.To] += w
			col := flowColor(c, bd.From)
			col.A = 110
			if bd.From != bd.To {
				col.A = 200
			}
			c.band(l.xa+l.barW, y0, l.xb, y1, w, col)
			if bd.From != bd.To && bd.From != VoteNone && bd.To != VoteNone {
				labels = append(labels, switchers{y1, y1 + w, flowWord(bd.From) + " to " + flowWord(bd.To) + " (" + itoa(len(bd.States)) + "): " + strings.Join(bd.States, ", ")})
			}
		}
	}
	return labels
}

// drawSwitchers writes the names of the states that changed beside their
// band on the right, each block below the previous one.
func (l *flowLayout) drawSwitchers(c *canvas, labels []switchers) {
	nw := l.p.right() - l.namesX
	if nw < c.px(60) {
		return
	}
	lh := c.lineHeight(l.ts)
	slices.SortStableFunc(labels, func(a, b switchers) int { return cmp.Compare(a.y0, b.y0) })
	next := l.top
	for i, sw := range labels {
		y := math.Max(next, (sw.y0+sw.y1)/2-lh/2)
		left := l.p.bottom() - y
		rest := len(labels) - i - 1
		if left < lh {
			break
		}
		maxLines := max(1, int(math.Floor((left-float64(rest)*(lh+c.px(4)))/lh)))
		lines := c.wrap(sw.names, l.ts, nw, min(maxLines, 7))
		for k, ln := range lines {
			c.text(ln, l.namesX, y+float64(k)*lh, l.ts, c.pal.text, alignLeft)
		}
		c.line(l.namesX-c.px(4), y, l.namesX-c.px(4), y+float64(len(lines))*lh, flowColor(c, VoteNone), 1, nil)
		next = y + float64(len(lines))*lh + c.px(4)
	}
}

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
