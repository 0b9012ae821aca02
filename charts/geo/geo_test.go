package geo

import (
	"math"
	"slices"
	"testing"

	"plenary/assets"
	"plenary/data/countries"
)

// The published extent of Equal Earth on the unit sphere (Šavrič et al.
// 2018, and PROJ's eqearth): half-width 2.7066297, half-height 1.3173627.
func TestProjectKnownPoints(t *testing.T) {
	cases := []struct {
		lon, lat, x, y float64
	}{
		{0, 0, 0, 0},
		{180, 0, 2.7066297, 0},
		{-180, 0, -2.7066297, 0},
		{0, 90, 0, 1.3173627},
		{0, -90, 0, -1.3173627},
		{400, 0, 0.6014733, 0}, // wrapped to 40°E: 40/180 of the half-width
	}
	for _, c := range cases {
		x, y := Project(c.lon, c.lat)
		if math.Abs(x-c.x) > 5e-7 || math.Abs(y-c.y) > 5e-7 {
			t.Errorf("Project(%g, %g) = (%.7f, %.7f), want (%.7f, %.7f)", c.lon, c.lat, x, y, c.x, c.y)
		}
	}
}

// The projection is equal-area: a lat/lon cell of the unit sphere covers
// Δλ·(sin φ2 − sin φ1), and its projected outline must enclose the same.
func TestProjectEqualArea(t *testing.T) {
	cells := [][4]float64{ // lon1, lon2, lat1, lat2
		{0, 10, 0, 10}, {-180, 180, -90, 90}, {30, 31, 59, 60}, {-75, -20, -60, -15}, {100, 160, 70, 89},
	}
	for _, c := range cells {
		var ring []Point
		edge := func(lon0, lat0, lon1, lat1 float64) {
			const n = 400
			for i := range n {
				f := float64(i) / n
				x, y := Project(lon0+f*(lon1-lon0), lat0+f*(lat1-lat0))
				ring = append(ring, Point{x, y})
			}
		}
		edge(c[0], c[2], c[1], c[2])
		edge(c[1], c[2], c[1], c[3])
		edge(c[1], c[3], c[0], c[3])
		edge(c[0], c[3], c[0], c[2])
		got := ringArea(ring)
		rad := math.Pi / 180
		want := (c[1] - c[0]) * rad * (math.Sin(c[3]*rad) - math.Sin(c[2]*rad))
		if math.Abs(got-want) > 1e-4*want {
			t.Errorf("cell %v: projected area %.6f, sphere %.6f", c, got, want)
		}
	}
}

