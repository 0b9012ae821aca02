package gui

import "plenary/charts"

// surfaces lends the chart area its drawing surfaces, so that a filter
// change draws on an image it already has instead of allocating one (see
// charts.Surface): one surface holds the chart shown, another the chart
// being drawn, more only while several drawings overlap. It is used on
// the UI goroutine only.
type surfaces struct{ free []*charts.Surface }

// keptSurfaces is how many unused surfaces are kept: the next drawing
// takes one, and a second covers one that overlaps it.
const keptSurfaces = 2

// get lends a surface, a new one if none is free.
func (p *surfaces) get() *charts.Surface {
	if n := len(p.free); n > 0 {
		s := p.free[n-1]
		p.free = p.free[:n-1]
		return s
	}
	return new(charts.Surface)
}

// put takes back a surface whose image is no longer shown.
func (p *surfaces) put(s *charts.Surface) {
	if s != nil && len(p.free) < keptSurfaces {
		p.free = append(p.free, s)
	}
}
