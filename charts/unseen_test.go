package charts

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// TestUnseenDropsOnlyInvisible draws agreement over time, whose lines
// go-chart draws, with and without dropping the invisible boxes: the PNG
// pixels are the same, and so is everything the SVG shows.
func TestUnseenDropsOnlyInvisible(t *testing.T) {
	var series []AgreementSeries
	for i := 0; i < 7; i++ {
		s := AgreementSeries{Country: fmt.Sprintf("State %d", i)}
		for y := 1946; y <= 2025; y++ {
			if y == 1964 || (i == 3 && y > 1990 && y < 2000) {
				continue
			}
			s.Points = append(s.Points, AgreementPoint{Year: y, Agreement: float64((y*(i+3))%97) / 97, N: 5 + y%40})
		}
		series = append(series, s)
	}
	a := AgreementOverTime{Meta: Meta{Title: "Agreement"}, Reference: "United States", Series: series, MinN: 10}
	o := Options{Width: 1200, Height: 800}
	draw := func(plain bool) ([]byte, []byte) {
		if plain {
			old := seriesRenderer
			seriesRenderer = func(r chart.Renderer) chart.Renderer { return nosave{r} }
			defer func() { seriesRenderer = old }()
		}
		img, err := RenderImage(a, o)
		if err != nil {
			t.Fatal(err)
		}
		var svg bytes.Buffer
		so := o
		so.Format = SVG
		if err := Render(&svg, a, so); err != nil {
			t.Fatal(err)
		}
		return img.Pix, svg.Bytes()
	}
	pix, svg := draw(false)
	plainPix, plainSVG := draw(true)
	if !bytes.Equal(pix, plainPix) {
		t.Error("dropping the invisible boxes changed the pixels")
	}
	if c, p := bytes.Count(svg, []byte("<path")), bytes.Count(plainSVG, []byte("<path")); c != p-2 {
		t.Errorf("SVG paths: %d with the invisible boxes dropped, %d without; want two fewer", c, p)
	}
	invisible := []byte("stroke:rgba(255,255,255,0.0);fill:rgba(255,255,255,0.0)")
	if !bytes.Contains(plainSVG, invisible) || bytes.Contains(svg, invisible) {
		t.Errorf("the invisible boxes: in the plain SVG %v, after dropping %v", bytes.Contains(plainSVG, invisible), bytes.Contains(svg, invisible))
	}
}
