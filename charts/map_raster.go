package charts

import (
	"image"
	"image/color"
	"runtime"
	"sync"

	"github.com/golang/freetype/raster"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"plenary/charts/geo"
)

// A raster map's states are painted from spans kept across charts. The
// outlines of some two hundred states are the same from one filter change
// to the next, only their colours change, yet rasterising them was a third
// of a map's drawing time. The spans are recorded by go-chart's own graphic
// context (the same path, flattener, stroker and rasteriser as its
// renderer) into a recorder instead of the image, and painted with
// freetype's RGBA painter, so the pixels are exactly those go-chart draws.

// shapeKey names the raster of one state's path: which shapes (by the
// address of their first point, which the loaded world keeps), their
// projection's scale (its origin moves the spans, see recordMargin), the
// stroke width and the image size.
type shapeKey struct {
	id    string
	first *geo.Point
	rings int
	pr    projection
	sw    float64
	mode  pathMode
	size  image.Point
}

// pathMode is how a path is painted: filled and stroked (a state and its
// border), stroked (a selected state's outline) or filled (the globe).
type pathMode int

const (
	fillStroke pathMode = iota
	strokeOnly
	fillOnly
)

// shapeRaster is the fill's spans and the stroke's (just the stroke for an
// outline).
type shapeRaster [][]raster.Span

const shapeCacheLimit = 1 << 13

// recordMargin is where the spans are recorded: with the projection's
// origin this many pixels into a recorder this much larger than the image
// on every side, so that no span is clipped and the spans of any origin
// are the recorded ones moved by whole pixels. It exceeds half the widest
// outline (outlineWidth at MaxScale) with room to spare.
const recordMargin = 16

var shapeCache = struct {
	sync.Mutex
	m map[shapeKey]shapeRaster
}{m: map[shapeKey]shapeRaster{}}

// groupRecorder keeps the spans of each rasterisation apart: go-chart
// sets the colour before each one.
type groupRecorder struct{ groups [][]raster.Span }

func (g *groupRecorder) SetColor(color.Color) { g.groups = append(g.groups, nil) }

func (g *groupRecorder) Paint(ss []raster.Span, _ bool) {
	if len(g.groups) == 0 {
		g.groups = append(g.groups, nil)
	}
	last := len(g.groups) - 1
	g.groups[last] = append(g.groups[last], ss...)
}

func newShapeKey(c *canvas, id string, shapes [][][]geo.Point, pr projection, sw float64, mode pathMode) shapeKey {
	k := shapeKey{id: id, pr: pr.movedTo(0, 0), sw: sw, mode: mode, size: c.img.Rect.Size()}
	for _, rings := range shapes {
		k.rings += len(rings)
		if k.first == nil && len(rings) > 0 && len(rings[0]) > 0 {
			k.first = &rings[0][0]
		}
	}
	return k
}

// rasterMapPath paints the rings of one state filled with fill and
// stroked in stroke, as go-chart's FillStroke, Stroke or Fill would (mode);
// the colour of what mode leaves out is ignored.
func (c *canvas) rasterMapPath(id string, shapes [][][]geo.Point, pr projection, sw float64, mode pathMode, fill, stroke drawing.Color) {
	k := newShapeKey(c, id, shapes, pr, sw, mode)
	c.paintCached(k, pr, shapesPath(shapes), fill, stroke)
}

// shapePath draws a path projected by pr on a graphic context.
type shapePath func(gc *drawing.RasterGraphicContext, pr projection)

// shapesPath draws the rings of shapes.
func shapesPath(shapes [][][]geo.Point) shapePath {
	return func(gc *drawing.RasterGraphicContext, pr projection) {
		for _, rings := range shapes {
			pathRings(intPath{gc}, rings, pr)
		}
	}
}

// recordingAt is pr with its origin where the spans are recorded.
func recordingAt(pr projection) projection { return pr.movedTo(recordMargin, recordMargin) }

// paintCached paints the spans kept under k where pr puts them,
// recording them first by drawing path on a graphic context in k's mode.
func (c *canvas) paintCached(k shapeKey, pr projection, path shapePath, fill, stroke drawing.Color) {
	shapeCache.Lock()
	sr, ok := shapeCache.m[k]
	shapeCache.Unlock()
	if !ok {
		sr = c.recordPath(path, recordingAt(pr), k.sw, k.mode)
		keepShapes([]shapeKey{k}, []shapeRaster{sr})
	}
	cols := []drawing.Color{fill, stroke}
	if k.mode == strokeOnly {
		cols = cols[1:]
	}
	dx, dy := rnd(pr.ox)-recordMargin, rnd(pr.oy)-recordMargin
	for i, ss := range sr {
		if i < len(cols) {
			paintSpans(c.img, ss, dx, dy, cols[i])
		}
	}
}

