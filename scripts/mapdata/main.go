//go:build ignore

// Command mapdata turns the Natural Earth country boundaries of the npm
// package world-atlas (TopoJSON, 1:50m) into assets/world.bin, the compact
// geometry Plenary's maps draw from. It is run by hand when the boundaries
// are updated:
//
//	cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//	go run scripts/mapdata/main.go -in /tmp/package/countries-50m.json \
//	    -iso /usr/share/iso-codes/json/iso_3166-1.json -o assets/world.bin
//
// world-atlas names countries by ISO 3166-1 numeric code; the Debian package
// iso-codes maps those to the alpha-3 codes Plenary keys states by. The few
// Natural Earth units without a code get private X codes (see noCode).
//
// Simplification works on the topology's arcs, not on each country's rings,
// so that a border shared by two states is simplified once and both states
// keep the same line: no slivers, no gaps. The format is documented in
// charts/geo (Decode).
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"sort"
)

// noCode gives Natural Earth units that have no ISO 3166 numeric code a
// user-assigned key, so that they are drawn (as territory of no member).
var noCode = map[string]string{
	"Somaliland":        "XSL",
	"Kosovo":            "XKX",
	"N. Cyprus":         "XNC",
	"Indian Ocean Ter.": "XIO",
	"Siachen Glacier":   "XSG",
}

// skip lists units left off the maps: Antarctica belongs to no state and
// would take a sixth of the height.
var skip = map[string]bool{"ATA": true}

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]int `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []geometry `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

type pt struct{ x, y float64 }

