package charts

import (
	"context"

	"golang.org/x/image/math/fixed"
)

// warmSizes are the text sizes most charts draw (pixels at scale 1):
// titles, subtitles, labels and legends, ticks and footers.
var warmSizes = []float64{sizeTitle, sizeSubtitle, sizeLabel, sizeTick}

// WarmText fills the glyph cache ahead of use with what raster charts draw
// most: the printable ASCII characters at the sizes of titles, subtitles,
// labels and ticks, at every sub-pixel offset, for output at scale. A chart
// drawn cold rasterises its glyphs one by one as it meets them, a few
// thousand for a chart of many labels (some 30 ms); the window calls
// WarmText in the background when it opens, so that no chart pays that
// when it is first shown. It takes about a fifth of a second on one core;
// ctx stops it early. It is safe from any goroutine.
func WarmText(ctx context.Context, scale float64) error {
	f, err := loadFont()
	if err != nil {
		return err
	}
	if scale <= 0 {
		scale = 1
	}
	for _, s := range warmSizes {
		// As rasterText computes it for a raster canvas (DPI 64).
		size := fixed.Int26_6(s * scale * rasterDPI)
		for r := ' '; r <= '~'; r++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			g := f.Index(r)
			for frac := range 64 {
				glyphSpans(glyphKey{f, size, g, frac})
			}
		}
	}
	return nil
}
