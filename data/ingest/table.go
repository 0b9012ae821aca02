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
//
// Most lines of a vote file hold no quote and sit whole in the read
// buffer: those are split here, which is several times faster than
// encoding/csv. Any other record (a quote, a line longer than the buffer,
// the last line without a line break) goes to encoding/csv, which reads
// from the same buffer and so keeps its exact rules and messages.
type table struct {
	file   string
	header []string
	// twice is the error for a column named twice in the header, which
	// the importers refuse (which of the two holds the data cannot be
	// told); reading the table as CSV goes on regardless.
	twice error
	cols  map[string]int
	rec   []string // the current record
	line  int      // its line

	br       *bufio.Reader
	r        *csv.Reader
	sep      byte
	readLine int // line of the record last read
	// fastLines counts the lines split here, which the CSV reader did not
	// see: its line numbers plus fastLines are the file's.
	fastLines int
	// csvLines is how many lines the CSV reader had read after its last
	// record, so that a line split here knows its number.
	csvLines int
	fields   []string
	text     string // the line of a record split here, "" otherwise
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
	if !g.quoted && bytes.IndexByte(chunk, '"') < 0 {
		// The common case: no quote, so only the last line break counts.
		if i := bytes.LastIndexByte(chunk, '\n'); i >= 0 {
			g.run = len(chunk) - i - 1
		} else {
			g.run += len(chunk)
		}
		chunk = nil
	}
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
	// csv.NewReader keeps br as it is (it is a large enough bufio.Reader),
	// so the fast path and the CSV reader share one buffer.
	t := &table{file: file, br: br, r: csv.NewReader(br), sep: byte(sep)}
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
	t.line, t.readLine = 1, 1
	t.csvEnd(rec)
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
		if j, dup := t.cols[k]; dup && k != "" {
			if t.twice == nil {
				t.twice = errorf(file, 1, i+1, "column %q appears twice in the header (columns %d and %d)", h, j+1, i+1)
			}
			continue
		}
		if k != "" {
			t.cols[k] = i
		}
	}
	return t, nil
}

// csvEnd notes how many lines the CSV reader has read after returning rec.
func (t *table) csvEnd(rec []string) {
	if len(rec) == 0 {
		return
	}
	last, _ := t.r.FieldPos(len(rec) - 1)
	t.csvLines = last + strings.Count(rec[len(rec)-1], "\n")
}

func (t *table) wrap(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pe.StartLine += t.fastLines
		pe.Line += t.fastLines
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
		return errorf(t.file, t.readLine+1, 0, "%v", errLineTooLong)
	}
	return errorf(t.file, t.readLine+1, 0, "read error: %v", err)
}

// fastLine returns the next line, with its line break, when it is whole in
// the buffer and holds no quote; nil when the CSV reader must read it.
func (t *table) fastLine() []byte {
	buf, _ := t.br.Peek(t.br.Buffered())
	i := bytes.IndexByte(buf, '\n')
	if i < 0 {
		// Read more: Peek moves what is left to the front of the buffer.
		// A read error is left for the CSV reader, which reads again.
		buf, _ = t.br.Peek(t.br.Buffered() + 1)
		if i = bytes.IndexByte(buf, '\n'); i < 0 {
			return nil
		}
	}
	line := buf[:i+1]
	if bytes.IndexByte(line, '"') >= 0 {
		return nil
	}
	return line
}

// read returns the next record: split here when fastLine allows it, by the
// CSV reader otherwise. Empty lines are skipped, as the CSV reader does.
func (t *table) read() ([]string, error) {
	for {
		raw := t.fastLine()
		if raw == nil {
			rec, err := t.r.Read()
			if err != nil {
				return nil, err
			}
			l, _ := t.r.FieldPos(0)
			t.readLine = l + t.fastLines
			t.text = ""
			t.csvEnd(rec)
			return rec, nil
		}
		t.br.Discard(len(raw))
		t.fastLines++
		line := raw[:len(raw)-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		if len(line) == 0 {
			continue
		}
		t.readLine = t.csvLines + t.fastLines
		text := string(line)
		t.text = text
		f := t.fields[:0]
		for {
			j := strings.IndexByte(text, t.sep)
			if j < 0 {
				break
			}
			f = append(f, text[:j])
			text = text[j+1:]
		}
		t.fields = append(f, text)
		return t.fields, nil
	}
}

// next moves to the next record. It returns false at the end of the file.
// A record with more or fewer fields than the header, or with text that is
// not UTF-8, is an error.
func (t *table) next() (bool, error) {
	rec, err := t.record()
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	t.rec, t.line = rec, t.readLine
	return true, nil
}

// record reads the next record and checks it: io.EOF at the end.
func (t *table) record() ([]string, error) {
	for {
		rec, err := t.read()
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		if err != nil {
			return nil, t.wrap(err)
		}
		if len(rec) != len(t.header) {
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue // a blank line
			}
			return nil, errorf(t.file, t.readLine, min(len(rec), len(t.header))+1,
				"%d fields where the header has %d", len(rec), len(t.header))
		}
		if t.text != "" && plainText(t.text) {
			return rec, nil
		}
		for i, f := range rec {
			if !utf8.ValidString(f) {
				return nil, errorf(t.file, t.readLine, i+1, "text is not valid UTF-8 (is the file Latin-1? save it as UTF-8)")
			}
			if strings.IndexByte(f, 0) >= 0 {
				return nil, errorf(t.file, t.readLine, i+1, "a NUL byte in the text: not a text file")
			}
		}
		return rec, nil
	}
}

// plainText reports whether s is valid UTF-8 without a NUL byte: the
// check next makes of each field, made once for a whole line.
func plainText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
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
