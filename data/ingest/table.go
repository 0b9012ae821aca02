package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// maxLine bounds the bytes a single physical line may have. Real vote files
// have lines of a few hundred bytes; the bound keeps a hostile file (one 50 MB
// field, no line breaks) from being buffered whole.
const maxLine = 1 << 20

// maxColumns bounds the fields of one record for the same reason.
const maxColumns = 2000

// table reads a delimited text file record by record, naming columns by
// their normalised header names and reporting every problem with its line.
type table struct {
	file   string
	r      *csv.Reader
	header []string
	cols   map[string]int
	rec    []string
	line   int
}

// normName folds a header name so that "Total Yes", "total-yes" and
// "total_yes" are the same column.
func normName(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	r := strings.NewReplacer(" ", "_", "-", "_", ".", "_")
	return r.Replace(s)
}

// lineGuard fails a read once more than maxLine bytes pass without the end
// of a record: a line break outside double quotes. A quoted field may hold
// line breaks, so counting physical lines alone would let one quoted 50 MB
// field be buffered whole by the CSV reader. Quotes are counted as the CSV
// reader sees them: a doubled quote inside a quoted field toggles twice.
type lineGuard struct {
	r      io.Reader
	run    int
	quoted bool
}

func (g *lineGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	chunk := p[:n]
	for len(chunk) > 0 {
		i := bytes.IndexAny(chunk, "\"\n")
		if i < 0 {
			g.run += len(chunk)
			break
		}
		switch {
		case chunk[i] == '"':
			g.quoted = !g.quoted
			g.run += i + 1
		case g.quoted:
			g.run += i + 1
		default:
			g.run = 0
		}
		chunk = chunk[i+1:]
	}
	if g.run > maxLine {
		return n, errLineTooLong
	}
	return n, err
}

var errLineTooLong = fmt.Errorf("a line is longer than %d MiB (or a quoted field runs on for that long): not a vote file, or a broken one", maxLine>>20)

// openTable reads the header of a delimited file. The separator is a comma,
// or a semicolon or tab when the header line has those and no comma (files
// saved by spreadsheets in some locales). A UTF-8 byte-order mark is skipped.
func openTable(file string, rd io.Reader) (*table, error) {
	br := bufio.NewReaderSize(&lineGuard{r: rd}, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3)
	}
	sep := ','
	if first, err := br.Peek(4096); len(first) > 0 {
		if i := bytes.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		if bytes.IndexByte(first, ',') < 0 {
			switch {
			case bytes.IndexByte(first, ';') >= 0:
				sep = ';'
			case bytes.IndexByte(first, '\t') >= 0:
				sep = '\t'
			}
		}
	} else if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, errorf(file, 0, 0, "%v", err)
	}
	t := &table{file: file, r: csv.NewReader(br)}
	t.r.Comma = sep
	t.r.FieldsPerRecord = -1
	t.r.ReuseRecord = true
	rec, err := t.r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errorf(file, 0, 0, "the file is empty")
	}
	if err != nil {
		return nil, t.wrap(err)
	}
	t.line = 1
	if len(rec) > maxColumns {
		return nil, errorf(file, 1, 0, "the header has %d columns; not a vote file", len(rec))
	}
	t.header = make([]string, len(rec))
	t.cols = make(map[string]int, len(rec))
	for i, h := range rec {
		if !utf8.ValidString(h) {
			return nil, errorf(file, 1, i+1, "the header is not valid UTF-8 (save the file as UTF-8)")
		}
		t.header[i] = h
		k := normName(h)
		if _, dup := t.cols[k]; !dup && k != "" {
			t.cols[k] = i
		}
	}
	return t, nil
}

func (t *table) wrap(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, errLineTooLong) {
			return errorf(t.file, pe.StartLine, 0, "%v", errLineTooLong)
		}
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrQuote) {
			msg = "unterminated or misplaced quote (is the file truncated?)"
		} else if errors.Is(pe.Err, csv.ErrBareQuote) {
			msg = "a quote inside an unquoted field"
		}
		return errorf(t.file, pe.Line, pe.Column, "%s", msg)
	}
	if errors.Is(err, errLineTooLong) {
		return errorf(t.file, t.line+1, 0, "%v", errLineTooLong)
	}
	return errorf(t.file, t.line+1, 0, "read error: %v", err)
}

// next reads the next record. It returns false at the end of the file. A
// record with more or fewer fields than the header, or with text that is not
// UTF-8, is an error.
func (t *table) next() (bool, error) {
	rec, err := t.r.Read()
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, t.wrap(err)
	}
	t.line, _ = t.r.FieldPos(0)
	if len(rec) != len(t.header) {
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			return t.next() // a blank line
		}
		return false, errorf(t.file, t.line, min(len(rec), len(t.header))+1,
			"%d fields where the header has %d", len(rec), len(t.header))
	}
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return false, errorf(t.file, t.line, i+1, "text is not valid UTF-8 (is the file Latin-1? save it as UTF-8)")
		}
		if strings.IndexByte(f, 0) >= 0 {
			return false, errorf(t.file, t.line, i+1, "a NUL byte in the text: not a text file")
		}
	}
	t.rec = rec
	return true, nil
}

// col returns the index of the first of the named columns present, or -1.
func (t *table) col(names ...string) int {
	for _, n := range names {
		if i, ok := t.cols[n]; ok {
			return i
		}
	}
	return -1
}

// has reports whether every named column is present.
func (t *table) has(names ...string) bool {
	for _, n := range names {
		if _, ok := t.cols[n]; !ok {
			return false
		}
	}
	return true
}

// field returns the trimmed value at column i of the current record, "" for
// a column the file does not have.
func (t *table) field(i int) string {
	if i < 0 || i >= len(t.rec) {
		return ""
	}
	return strings.TrimSpace(t.rec[i])
}

func (t *table) errf(col int, format string, args ...any) *Error {
	return errorf(t.file, t.line, col+1, format, args...)
}

// require returns an error naming the first of the alternatives missing.
func (t *table) require(alternatives ...[]string) error {
	for _, names := range alternatives {
		if t.col(names...) < 0 {
			return errorf(t.file, 1, 0, "missing column %q (the header has: %s)", names[0], strings.Join(t.header, ", "))
		}
	}
	return nil
}
