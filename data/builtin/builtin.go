// Package builtin reads and writes the file of General Assembly history
// that is built into Plenary: every roll call with its votes and the
// recorded positions, in a compact, reproducible form.
//
// The file is a gzip stream (standard library only) behind an eight-byte
// magic. Inside, the roll calls are stored column by column, so that the
// many repeated titles, dates and sources compress well, and the votes as a
// dense grid of 3-bit cells, one per roll call and country. The same Data
// always encodes to the same bytes, so the file can be regenerated and
// checked against a recorded SHA-256.
//
// Decode treats its input as hostile: any damage gives an error, never a
// panic, and what it allocates is bounded by fixed limits.
package builtin

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"plenary/data/record"
)

// Magic opens every built-in file; the digit is the format version.
const Magic = "PLNHIST1"

// Limits of what Decode accepts. They are far above what the UN has voted
// (the General Assembly held about 7,000 roll calls by 2025, among fewer
// than 250 states), and keep a damaged file from making Decode allocate
// much more than the file's own size.
const (
	MaxPayload   = 16 << 20 // bytes, uncompressed
	MaxRollCalls = 200_000
	MaxCountries = 1_000
	MaxPositions = 100_000
)

// Data is what the built-in file holds.
type Data struct {
	Dataset   string              // what the import log and chart footers call it
	Files     []record.ImportFile // the files it was made from, with their SHA-256
	Countries []string            // ISO3 codes: the columns of Votes
	RollCalls []record.RollCall   // in the order they were stored; IDs are not kept
	Votes     [][]record.Vote     // Votes[i][c] is the vote of Countries[c] on RollCalls[i]
	Positions []record.Position   // IDs and the Sample mark are not kept
}

// cell codes of the vote grid: three bits each.
var (
	cellOf = map[record.Vote]byte{record.None: 0, record.Yes: 1, record.Abstain: 2, record.No: 3, record.NonVoting: 4}
	voteOf = [8]record.Vote{record.None, record.Yes, record.Abstain, record.No, record.NonVoting}
)

// bodies are the bodies in the order of their one-byte code.
var bodies = []record.Body{record.GA, record.SC}

// Encode writes d to w. The same Data always gives the same bytes.
func Encode(w io.Writer, d *Data) error {
	if err := check(d); err != nil {
		return err
	}
	var e enc
	e.str(d.Dataset)
	e.uint(len(d.Files))
	for _, f := range d.Files {
		e.str(f.Name)
		e.uint(int(f.Size))
		e.str(f.SHA256)
	}
	e.strs(d.Countries)
	e.rollCalls(d.RollCalls)
	if err := e.votes(d.Votes, len(d.Countries)); err != nil {
		return err
	}
	e.positions(d.Positions)
	if len(e.b) > MaxPayload {
		return fmt.Errorf("the built-in data is %d bytes, more than the %d a file may hold", len(e.b), MaxPayload)
	}
	if _, err := io.WriteString(w, Magic); err != nil {
		return err
	}
	// A zero header (no name, no time) keeps the output reproducible.
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(e.b); err != nil {
		return err
	}
	return zw.Close()
}

// check refuses what Decode would refuse, so that no file is written that
// cannot be read back.
func check(d *Data) error {
	switch {
	case len(d.RollCalls) > MaxRollCalls:
		return fmt.Errorf("%d roll calls, more than %d", len(d.RollCalls), MaxRollCalls)
	case len(d.Countries) > MaxCountries:
		return fmt.Errorf("%d countries, more than %d", len(d.Countries), MaxCountries)
	case len(d.Positions) > MaxPositions:
		return fmt.Errorf("%d positions, more than %d", len(d.Positions), MaxPositions)
	case len(d.Votes) != len(d.RollCalls):
		return fmt.Errorf("%d rows of votes for %d roll calls", len(d.Votes), len(d.RollCalls))
	}
	for i := range d.RollCalls {
		rc := &d.RollCalls[i]
		if rc.Body != record.GA && rc.Body != record.SC {
			return fmt.Errorf("roll call %s: unknown body %q", rc.Label(), rc.Body)
		}
		if rc.RCID < 0 || rc.UNDLID < 0 {
			return fmt.Errorf("roll call %s: a negative id", rc.Label())
		}
		if p := rc.Published; p != nil && (p.Yes < 0 || p.No < 0 || p.Abstain < 0 || p.NonVoting < 0) {
			return fmt.Errorf("roll call %s: negative published totals", rc.Label())
		}
	}
	return nil
}

// enc appends the payload's values: unsigned varints, and strings as a
// length and the bytes.
type enc struct{ b []byte }

