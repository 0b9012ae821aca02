package charts

import (
	"bytes"
	"fmt"
	"image"
	"io"

	"github.com/wcharczuk/go-chart/v2"
)

// Chart is one of this package's chart kinds: GABreakdown, ByGroup,
// SCAbstentions, SCAbstentionsByYear, AgreementOverTime, AgreementRanking,
// AgreementMatrix, VoteGrid, PositionsTimeline, VoteMap, AgreementMap,
// IdealMap or Empty. Its methods are unexported so that the
// set stays closed: every kind here is tested for empty input, huge input
// and long text, which an outside implementation would not be.
type Chart interface {
	// meta returns the title block and footer text.
	meta() Meta
	// draw lays the chart out on c, including the frame.
	draw(c *canvas)
	// table returns the plotted numbers as CSV header and rows.
	table() (header []string, rows [][]string)
}

// Render draws c as a PNG or SVG (o.Format) into w. A nil chart draws the
// Empty image. It returns an error rather than panicking, so a bad chart
// never takes the app down.
func Render(w io.Writer, c Chart, o Options) error {
	o = o.Normalized()
	if o.Format == SVG {
		b, err := renderSVG(c, o)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
	img, err := RenderImage(c, o)
	if err != nil {
		return err
	}
	return EncodePNG(w, img)
}

// RenderImage draws c as a raster image, for showing in the app without a
// PNG round trip. o.Format is ignored.
func RenderImage(c Chart, o Options) (*image.RGBA, error) {
	return new(Surface).render(c, o, nil)
}

// rgbaOf takes the image out of the raster renderer's writer.
func rgbaOf(iw chart.ImageWriter) (*image.RGBA, error) {
	img, err := iw.Image()
	if err != nil {
		return nil, err
	}
	rgba, ok := img.(*image.RGBA)
	if !ok {
		return nil, fmt.Errorf("charts: renderer returned %T, not *image.RGBA", img)
	}
	return rgba, nil
}

func renderSVG(c Chart, o Options) ([]byte, error) {
	r, err := chart.SVG(o.Width, o.Height)
	if err != nil {
		return nil, err
	}
	cv, err := paint(r, c, o)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return nil, err
	}
	body, err := groupSVG(buf.Bytes(), cv.svgMap)
	if err != nil {
		return nil, err
	}
	title := ""
	if c != nil {
		title = clean(c.meta().Title)
	}
	return finishSVG(body, o, title, cv.svgTexts), nil
}

// paint draws c on r, turning any panic into an error: a chart is an
// ornament, and a bug in one must not crash the program showing it.
func paint(r chart.Renderer, c Chart, o Options) (cv *canvas, err error) {
	return paintHits(r, c, o, nil)
}

// paintHits is paint that records where a map's states are drawn.
func paintHits(r chart.Renderer, c Chart, o Options, hits *MapHits) (cv *canvas, err error) {
	return paintOn(r, nil, c, o, hits)
}

// paintOn is paintHits on a raster renderer whose image is img (nil for
// SVG), which the canvas fills boxes into directly.
func paintOn(r chart.Renderer, img *image.RGBA, c Chart, o Options, hits *MapHits) (cv *canvas, err error) {
	defer func() {
		if p := recover(); p != nil {
			cv, err = nil, fmt.Errorf("charts: drawing %T failed: %v", c, p)
		}
	}()
	cv, err = newCanvas(r, o)
	if err != nil {
		return nil, err
	}
	cv.hits, cv.img = hits, img
	if c == nil {
		c = Empty{}
	}
	c.draw(cv)
	return cv, nil
}
