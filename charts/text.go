package charts

import (
	"math"
	"strings"
	"sync"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// metrics is what text layout asks of the font, kept across charts: a
// truetype face loads a whole glyph to tell its advance, and a window
// redrawing on every filter change measures the same labels each time. A
// truetype face is not safe for concurrent use, so one lock guards it all.
var metrics = struct {
	sync.Mutex
	faces map[float64]font.Face
	width map[textKey]float64
}{faces: map[float64]font.Face{}, width: map[textKey]float64{}}

// metricsLimit bounds the widths kept; beyond it the cache starts again.
const metricsLimit = 1 << 16

// faceLocked returns the face of size (rounded to 1/8 px); metrics must be
// locked.
func faceLocked(f *truetype.Font, size float64) font.Face {
	fc, ok := metrics.faces[size]
	if !ok {
		fc = &advanceFace{
			Face: truetype.NewFace(f, &truetype.Options{Size: size, DPI: 72, Hinting: font.HintingNone}),
			adv:  map[rune]advance{},
		}
		metrics.faces[size] = fc
	}
	return fc
}

// advanceFace keeps the advance of each rune its face was asked for.
// Measuring a new string asks the advance of every rune, and a truetype
// face loads the rune's whole glyph for it: cutting the long notes of a
// chart to their width, a string at a time, spent more time there than
// drawing them. font.MeasureString asks the same questions of it, so the
// widths are the face's own.
type advanceFace struct {
	font.Face
	adv map[rune]advance
}

type advance struct {
	x  fixed.Int26_6
	ok bool
}

func (f *advanceFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	if a, ok := f.adv[r]; ok {
		return a.x, a.ok
	}
	x, ok := f.Face.GlyphAdvance(r)
	f.adv[r] = advance{x, ok}
	return x, ok
}

// measure returns the advance width of s, which is what both renderers use
// to place glyphs, so layout is identical in PNG and SVG.
func (c *canvas) measure(s string, size float64) float64 {
	k := textKey{math.Round(size*8) / 8, s}
	metrics.Lock()
	defer metrics.Unlock()
	if w, ok := metrics.width[k]; ok {
		return w
	}
	w := float64(font.MeasureString(faceLocked(c.font, k.size), s)) / 64
	if len(metrics.width) >= metricsLimit {
		metrics.width = map[textKey]float64{}
	}
	metrics.width[k] = w
	return w
}

// ascent and lineHeight come from the font, so lines neither touch nor drift.
func (c *canvas) ascent(size float64) float64 {
	return float64(c.fontMetrics(size).Ascent) / 64
}

func (c *canvas) descent(size float64) float64 {
	return float64(c.fontMetrics(size).Descent) / 64
}

func (c *canvas) fontMetrics(size float64) font.Metrics {
	metrics.Lock()
	defer metrics.Unlock()
	return faceLocked(c.font, math.Round(size*8)/8).Metrics()
}

func (c *canvas) lineHeight(size float64) float64 {
	return c.ascent(size) + c.descent(size)
}

const ellipsis = "…"

// ellipsize shortens s with a trailing "…" until it is at most maxW wide.
// It returns "" when not even the ellipsis fits.
func (c *canvas) ellipsize(s string, size, maxW float64) string {
	if maxW <= 0 {
		return ""
	}
	if c.measure(s, size) <= maxW {
		return s
	}
	if c.measure(ellipsis, size) > maxW {
		return ""
	}
	runes := []rune(s)
	cut := func(k int) string {
		return strings.TrimRight(string(runes[:k]), " ,.;:·–-") + ellipsis
	}
	lo, hi := 0, len(runes) // invariant: cut(lo) fits, cut(hi) does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if c.measure(cut(mid), size) <= maxW {
			lo = mid
		} else {
			hi = mid
		}
	}
	return cut(lo)
}

// wrap breaks s into at most maxLines lines no wider than maxW; the last
// line ends in "…" when text had to be dropped.
func (c *canvas) wrap(s string, size, maxW float64, maxLines int) []string {
	words := strings.Fields(s)
	if len(words) == 0 || maxLines < 1 {
		return nil
	}
	var lines []string
	cur := ""
	for _, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur == "" || c.measure(try, size) <= maxW {
			cur = try
			continue
		}
		lines = append(lines, cur)
		cur = w
	}
	lines = append(lines, cur)
	if len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], rest)
		// Force an ellipsis: the joined rest is known not to fit.
		last := c.ellipsize(rest, size, maxW)
		if last == rest {
			last = c.ellipsize(rest+" "+ellipsis, size, maxW)
		}
		lines[maxLines-1] = last
	}
	for i, l := range lines {
		lines[i] = c.ellipsize(l, size, maxW)
	}
	return lines
}

// text draws s with its line box starting at top; x is the left edge, the
// centre or the right edge depending on a.
func (c *canvas) text(s string, x, top, size float64, col drawing.Color, a align) {
	c.textBaseline(s, x, top+c.ascent(size), size, col, a)
}

// textMid draws s vertically centred on cy (by cap height, which is what
// the eye centres on for digits and capitals).
func (c *canvas) textMid(s string, x, cy, size float64, col drawing.Color, a align) {
	c.textBaseline(s, x, cy+0.355*size, size, col, a)
}

func (c *canvas) textBaseline(s string, x, baseline, size float64, col drawing.Color, a align) {
	if s == "" || size <= 0 {
		return
	}
	t := svgText{width: c.measure(s, size), x: rnd(x)}
	switch a {
	case alignCenter:
		x -= t.width / 2
		t.anchor = "middle"
	case alignRight:
		x -= t.width
		t.anchor = "end"
	}
	if c.img != nil {
		c.rasterText(c.img, s, rnd(x), rnd(baseline), size, col)
		return
	}
	c.r.ResetStyle()
	c.r.SetFont(c.font)
	c.r.SetFontSize(size)
	c.r.SetFontColor(col)
	c.r.Text(c.escape(s), rnd(x), rnd(baseline))
	if c.svg {
		c.svgTexts = append(c.svgTexts, t)
	}
}

// textUp draws s rotated to read bottom-to-top, starting at bottom and
// centred horizontally on cx.
func (c *canvas) textUp(s string, cx, bottom, size float64, col drawing.Color) {
	if s == "" {
		return
	}
	c.r.ResetStyle()
	c.r.SetFont(c.font)
	c.r.SetFontSize(size)
	c.r.SetFontColor(col)
	c.r.SetTextRotation(-math.Pi / 2)
	x := cx + (c.ascent(size)-c.descent(size))/2
	c.r.Text(c.escape(s), rnd(x), rnd(bottom))
	if c.svg {
		c.svgTexts = append(c.svgTexts, svgText{width: c.measure(s, size)})
	}
	c.r.ClearTextRotation()
	c.r.ResetStyle()
}

var svgEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape protects SVG: go-chart writes text into the XML unescaped.
func (c *canvas) escape(s string) string {
	if !c.svg {
		return s
	}
	return svgEscaper.Replace(s)
}