func main() {
	in := flag.String("in", "", "world-atlas countries-50m.json")
	isoFile := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes ISO 3166-1 JSON")
	out := flag.String("o", "assets/world.bin", "output file")
	tol := flag.Float64("tolerance", 0.03, "simplification tolerance in degrees")
	minArea := flag.Float64("min-area", 0.015, "islands smaller than this (square degrees) are dropped, except a state's largest")
	flag.Parse()

	var topo topology
	readJSON(*in, &topo)
	numeric := isoNumeric(*isoFile)
	raw := decodeArcs(topo)
	arcs := make([][]pt, len(raw))
	for i := range raw {
		arcs[i] = simplifyArc(raw[i], *tol)
	}
	states := map[string][][]pt{}
	for _, g := range topo.Objects.Countries.Geometries {
		key := numeric[g.ID]
		if g.ID == "" {
			key = noCode[g.Properties.Name]
		}
		if key == "" {
			log.Fatalf("no key for %q (id %q)", g.Properties.Name, g.ID)
		}
		if skip[key] {
			continue
		}
		states[key] = append(states[key], rings(g, arcs, raw)...)
	}
	keys := make([]string, 0, len(states))
	for k := range states {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	f, err := os.Create(*out)
	check(err)
	w := bufio.NewWriter(f)
	w.WriteString("PLMAP\x01")
	putU(w, uint64(len(keys)))
	points := 0
	for _, k := range keys {
		rs := keepRings(states[k], *minArea)
		w.WriteString(k)
		putU(w, uint64(len(rs)))
		for _, r := range rs {
			points += len(r)
			writeRing(w, r)
		}
	}
	check(w.Flush())
	check(f.Close())
	st, _ := os.Stat(*out)
	fmt.Printf("%d units, %d points, %d bytes\n", len(keys), points, st.Size())
}

func readJSON(path string, v any) {
	b, err := os.ReadFile(path)
	check(err)
	check(json.Unmarshal(b, v))
}

func isoNumeric(path string) map[string]string {
	var doc struct {
		Entries []struct {
			Alpha3  string `json:"alpha_3"`
			Numeric string `json:"numeric"`
		} `json:"3166-1"`
	}
	readJSON(path, &doc)
	m := map[string]string{}
	for _, e := range doc.Entries {
		m[e.Numeric] = e.Alpha3
	}
	return m
}

// decodeArcs undoes TopoJSON's delta encoding and quantization.
func decodeArcs(t topology) [][]pt {
	out := make([][]pt, len(t.Arcs))
	for i, a := range t.Arcs {
		x, y := 0, 0
		for _, d := range a {
			x += d[0]
			y += d[1]
			out[i] = append(out[i], pt{
				float64(x)*t.Transform.Scale[0] + t.Transform.Translate[0],
				float64(y)*t.Transform.Scale[1] + t.Transform.Translate[1],
			})
		}
	}
	return out
}

// simplifyArc applies Douglas–Peucker, keeping both ends (they are shared
// with other arcs). A closed arc is split at its farthest point first.
func simplifyArc(a []pt, tol float64) []pt {
	if len(a) < 3 {
		return a
	}
	if a[0] == a[len(a)-1] {
		far, best := 0, -1.0
		for i, p := range a {
			if d := dist2(p, a[0]); d > best {
				far, best = i, d
			}
		}
		first := dp(a[:far+1], tol)
		second := dp(a[far:], tol)
		return append(first, second[1:]...)
	}
	return dp(a, tol)
}

func dp(a []pt, tol float64) []pt {
	keep := make([]bool, len(a))
	keep[0], keep[len(a)-1] = true, true
	var rec func(i, j int)
	rec = func(i, j int) {
		far, best := -1, tol
		for k := i + 1; k < j; k++ {
			if d := segDist(a[k], a[i], a[j]); d > best {
				far, best = k, d
			}
		}
		if far >= 0 {
			keep[far] = true
			rec(i, far)
			rec(far, j)
		}
	}
	rec(0, len(a)-1)
	var out []pt
	for i, p := range a {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

func dist2(a, b pt) float64 { return (a.x-b.x)*(a.x-b.x) + (a.y-b.y)*(a.y-b.y) }

func segDist(p, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	l := dx*dx + dy*dy
	if l == 0 {
		return math.Sqrt(dist2(p, a))
	}
	t := math.Max(0, math.Min(1, ((p.x-a.x)*dx+(p.y-a.y)*dy)/l))
	return math.Sqrt(dist2(p, pt{a.x + t*dx, a.y + t*dy}))
}

// rings assembles a geometry's rings from arcs. The first ring of each
// polygon is its outline, the others holes; outlines are made
// anticlockwise and holes clockwise (x east, y north), so that the non-zero
// fill rule of both renderers cuts the holes.
func rings(g geometry, arcs, raw [][]pt) [][]pt {
	var polys [][][]int
	switch g.Type {
	case "Polygon":
		var p [][]int
		check(json.Unmarshal(g.Arcs, &p))
		polys = [][][]int{p}
	case "MultiPolygon":
		check(json.Unmarshal(g.Arcs, &polys))
	default:
		return nil
	}
	var out [][]pt
	for _, p := range polys {
		for i, refs := range p {
			r := ring(refs, arcs)
			if len(r) < 4 {
				r = ring(refs, raw)
			}
			for _, piece := range cutAntimeridian(r) {
				if len(piece) < 4 {
					continue
				}
				if (signedArea(piece) > 0) != (i == 0) {
					reverse(piece)
				}
				out = append(out, piece)
			}
		}
	}
	return out
}

// cutAntimeridian splits a ring that crosses the 180th meridian (Natural
// Earth's Russia does, through Chukotka) into pieces on either side, so
// that no edge runs across the whole map. The ring is first unwrapped into
// one continuous band of longitudes, then clipped at ±180.
func cutAntimeridian(r []pt) [][]pt {
	crosses := false
	for i := 1; i < len(r); i++ {
		if math.Abs(r[i].x-r[i-1].x) > 180 {
			crosses = true
		}
	}
	if !crosses {
		return [][]pt{r}
	}
	u := make([]pt, len(r))
	off := 0.0
	for i, p := range r {
		if i > 0 {
			d := p.x + off - u[i-1].x
			if d > 180 {
				off -= 360
			} else if d < -180 {
				off += 360
			}
		}
		u[i] = pt{p.x + off, p.y}
	}
	var out [][]pt
	for _, k := range []float64{-540, -180, 180} {
		piece := clip(clip(u, k, true), k+360, false)
		for i := range piece {
			piece[i].x -= k + 180
		}
		if len(piece) >= 4 {
			out = append(out, piece)
		}
	}
	return out
}

// clip keeps the part of a closed ring with x ≥ c (above) or x ≤ c
// (Sutherland–Hodgman against one line), and closes the result.
func clip(r []pt, c float64, above bool) []pt {
	in := func(p pt) bool { return (p.x >= c) == above || p.x == c }
	var out []pt
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		if in(a) {
			out = append(out, a)
		}
		if in(a) != in(b) {
			t := (c - a.x) / (b.x - a.x)
			out = append(out, pt{c, a.y + t*(b.y-a.y)})
		}
	}
	if len(out) > 0 {
		out = append(out, out[0])
	}
	return out
}

func ring(refs []int, arcs [][]pt) []pt {
	var r []pt
	for _, ref := range refs {
		var a []pt
		if ref >= 0 {
			a = arcs[ref]
		} else {
			src := arcs[^ref]
			a = make([]pt, len(src))
			for i := range src {
				a[i] = src[len(src)-1-i]
			}
		}
		if len(r) > 0 {
			a = a[1:]
		}
		r = append(r, a...)
	}
	return r
}

func signedArea(r []pt) float64 {
	s := 0.0
	for i := range len(r) - 1 {
		s += r[i].x*r[i+1].y - r[i+1].x*r[i].y
	}
	return s / 2
}

func reverse(r []pt) {
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
}

// keepRings drops islands below minArea, except the state's largest
// outline, so that every state keeps at least its main territory. Holes
// go with the decision of their size too.
func keepRings(rs [][]pt, minArea float64) [][]pt {
	largest := -1
	for i, r := range rs {
		if largest < 0 || math.Abs(signedArea(r)) > math.Abs(signedArea(rs[largest])) {
			largest = i
		}
	}
	var out [][]pt
	for i, r := range rs {
		if i == largest || math.Abs(signedArea(r)) >= minArea {
			out = append(out, r)
		}
	}
	return out
}

// writeRing writes the point count, then each point as the zigzag varint
// difference from the previous one, in hundredths of a degree. The closing
// point (equal to the first) is left out.
func writeRing(w *bufio.Writer, r []pt) {
	r = r[:len(r)-1]
	putU(w, uint64(len(r)))
	px, py := int64(0), int64(0)
	for _, p := range r {
		x, y := int64(math.Round(p.x*100)), int64(math.Round(p.y*100))
		putS(w, x-px)
		putS(w, y-py)
		px, py = x, y
	}
}

func putU(w *bufio.Writer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], v)])
}

func putS(w *bufio.Writer, v int64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutVarint(b[:], v)])
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
