// Package geo holds what Plenary's world maps know about the Earth: the
// state boundaries (decoded from the embedded asset), the Equal Earth
// projection they are drawn in, where each state's marker goes, and the
// rule that places historical states on the map.
//
// It is pure: no drawing, no data store. Package charts draws with it, and
// callers pass it plain codes, so the same rule serves every map.
//
// # Coordinates
//
// Longitude and latitude are in degrees. Projected coordinates are Equal
// Earth on the unit sphere: x east, y north, x within ±2.7066 and y within
// ±1.3174. Screen code flips y.
//
// # Asset format
//
// assets/world.bin (written by scripts/mapdata) is the magic "PLMAP\x01",
// the number of units as a uvarint, then per unit its three-letter key (an
// ISO 3166-1 alpha-3 code, or a private X code for Natural Earth units
// without one, such as XKX for Kosovo), its number of rings, and per ring
// the number of points followed by each point as two zigzag varints: the
// change in longitude and latitude from the previous point of the ring, in
// hundredths of a degree (the first from 0,0). Rings are not closed; outer
// rings run anticlockwise and holes clockwise.
package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"plenary/assets"
)

// Point is a projected position (Equal Earth units, y north).
type Point struct{ X, Y float64 }

// Shape is one unit of the map (a state or a territory) in projected
// coordinates.
type Shape struct {
	Key   string
	Rings [][]Point
	// Area is the projected area (outer rings minus holes), in Equal Earth
	// units squared: 4π is the whole Earth.
	Area float64
	// Anchor is where a marker for this shape goes: the area-weighted
	// centroid of its largest ring, so that an archipelago's marker sits on
	// its main island rather than in the sea between islands.
	Anchor Point
	// Min and Max bound the rings.
	Min, Max Point
}

// World is a decoded set of shapes.
type World struct {
	shapes map[string]*Shape
	keys   []string
	min    Point
	max    Point
}

var (
	worldOnce sync.Once
	theWorld  *World
	worldErr  error
)

// Default returns the embedded world, decoded and projected once.
func Default() (*World, error) {
	worldOnce.Do(func() { theWorld, worldErr = Decode(assets.World) })
	return theWorld, worldErr
}

// Keys returns the keys of every shape, sorted.
func (w *World) Keys() []string { return slices.Clone(w.keys) }

// Shape returns the shape with key k.
func (w *World) Shape(k string) (*Shape, bool) {
	s, ok := w.shapes[k]
	return s, ok
}

// Bounds returns the corners of the box holding every shape.
func (w *World) Bounds() (min, max Point) { return w.min, w.max }

// Decode reads the asset format described in the package documentation
// and projects every point.
func Decode(b []byte) (*World, error) {
	const magic = "PLMAP\x01"
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("geo: not a map asset")
	}
	d := decoder{b: b[len(magic):]}
	n := d.uvarint(1000)
	w := &World{shapes: map[string]*Shape{}}
	w.min = Point{math.Inf(1), math.Inf(1)}
	w.max = Point{math.Inf(-1), math.Inf(-1)}
	for range n {
		s := d.shape()
		if d.err != nil {
			return nil, d.err
		}
		w.shapes[s.Key] = s
		w.keys = append(w.keys, s.Key)
		w.min = Point{math.Min(w.min.X, s.Min.X), math.Min(w.min.Y, s.Min.Y)}
		w.max = Point{math.Max(w.max.X, s.Max.X), math.Max(w.max.Y, s.Max.Y)}
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("geo: %d bytes after the last shape", len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	slices.Sort(w.keys)
	return w, nil
}

// decoder reads the asset, keeping the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint(limit uint64) int {
	if d.err != nil {
		return 0
	}
	v, k := binary.Uvarint(d.b)
	if k <= 0 || v > limit {
		d.err = errors.New("geo: damaged map asset")
		return 0
	}
	d.b = d.b[k:]
	return int(v)
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, k := binary.Varint(d.b)
	if k <= 0 {
		d.err = errors.New("geo: damaged map asset")
		return 0
	}
	d.b = d.b[k:]
	return v
}

func (d *decoder) shape() *Shape {
	if len(d.b) < 3 {
		d.err = errors.New("geo: damaged map asset")
		return nil
	}
	s := &Shape{Key: string(d.b[:3])}
	d.b = d.b[3:]
	nr := d.uvarint(10000)
	best := -1.0
	for range nr {
		np := d.uvarint(1 << 20)
		ring := make([]Point, 0, np)
		var lon, lat int64
		for range np {
			lon += d.varint()
			lat += d.varint()
			x, y := Project(float64(lon)/100, float64(lat)/100)
			ring = append(ring, Point{x, y})
		}
		if d.err != nil {
			return nil
		}
		a := ringArea(ring)
		s.Area += a
		if a > best {
			best = a
			s.Anchor = ringCentroid(ring)
		}
		s.Rings = append(s.Rings, ring)
	}
	s.Min, s.Max = bounds(s.Rings)
	return s
}

// ringArea is the signed area by the shoelace formula: positive for the
// anticlockwise outer rings, negative for holes.
func ringArea(r []Point) float64 {
	s := 0.0
	for i, p := range r {
		q := r[(i+1)%len(r)]
		s += p.X*q.Y - q.X*p.Y
	}
	return s / 2
}

func ringCentroid(r []Point) Point {
	var cx, cy, a float64
	for i, p := range r {
		q := r[(i+1)%len(r)]
		f := p.X*q.Y - q.X*p.Y
		cx += (p.X + q.X) * f
		cy += (p.Y + q.Y) * f
		a += f
	}
	if a == 0 {
		return r[0]
	}
	return Point{cx / (3 * a), cy / (3 * a)}
}

func bounds(rs [][]Point) (min, max Point) {
	min = Point{math.Inf(1), math.Inf(1)}
	max = Point{math.Inf(-1), math.Inf(-1)}
	for _, r := range rs {
		for _, p := range r {
			min = Point{math.Min(min.X, p.X), math.Min(min.Y, p.Y)}
			max = Point{math.Max(max.X, p.X), math.Max(max.Y, p.Y)}
		}
	}
	return min, max
}
