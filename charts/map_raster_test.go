package charts

import (
	"bytes"
	"context"
	"image"
	"runtime"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"plenary/charts/geo"
)

// TestMapRasterMatchesGoChart draws the globe, fills and outlines every shape of the world
// through go-chart's renderer and through the span cache, three times (the
// second time from the cache, in other colours, the third from the cache
// with the map moved by a fraction of a pixel more than a few pixels, as a
// longer title moves it), and finds the same pixels.
func TestMapRasterMatchesGoChart(t *testing.T) {
	w, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	passes := []struct {
		fill   drawing.Color
		dx, dy float64
	}{
		{drawing.ColorFromHex("0072B2"), 0, 0},
		{drawing.ColorFromHex("D55E00"), 0, 0},
		{drawing.ColorFromHex("009E73"), 3.4, -6.7},
	}
	for _, size := range []image.Point{{1200, 800}, {517, 333}} {
		for pass, p := range passes {
			fill := p.fill
			box := rect{10 + p.dx, 10 + p.dy, float64(size.X - 20), float64(size.Y - 20)}
			want := drawShapesWith(t, w, size, box, fill, false)
			got := drawShapesWith(t, w, size, box, fill, true)
			if !bytes.Equal(want.Pix, got.Pix) {
				n := 0
				for i := range want.Pix {
					if want.Pix[i] != got.Pix[i] {
						n++
					}
				}
				t.Errorf("%v, pass %d: %d channel values differ from go-chart's", size, pass, n)
			}
			inked := 0
			for i := 0; i < len(want.Pix); i += 4 {
				if want.Pix[i] == fill.R && want.Pix[i+1] == fill.G {
					inked++
				}
			}
			if inked*10 < size.X*size.Y {
				t.Fatalf("%v: only %d pixels in the fill colour: the shapes were not drawn", size, inked)
			}
		}
	}
}

func drawShapesWith(t *testing.T, w *geo.World, size image.Point, box rect, fill drawing.Color, cached bool) *image.RGBA {
	t.Helper()
	_, img, c := rasterCanvas(t, size.X, size.Y, 1.3)
	if cached {
		c.img = img
	}
	pr := fit(w, box)
	c.drawGlobe(w, pr)
	for i, k := range w.Keys() {
		sh, _ := w.Shape(k)
		c.fillMapPath(k, [][][]geo.Point{sh.Rings}, pr, fill)
		if i%7 == 0 {
			c.outlineMapPath(k, [][][]geo.Point{sh.Rings}, pr, fill)
		}
	}
	return img
}

// TestPreparedShapesAsRecordedInOrder: a map whose states are recorded
// ahead on every core (prepareShapes) has the pixels of the same map
// recorded one state at a time as it is painted, which
// TestMapRasterMatchesGoChart holds to go-chart's. A selected state's
// outline is among the paths.
func TestPreparedShapesAsRecordedInOrder(t *testing.T) {
	m := es117(t)
	m.Selected = []string{"UKR", "BRA"}
	draw := func(workers int) *image.RGBA {
		shapeCache.Lock()
		shapeCache.m = map[shapeKey]shapeRaster{}
		shapeCache.Unlock()
		prev := runtime.GOMAXPROCS(workers)
		defer runtime.GOMAXPROCS(prev)
		img, err := RenderImage(m, Options{Width: 1000, Height: 640})
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	inOrder, prepared := draw(1), draw(2)
	if !bytes.Equal(inOrder.Pix, prepared.Pix) {
		diff := 0
		for i := range inOrder.Pix {
			if inOrder.Pix[i] != prepared.Pix[i] {
				diff++
			}
		}
		t.Errorf("%d channel values differ between the prepared map and the map recorded in order", diff)
	}
}

// TestWarmMapPreparesVoteMap: after WarmMap at a size, a real vote map of
// that size, with its own title, notes and former states, records almost
// nothing new (its few successor territories and selected outlines), and
// its pixels are those of the same map drawn with an empty cache.
func TestWarmMapPreparesVoteMap(t *testing.T) {
	m := es117(t)
	m.Selected = []string{"UKR"}
	reset := func() int {
		shapeCache.Lock()
		defer shapeCache.Unlock()
		n := len(shapeCache.m)
		shapeCache.m = map[shapeKey]shapeRaster{}
		return n
	}
	size := Options{Width: 1100, Height: 700}
	reset()
	cold, err := RenderImage(m, size)
	if err != nil {
		t.Fatal(err)
	}
	recordedCold := reset()
	if err := WarmMap(context.Background(), size); err != nil {
		t.Fatal(err)
	}
	shapeCache.Lock()
	warmed := len(shapeCache.m)
	shapeCache.Unlock()
	warm, err := RenderImage(m, size)
	if err != nil {
		t.Fatal(err)
	}
	added := reset() - warmed
	t.Logf("cold: %d paths recorded; after WarmMap: %d", recordedCold, added)
	if added*10 > recordedCold {
		t.Errorf("after WarmMap the map recorded %d of its %d paths", added, recordedCold)
	}
	if !bytes.Equal(cold.Pix, warm.Pix) {
		t.Error("the map drawn after WarmMap differs from the map drawn cold")
	}
}
