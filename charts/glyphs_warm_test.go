package charts

import (
	"context"
	"testing"

	"github.com/golang/freetype/raster"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// TestWarmTextCoversChartText: after WarmText, text at the sizes charts
// use most, at scale 1 and 2, at any offset, is drawn from the cache
// without rasterising a glyph; text at another size is not covered.
func TestWarmTextCoversChartText(t *testing.T) {
	glyphCache.Lock()
	glyphCache.m = map[glyphKey][]raster.Span{}
	glyphCache.Unlock()
	entries := func() int {
		glyphCache.Lock()
		defer glyphCache.Unlock()
		return len(glyphCache.m)
	}
	ink := drawing.Color{A: 0xff}
	for _, scale := range []float64{1, 2} {
		if err := WarmText(context.Background(), scale); err != nil {
			t.Fatal(err)
		}
		before := entries()
		_, img, c := rasterCanvas(t, 900, 300, scale)
		for i, s := range warmSizes {
			c.textBaseline("Agreement with the United States (n = 1,234) 1946-2025: 93 yes, 18 no", 3.3+float64(i)*0.17, 40+float64(i)*60, c.px(s), ink, alignLeft)
		}
		if n := entries(); n != before || n == 0 {
			t.Errorf("scale %v: %d glyphs rasterised for text at the warmed sizes", scale, n-before)
		}
		c.rasterText(img, "Agreement", 5, 290, c.px(17), ink)
		if entries() == before {
			t.Errorf("scale %v: text at a size that is not warmed added no glyph", scale)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WarmText(ctx, 3); err == nil {
		t.Error("a cancelled warm-up reports no error")
	}
}
