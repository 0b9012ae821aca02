package charts

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"plenary/charts/geo"
	"plenary/data/record"
)

// Maps share one drawing core: the caller's states become mapItems with a
// fill colour and the value the CSV reports, geo.Place decides which shapes
// each one is drawn on, and what has no visible territory gets a marker.

// BoundariesNote is printed under every map: the boundaries are Natural
// Earth's, and the United Nations' usual disclaimer applies.
const BoundariesNote = "Boundaries: Natural Earth. Boundaries and names shown do not imply endorsement or acceptance by the United Nations."

// The notes that explain the circles, printed only for the kinds of
// circles a map has.
const (
	noteSmall  = "Circles mark states too small to see at this scale."
	noteFormer = "Circles mark former states whose territory another voting member held."
	noteBoth   = "Circles mark states too small to see at this scale and former states whose territory another voting member held."
)

// SmallArea is the area below which a state is shown by a marker as well
// as its outline, in Equal Earth units (4π is the whole Earth): about
// 15,000 km², some 17 pixels on a 1200-pixel-wide map. It does not depend
// on the output size, so that the CSV and every export of a map agree.
const SmallArea = 15000 / (6371.007 * 6371.007)

// Marker design sizes, in pixels at scale 1.
const (
	markerRadius    = 4.5
	markerMinRadius = 2.5
	markerGap       = 1.5
)

// mapItem is one state as a map draws it.
type mapItem struct {
	iso3, name string
	value      string // the CSV's value column
	// hover is what the window's label says after the name when the
	// pointer is over the state ("32% over 6100 roll calls"); "" says
	// the value.
	hover string
	fill  drawing.Color
}

// mapSpec is what a map kind hands to the drawing core.
type mapSpec struct {
	items    []mapItem
	selected []string // outlined
	lineage  geo.Lineage
	legend   []legendItem
	// scale draws a colour key in the empty corner below the Pacific; nil
	// for none.
	scale func(c *canvas, box rect)
}

// shownState is a state after placement.
type shownState struct {
	mapItem
	place  geo.Placement
	area   float64
	marker bool
	anchor geo.Point
	shown  bool
	// selected states are outlined.
	selected bool
}

// place runs the placement rule over the items, in the items' order. A
// state listed twice keeps its first entry: one state, one element.
func (s mapSpec) place(w *geo.World) []shownState {
	var items []mapItem
	seen := map[string]bool{}
	for _, it := range s.items {
		if !seen[it.iso3] {
			seen[it.iso3] = true
			items = append(items, it)
		}
	}
	voting := make([]string, len(items))
	for i, it := range items {
		voting[i] = it.iso3
	}
	has := func(k string) bool { _, ok := w.Shape(k); return ok }
	pl := geo.Place(voting, s.lineage, has)
	out := make([]shownState, len(items))
	for i, it := range items {
		st := shownState{mapItem: it, place: pl[it.iso3], selected: slices.Contains(s.selected, it.iso3)}
		for _, k := range st.place.Shapes {
			sh, _ := w.Shape(k)
			st.area += sh.Area
		}
		st.marker = st.area < SmallArea
		if st.marker {
			st.anchor, st.shown = w.MarkerAt(it.iso3, s.lineage)
		} else {
			st.shown = true
		}
		out[i] = st
	}
	return out
}

// shownAs is the CSV's shown_as column.
func (s shownState) shownAs() string {
	switch {
	case !s.shown:
		return "not shown"
	case s.marker && len(s.place.Shapes) == 0:
		return "marker"
	case s.marker:
		return "marker and territory"
	case s.place.Successor:
		return "territory of " + strings.Join(s.place.Shapes, " ")
	}
	return "territory"
}

// mapRows is the CSV of every map kind: one row per state, in the order
// given, saying how it is shown.
func mapRows(s mapSpec) ([]string, [][]string) {
	header := []string{"iso3", "name", "value", "shown_as"}
	w, err := geo.Default()
	if err != nil {
		return header, nil
	}
	var rows [][]string
	for _, st := range s.place(w) {
		rows = append(rows, []string{clean(st.iso3), clean(st.name), st.value, st.shownAs()})
	}
	return header, rows
}

