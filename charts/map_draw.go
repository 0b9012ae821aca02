package charts

import (
	"math"
	"slices"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"plenary/charts/geo"
)

// borderWidth is the design width of the lines between states.
const borderWidth = 0.6

// drawShapes fills every shape: first the land no state on the map holds,
// then each state's territory as one path (its own shapes and any of its
// successors'). States shown by a marker are drawn later, with the marker,
// so that each state's elements stay together in the SVG.
func (c *canvas) drawShapes(w *geo.World, pr projection, states []shownState) {
	taken := map[string]bool{}
	for _, s := range states {
		for _, k := range s.place.Shapes {
			taken[k] = true
		}
	}
	land := landColor(c.pal)
	var shapes []mapShape
	for _, k := range w.Keys() {
		if !taken[k] {
			sh, _ := w.Shape(k)
			shapes = append(shapes, mapShape{k, [][][]geo.Point{sh.Rings}, land, false})
		}
	}
	for _, s := range states {
		if !s.marker && len(s.place.Shapes) > 0 {
			shapes = append(shapes, mapShape{s.iso3, shapeRings(w, s.place.Shapes), s.fill, s.selected})
		}
	}
	c.prepareShapes(shapes, pr)
	for _, s := range shapes {
		c.fillMapPath(s.id, s.rings, pr, s.fill)
		if s.outlined {
			c.outlineMapPath(s.id, s.rings, pr, s.fill)
		}
	}
}

// mapShape is one path drawShapes paints: a state's territory (or land
// no state on the map holds), in its fill, outlined when selected.
type mapShape struct {
	id       string
	rings    [][][]geo.Point
	fill     drawing.Color
	outlined bool
}

// outlineWidth is the design width of a selected state's outline.
const outlineWidth = 2.4

// outlineMapPath strokes a selected state's border in the text colour,
// right after its fill, so that the outline stays in the state's group of
// the SVG. Neighbours drawn later cover its outer half: what shows lies
// inside the state.
func (c *canvas) outlineMapPath(id string, shapes [][][]geo.Point, pr projection, fill drawing.Color) {
	sw := c.px(outlineWidth)
	if c.img != nil {
		c.rasterMapPath(id, shapes, pr, sw, strokeOnly, fill, c.pal.text)
		return
	}
	c.r.ResetStyle()
	c.r.SetStrokeColor(c.pal.text)
	c.r.SetStrokeWidth(sw)
	c.tagSVG(svgMapElement{id: id, fill: fill, stroke: c.pal.text, width: sw, line: true})
	for _, rings := range shapes {
		c.pathOf(rings, pr)
	}
	c.r.Stroke()
	c.r.ResetStyle()
}

func shapeRings(w *geo.World, keys []string) [][][]geo.Point {
	var out [][][]geo.Point
	for _, k := range keys {
		if sh, ok := w.Shape(k); ok {
			out = append(out, sh.Rings)
		}
	}
	return out
}

