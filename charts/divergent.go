package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// drawingWhite is the text on the vote cells: every vote colour is dark
// enough for it.
var drawingWhite = drawing.ColorWhite

// DivergentRow is one roll call on which two states voted differently.
type DivergentRow struct {
	Symbol, Date, Title string
	A, B                Vote
	Result              string // the Assembly's result, 93–18–65
}

// DivergentVotes is a table of the roll calls on which two states voted
// against each other, yes against no first: symbol, date, each state's
// vote in its colour, the result and the title.
type DivergentVotes struct {
	Meta  Meta
	NameA string
	NameB string
	Rows  []DivergentRow
	Total int // rows before any cut, for the note
}

func (d DivergentVotes) meta() Meta { return d.Meta }

func (d DivergentVotes) draw(c *canvas) {
	if len(d.Rows) == 0 {
		drawEmpty(c, d.Meta)
		return
	}
	f := c.drawFrame(d.Meta, "", nil, voteLegend())
	p := f.plot
	fs := c.px(sizeLabel)
	rowH := c.lineHeight(fs) + c.px(6)
	fit := int(math.Max(1, math.Floor(p.h/rowH))) - 1
	rows := d.Rows
	if len(rows) > fit {
		rows = rows[:max(fit, 0)]
	}
	symW := 0.0
	for _, r := range rows {
		symW = math.Max(symW, c.measure(clean(r.Symbol), fs))
	}
	symW = math.Min(symW, p.w*0.25) + c.px(12)
	dateW := c.measure("0000-00-00", fs) + c.px(12)
	voteW := math.Max(c.measure("non-voting", fs), math.Min(c.px(110), math.Max(c.measure(clean(d.NameA), fs), c.measure(clean(d.NameB), fs)))) + c.px(12)
	resW := c.measure("000–000–000", fs) + c.px(12)
	x := []float64{p.x, p.x + symW, p.x + symW + dateW, p.x + symW + dateW + voteW, p.x + symW + dateW + 2*voteW, p.x + symW + dateW + 2*voteW + resW}
	heads := []string{"Roll call", "Date", clean(d.NameA), clean(d.NameB), "Result", "Title"}
	for i, h := range heads {
		w := p.right() - x[i]
		if i+1 < len(x) {
			w = x[i+1] - x[i] - c.px(8)
		}
		c.text(c.ellipsize(h, fs, w), x[i], p.y, fs, c.pal.muted, alignLeft)
	}
	for k, r := range rows {
		y := p.y + rowH*float64(k+1)
		cy := y + rowH/2
		c.textMid(c.ellipsize(clean(r.Symbol), fs, symW-c.px(8)), x[0], cy, fs, c.pal.text, alignLeft)
		c.textMid(c.ellipsize(clean(r.Date), fs, dateW-c.px(8)), x[1], cy, fs, c.pal.text, alignLeft)
		for i, v := range []Vote{r.A, r.B} {
			if col, ok := voteColor(v); ok {
				c.fillRect(rect{x[2+i], y + c.px(2), voteW - c.px(8), rowH - c.px(4)}, col)
			}
			c.textMid(v.String(), x[2+i]+c.px(4), cy, fs, drawingWhite, alignLeft)
		}
		c.textMid(c.ellipsize(clean(r.Result), fs, resW-c.px(8)), x[4], cy, fs, c.pal.text, alignLeft)
		c.textMid(c.ellipsize(clean(r.Title), fs, p.right()-x[5]), x[5], cy, fs, c.pal.text, alignLeft)
	}
}

func (d DivergentVotes) table() ([]string, [][]string) {
	var rows [][]string
	for _, r := range d.Rows {
		rows = append(rows, []string{clean(r.Symbol), clean(r.Date), r.A.String(), r.B.String(), clean(r.Result), clean(r.Title)})
	}
	return []string{"symbol", "date", "vote_a", "vote_b", "result", "title"}, rows
}
