package charts

import (
	"image"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// TestRasterTextMatchesGoChart draws the same strings through go-chart's
// raster renderer and through the glyph cache, on the same background, and
// compares the pixels: they may differ only where two glyphs share a pixel,
// and there by a few levels.
func TestRasterTextMatchesGoChart(t *testing.T) {
	texts := []string{
		"Agreement with the United States, 1946–2025",
		"Côte d'Ivoire · Türkiye · São Tomé and Príncipe",
		"AVAWAYTo 11.75% (n = 1,234)",
		"A/RES/ES-11/7 — yes 93 · no 18 · abstain 65",
	}
	sizes := []float64{9, 11.5, 13, 20.25}
	cols := []drawing.Color{{R: 0x20, G: 0x20, B: 0x20, A: 0xff}, {R: 0xd0, G: 0x40, B: 0x10, A: 0xc0}}
	for _, size := range sizes {
		for ci, col := range cols {
			want := drawWithGoChart(t, texts, size, col)
			got := drawWithCache(t, texts, size, col)
			diff, worst, inked := 0, 0, 0
			for i := range want.Pix {
				d := int(want.Pix[i]) - int(got.Pix[i])
				if d < 0 {
					d = -d
				}
				if d > 0 {
					diff++
				}
				worst = max(worst, d)
				if want.Pix[i] != 0xf0 {
					inked++
				}
			}
			if inked == 0 {
				t.Fatalf("size %v colour %d: go-chart drew nothing", size, ci)
			}
			// Shared pixels are a small part of the ink; a misplaced or
			// missing glyph would differ in most of its pixels by far more.
			if worst > 8 || diff*50 > inked {
				t.Errorf("size %v colour %d: %d of %d inked channel values differ, by up to %d", size, ci, diff, inked, worst)
			}
		}
	}
}

// rasterCanvas is a canvas on go-chart's raster renderer of size w×h at
// scale, with the image the renderer draws on (not yet given to the canvas).
func rasterCanvas(t *testing.T, w, h int, scale float64) (chart.Renderer, *image.RGBA, *canvas) {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	var iw chart.ImageWriter
	if err := r.Save(&iw); err != nil {
		t.Fatal(err)
	}
	img, err := rgbaOf(iw)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCanvas(r, Options{Width: w, Height: h, Format: PNG, Scale: scale})
	if err != nil {
		t.Fatal(err)
	}
	return r, img, c
}

func textCanvas(t *testing.T) (chart.Renderer, *image.RGBA, *canvas) {
	t.Helper()
	r, img, c := rasterCanvas(t, 640, 200, 1)
	for i := range img.Pix {
		img.Pix[i] = 0xf0
	}
	return r, img, c
}

func drawWithGoChart(t *testing.T, texts []string, size float64, col drawing.Color) *image.RGBA {
	r, img, c := textCanvas(t)
	for i, s := range texts {
		r.ResetStyle()
		r.SetFont(c.font)
		r.SetFontSize(size)
		r.SetFontColor(col)
		r.Text(s, 7+i, 30+45*i)
	}
	return img
}

func drawWithCache(t *testing.T, texts []string, size float64, col drawing.Color) *image.RGBA {
	_, img, c := textCanvas(t)
	for i, s := range texts {
		c.rasterText(img, s, 7+i, 30+45*i, size, col)
	}
	return img
}
