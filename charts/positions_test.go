package charts

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
	"time"
)

func isoDay(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// The sample's positions of 24–25 February 2025: the three stances each
// appear in their colour, and the CSV lists every position.
func TestPositionsTimeline(t *testing.T) {
	pt := PositionsTimeline{
		Meta: Meta{Title: "Peace in Ukraine", Subtitle: "recorded positions", Source: "news report, 25 February 2025", Version: "test"},
		Positions: []Position{
			{Country: "Russia", Date: isoDay("2025-02-25"), Stance: StanceSupports, Summary: "welcomed the US position"},
			{Country: "United States", Date: isoDay("2025-02-24"), Stance: StanceNeutral, Summary: "a decisive break"},
			{Country: "France", Date: isoDay("2025-02-24"), Stance: StanceOpposes, Summary: "=cannot mean surrender"},
			{Country: "Ukraine", Date: isoDay("2025-02-24"), Stance: StanceSupports, Summary: "real, lasting peace"},
		},
	}
	for _, size := range [][2]int{{640, 400}, {1200, 800}, {3840, 2160}} {
		var buf bytes.Buffer
		if err := Render(&buf, pt, Options{Width: size[0], Height: size[1]}); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != size[0] || b.Dy() != size[1] {
			t.Fatalf("size %v, want %v", b, size)
		}
		counts := map[Vote]int{}
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				for _, v := range []Vote{VoteYes, VoteNo, VoteAbstain} {
					c := VoteColor(v)
					if uint8(r>>8) == c.R && uint8(g>>8) == c.G && uint8(bl>>8) == c.B {
						counts[v]++
					}
				}
			}
		}
		// Legend swatches alone give each colour some pixels; the dots add
		// more for supports (two positions) than for the others.
		if counts[VoteYes] == 0 || counts[VoteNo] == 0 || counts[VoteAbstain] == 0 {
			t.Errorf("%v: stance colours missing: %v", size, counts)
		}
	}
	var csv bytes.Buffer
	if err := WriteCSV(&csv, pt); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(csv.String(), "\n"); got != 5 {
		t.Errorf("CSV has %d lines, want header + 4:\n%s", got, csv.String())
	}
	if !strings.Contains(csv.String(), "'=cannot") {
		t.Errorf("formula-like cell not escaped:\n%s", csv.String())
	}
}

// Nothing to draw, a single position, many years and absurd dates all give
// a proper image.
func TestPositionsTimelineHardCases(t *testing.T) {
	many := PositionsTimeline{}
	for i := 0; i < 200; i++ {
		many.Positions = append(many.Positions, Position{Country: strings.Repeat("Very long country name ", 10) + string(rune('A'+i%26)),
			Date: isoDay("1946-01-01").AddDate(i/3, 0, 0), Stance: Stance(i % 3)})
	}
	for name, pt := range map[string]PositionsTimeline{
		"empty":  {},
		"one":    {Positions: []Position{{Country: "France", Date: isoDay("2025-02-24"), Stance: StanceOpposes}}},
		"many":   many,
		"absurd": {Positions: []Position{{Country: "X", Date: time.Time{}}, {Country: "Y", Date: isoDay("2025-01-01")}}},
	} {
		done := make(chan error, 1)
		go func() { done <- Render(&bytes.Buffer{}, pt, Options{}) }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: rendering hung", name)
		}
	}
}