// pathRecorder is a graphic context that records instead of painting,
// of the canvas's size and recordMargin on every side, kept for the
// canvas's life: its two rasterisers are as tall as that, and a map
// records hundreds of paths.
type pathRecorder struct {
	gc  *drawing.RasterGraphicContext
	rec *groupRecorder
}

func (c *canvas) recordPath(path shapePath, pr projection, sw float64, mode pathMode) shapeRaster {
	if c.recorder == nil {
		c.recorder = newPathRecorder(c)
	}
	return c.recorder.record(path, pr, sw, mode)
}

func newPathRecorder(c *canvas) *pathRecorder {
	rec := &groupRecorder{}
	size := c.img.Rect.Size().Add(image.Pt(2*recordMargin, 2*recordMargin))
	area := bounds(image.Rectangle{Max: size})
	return &pathRecorder{drawing.NewRasterGraphicContextWithPainter(area, rec), rec}
}

// bounds is an image of which the recorder uses the size alone: it holds
// no pixels.
type bounds image.Rectangle

func (b bounds) ColorModel() color.Model   { return color.RGBAModel }
func (b bounds) Bounds() image.Rectangle   { return image.Rectangle(b) }
func (b bounds) At(int, int) color.Color   { return color.RGBA{} }
func (b bounds) Set(int, int, color.Color) {}

// record draws path projected by pr in mode and returns the spans it
// would have painted.
func (p *pathRecorder) record(path shapePath, pr projection, sw float64, mode pathMode) shapeRaster {
	gc, rec := p.gc, p.rec
	rec.groups = nil
	gc.SetLineWidth(sw)
	gc.SetLineDash(nil, 0)
	path(gc, pr)
	switch mode {
	case strokeOnly:
		gc.Stroke()
	case fillOnly:
		gc.Fill()
	default:
		gc.FillStroke()
	}
	return rec.groups
}

// prepareShapes records, on every core, the paths of shapes the span
// cache does not hold yet (each fill with its border, and a selected
// state's outline), before the map is painted from it in order: a map
// drawn at a new size or scale would otherwise record its two
// hundred states one after the other. Each worker has its own recorder;
// the spans are the ones recordPath would make.
func (c *canvas) prepareShapes(shapes []mapShape, pr projection) {
	if c.img == nil {
		return
	}
	type todo struct {
		k     shapeKey
		rings [][][]geo.Point
	}
	var missing []todo
	shapeCache.Lock()
	add := func(s mapShape, sw float64, mode pathMode) {
		k := newShapeKey(c, s.id, s.rings, pr, sw, mode)
		if _, ok := shapeCache.m[k]; !ok {
			missing = append(missing, todo{k, s.rings})
		}
	}
	for _, s := range shapes {
		add(s, c.px(borderWidth), fillStroke)
		if s.outlined {
			add(s, c.px(outlineWidth), strokeOnly)
		}
	}
	shapeCache.Unlock()
	workers := min(runtime.GOMAXPROCS(0), 4)
	if workers < 2 || len(missing) < 16 {
		return // the painting records them as it goes
	}
	made := make([]shapeRaster, len(missing))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := newPathRecorder(c)
			for i := w; i < len(missing); i += workers {
				t := missing[i]
				made[i] = rec.record(shapesPath(t.rings), recordingAt(pr), t.k.sw, t.k.mode)
			}
		}()
	}
	wg.Wait()
	keys := make([]shapeKey, len(missing))
	for i, t := range missing {
		keys[i] = t.k
	}
	keepShapes(keys, made)
}

// keepShapes puts the rasters in the span cache under their keys, which
// starts again when they would take it past its limit.
func keepShapes(keys []shapeKey, rasters []shapeRaster) {
	shapeCache.Lock()
	defer shapeCache.Unlock()
	if len(shapeCache.m)+len(keys) > shapeCacheLimit {
		shapeCache.m = map[shapeKey]shapeRaster{}
	}
	for i, k := range keys {
		shapeCache.m[k] = rasters[i]
	}
}

// intPath gives a graphic context the renderer's whole-pixel path calls.
type intPath struct{ gc *drawing.RasterGraphicContext }

func (p intPath) MoveTo(x, y int) { p.gc.MoveTo(float64(x), float64(y)) }
func (p intPath) LineTo(x, y int) { p.gc.LineTo(float64(x), float64(y)) }
func (p intPath) Close()          { p.gc.Close() }