// fillMapPath fills the rings of one state as one path, outlined in the
// background colour so that neighbours of one colour stay apart.
func (c *canvas) fillMapPath(id string, shapes [][][]geo.Point, pr projection, fill drawing.Color) {
	sw := c.px(borderWidth)
	c.hits.shape(id, shapes, pr)
	if c.img != nil {
		c.rasterMapPath(id, shapes, pr, sw, fillStroke, fill, c.pal.bg)
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(fill)
	c.r.SetStrokeColor(c.pal.bg)
	c.r.SetStrokeWidth(sw)
	c.tagSVG(svgMapElement{id: id, fill: fill, stroke: c.pal.bg, width: sw})
	for _, rings := range shapes {
		c.pathOf(rings, pr)
	}
	c.r.FillStroke()
	c.r.ResetStyle()
}

// tagSVG marks the next element the SVG renderer writes as belonging to
// state e.id; groupSVG later turns the marks into one <g id=…> per state.
func (c *canvas) tagSVG(e svgMapElement) {
	if !c.svg {
		return
	}
	c.r.SetClassName(svgMapClass)
	e.id = svgID(e.id)
	c.svgMap = append(c.svgMap, e)
}

// svgID keeps an id valid in XML whatever the caller passed.
func svgID(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9' && b.Len() > 0, r == '-' || r == '_' && b.Len() > 0:
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// drawMarkers draws the states that have no visible territory: a circle
// in the state's colour at its place, pushed aside when it would overlap
// another marker, with a thin line back to where the state is.
func (c *canvas) drawMarkers(w *geo.World, pr projection, states []shownState, area rect) {
	var ms []shownState
	for _, s := range states {
		if s.marker && s.shown {
			ms = append(ms, s)
		}
	}
	// Lay out from west to east, so that neighbours are settled in the
	// same order at any size.
	slices.SortStableFunc(ms, func(a, b shownState) int {
		switch {
		case a.anchor.X < b.anchor.X:
			return -1
		case a.anchor.X > b.anchor.X:
			return 1
		}
		return strings.Compare(a.iso3, b.iso3)
	})
	anchors := make([]point, len(ms))
	for i, s := range ms {
		x, y := pr.at(s.anchor)
		anchors[i] = point{x, y}
	}
	// Markers shrink with the map below about 1150 pixels of width, so
	// that on a small image they do not bury Europe and the Caribbean.
	lo, hi := mapBounds(w)
	mapW := (hi.X - lo.X) * pr.k
	r := math.Round(math.Max(c.px(markerMinRadius), math.Min(c.px(markerRadius), mapW*markerRadius/1150)))
	pos := layoutMarkers(anchors, r, c.px(markerGap), area)
	for i, s := range ms {
		if len(s.place.Shapes) > 0 {
			c.fillMapPath(s.iso3, shapeRings(w, s.place.Shapes), pr, s.fill)
		}
		a, p := anchors[i], pos[i]
		if math.Hypot(p.x-a.x, p.y-a.y) > r {
			c.leader(s.iso3, a, p, r, s.fill)
		}
		c.marker(s.iso3, p, r, s.fill, s.selected)
	}
}

type point struct{ x, y float64 }

// leader draws the line from a state's place to its displaced marker.
func (c *canvas) leader(id string, from, to point, r float64, fill drawing.Color) {
	d := math.Hypot(to.x-from.x, to.y-from.y)
	end := point{to.x - (to.x-from.x)*r/d, to.y - (to.y-from.y)*r/d}
	sw := math.Max(1, c.px(0.8))
	c.r.ResetStyle()
	c.r.SetStrokeColor(c.pal.muted)
	c.r.SetStrokeWidth(sw)
	c.tagSVG(svgMapElement{id: id, fill: fill, stroke: c.pal.muted, width: sw, line: true})
	c.r.MoveTo(rnd(from.x), rnd(from.y))
	c.r.LineTo(rnd(end.x), rnd(end.y))
	c.r.Stroke()
	c.r.ResetStyle()
}

// marker draws one circle with a ring in the text colour, which sets it
// off from land and sea whatever its fill.
func (c *canvas) marker(id string, p point, r float64, fill drawing.Color, selected bool) {
	sw := math.Max(1, c.px(1))
	if selected {
		sw = c.px(outlineWidth)
	}
	c.hits.marker(id, p, r)
	c.r.ResetStyle()
	c.r.SetFillColor(fill)
	c.r.SetStrokeColor(c.pal.text)
	c.r.SetStrokeWidth(sw)
	c.tagSVG(svgMapElement{id: id, fill: fill, stroke: c.pal.text, width: sw})
	if c.svg {
		// The SVG renderer writes a real <circle> at once (a FillStroke
		// would add an empty path).
		c.r.Circle(r, rnd(p.x), rnd(p.y))
	} else {
		// The raster renderer's Circle is four quadratic curves, visibly
		// square at this size; a true arc is round.
		c.r.ArcTo(rnd(p.x), rnd(p.y), r, r, 0, 2*math.Pi)
		c.r.Close()
		c.r.FillStroke()
	}
	c.r.ResetStyle()
}

// layoutMarkers moves circles of radius r apart until no two are closer
// than 2r+gap, keeping them inside b. Each overlapping pair is pushed apart
// along the line between them by half the overlap each, over and over:
// clusters such as the Lesser Antilles spread into a small cloud around
// their islands instead of piling up.
func layoutMarkers(anchors []point, r, gap float64, b rect) []point {
	pos := slices.Clone(anchors)
	minD := 2*r + gap
	for iter := 0; iter < 5000; iter++ {
		moved := false
		for i := range pos {
			for j := i + 1; j < len(pos); j++ {
				dx, dy := pos[j].x-pos[i].x, pos[j].y-pos[i].y
				d := math.Hypot(dx, dy)
				if d >= minD-1e-6 {
					continue
				}
				if d < 1e-9 {
					// Same place: split along a fixed direction per pair.
					a := float64(i+j) * 2.399963
					dx, dy, d = math.Cos(a), math.Sin(a), 1
				}
				push := (minD - d) / 2 * 1.01
				pos[i].x -= dx / d * push
				pos[i].y -= dy / d * push
				pos[j].x += dx / d * push
				pos[j].y += dy / d * push
				moved = true
			}
		}
		for i := range pos {
			pos[i].x = clampF(pos[i].x, b.x+r, math.Max(b.x+r, b.right()-r))
			pos[i].y = clampF(pos[i].y, b.y+r, math.Max(b.y+r, b.bottom()-r))
		}
		if !moved {
			break
		}
	}
	return pos
}

// drawScaleCorner gives the colour key the box in the map's lower left
// corner, which Equal Earth's rounded outline leaves as open sea.
func (c *canvas) drawScaleCorner(w *geo.World, pr projection, draw func(c *canvas, box rect)) {
	lo, hi := mapBounds(w)
	mapW := (hi.X - lo.X) * pr.k
	bottom := pr.oy + (hi.Y-lo.Y)*pr.k
	bw := math.Min(c.px(230), mapW*0.25)
	bh := c.px(52)
	draw(c, rect{pr.ox, bottom - bh, bw, bh})
}
