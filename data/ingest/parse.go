package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync/atomic"

	"plenary/data/countries"
)

// Progress says how far the reading of an import has got.
type Progress struct {
	File  string // the file being read
	Read  int64  // bytes read of all files so far
	Total int64  // bytes of all files
	Rows  int64  // data records read so far
}

// Meter counts the bytes and records read across the sources of one import
// and passes each step to a callback, so that the GUI can draw a progress
// bar. A nil callback is allowed.
type Meter struct {
	Total  int64
	OnRead func(Progress)
	read   atomic.Int64
	rows   atomic.Int64
	file   atomic.Pointer[string]
	sums   []FileSum
}

// Now says how far the reading has got. Unlike OnRead, it may be called
// from any goroutine, while another reads.
func (m *Meter) Now() Progress {
	var file string
	if f := m.file.Load(); f != nil {
		file = *f
	}
	return Progress{File: file, Read: m.read.Load(), Total: m.Total, Rows: m.rows.Load()}
}

// FileSum is the size and SHA-256 of a file, taken as it was read, for the
// import log: the files are read once.
type FileSum struct {
	Name   string
	Size   int64
	SHA256 string
}

// Sums lists the files read to the end so far, in the order they were read.
func (m *Meter) Sums() []FileSum { return m.sums }

func (m *Meter) tick(n int64) {
	m.read.Add(n)
	if m.OnRead != nil {
		m.OnRead(m.Now())
	}
}

// meteredReader reports each read to a meter, hashes what it reads, and
// stops when the context is cancelled.
type meteredReader struct {
	ctx  context.Context
	r    io.Reader
	m    *Meter
	sum  hash.Hash
	size int64
	eof  bool
}

func (mr *meteredReader) Read(p []byte) (int, error) {
	if err := mr.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := mr.r.Read(p)
	if n > 0 {
		mr.sum.Write(p[:n])
		mr.size += int64(n)
		mr.m.tick(int64(n))
	}
	if err == io.EOF {
		mr.eof = true
	}
	return n, err
}

// open opens a file of a source as a metered table.
func open(ctx context.Context, fsys fs.FS, path string, m *Meter) (*table, func(), error) {
	var f io.ReadCloser
	var err error
	if fsys != nil {
		f, err = fsys.Open(path)
	} else {
		f, err = os.Open(path)
	}
	if err != nil {
		return nil, nil, &Error{File: path, Msg: fileErr(err)}
	}
	if m == nil {
		m = &Meter{}
	}
	m.file.Store(&path)
	mr := &meteredReader{ctx: ctx, r: f, m: m, sum: sha256.New()}
	t, err := openTable(path, mr)
	if err != nil {
		f.Close()
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, nil, err
	}
	done := func() {
		if mr.eof {
			m.sums = append(m.sums, FileSum{Name: path, Size: mr.size, SHA256: hex.EncodeToString(mr.sum.Sum(nil))})
		}
		f.Close()
	}
	return t, done, nil
}

// Parse reads one source into a batch. Nothing is written anywhere; the
// batch is complete and validated when Parse returns without error.
func Parse(ctx context.Context, src Source, m *Meter) (*Batch, error) {
	return ParseStream(ctx, src, m, nil)
}

// ParseStream is Parse, and while it reads it calls stream with each run of
// consecutive rows of one roll call as the run ends, so that the caller can
// write votes while the rest of the file is read. A roll call's rows may
// come in several runs (a file sorted by country has a run per row), and
// a country may be listed twice; the batch returned holds each roll call
// with its votes as they finally are, and lists the roll calls that have
// votes in the order their first runs were handed over, before those that
// have none. The votes slice is reused after stream returns, and rc is the
// pointer the batch will hold. stream is
// called on the goroutine that called ParseStream, also when it then
// returns an error.
func ParseStream(ctx context.Context, src Source, m *Meter, stream func(rc *RollCall, votes []Cast)) (*Batch, error) {
	if m == nil {
		m = &Meter{Total: src.Size}
	}
	b := &Batch{stream: stream}
	var err error
	switch src.Format {
	case FormatUNDL:
		err = parseUNDL(ctx, src.FS, src.Files[0], m, b)
	case FormatUnvotes:
		err = parseUnvotes(ctx, src.FS, src.Files, m, b)
	case FormatVoeten:
		err = parseVoeten(ctx, src.FS, src.Files[0], m, b)
	case FormatPlenary:
		err = parsePlenary(ctx, src.FS, src.Files[0], m, b)
	case FormatRollCalls:
		err = parseRollCalls(ctx, src.FS, src.Files[0], m, b)
	case FormatPositions:
		err = parsePositions(ctx, src.FS, src.Files[0], m, b)
	case FormatVetoes:
		err = parseVetoes(ctx, src.FS, src.Files[0], m, b)
	case FormatFailed:
		err = parseFailedDrafts(ctx, src.FS, src.Files[0], m, b)
	default:
		return nil, &Error{File: strings.Join(src.Files, ", "), Msg: "cannot import format " + string(src.Format)}
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if stream != nil {
		b.endRun()
		b.stream = nil
	}
	b.Format = src.Format
	b.Files = src.Files
	b.checkTotals()
	b.warnMisfiled()
	for _, rc := range b.RollCalls {
		if rc.Date == "" && !rc.MetaOnly {
			b.warn(rc.File, rc.Line, "%s has no date", rc.Label())
		}
	}
	b.summarizeWarnings()
	return b, nil
}

// resolver maps the country codes and names of a file to ISO3 codes,
// remembering each answer because the same few hundred spellings repeat
// on every roll call.
type resolver struct {
	byCode map[string]string
	byName map[string]string
}

func newResolver() *resolver {
	return &resolver{byCode: map[string]string{}, byName: map[string]string{}}
}

// code resolves an ISO3 code (or, failing that, a name written in a code
// column, as some exports do).
func (r *resolver) code(s string) (string, bool) {
	if v, ok := r.byCode[s]; ok {
		return v, v != ""
	}
	v := ""
	if c, ok := countries.ByISO3(s); ok {
		v = c.ISO3
	} else if iso, ok := countries.Lookup(s); ok {
		v = iso
	}
	r.byCode[s] = v
	return v, v != ""
}

// name resolves a country name in any of the spellings the registry knows.
func (r *resolver) name(s string) (string, bool) {
	if v, ok := r.byName[s]; ok {
		return v, v != ""
	}
	v, _ := countries.Lookup(s)
	r.byName[s] = v
	return v, v != ""
}

// yugoslavia maps the one Yugoslavia series of the unvotes and Voeten data
// (which runs on through Serbia and Montenegro to Serbia) to the state that
// held the seat on the day.
func yugoslavia(date string) string {
	switch {
	case date != "" && date < "1992-04-27":
		return "YUG"
	case date != "" && date < "2006-06-03":
		return "SCG"
	case date == "":
		return "YUG"
	}
	return "SRB"
}
