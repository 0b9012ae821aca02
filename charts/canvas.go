package charts

import (
	"image"
	"math"
	"slices"
	"sync"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// canvas is the one drawing surface of every chart kind. It wraps a
// go-chart Renderer (PNG or SVG) and adds what the renderer lacks: text
// measured the same way for both formats, ellipsis shortening, wrapped text,
// batched rectangles and hatching. All sizes given to it are in output
// pixels; callers multiply design sizes by px().
type canvas struct {
	r     chart.Renderer
	dpi   float64
	svg   bool
	w, h  float64
	scale float64
	pal   palette
	font  *truetype.Font
	// svgTexts records, for SVG, every text in drawing order, so that
	// finishSVG can pin each one with textLength and text-anchor: a viewer
	// without Roboto then still fits each label in its place.
	svgTexts []svgText
	// svgMap records, for SVG, the state of every map element in drawing
	// order, for groupSVG (map_svg.go).
	svgMap []svgMapElement
	// hits records where a map's states are drawn, when asked for
	// (RenderImageHits); nil otherwise.
	hits *MapHits
	// img is the raster renderer's image, nil for SVG: opaque boxes are
	// filled into it directly (see fillRects).
	img *image.RGBA
	// recorder records raster paths for the span cache (map_raster.go).
	recorder *pathRecorder
}

// svgText is what finishSVG needs to know about one <text> element.
type svgText struct {
	width  float64
	anchor string // "", "middle" or "end"
	x      int    // the anchor's x for middle and end
}

type textKey struct {
	size float64
	text string
}

// rect is an axis-aligned box in output pixels.
type rect struct{ x, y, w, h float64 }

func (r rect) right() float64  { return r.x + r.w }
func (r rect) bottom() float64 { return r.y + r.h }

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

var (
	fontOnce sync.Once
	theFont  *truetype.Font
	fontErr  error
)

// loadFont parses go-chart's Roboto once. go-chart's own lazy loader is not
// safe for concurrent first use, and the app may render charts in parallel.
func loadFont() (*truetype.Font, error) {
	fontOnce.Do(func() { theFont, fontErr = chart.GetDefaultFont() })
	return theFont, fontErr
}

// rasterDPI is the DPI a raster canvas gives go-chart (see newCanvas).
const rasterDPI = 64

func newCanvas(r chart.Renderer, o Options) (*canvas, error) {
	f, err := loadFont()
	if err != nil {
		return nil, err
	}
	// Make a font size mean pixels per em in both renderers. The SVG
	// renderer converts points at 72 DPI; the raster one (drawing package)
	// scales by size×DPI/64, i.e. 12.5 % larger at the same DPI.
	dpi := 72.0
	if o.Format != SVG {
		dpi = rasterDPI
	}
	r.SetDPI(dpi)
	return &canvas{
		r:     r,
		dpi:   dpi,
		svg:   o.Format == SVG,
		w:     float64(o.Width),
		h:     float64(o.Height),
		scale: o.Scale,
		pal:   paletteFor(o.Theme),
		font:  f,
	}, nil
}

// px converts a design size (pixels at scale 1) to output pixels.
func (c *canvas) px(v float64) float64 { return v * c.scale }

func rnd(v float64) int {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return int(math.Round(v))
}

func (c *canvas) fillRect(b rect, col drawing.Color) {
	c.fillRects([]rect{b}, col)
}

// fillRects fills many boxes of one colour as one path: one SVG element
// and one rasterisation instead of thousands. Edges are rounded to whole
// pixels so neighbouring cells meet without seams.
//
// On a raster image an opaque colour is copied into the boxes directly:
// with edges on whole pixels the rasteriser would cover every pixel of a
// box fully and none outside, and an opaque colour over a fully covered
// pixel is the colour, so the pixels are the same, in a fraction of the
// time (boxes are most of what a bar chart or a grid draws).
func (c *canvas) fillRects(bs []rect, col drawing.Color) {
	if c.img != nil && col.A == 0xff {
		for _, b := range bs {
			c.setRect(b, col)
		}
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(col)
	drawn := false
	for _, b := range bs {
		x0, y0, x1, y1 := rnd(b.x), rnd(b.y), rnd(b.right()), rnd(b.bottom())
		if x1 <= x0 || y1 <= y0 {
			continue
		}
		c.r.MoveTo(x0, y0)
		c.r.LineTo(x1, y0)
		c.r.LineTo(x1, y1)
		c.r.LineTo(x0, y1)
		c.r.Close()
		drawn = true
	}
	if drawn {
		c.r.Fill()
	}
	c.r.ResetStyle()
}

// setRect sets the whole pixels of b in a raster image to the opaque col,
// as draw.Draw with draw.Src would, without its cost per call: a matrix
// of two hundred states is forty thousand cells.
func (c *canvas) setRect(b rect, col drawing.Color) {
	x0, y0, x1, y1 := rnd(b.x), rnd(b.y), rnd(b.right()), rnd(b.bottom())
	if x1 <= x0 || y1 <= y0 {
		return
	}
	r := image.Rect(x0, y0, x1, y1).Intersect(c.img.Rect)
	if r.Empty() {
		return
	}
	px := [4]byte{col.R, col.G, col.B, 0xff}
	i0 := c.img.PixOffset(r.Min.X, r.Min.Y)
	row := c.img.Pix[i0 : i0+4*r.Dx()]
	for i := 0; i < len(row); i += 4 {
		copy(row[i:i+4], px[:])
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		i := c.img.PixOffset(r.Min.X, y)
		copy(c.img.Pix[i:i+len(row)], row)
	}
}

// strokeWidth turns a design width into whole output pixels (SVG output
// truncates widths to integers, so fractions would differ between formats).
func (c *canvas) strokeWidth(w float64) float64 {
	return math.Max(1, math.Round(c.px(w)))
}

// line draws a straight line; w is a design width, dash design lengths.
func (c *canvas) line(x0, y0, x1, y1 float64, col drawing.Color, w float64, dash []float64) {
	c.r.ResetStyle()
	c.r.SetStrokeColor(col)
	c.r.SetStrokeWidth(c.strokeWidth(w))
	if len(dash) > 0 {
		d := make([]float64, len(dash))
		for i, v := range dash {
			d[i] = c.px(v)
		}
		c.r.SetStrokeDashArray(d)
	}
	c.r.MoveTo(rnd(x0), rnd(y0))
	c.r.LineTo(rnd(x1), rnd(y1))
	c.r.Stroke()
	c.r.ResetStyle()
}

// strokeRect outlines b.
func (c *canvas) strokeRect(b rect, col drawing.Color, w float64) {
	c.r.ResetStyle()
	c.r.SetStrokeColor(col)
	c.r.SetStrokeWidth(c.strokeWidth(w))
	x0, y0, x1, y1 := rnd(b.x), rnd(b.y), rnd(b.right()), rnd(b.bottom())
	c.r.MoveTo(x0, y0)
	c.r.LineTo(x1, y0)
	c.r.LineTo(x1, y1)
	c.r.LineTo(x0, y1)
	c.r.Close()
	c.r.Stroke()
	c.r.ResetStyle()
}

// hatch draws 45° stripes inside b, so that a category differs by pattern
// and not by colour alone.
func (c *canvas) hatch(b rect, col drawing.Color) {
	if b.w < 2 || b.h < 2 {
		return
	}
	gap := c.px(6)
	c.r.ResetStyle()
	c.r.SetStrokeColor(col)
	c.r.SetStrokeWidth(c.strokeWidth(1.5))
	// Lines x - x0 = bottom - y, for x0 from left-h to right, added from
	// the right: freetype's rasteriser keeps each pixel row's cells in a
	// list sorted by x that it walks from the left to add one, so stripes
	// added left to right cost the square of their number, a third of a
	// chart of wide hatched bars, and right to left nothing. The sum of
	// the cells, and so every pixel, is the same in either order.
	var x0s []float64
	for x0 := b.x - b.h + gap/2; x0 < b.right(); x0 += gap {
		x0s = append(x0s, x0)
	}
	drawn := false
	for _, x0 := range slices.Backward(x0s) {
		xs := math.Max(b.x, x0)
		xe := math.Min(b.right(), x0+b.h)
		if xe-xs < 1 {
			continue
		}
		ys := b.bottom() - (xs - x0)
		ye := b.bottom() - (xe - x0)
		c.r.MoveTo(rnd(xs), rnd(ys))
		c.r.LineTo(rnd(xe), rnd(ye))
		drawn = true
	}
	if drawn {
		c.r.Stroke()
	}
	c.r.ResetStyle()
}

// circle fills a dot of design radius rad at (x, y).
func (c *canvas) circle(x, y, rad float64, col drawing.Color) {
	c.r.ResetStyle()
	c.r.SetFillColor(col)
	c.r.SetStrokeColor(col)
	c.r.SetStrokeWidth(1)
	c.r.Circle(math.Max(1, c.px(rad)), rnd(x), rnd(y))
	c.r.FillStroke()
	c.r.ResetStyle()
}
