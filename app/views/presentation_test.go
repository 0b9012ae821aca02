package views_test

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// TestGridTitleGivesTheSelection checks that the vote grid's title states
// the period of the whole selection, not of the columns drawn: General
// Assembly votes from 2010 in the table run to 2025, while the 200 most
// recent columns start in 2019.
func TestGridTitleGivesTheSelection(t *testing.T) {
	db := comparetest.Full(t)
	first, last := 0, 0
	for _, rc := range db.Table.RollCalls {
		if y := rc.Year(); rc.Body == record.GA && y >= 2010 {
			if first == 0 || y < first {
				first = y
			}
			last = max(last, y)
		}
	}
	f := compare.Filter{Countries: []string{"USA", "RUS"}, From: "2010"}
	c := build(t, db.Table, views.Request{Kind: views.VoteGrid, Filter: f})
	want := fmt.Sprintf("%d–%d", first, last)
	if !strings.HasSuffix(c.Meta.Title, want) {
		t.Errorf("title %q, want it to end with the selection's %s", c.Meta.Title, want)
	}
	if !strings.Contains(c.Meta.Subtitle, "most recent 200 of") {
		t.Errorf("subtitle %q does not say which columns are shown", c.Meta.Subtitle)
	}
}

// TestGridLabelsWhole draws the three ES-11 votes of 2025 for twelve
// countries on a small canvas: every column label must be drawn whole.
func TestGridLabelsWhole(t *testing.T) {
	db := comparetest.Full(t)
	f := compare.Filter{Countries: strings.Split("USA,RUS,CHN,FRA,GBR,IND,BRA,ZAF,DEU,JPN,UKR,POL", ","), From: "2025", Text: "ES-11"}
	c := build(t, db.Table, views.Request{Kind: views.VoteGrid, Filter: f})
	svg, err := c.Bytes(views.SVG, charts.Options{Width: 900, Height: 450})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Chart.(charts.VoteGrid).RollCalls {
		if !strings.Contains(string(svg), ">"+l+"<") {
			t.Errorf("column label %q is not drawn whole", l)
		}
	}
}

// TestWeakYearsMarked checks that agreement over time marks the years
// resting on fewer roll calls than the minimum: with both bodies, 2026
// holds two Security Council votes only.
func TestWeakYearsMarked(t *testing.T) {
	db := comparetest.Full(t)
	f := compare.Filter{Countries: []string{"USA", "RUS"}, Body: compare.Both}
	c := build(t, db.Table, views.Request{Kind: views.AgreementTime, Filter: f, Ref: "USA"})
	ch := c.Chart.(charts.AgreementOverTime)
	if ch.MinN != views.DefaultMinN {
		t.Errorf("MinN %d, want %d", ch.MinN, views.DefaultMinN)
	}
	svg, err := c.Bytes(views.SVG, charts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(svg), "hollow points: fewer than 10 roll calls") {
		t.Error("the chart does not say which points rest on few roll calls")
	}
}

// TestMatrixFillsTheCanvas draws three countries: the coloured cells must
// span a good part of the width and sit near the middle, not in a corner.
func TestMatrixFillsTheCanvas(t *testing.T) {
	db := comparetest.Full(t)
	f := compare.Filter{Countries: []string{"USA", "RUS", "CHN"}, From: "2010"}
	c := build(t, db.Table, views.Request{Kind: views.AgreementMatrix, Filter: f})
	b, err := c.Bytes(views.PNG, charts.Options{Width: 1200, Height: 800})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	left, right := img.Bounds().Dx(), 0
	for y := img.Bounds().Dy() / 4; y < img.Bounds().Dy()*3/4; y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			// The heat colours are saturated; text, grid and page are grey.
			if max(r, g, bl)-min(r, g, bl) > 0x4000 {
				left, right = min(left, x), max(right, x)
			}
		}
	}
	w := img.Bounds().Dx()
	if right-left < w*4/10 || (left+right)/2 < w/3 {
		t.Errorf("cells span x %d–%d of %d", left, right, w)
	}
}
