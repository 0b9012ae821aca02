package charts

import (
	"math"
	"strings"
	"time"
)

// Format is the file format Render writes.
type Format int

const (
	// PNG is a raster image; the default, because every viewer shows it.
	PNG Format = iota
	// SVG is a vector image for print and for editing in other tools.
	SVG
)

// String gives the usual file extension (without the dot).
func (f Format) String() string {
	if f == SVG {
		return "svg"
	}
	return "png"
}

// Size limits: smaller images cannot hold a title, a legend and a footer;
// larger ones are beyond any screen we target and cost memory.
const (
	// MinWidth is the narrowest image drawn; narrower requests are widened.
	MinWidth = 640
	// MinHeight is the lowest image drawn.
	MinHeight = 400
	// MaxWidth is the widest image drawn (4K UHD).
	MaxWidth = 3840
	// MaxHeight is the tallest image drawn (4K UHD).
	MaxHeight = 2160
	// DefaultWidth is used when Options.Width is zero.
	DefaultWidth = 1200
	// DefaultHeight is used when Options.Height is zero.
	DefaultHeight = 800
	// MaxScale is the largest Options.Scale honoured.
	MaxScale = 4
)

// Options says how big an image to make and how to draw it. The zero value
// is a 1200×800 light PNG at scale 1.
type Options struct {
	// Width and Height are the output size in pixels. Zero means the
	// default; other values are clamped to MinWidth..MaxWidth and
	// MinHeight..MaxHeight.
	Width, Height int
	// Scale multiplies text sizes, paddings and line widths, for high-DPI
	// screens and print: a 2× screen asks for twice the pixels and Scale 2.
	// It is clamped to 1..MaxScale and further so that the image keeps at
	// least the room of a 640×400 image at scale 1.
	Scale float64
	// Theme picks the background; exports should use Light.
	Theme Theme
	// Format picks PNG or SVG for Render; RenderImage ignores it.
	Format Format
}

// Normalized returns the options Render will actually use, so that callers
// can size widgets or name files from the real dimensions.
func (o Options) Normalized() Options {
	if o.Width == 0 {
		o.Width = DefaultWidth
	}
	if o.Height == 0 {
		o.Height = DefaultHeight
	}
	o.Width = clampInt(o.Width, MinWidth, MaxWidth)
	o.Height = clampInt(o.Height, MinHeight, MaxHeight)
	s := o.Scale
	if math.IsNaN(s) || s < 1 {
		s = 1
	}
	s = math.Min(s, MaxScale)
	s = math.Min(s, float64(o.Width)/MinWidth)
	s = math.Min(s, float64(o.Height)/MinHeight)
	o.Scale = math.Max(1, s)
	if o.Theme != Dark {
		o.Theme = Light
	}
	if o.Format != SVG {
		o.Format = PNG
	}
	return o
}

// Meta is the text around the plot. Title and Subtitle come from the
// caller because only it knows what was selected; the subtitle should state
// the filter so that an exported image explains itself.
type Meta struct {
	Title    string
	Subtitle string
	// Source names where the votes come from, e.g. "UN Digital Library".
	Source string
	// Imported is when the data was imported; the zero time omits it.
	Imported time.Time
	// Version is the Plenary version that drew the chart.
	Version string
	// Note is a rule the reader needs to check the figures (how states
	// were assigned to groups, say), printed above the footer.
	Note string
}

// footer returns the left (source, import date) and right ("Plenary v")
// parts of the footer line.
func (m Meta) footer() (left, right string) {
	var parts []string
	if s := clean(m.Source); s != "" {
		parts = append(parts, "Source: "+s)
	}
	if !m.Imported.IsZero() {
		parts = append(parts, "imported "+m.Imported.Format("2 Jan 2006"))
	}
	right = "Plenary"
	if v := clean(m.Version); v != "" {
		right += " " + v
	}
	return strings.Join(parts, " · "), right
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func clampF(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// clean makes caller text safe to draw: no control characters (which break
// SVG and draw as boxes), no runs of white space, no invalid UTF-8.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) || r == ' ' || r == '\u00a0' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
