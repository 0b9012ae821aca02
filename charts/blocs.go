package charts

import (
	"fmt"
	"math"
	"strconv"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// BlocMatrix draws the agreement of every pair of states ordered bloc by
// bloc, with lines at the blocs' boundaries and each bloc numbered along
// the side. Codes, Names and Bloc are in matrix order.
type BlocMatrix struct {
	Meta      Meta
	Codes     []string
	Names     []string
	Bloc      []int
	Agreement [][]float64 // NaN where a pair shares no roll call
}

func (m BlocMatrix) meta() Meta { return m.Meta }

func (m BlocMatrix) draw(c *canvas) {
	n := len(m.Codes)
	if n == 0 || len(m.Agreement) < n || len(m.Bloc) < n {
		drawEmpty(c, m.Meta)
		return
	}
	f := c.drawFrame(m.Meta, "", nil, nil)
	p := f.plot
	ts := c.px(sizeTick)
	scaleW := c.px(90)
	labels := n <= 80
	blocW := c.measure("Bloc 8 (000)", ts) + c.px(8)
	labelW := blocW
	if labels {
		labelW = 0
		for _, s := range m.Names {
			labelW = math.Max(labelW, c.measure(clean(s), ts))
		}
		labelW = math.Min(labelW, p.w*0.22) + blocW + c.px(4)
	}
	cell := math.Min((p.w-labelW-scaleW)/float64(n), (p.h-c.px(4))/float64(n))
	if cell <= 0 {
		return
	}
	side := cell * float64(n)
	gx, gy := p.x+labelW, p.y
	m.drawCells(c, gx, gy, cell)
	fs := c.fitFont(ts, cell*1.1)
	start := 0
	for i := 1; i <= n; i++ {
		if i < n && m.Bloc[i] == m.Bloc[start] {
			continue
		}
		y0, y1 := gy+float64(start)*cell, gy+float64(i)*cell
		x0, x1 := gx+float64(start)*cell, gx+float64(i)*cell
		c.strokeRect(rect{x0, y0, x1 - x0, y1 - y0}, c.pal.bg, 2)
		if i < n {
			c.line(gx, y1, gx+side, y1, c.pal.text, 1.5, nil)
			c.line(x1, gy, x1, gy+side, c.pal.text, 1.5, nil)
		}
		label := fmt.Sprintf("Bloc %d (%d)", m.Bloc[start], i-start)
		c.textMid(c.ellipsize(label, ts, blocW), p.x, (y0+y1)/2, ts, c.pal.text, alignLeft)
		start = i
	}
	if labels && fs >= c.px(sizeMin) {
		for i, s := range m.Names {
			c.textMid(c.ellipsize(clean(s), fs, labelW-blocW-c.px(8)), gx-c.px(4), gy+(float64(i)+0.5)*cell, fs, c.pal.text, alignRight)
		}
	}
	c.drawScale(rect{gx + side + c.px(24), gy, scaleW - c.px(20), p.bottom() - gy}, side)
}

// drawCells fills the matrix's cells from (gx, gy). A vector image
// gets one path per colour; a raster image has its opaque cells set one
// by one, which costs less than grouping forty thousand of them.
func (m BlocMatrix) drawCells(c *canvas, gx, gy, cell float64) {
	n := len(m.Codes)
	byColor := map[drawing.Color][]rect{}
	for i := range n {
		for j := range n {
			v := math.NaN()
			if j < len(m.Agreement[i]) {
				v = m.Agreement[i][j]
			}
			col := c.pal.noData
			if i == j {
				col = heat(1)
			} else if finite(v) {
				col = heat(v)
			}
			b := rect{gx + float64(j)*cell, gy + float64(i)*cell, cell, cell}
			if c.img != nil && col.A == 0xff {
				c.setRect(b, col)
				continue
			}
			byColor[col] = append(byColor[col], b)
		}
	}
	for col, rs := range byColor {
		c.fillRects(rs, col)
	}
}

func (m BlocMatrix) table() ([]string, [][]string) {
	var rows [][]string
	for i, iso := range m.Codes {
		b := 0
		if i < len(m.Bloc) {
			b = m.Bloc[i]
		}
		rows = append(rows, []string{clean(iso), strconv.Itoa(b)})
	}
	return []string{"iso3", "bloc"}, rows
}