func (e *enc) uint(n int)   { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *enc) str(s string) { e.uint(len(s)); e.b = append(e.b, s...) }
func (e *enc) strs(s []string) {
	e.uint(len(s))
	for _, x := range s {
		e.str(x)
	}
}

// rollCalls writes the roll calls column by column.
func (e *enc) rollCalls(rcs []record.RollCall) {
	e.uint(len(rcs))
	for _, rc := range rcs {
		if rc.Body == record.SC {
			e.b = append(e.b, 1)
		} else {
			e.b = append(e.b, 0)
		}
	}
	for _, field := range stringFields {
		for i := range rcs {
			e.str(*field(&rcs[i]))
		}
	}
	for _, rc := range rcs {
		e.strs(rc.Topics)
	}
	for _, rc := range rcs {
		e.b = append(e.b, byte(rc.Flags))
	}
	for _, rc := range rcs {
		if p := rc.Published; p != nil {
			e.b = append(e.b, 1)
			e.uint(p.Yes)
			e.uint(p.No)
			e.uint(p.Abstain)
			e.uint(p.NonVoting)
		} else {
			e.b = append(e.b, 0)
		}
	}
	for _, rc := range rcs {
		e.uint(rc.RCID)
	}
	for _, rc := range rcs {
		e.uint(rc.UNDLID)
	}
}

// stringFields are the roll calls' text columns in file order.
var stringFields = []func(*record.RollCall) *string{
	func(r *record.RollCall) *string { return &r.Symbol },
	func(r *record.RollCall) *string { return &r.Date },
	func(r *record.RollCall) *string { return &r.Session },
	func(r *record.RollCall) *string { return &r.Title },
	func(r *record.RollCall) *string { return &r.Description },
	func(r *record.RollCall) *string { return &r.Draft },
	func(r *record.RollCall) *string { return &r.Meeting },
	func(r *record.RollCall) *string { return &r.Source },
	func(r *record.RollCall) *string { return &r.Link },
}

// votes packs the grid, three bits a cell, least significant bits first.
func (e *enc) votes(rows [][]record.Vote, width int) error {
	var acc uint32
	bits := 0
	for i, row := range rows {
		if len(row) != width {
			return fmt.Errorf("roll call %d has %d votes for %d countries", i, len(row), width)
		}
		for _, v := range row {
			c, ok := cellOf[v]
			if !ok {
				return fmt.Errorf("roll call %d: vote code %d", i, v)
			}
			acc |= uint32(c) << bits
			bits += 3
			for bits >= 8 {
				e.b = append(e.b, byte(acc))
				acc >>= 8
				bits -= 8
			}
		}
	}
	if bits > 0 {
		e.b = append(e.b, byte(acc))
	}
	return nil
}

func (e *enc) positions(ps []record.Position) {
	e.uint(len(ps))
	for _, p := range ps {
		for _, s := range []string{p.Country, p.Date, p.Topic, string(p.Stance), p.Summary, p.Quote, p.Source} {
			e.str(s)
		}
	}
}

// Decode reads a built-in file. Damaged or hostile input gives an error.
func Decode(r io.Reader) (*Data, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(Magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != Magic {
		return nil, errors.New("not a Plenary built-in data file")
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("built-in data: %w", err)
	}
	zr.Multistream(false)
	payload, err := io.ReadAll(io.LimitReader(zr, MaxPayload+1))
	if err != nil {
		return nil, fmt.Errorf("built-in data: %w", err)
	}
	if len(payload) > MaxPayload {
		return nil, fmt.Errorf("built-in data: more than %d bytes", MaxPayload)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("built-in data: bytes after the end")
	}
	d, err := decodePayload(payload)
	if err != nil {
		return nil, fmt.Errorf("built-in data: %w", err)
	}
	return d, nil
}

// DecodeBytes is Decode of a file held in memory.
func DecodeBytes(b []byte) (*Data, error) { return Decode(bytes.NewReader(b)) }

func decodePayload(payload []byte) (*Data, error) {
	dc := &dec{b: payload}
	d := &Data{Dataset: dc.str()}
	nf := dc.count(3)
	for i := 0; i < nf && dc.err == nil; i++ {
		d.Files = append(d.Files, record.ImportFile{Name: dc.str(), Size: int64(dc.uint()), SHA256: dc.str()})
	}
	d.Countries = dc.strs(MaxCountries)
	d.RollCalls = dc.rollCalls()
	d.Votes = dc.votes(len(d.RollCalls), len(d.Countries))
	d.Positions = dc.positions()
	if dc.err == nil && len(dc.b) > 0 {
		dc.err = fmt.Errorf("%d bytes after the end", len(dc.b))
	}
	if dc.err != nil {
		return nil, dc.err
	}
	return d, nil
}
