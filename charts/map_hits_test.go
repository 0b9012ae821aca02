package charts

import (
	"fmt"
	"image/color"
	"math"
	"testing"
)

// TestMapHits checks the window's hit testing against the image it was
// recorded with: wherever At names a state drawn with its territory, the
// pixel has that state's fill (borders aside), every marker answers at its
// centre, every state with territory answers somewhere, the sea answers
// nothing, and the label gives the state's name and vote.
func TestMapHits(t *testing.T) {
	m := es117(t)
	m.Selected = []string{"FRA", "TUV"}
	img, hits, err := RenderImageHits(m, Options{Width: 1200, Height: 800})
	if err != nil {
		t.Fatal(err)
	}
	fill := map[string]color.RGBA{}
	for _, v := range m.Votes {
		if c, ok := voteColor(v.Vote); ok {
			fill[v.ISO3] = color.RGBA{c.R, c.G, c.B, 255}
		}
	}
	palette := []color.RGBA{{255, 255, 255, 255}, rgba(landColor(paletteFor(Light))), rgba(oceanColor(paletteFor(Light)))}
	for _, v := range []Vote{VoteYes, VoteNo, VoteAbstain, VoteNonVoting} {
		c, _ := voteColor(v)
		palette = append(palette, rgba(c))
	}
	marker := map[string]bool{}
	for _, mk := range hits.markers {
		marker[mk.iso3] = true
		if got, ok := hits.At(mk.p.x, mk.p.y); !ok || got != mk.iso3 {
			t.Errorf("the marker of %s answers %q", mk.iso3, got)
		}
	}
	same, differ := 0, 0
	found := map[string]bool{}
	for y := 0; y < 800; y += 3 {
		for x := 0; x < 1200; x += 3 {
			iso, ok := hits.At(float64(x)+0.5, float64(y)+0.5)
			if !ok || marker[iso] {
				continue
			}
			found[iso] = true
			want, known := fill[iso]
			if !known {
				continue
			}
			// Antialiased coasts blend the fill with the sea: a pixel
			// belongs to the state when its fill is the nearest colour.
			if nearest(img.RGBAAt(x, y), palette) == want {
				same++
			} else {
				differ++
			}
		}
	}
	// What differs lies on the borders, where the white lines between
	// states blend in; a shifted or wrong outline would differ by half.
	if same < 1000 || differ*8 > same {
		t.Errorf("%d sampled pixels match the state's fill, %d do not", same, differ)
	}
	for _, sh := range hits.shapes {
		// Members big enough not to vanish under the markers of their
		// small neighbours.
		if _, member := fill[sh.iso3]; member && !found[sh.iso3] && !marker[sh.iso3] && sh.box.w > 20 && sh.box.h > 20 {
			t.Errorf("%s is drawn but never found", sh.iso3)
		}
	}
	if iso, ok := hits.At(5, 5); ok {
		t.Errorf("the top left corner is %s", iso)
	}
	if l := hits.Label("USA"); l != "United States of America: no" {
		t.Errorf("label of USA %q", l)
	}
	if !marker["TUV"] {
		t.Error("Tuvalu has no marker")
	}
	// Other charts have no hits.
	if _, h, err := RenderImageHits(Empty{}, Options{}); err != nil || h != nil {
		t.Errorf("hits of a non-map: %v, %v", h, err)
	}
}

func rgba(c interface{ RGBA() (r, g, b, a uint32) }) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
}

// nearest is the colour of the list closest to c.
func nearest(c color.RGBA, list []color.RGBA) color.RGBA {
	best, bd := list[0], 1<<30
	for _, l := range list {
		dr, dg, db := int(c.R)-int(l.R), int(c.G)-int(l.G), int(c.B)-int(l.B)
		if d := dr*dr + dg*dg + db*db; d < bd {
			best, bd = l, d
		}
	}
	return best
}

// TestMapHitLabels checks what the window's label says over the states of
// the value maps, on real data: the agreement as a whole percentage with
// the roll calls it rests on, the reference as such, too few roll calls as
// such, and an ideal point to two decimals with a true minus sign.
func TestMapHitLabels(t *testing.T) {
	am := agreementUSA2025(t)
	_, hits, err := RenderImageHits(am, Options{Width: 1200, Height: 800})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, v := range am.States {
		want := v.Name + ": the reference"
		switch {
		case v.ISO3 == am.Ref:
		case math.IsNaN(v.Value) || v.N < am.MinN:
			want = v.Name + ": fewer than 10 roll calls"
		default:
			want = fmt.Sprintf("%s: %d%% over %d roll calls", v.Name, int(math.Round(100*v.Value)), v.N)
		}
		if got := hits.Label(v.ISO3); got != want {
			t.Errorf("label of %s %q, want %q", v.ISO3, got, want)
		}
		checked++
	}
	if checked < 190 {
		t.Errorf("%d states labelled", checked)
	}

	im := ideal2012(t)
	_, hits, err = RenderImageHits(im, Options{Width: 1200, Height: 800})
	if err != nil {
		t.Fatal(err)
	}
	negative := 0
	seen := map[string]bool{}
	for _, v := range im.States {
		if seen[v.ISO3] {
			continue // a state listed twice keeps its first entry
		}
		seen[v.ISO3] = true
		want := fmt.Sprintf("%s: %.2f", v.Name, v.Value)
		if v.Value < 0 {
			want = fmt.Sprintf("%s: −%.2f", v.Name, -v.Value)
			negative++
		}
		if got := hits.Label(v.ISO3); got != want {
			t.Errorf("label of %s %q, want %q", v.ISO3, got, want)
		}
	}
	if negative == 0 {
		t.Error("no negative ideal point checked")
	}
}