// shownCount returns how many states are shown, and of how many.
func shownCount(states []shownState) (shown, total int) {
	for _, s := range states {
		if s.shown {
			shown++
		}
	}
	return shown, len(states)
}

// landColor is the fill of territory that no state on the map holds
// (non-members, dependent territories, areas Natural Earth draws apart).
func landColor(p palette) drawing.Color {
	if relLuminance(p.bg) > 0.5 {
		return drawing.ColorFromHex("D9DCE1")
	}
	return drawing.ColorFromHex("45484E")
}

// oceanColor tints the globe's outline so that the shape of the world
// reads even where the coasts are grey.
func oceanColor(p palette) drawing.Color {
	if relLuminance(p.bg) > 0.5 {
		return drawing.ColorFromHex("E9EFF5")
	}
	return drawing.ColorFromHex("26292E")
}

// projection maps Equal Earth coordinates into the plot. Its origin
// (ox, oy) is a whole pixel, so that a map moved by a change of layout
// (a line more of title or notes) is the same pixels moved: the span
// cache then paints its states from what it recorded at the old place.
type projection struct {
	k, ox, oy, minX, maxY float64
}

func (p projection) at(q geo.Point) (float64, float64) {
	x, y := p.rel(q)
	return p.ox + x, p.oy + y
}

// rel is where q falls from the origin.
func (p projection) rel(q geo.Point) (float64, float64) {
	return (q.X - p.minX) * p.k, (p.maxY - q.Y) * p.k
}

// pixel is q's whole pixel: the origin's plus q's from it, rounded apart
// so that moving the origin by whole pixels moves every point by exactly
// as much.
func (p projection) pixel(q geo.Point) (int, int) {
	x, y := p.rel(q)
	return rnd(p.ox) + rnd(x), rnd(p.oy) + rnd(y)
}

// movedTo is p with its origin at (x, y).
func (p projection) movedTo(x, y int) projection {
	p.ox, p.oy = float64(x), float64(y)
	return p
}

// mapBounds is the box of the map: the shapes' latitudes, and the full
// width of the globe, whose outline is drawn out to ±180°.
func mapBounds(w *geo.World) (lo, hi geo.Point) {
	lo, hi = w.Bounds()
	x, _ := geo.Project(180, 0)
	lo.X, hi.X = -x, x
	return lo, hi
}

// fit scales the map's bounds into b, centred to the nearest pixel,
// keeping proportions.
func fit(w *geo.World, b rect) projection {
	lo, hi := mapBounds(w)
	k := math.Min(b.w/(hi.X-lo.X), b.h/(hi.Y-lo.Y))
	return projection{
		k:    k,
		ox:   math.Round(b.x + (b.w-(hi.X-lo.X)*k)/2),
		oy:   math.Round(b.y + (b.h-(hi.Y-lo.Y)*k)/2),
		minX: lo.X,
		maxY: hi.Y,
	}
}

// drawMap lays out a whole map: frame, legend, globe, states, markers,
// notes and the colour key.
func (c *canvas) drawMap(m Meta, s mapSpec) {
	w, err := geo.Default()
	if err != nil {
		Empty{Meta: m, Message: "The map's boundaries could not be read", Hint: err.Error()}.draw(c)
		return
	}
	states := s.place(w)
	c.hits.label(states)
	n, total := shownCount(states)
	legend := append(slices.Clone(s.legend), legendItem{
		label: fmt.Sprintf("%d of %d %s shown", n, total, record.Plural(total, "member", "members")),
		kind:  swatchNone,
	})
	f := c.drawFrame(m, "", legend, nil)
	area := c.drawMapNotes(f.plot, markerNote(states, s.lineage))
	pr := fit(w, area)
	c.drawGlobe(w, pr)
	c.drawShapes(w, pr, states)
	if s.scale != nil {
		c.drawScaleCorner(w, pr, s.scale)
	}
	c.drawMarkers(w, pr, states, area)
}

// markerNote says what the map's circles stand for.
func markerNote(states []shownState, l geo.Lineage) string {
	small, former := false, false
	for _, s := range states {
		switch {
		case !s.marker || !s.shown:
		case len(s.place.Shapes) == 0 && len(l.Successors[s.iso3]) > 0:
			former = true
		default:
			small = true
		}
	}
	switch {
	case small && former:
		return noteBoth
	case small:
		return noteSmall
	case former:
		return noteFormer
	}
	return ""
}

