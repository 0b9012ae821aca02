package builtin

import (
	"encoding/binary"
	"errors"
	"fmt"

	"plenary/data/record"
)

// errShort is the error of a payload that ends inside a value.
var errShort = errors.New("the data ends too early")

// dec reads the payload's values. The first error sticks: later reads give
// zero values, and the caller checks err once.
type dec struct {
	b   []byte
	err error
}

func (d *dec) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

func (d *dec) uint() int {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.b)
	if k <= 0 || n > 1<<31 {
		d.fail(errShort)
		return 0
	}
	d.b = d.b[k:]
	return int(n)
}

func (d *dec) byte() byte {
	if d.err != nil || len(d.b) == 0 {
		d.fail(errShort)
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *dec) str() string {
	n := d.uint()
	if d.err != nil || n > len(d.b) {
		d.fail(errShort)
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// count reads a number of items that take at least min bytes each, so that
// no count can ask for more than the payload could hold.
func (d *dec) count(min int) int {
	n := d.uint()
	if d.err == nil && n*min > len(d.b) {
		d.fail(fmt.Errorf("%d items announced, the data cannot hold them", n))
		return 0
	}
	return n
}

func (d *dec) strs(limit int) []string {
	n := d.count(1)
	if n > limit {
		d.fail(fmt.Errorf("%d values, more than %d", n, limit))
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}

// rollCalls reads the columns written by enc.rollCalls.
func (d *dec) rollCalls() []record.RollCall {
	// A roll call takes at least one byte in each of its 15 columns.
	n := d.count(15)
	if n > MaxRollCalls {
		d.fail(fmt.Errorf("%d roll calls, more than %d", n, MaxRollCalls))
	}
	if d.err != nil {
		return nil
	}
	rcs := make([]record.RollCall, n)
	for i := range rcs {
		c := d.byte()
		if int(c) >= len(bodies) {
			d.fail(fmt.Errorf("roll call %d: body code %d", i, c))
			return nil
		}
		rcs[i].Body = bodies[c]
	}
	for _, field := range stringFields {
		for i := range rcs {
			*field(&rcs[i]) = d.str()
		}
	}
	for i := range rcs {
		rcs[i].Topics = d.strs(1 << 10)
	}
	for i := range rcs {
		rcs[i].Flags = record.Flags(d.byte())
	}
	for i := range rcs {
		if d.byte() == 1 {
			rcs[i].Published = &record.Totals{Yes: d.uint(), No: d.uint(), Abstain: d.uint(), NonVoting: d.uint()}
		}
	}
	for i := range rcs {
		rcs[i].RCID = d.uint()
	}
	for i := range rcs {
		rcs[i].UNDLID = d.uint()
	}
	return rcs
}

// votes unpacks the grid written by enc.votes.
func (d *dec) votes(rows, width int) [][]record.Vote {
	cells := rows * width
	size := (3*cells + 7) / 8
	if d.err != nil || size > len(d.b) {
		d.fail(errShort)
		return nil
	}
	packed := d.b[:size]
	d.b = d.b[size:]
	flat := make([]record.Vote, cells)
	for i := range flat {
		bit := 3 * i
		w := uint16(packed[bit/8])
		if bit/8+1 < len(packed) {
			w |= uint16(packed[bit/8+1]) << 8
		}
		c := (w >> (bit % 8)) & 7
		if c > 4 {
			d.fail(fmt.Errorf("vote code %d", c))
			return nil
		}
		flat[i] = voteOf[c]
	}
	out := make([][]record.Vote, rows)
	for i := range out {
		out[i] = flat[i*width : (i+1)*width : (i+1)*width]
	}
	return out
}

func (d *dec) positions() []record.Position {
	n := d.count(7)
	if n > MaxPositions {
		d.fail(fmt.Errorf("%d positions, more than %d", n, MaxPositions))
	}
	var out []record.Position
	for i := 0; i < n && d.err == nil; i++ {
		p := record.Position{Country: d.str(), Date: d.str(), Topic: d.str(), Stance: record.Stance(d.str()),
			Summary: d.str(), Quote: d.str(), Source: d.str()}
		out = append(out, p)
	}
	return out
}
