package charts

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// TestSurfaceAsNewImage draws charts of every kind one after another on
// one Surface, in runs of one size and theme, then another, and finds
// each image and its map hits exactly those of the chart drawn on a new
// image: nothing of the previous chart, its pixels or the renderer's
// state, carries over, even when it left a path unpainted.
func TestSurfaceAsNewImage(t *testing.T) {
	var cs []Chart
	for _, k := range kinds() {
		cs = append(cs, k.chart)
	}
	cs = append(cs, allKinds(meta24, countryNames(30), 30, wave, voteWave)...)
	cs = append(cs, changeKinds(meta24, countryNames(30), 30, wave)...)
	m := es117(t)
	m.Selected = []string{"UKR"}
	cs = append(cs, m, Empty{Meta: meta24})
	runs := []Options{{Width: 900, Height: 600}, {Width: 900, Height: 600, Theme: Dark}, {Width: 640, Height: 400, Scale: 2}}
	var s Surface
	for i, c := range cs {
		o := runs[(i/5)%len(runs)]
		wantHits := hitsFor(c)
		want, err := new(Surface).render(c, o, wantHits)
		if err != nil {
			t.Fatal(err)
		}
		got, hits, err := s.Render(c, o)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Pix, want.Pix) || got.Rect != want.Rect {
			t.Errorf("chart %d (%T) at %+v: the surface's image differs from a new one", i, c, o)
		}
		if !reflect.DeepEqual(hits, wantHits) {
			t.Errorf("chart %d (%T): the surface's hits differ", i, c)
		}
		// What a chart that failed to finish a step would leave: a path
		// not painted, a rotation, a colour, a dash, and stray pixels.
		s.r.MoveTo(0, 0)
		s.r.LineTo(o.Width, o.Height)
		s.r.LineTo(0, o.Height)
		s.r.SetTextRotation(1)
		s.r.SetFillColor(drawing.ColorFromHex("FF00FF"))
		s.r.SetStrokeDashArray([]float64{3, 1})
		for j := 0; j < len(got.Pix); j += 97 {
			got.Pix[j] = 0x5a
		}
	}
}
