package charts

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// A map's SVG is for editors: every state is one <g id="ISO3"
// fill="#rrggbb"> holding its outline (and its marker), so that a state can
// be found by its code and recoloured with one change in Inkscape or
// Illustrator. go-chart's SVG renderer writes bare <path> and <circle>
// elements with inline styles, and it has no groups. Maps still draw
// through it: each element of a state is drawn with the class name
// svgMapClass (which the renderer writes instead of the inline style), the
// canvas records the element's state and colours in drawing order, and
// groupSVG rewrites the marked elements afterwards, wrapping each run of
// one state's elements in its group.

// svgMapClass marks the renderer's output for groupSVG.
const svgMapClass = "plenary-map"

// svgMapElement is what groupSVG needs to know about one marked element.
type svgMapElement struct {
	id     string
	fill   drawing.Color
	stroke drawing.Color
	width  float64
	line   bool // a leader line: stroke only (fill is the state's, for the group)
}

var svgMapTag = regexp.MustCompile(`<(path|circle) ([^>]*?)class="` + svgMapClass + `[^"]*"\s*/>`)

// groupSVG replaces the marked elements of b by grouped, styled ones. The
// number of marks must equal len(els); anything else is a drawing bug and
// is reported rather than written as an SVG without colours.
func groupSVG(b []byte, els []svgMapElement) ([]byte, error) {
	if len(els) == 0 {
		return b, nil
	}
	locs := svgMapTag.FindAllSubmatchIndex(b, -1)
	if len(locs) != len(els) {
		return nil, fmt.Errorf("charts: %d map elements drawn, %d recorded", len(locs), len(els))
	}
	var out bytes.Buffer
	out.Grow(len(b) + 64*len(els))
	prev, open := 0, ""
	for i, loc := range locs {
		e := els[i]
		between := b[prev:loc[0]]
		if open != "" && (e.id != open || len(bytes.TrimSpace(between)) > 0) {
			out.WriteString("</g>")
			open = ""
		}
		out.Write(between)
		if open == "" {
			out.WriteString(`<g id="` + e.id + `" fill="` + hexColor(e.fill) + `">`)
			open = e.id
		}
		out.WriteString("<")
		out.Write(b[loc[2]:loc[3]])
		out.WriteString(" ")
		out.Write(bytes.TrimSpace(b[loc[4]:loc[5]]))
		out.WriteString(` stroke="` + hexColor(e.stroke) + `" stroke-width="` + strconv.FormatFloat(e.width, 'f', 2, 64) + `"`)
		if e.line {
			out.WriteString(` fill="none"`)
		}
		out.WriteString("/>")
		prev = loc[1]
	}
	if open != "" {
		out.WriteString("</g>")
	}
	out.Write(b[prev:])
	return out.Bytes(), nil
}

func hexColor(c drawing.Color) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}
