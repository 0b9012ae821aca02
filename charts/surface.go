package charts

import (
	"image"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// A Surface is a raster image that charts are drawn on one after another.
// A window that drew each filter change on a new image allocated some
// 4 MB a change at 1200×800: the garbage collector ran every dozen
// changes and the memory it gave back had to be faulted in again, which
// made one change in a few dozen take several times its due. A Surface
// keeps its image and go-chart's renderer for it; each drawing starts
// from cleared pixels and a reset renderer, so that its image is the one
// RenderImageHits would return. A Surface is not safe for concurrent use;
// the zero value is ready.
type Surface struct {
	r   chart.Renderer
	img *image.RGBA
}

// Render draws c as RenderImageHits does, on s's image, and returns that
// image. It stays s's: the next Render draws over it, so a caller showing
// it draws the next chart on another Surface.
func (s *Surface) Render(c Chart, o Options) (*image.RGBA, *MapHits, error) {
	hits := hitsFor(c)
	img, err := s.render(c, o, hits)
	if err != nil {
		return nil, nil, err
	}
	return img, hits, nil
}

// render draws c on s's image, recording a map's states in hits (nil
// records nothing). It is the raster path of RenderImage and
// RenderImageHits, which draw on a new Surface.
func (s *Surface) render(c Chart, o Options, hits *MapHits) (*image.RGBA, error) {
	o = o.Normalized()
	o.Format = PNG
	if s.img == nil || s.img.Rect.Dx() != o.Width || s.img.Rect.Dy() != o.Height {
		r, img, err := newRaster(o)
		if err != nil {
			return nil, err
		}
		s.r, s.img = r, img
	} else {
		s.reset()
	}
	if _, err := paintOn(s.r, s.img, c, o, hits); err != nil {
		// A drawing that failed part way may leave the renderer in any
		// state: the next starts on a new one.
		s.r, s.img = nil, nil
		return nil, err
	}
	return s.img, nil
}

// newRaster makes go-chart's raster renderer of o's size and takes the
// image it draws on: the renderer hands it over before anything is drawn,
// so that the canvas can fill boxes into it directly.
func newRaster(o Options) (chart.Renderer, *image.RGBA, error) {
	r, err := chart.PNG(o.Width, o.Height)
	if err != nil {
		return nil, nil, err
	}
	var iw chart.ImageWriter
	if err := r.Save(&iw); err != nil {
		return nil, nil, err
	}
	img, err := rgbaOf(iw)
	if err != nil {
		return nil, nil, err
	}
	return r, img, nil
}

// reset returns the renderer and the image to what newRaster makes: the
// style and the text rotation reset, no path pending (painting one in no
// colour clears it) and every pixel transparent.
func (s *Surface) reset() {
	s.r.ResetStyle()
	s.r.SetFillColor(drawing.Color{})
	s.r.Fill()
	s.r.ResetStyle()
	clear(s.img.Pix)
}
