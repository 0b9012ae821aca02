package views_test

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
)

// TestEveryKindAtExportSizes renders every kind from the real datasets at
// 1200×800 and 3840×2160, as PNG (decoded, its size checked) and SVG.
func TestEveryKindAtExportSizes(t *testing.T) {
	db := comparetest.Recent(t)
	f := compare.Filter{Countries: []string{"USA", "RUS", "CHN", "FRA", "GBR", "IND", "BRA"}, From: "2020"}
	for _, k := range views.Kinds() {
		c := build(t, db.Table, withChangeInputs(views.Request{Kind: k, Filter: f, Ref: "USA", Query: "climate", Mentions: mentions(f)}))
		for _, size := range [][2]int{{1200, 800}, {3840, 2160}} {
			o := charts.Options{Width: size[0], Height: size[1], Scale: float64(size[0]) / 1200}
			b, err := c.Bytes(views.PNG, o)
			if err != nil {
				t.Fatalf("%s %v: %v", k, size, err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s %v: %v", k, size, err)
			}
			if got := img.Bounds().Size(); got.X != size[0] || got.Y != size[1] {
				t.Errorf("%s: PNG is %v, want %v", k, got, size)
			}
			svg, err := c.Bytes(views.SVG, o)
			if err != nil || !bytes.Contains(svg, []byte("<svg")) {
				t.Errorf("%s %v: SVG %v", k, size, err)
			}
		}
	}
}

// TestBreakdownColours draws the General Assembly vote of 24 February 2025
// on Ukraine (A/RES/ES-11/7, 93–18–65, 17 non-voting) from the sample and
// checks that the four vote colours cover the bar in those proportions.
func TestBreakdownColours(t *testing.T) {
	db := comparetest.Sample(t)
	c := build(t, db.Table, views.Request{Kind: views.GABreakdown, Filter: compare.Filter{Symbols: []string{"A/RES/ES-11/7"}}})
	for _, size := range [][2]int{{1200, 800}, {3840, 2160}} {
		img, err := c.Image(charts.Options{Width: size[0], Height: size[1]})
		if err != nil {
			t.Fatal(err)
		}
		n := map[charts.Vote]float64{}
		for _, v := range []charts.Vote{charts.VoteYes, charts.VoteNo, charts.VoteAbstain, charts.VoteNonVoting} {
			n[v] = float64(count(img, charts.VoteColor(v)))
		}
		// The legend swatches add a little of each colour; the bar dwarfs them.
		want := map[charts.Vote]float64{charts.VoteYes: 93, charts.VoteNo: 18, charts.VoteAbstain: 65, charts.VoteNonVoting: 17}
		for v, w := range want {
			got := n[v] / n[charts.VoteYes] * 93
			if math.Abs(got-w) > 0.12*w+1 {
				t.Errorf("%v at %v: %.1f members' worth of %v, want %v (pixels %v)", size, v, got, v, w, n)
			}
		}
	}
}

func count(img *image.RGBA, c interface{ RGBA() (r, g, b, a uint32) }) int {
	r0, g0, b0, _ := c.RGBA()
	n := 0
	for i := 0; i+3 < len(img.Pix); i += 4 {
		if uint32(img.Pix[i])<<8|uint32(img.Pix[i]) == r0 && uint32(img.Pix[i+1])<<8|uint32(img.Pix[i+1]) == g0 && uint32(img.Pix[i+2])<<8|uint32(img.Pix[i+2]) == b0 {
			n++
		}
	}
	return n
}
