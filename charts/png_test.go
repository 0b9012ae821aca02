package charts

import (
	"bytes"
	"image"
	"image/png"
	"math/rand"
	"testing"
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
