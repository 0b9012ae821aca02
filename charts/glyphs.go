package charts

import (
	"image"
	"math"
	"sync"

	"github.com/golang/freetype/raster"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Raster text is drawn from a cache of rasterised glyphs rather than through
// go-chart's Text. go-chart fills a whole string as one path, and freetype's
// rasteriser keeps each scanline's cells in a list it searches linearly, so a
// label costs time in the square of its length; a chart of two hundred labels
// spent most of its time there. Here each glyph is rasterised once, alone, by
// the same steps (go-chart's contour and flattener, freetype's rasteriser,
// even-odd rule), at the sub-pixel pen offset it is drawn at, and its spans
// are kept; drawing a string paints those spans by freetype's RGBA
// painter's formula (paintSpans). The pixels are go-chart's, except where two neighbouring glyphs
// share a pixel: there the two coverages are composited one over the other
// instead of summed, a difference of a level or two of grey.

// glyphKey names one rasterised glyph: the font size in 26.6 pixels, the
// glyph, and the pen's offset from a whole pixel in 1/64 pixel. Pen
// positions advance by whole 1/64ths from a whole-pixel start, so these
// three fix the coverage exactly.
type glyphKey struct {
	font  *truetype.Font
	scale fixed.Int26_6
	glyph truetype.Index
	frac  int
}

// glyphCacheLimit bounds the cache: a few sizes of a few hundred glyphs at
// 64 offsets each are far below it; beyond it the cache starts again.
const glyphCacheLimit = 1 << 16

var glyphCache = struct {
	sync.Mutex
	m map[glyphKey][]raster.Span
}{m: map[glyphKey][]raster.Span{}}

// identityScale is what go-chart's Fill passes its flattener for text that
// is not rotated: the scale of the identity matrix, computed its way.
var identityScale = drawing.NewIdentityMatrix().GetScale()

// glyphSpans returns the spans of glyph g drawn with its pen at (frac/64, 0),
// relative to that pen position, rasterising it on first use.
func glyphSpans(k glyphKey) []raster.Span {
	glyphCache.Lock()
	ss, ok := glyphCache.m[k]
	glyphCache.Unlock()
	if ok {
		return ss
	}
	ss = rasteriseGlyph(k)
	glyphCache.Lock()
	if len(glyphCache.m) >= glyphCacheLimit {
		glyphCache.m = map[glyphKey][]raster.Span{}
	}
	glyphCache.m[k] = ss
	glyphCache.Unlock()
	return ss
}

// spanRecorder is a raster.Painter that keeps copies of the spans it is
// given (the rasteriser reuses its buffer).
type spanRecorder struct{ spans []raster.Span }

func (p *spanRecorder) Paint(ss []raster.Span, _ bool) { p.spans = append(p.spans, ss...) }

func rasteriseGlyph(k glyphKey) []raster.Span {
	var buf truetype.GlyphBuf
	if err := buf.Load(k.font, k.scale, k.glyph, font.HintingNone); err != nil || len(buf.Points) == 0 {
		return nil
	}
	// A margin of two pixels around the glyph's box keeps every coordinate
	// positive, where go-chart's truncation to 26.6 and a shift by whole
	// pixels commute.
	b := buf.Bounds
	ox := 2 - int(math.Floor(float64(b.Min.X)/64))
	oy := 2 + int(math.Ceil(float64(b.Max.Y)/64))
	w := ox + int(math.Ceil(float64(b.Max.X)/64)) + 3
	h := oy - int(math.Floor(float64(b.Min.Y)/64)) + 3
	if w <= 0 || h <= 0 || w > 4096 || h > 4096 {
		return nil
	}
	path := &drawing.Path{}
	dx, dy := float64(ox)+float64(k.frac)/64, float64(oy)
	e0 := 0
	for _, e1 := range buf.Ends {
		drawing.DrawContour(path, buf.Points[e0:e1], dx, dy)
		e0 = e1
	}
	r := raster.NewRasterizer(w, h)
	r.UseNonZeroWinding = false
	drawing.Flatten(path, drawing.Transformer{Tr: drawing.NewIdentityMatrix(), Flattener: drawing.FtLineBuilder{Adder: r}}, identityScale)
	var rec spanRecorder
	r.Rasterize(&rec)
	for i := range rec.spans {
		rec.spans[i].Y -= oy
		rec.spans[i].X0 -= ox
		rec.spans[i].X1 -= ox
	}
	return rec.spans
}

// rasterText draws s on img with its baseline starting at the whole pixel
// (x, y), as go-chart's raster renderer would at this canvas's DPI.
func (c *canvas) rasterText(img *image.RGBA, s string, x, y int, size float64, col drawing.Color) {
	scale := fixed.Int26_6(size * c.dpi)
	pen := float64(x)
	prev, hasPrev := truetype.Index(0), false
	for _, r := range s {
		g := c.font.Index(r)
		if hasPrev {
			pen += float64(c.font.Kern(scale, prev, g)) / 64
		}
		ix := math.Floor(pen)
		ss := glyphSpans(glyphKey{c.font, scale, g, int((pen - ix) * 64)})
		paintSpans(img, ss, int(ix), y, col)
		pen += float64(c.font.HMetric(scale, g).AdvanceWidth) / 64
		prev, hasPrev = g, true
	}
}

// paintSpans composites spans, moved by (dx, dy), in col over img, by
// freetype's RGBAPainter formula (Porter–Duff over, 16-bit coverage), with
// one shortcut: a fully covered pixel in an opaque colour is the colour.
// Most spans of a map's states and of large glyphs are such runs.
func paintSpans(img *image.RGBA, ss []raster.Span, dx, dy int, col drawing.Color) {
	cr, cg, cb, ca := col.RGBA()
	const m = 1<<16 - 1
	b := img.Bounds()
	for _, s := range ss {
		y, x0, x1 := s.Y+dy, s.X0+dx, s.X1+dx
		if y < b.Min.Y {
			continue
		}
		if y >= b.Max.Y {
			return
		}
		x0, x1 = max(x0, b.Min.X), min(x1, b.Max.X)
		if x0 >= x1 {
			continue
		}
		i0 := (y-img.Rect.Min.Y)*img.Stride + (x0-img.Rect.Min.X)*4
		i1 := i0 + (x1-x0)*4
		pix := img.Pix[i0:i1:i1]
		ma := s.Alpha
		if ma == m && ca == m {
			for i := 0; i < len(pix); i += 4 {
				pix[i], pix[i+1], pix[i+2], pix[i+3] = uint8(cr>>8), uint8(cg>>8), uint8(cb>>8), 0xff
			}
			continue
		}
		a := (m - (ca * ma / m)) * 0x101
		for i := 0; i < len(pix); i += 4 {
			pix[i+0] = uint8((uint32(pix[i+0])*a + cr*ma) / m >> 8)
			pix[i+1] = uint8((uint32(pix[i+1])*a + cg*ma) / m >> 8)
			pix[i+2] = uint8((uint32(pix[i+2])*a + cb*ma) / m >> 8)
			pix[i+3] = uint8((uint32(pix[i+3])*a + ca*ma) / m >> 8)
		}
	}
}