// drawMapNotes prints the marker note and the boundary note at the bottom
// of b and returns what is left for the map.
func (c *canvas) drawMapNotes(b rect, markers string) rect {
	fs := c.px(sizeFooter)
	text := BoundariesNote
	if markers != "" {
		text = markers + " " + text
	}
	lines := c.wrap(text, fs, b.w, 3)
	y := b.bottom() - float64(len(lines))*c.lineHeight(fs)
	for i, l := range lines {
		c.textWords(l, b.x, y+float64(i)*c.lineHeight(fs), fs, c.pal.muted)
	}
	b.h = math.Max(0, y-c.px(8)-b.y)
	return b
}

// drawGlobe fills the outline of the projected Earth between the map's
// latitudes: both sides follow the ±180° meridians.
func (c *canvas) drawGlobe(w *geo.World, pr projection) {
	lo, hi := mapBounds(w)
	// Latitudes of the bounds: search Project's monotone y.
	latOf := func(y float64) float64 {
		a, b := -90.0, 90.0
		for range 40 {
			m := (a + b) / 2
			if _, py := geo.Project(0, m); py < y {
				a = m
			} else {
				b = m
			}
		}
		return (a + b) / 2
	}
	south, north := latOf(lo.Y), latOf(hi.Y)
	var pts []geo.Point
	const steps = 48
	for i := 0; i <= steps; i++ {
		x, y := geo.Project(180, south+(north-south)*float64(i)/steps)
		pts = append(pts, geo.Point{X: x, Y: y})
	}
	for i := 0; i <= steps; i++ {
		x, y := geo.Project(-180, north-(north-south)*float64(i)/steps)
		pts = append(pts, geo.Point{X: x, Y: y})
	}
	if c.img != nil {
		// The globe depends only on the world's bounds and the projection.
		k := shapeKey{id: "\x00globe", pr: pr.movedTo(0, 0), mode: fillOnly, size: c.img.Rect.Size()}
		c.paintCached(k, pr, shapesPath([][][]geo.Point{{pts}}), oceanColor(c.pal), drawing.Color{})
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(oceanColor(c.pal))
	c.pathOf([][]geo.Point{pts}, pr)
	c.r.Fill()
	c.r.ResetStyle()
}

// pathOf adds rings to the renderer's path, dropping points within a
// pixel of the previous one kept: at 1200 pixels most points of a coast
// fall on or next to a pixel already drawn, and every point costs the
// rasterizer and the border stroke time.
func (c *canvas) pathOf(rings [][]geo.Point, pr projection) {
	pathRings(c.r, rings, pr)
}

// ringPather is where pathRings adds its path: a go-chart renderer, or
// a graphic context through intPath.
type ringPather interface {
	MoveTo(x, y int)
	LineTo(x, y int)
	Close()
}

func pathRings(p ringPather, rings [][]geo.Point, pr projection) {
	for _, r := range rings {
		px, py := math.MinInt/2, math.MinInt/2
		n := 0
		for i, q := range r {
			ix, iy := pr.pixel(q)
			if abs(ix-px) <= 1 && abs(iy-py) <= 1 && (i < len(r)-1 || (ix == px && iy == py)) {
				continue
			}
			if n == 0 {
				p.MoveTo(ix, iy)
			} else {
				p.LineTo(ix, iy)
			}
			px, py = ix, iy
			n++
		}
		if n > 0 {
			p.Close()
		}
	}
}

// textWords draws a left-aligned line of text. In a raster image it draws
// word by word: the rasterizer's cost grows with the square of the glyph
// edges on one pixel row, so a long line costs several times its words.
// The SVG keeps the line as one <text>, as editors expect.
func (c *canvas) textWords(s string, x, top, size float64, col drawing.Color) {
	if c.svg {
		c.text(s, x, top, size, col, alignLeft)
		return
	}
	space := c.measure(" ", size)
	for _, w := range strings.Fields(s) {
		c.text(w, x, top, size, col, alignLeft)
		x += c.measure(w, size) + space
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
