package charts

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"math/rand"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// EncodePNG's output decodes with the standard library to the very pixels
// it was given, for a real chart and for noise (which no filter helps).
func TestEncodePNGRoundTrip(t *testing.T) {
	chart, err := RenderImage(GABreakdown{Meta: Meta{Title: "A/RES/ES-11/7"}, RollCalls: []RollCall{{Label: "A/RES/ES-11/7", Totals: Totals{93, 18, 65, 17}}}}, Options{Width: 641, Height: 401})
	if err != nil {
		t.Fatal(err)
	}
	noise := image.NewRGBA(image.Rect(0, 0, 300, 200))
	rng := rand.New(rand.NewSource(1))
	for i := range noise.Pix {
		noise.Pix[i] = byte(rng.Intn(256))
		if i%4 == 3 {
			noise.Pix[i] = 255
		}
	}
	sub := chart.SubImage(image.Rect(10, 20, 400, 300)).(*image.RGBA)
	for name, img := range map[string]*image.RGBA{"chart": chart, "noise": noise, "sub-image": sub} {
		var buf bytes.Buffer
		if err := EncodePNG(&buf, img); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b := img.Bounds()
		if got.Bounds().Dx() != b.Dx() || got.Bounds().Dy() != b.Dy() {
			t.Fatalf("%s: size %v, want %v", name, got.Bounds(), b)
		}
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				r1, g1, b1, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				r2, g2, b2, _ := got.At(x, y).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 {
					t.Fatalf("%s: pixel (%d,%d) differs", name, x, y)
				}
			}
		}
	}
}

// TestHatchAsStripesLeftToRight: the hatching, whose stripes are added
// right to left for the rasteriser's sake, has the pixels of the same
// stripes stroked through go-chart in one path added left to right, on
// bars from a swatch to the width of a chart, at fractional places.
func TestHatchAsStripesLeftToRight(t *testing.T) {
	col := drawing.ColorFromHex("E69F00")
	for _, b := range []rect{{3.3, 4.7, 14, 14}, {10.5, 20.25, 900.4, 23.6}, {0, 0, 1180, 60}, {50, 30, 2.5, 70}} {
		for _, scale := range []float64{1, 2} {
			_, want, ref := rasterCanvas(t, 1200, 120, scale)
			gap := ref.px(6)
			ref.r.SetStrokeColor(col)
			ref.r.SetStrokeWidth(ref.strokeWidth(1.5))
			for x0 := b.x - b.h + gap/2; x0 < b.right(); x0 += gap {
				xs, xe := math.Max(b.x, x0), math.Min(b.right(), x0+b.h)
				if xe-xs < 1 {
					continue
				}
				ref.r.MoveTo(rnd(xs), rnd(b.bottom()-(xs-x0)))
				ref.r.LineTo(rnd(xe), rnd(b.bottom()-(xe-x0)))
			}
			ref.r.Stroke()

			_, got, c := rasterCanvas(t, 1200, 120, scale)
			c.hatch(b, col)
			if !bytes.Equal(want.Pix, got.Pix) {
				t.Errorf("%+v at scale %v: the hatching differs from the stripes added left to right", b, scale)
			}
			inked := 0
			for i := 0; i < len(got.Pix); i += 4 {
				if got.Pix[i] == col.R && got.Pix[i+1] == col.G && got.Pix[i+2] == col.B {
					inked++
				}
			}
			if b.w > 10 && inked == 0 {
				t.Errorf("%+v: no stripe drawn", b)
			}
		}
	}
}

// TestSetRectAsDrawSrc: a raster rectangle set by setRect has the pixels
// of draw.Draw with draw.Src, for rectangles at fractional places, empty,
// inverted, and reaching out of the image.
func TestSetRectAsDrawSrc(t *testing.T) {
	_, got, c := rasterCanvas(t, 90, 60, 1)
	c.img = got
	want := image.NewRGBA(got.Rect)
	copy(want.Pix, got.Pix)
	rng := rand.New(rand.NewSource(7))
	for range 500 {
		b := rect{rng.Float64()*120 - 15, rng.Float64()*90 - 15, rng.Float64()*60 - 10, rng.Float64()*40 - 10}
		col := drawing.Color{R: uint8(rng.Intn(256)), G: uint8(rng.Intn(256)), B: uint8(rng.Intn(256)), A: 0xff}
		c.setRect(b, col)
		x0, y0, x1, y1 := rnd(b.x), rnd(b.y), rnd(b.right()), rnd(b.bottom())
		if x1 > x0 && y1 > y0 {
			draw.Draw(want, image.Rect(x0, y0, x1, y1), image.NewUniform(color.RGBA{col.R, col.G, col.B, 0xff}), image.Point{}, draw.Src)
		}
		if !bytes.Equal(want.Pix, got.Pix) {
			t.Fatalf("after %+v the pixels differ from draw.Draw's", b)
		}
	}
}
