package data

import (
	"time"

	"plenary/data/ingest"
)

// progress reports how far the writing of an import is, at most every
// 50 ms so that a window is not redrawn for every roll call.
type progress struct {
	report           func(ImportProgress) // nil: nobody asked
	written, toWrite int
	last             time.Time
	meter            *ingest.Meter // of a streamed import, for the reading
}

// step counts one roll call or position written.
func (p *progress) step() {
	p.written++
	if p.report == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.last) <= 50*time.Millisecond && p.written != p.toWrite {
		return
	}
	p.last = now
	r := ImportProgress{Phase: "writing", Written: p.written, ToWrite: p.toWrite}
	if p.meter != nil {
		m := p.meter.Now()
		r.File, r.Read, r.Total, r.Rows, r.Streamed = m.File, m.Read, m.Total, m.Rows, true
	}
	p.report(r)
}

// reading reports the reading of a streamed import.
func (p *progress) reading() {
	if p.report == nil {
		return
	}
	m := p.meter.Now()
	p.report(ImportProgress{Phase: "reading", File: m.File, Read: m.Read, Total: m.Total, Rows: m.Rows, Streamed: true})
}