func world(t *testing.T) *World {
	t.Helper()
	w, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// Areas of large states against their published areas (km², UN Statistics
// Division Demographic Yearbook), on a sphere of the authalic radius
// 6371.007 km; the simplified 1:50m outlines and the sphere cost a few per
// cent.
func TestAssetAreas(t *testing.T) {
	if len(assets.World) > 500_000 {
		t.Errorf("map asset is %d bytes, over 500 KB", len(assets.World))
	}
	w := world(t)
	r2 := 6371.007 * 6371.007
	for iso, km2 := range map[string]float64{
		"BRA": 8_515_767, "AUS": 7_692_024, "RUS": 17_098_246, "USA": 9_833_517,
		"IND": 3_287_263, "DZA": 2_381_741, "ARG": 2_780_400,
	} {
		s, ok := w.Shape(iso)
		if !ok {
			t.Fatalf("no shape for %s", iso)
		}
		got := s.Area * r2
		if math.Abs(got-km2)/km2 > 0.04 {
			t.Errorf("%s: %.0f km² on the map, published %.0f", iso, got, km2)
		}
	}
	if _, ok := w.Shape("ATA"); ok {
		t.Error("Antarctica should be left off")
	}
}

// Every member state and every former member can be shown: a shape or a
// marker position.
func TestEveryStateLocated(t *testing.T) {
	w := world(t)
	l := registryLineage()
	members := 0
	for _, c := range countries.All() {
		_, hasShape := w.Shape(c.ISO3)
		p, ok := w.MarkerAt(c.ISO3, l)
		if !ok {
			t.Errorf("%s (%s) has no marker position", c.ISO3, c.Name)
			continue
		}
		if c.Status == countries.StatusMember {
			members++
			if !hasShape && c.ISO3 != "TUV" {
				t.Errorf("member %s has no shape", c.ISO3)
			}
		}
		if _, listed := places[c.ISO3]; hasShape && !listed {
			// The marker sits inside the box of the shape.
			s, _ := w.Shape(c.ISO3)
			if p.X < s.Min.X || p.X > s.Max.X || p.Y < s.Min.Y || p.Y > s.Max.Y {
				t.Errorf("%s marker %v outside its shape %v–%v", c.ISO3, p, s.Min, s.Max)
			}
		}
	}
	if members != 193 {
		t.Errorf("%d members in the registry, want 193", members)
	}
	// Tuvalu's marker is where Funafuti is: 179.2°E, 8.5°S.
	p, _ := w.MarkerAt("TUV", l)
	x, y := Project(179.2, -8.52)
	if p.X != x || p.Y != y || x < 2.6 || y > -0.1 {
		t.Errorf("Tuvalu at %v", p)
	}
}

func registryLineage() Lineage {
	l := Lineage{Successors: map[string][]string{}, Continues: map[string]string{}}
	for _, c := range countries.All() {
		if len(c.Successors) > 0 {
			l.Successors[c.ISO3] = c.Successors
		}
		if c.Continues != "" {
			l.Continues[c.ISO3] = c.Continues
		}
	}
	return l.WithTerritory()
}

func TestPlace1975(t *testing.T) {
	w := world(t)
	has := func(k string) bool { _, ok := w.Shape(k); return ok }
	voting := countries.Members("1975-12-01")
	p := Place(voting, registryLineage(), has)
	if len(p) != len(voting) {
		t.Fatalf("%d placements for %d voting states", len(p), len(voting))
	}
	cases := []struct {
		iso    string
		shapes []string
	}{
		{"DEU", []string{"DEU"}},
		{"DDR", nil}, // the Federal Republic votes: a marker
		{"CSK", []string{"CZE", "SVK"}},
		{"YAR", []string{"YEM"}}, // Yemen continues North Yemen's seat
		{"YMD", nil},
		{"UKR", []string{"UKR"}},
		{"CHN", []string{"CHN"}},
	}
	for _, c := range cases {
		got := slices.Sorted(slices.Values(p[c.iso].Shapes))
		if !slices.Equal(got, c.shapes) {
			t.Errorf("%s drawn on %v, want %v", c.iso, got, c.shapes)
		}
		if p[c.iso].Marker() != (len(c.shapes) == 0) {
			t.Errorf("%s marker = %v", c.iso, p[c.iso].Marker())
		}
	}
	sun := p["SUN"].Shapes
	for _, k := range []string{"RUS", "KAZ", "EST", "GEO", "MDA"} {
		if !slices.Contains(sun, k) {
			t.Errorf("the Soviet Union in 1975 is not drawn on %s: %v", k, sun)
		}
	}
	if slices.Contains(sun, "UKR") || slices.Contains(sun, "BLR") {
		t.Errorf("the Soviet Union took the Ukrainian or Byelorussian SSR's own seat: %v", sun)
	}
	yug := p["YUG"].Shapes
	for _, k := range []string{"HRV", "SVN", "BIH", "MKD", "SRB", "MNE", "XKX"} {
		if !slices.Contains(yug, k) {
			t.Errorf("Yugoslavia in 1975 is not drawn on %s: %v", k, yug)
		}
	}
	// No shape is drawn twice.
	seen := map[string]string{}
	for iso, pl := range p {
		for _, k := range pl.Shapes {
			if o, dup := seen[k]; dup {
				t.Errorf("shape %s drawn for %s and %s", k, o, iso)
			}
			seen[k] = iso
		}
	}
}

func TestPlaceRule(t *testing.T) {
	has := func(k string) bool { return k == "A" || k == "B" || k == "C" || k == "D" }
	l := Lineage{
		Successors: map[string][]string{"H": {"A", "B"}, "G": {"B"}, "P": {"Q"}, "Q": {"C"}, "R": {"D"}, "S": {"D"}},
		Continues:  map[string]string{"D": "S"},
	}
	p := Place([]string{"A", "H", "G", "P", "R", "S", "Z"}, l, has)
	want := map[string][]string{
		"A": {"A"},
		"H": nil,   // B is claimed by H and G, and B continues neither
		"G": nil,   // likewise
		"P": {"C"}, // through its successor Q, which has no shape
		"R": nil,   // D goes to S, which D continues
		"S": {"D"}, //
		"Z": nil,   // no shape, no successors
	}
	for k, w := range want {
		if !slices.Equal(p[k].Shapes, w) {
			t.Errorf("%s: %v, want %v", k, p[k].Shapes, w)
		}
	}
	if !p["P"].Successor || p["A"].Successor {
		t.Errorf("successor flags wrong: %+v", p)
	}
	if _, ok := p["B"]; ok {
		t.Error("a non-voting shape got a placement")
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("PLMAP"), []byte("PLMAP\x01\x05"), append([]byte("PLMAP\x01\x01ABC\x01\x05"), 1, 2)} {
		if _, err := Decode(b); err == nil {
			t.Errorf("Decode(%q) accepted", b)
		}
	}
	w := world(t)
	if got := len(w.Keys()); got < 230 {
		t.Errorf("%d shapes", got)
	}
}

func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		if _, err := Decode(assets.World); err != nil {
			b.Fatal(err)
		}
	}
}
