package charts

import (
	"cmp"
	"image"
	"math"

	"plenary/charts/geo"
)

// MapHits says which state of a drawn map lies under a point of the image,
// so that the window can name the state under the pointer and toggle it in
// the selection on a click. It is recorded while the map is drawn, so it
// matches the image pixel for pixel, markers moved aside included.
type MapHits struct {
	shapes  []hitShape
	markers []hitMarker
	labels  map[string]string
}

type hitShape struct {
	iso3  string
	rings [][]point
	box   rect
}

type hitMarker struct {
	iso3 string
	p    point
	r    float64
}

// RenderImageHits is RenderImage that also returns, for a map, where each
// state was drawn; for other charts the hits are nil.
func RenderImageHits(c Chart, o Options) (*image.RGBA, *MapHits, error) {
	return new(Surface).Render(c, o)
}

// hitsFor is where a chart's hits are kept: nil but for a map.
func hitsFor(c Chart) *MapHits {
	switch c.(type) {
	case VoteMap, AgreementMap, IdealMap:
		return &MapHits{labels: map[string]string{}}
	}
	return nil
}

// At returns the ISO3 code of the state drawn at (x, y), in the image's
// pixels. Markers lie on top of the land, so they are tried first.
func (h *MapHits) At(x, y float64) (string, bool) {
	if h == nil {
		return "", false
	}
	for i := len(h.markers) - 1; i >= 0; i-- {
		m := h.markers[i]
		if math.Hypot(x-m.p.x, y-m.p.y) <= m.r+1 {
			return m.iso3, true
		}
	}
	for i := len(h.shapes) - 1; i >= 0; i-- {
		s := h.shapes[i]
		if x >= s.box.x && x <= s.box.right() && y >= s.box.y && y <= s.box.bottom() && inside(s.rings, x, y) {
			return s.iso3, true
		}
	}
	return "", false
}

// Label is what the map says about a state: "France: yes", "Brazil: 62%
// over 6100 roll calls", "Brazil: −0.42".
func (h *MapHits) Label(iso3 string) string {
	if h == nil {
		return ""
	}
	return h.labels[iso3]
}

// inside is the even-odd rule over all rings, as the renderer fills them.
func inside(rings [][]point, x, y float64) bool {
	in := false
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.y > y) != (b.y > y) && x < (b.x-a.x)*(y-a.y)/(b.y-a.y)+a.x {
				in = !in
			}
		}
	}
	return in
}

// shape records the rings of a state as drawn.
func (h *MapHits) shape(id string, shapes [][][]geo.Point, pr projection) {
	if h == nil {
		return
	}
	hs := hitShape{iso3: id}
	lo, hi := point{math.Inf(1), math.Inf(1)}, point{math.Inf(-1), math.Inf(-1)}
	for _, rings := range shapes {
		for _, ring := range rings {
			pts := make([]point, len(ring))
			for i, q := range ring {
				x, y := pr.at(q)
				pts[i] = point{x, y}
				lo.x, lo.y, hi.x, hi.y = math.Min(lo.x, x), math.Min(lo.y, y), math.Max(hi.x, x), math.Max(hi.y, y)
			}
			hs.rings = append(hs.rings, pts)
		}
	}
	hs.box = rect{lo.x, lo.y, hi.x - lo.x, hi.y - lo.y}
	h.shapes = append(h.shapes, hs)
}

// marker records a state's circle.
func (h *MapHits) marker(id string, p point, r float64) {
	if h != nil {
		h.markers = append(h.markers, hitMarker{id, p, r})
	}
}

// label records what each state's entry says.
func (h *MapHits) label(states []shownState) {
	if h == nil {
		return
	}
	for _, s := range states {
		l := clean(s.name)
		if l == "" {
			l = s.iso3
		}
		if v := cmp.Or(s.hover, s.value); v != "" {
			l += ": " + v
		}
		h.labels[s.iso3] = l
	}
}
