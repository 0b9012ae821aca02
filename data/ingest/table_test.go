package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// tableCases are files whose every record must come out of a table exactly
// as encoding/csv reads it: the fast path splits most lines itself.
var tableCases = []string{
	"a,b,c\n1,2,3\n4,5,6\n",
	"a,b,c\r\n1,2,3\r\n4,5,6",
	"a,b\n\n1,2\n\r\n3,4\n",
	"a,b\n1,\"two, quoted\"\n3,4\n5,\"multi\nline\"\n6,7\n",
	"a,b\n1,\"multi\r\nline\"\n2,3\n",
	"a,b\n1,\"\"\"doubled\"\" quotes\"\n2,3\n",
	"a,b\n1,bare\"quote\n2,3\n",
	"a,b\n1,\"unterminated\n2,3\n",
	"a,b\n1,\"closed\"x\n2,3\n",
	"a;b;c\n1;2;3\n\"x;y\";5;6\n",
	"a\tb\n1\t2\n",
	"a,b\n1,2,3\n4\n,\n",
	"a,b\n1,2\r\r\n3,4\n",
	"a,b\n  ,  \n1,2\n",
	"\ufeffa,b\n1,2\n",
	"a,b\n1,2\n" + strings.Repeat("x", 70000) + ",y\n3,4\n",
	"a,b\n" + strings.Repeat("1,2\n", 20000) + "\"q\",3\n" + strings.Repeat("4,5\n", 20000),
}

type tableRow struct {
	rec  string
	line int
}

// readAll reads a whole file through a table, as the parsers do.
func readAll(data string) ([]tableRow, error) {
	t, err := openTable("f.csv", strings.NewReader(data))
	if err != nil {
		return nil, err
	}
	headerLine, _ := t.r.FieldPos(0)
	rows := []tableRow{{fmt.Sprintf("%q", t.header), headerLine}}
	for {
		rec, err := t.read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return rows, t.wrap(err)
		}
		rows = append(rows, tableRow{fmt.Sprintf("%q", rec), t.readLine})
	}
}

// readAllCSV reads the same file with encoding/csv alone.
func readAllCSV(data string) ([]tableRow, error) {
	data = strings.TrimPrefix(data, "\ufeff")
	r := csv.NewReader(strings.NewReader(data))
	first, _, _ := strings.Cut(data[:min(len(data), 4096)], "\n")
	if !strings.Contains(first, ",") {
		switch {
		case strings.Contains(first, ";"):
			r.Comma = ';'
		case strings.Contains(first, "\t"):
			r.Comma = '\t'
		}
	}
	r.FieldsPerRecord = -1
	var rows []tableRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			if len(rows) == 0 {
				return nil, errors.New("empty")
			}
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return rows, fmt.Errorf("f.csv:%d:%d:", pe.Line, pe.Column)
			}
			return rows, err
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, tableRow{fmt.Sprintf("%q", rec), line})
	}
}

func checkTable(t *testing.T, data string) {
	got, gerr := readAll(data)
	want, werr := readAllCSV(data)
	if (gerr == nil) != (werr == nil) {
		t.Fatalf("%q: table error %v, encoding/csv error %v", data, gerr, werr)
	}
	if gerr != nil && werr != nil && !strings.HasPrefix(gerr.Error(), werr.Error()) && werr.Error() != "empty" {
		t.Errorf("%q: table error %q, encoding/csv says %q", data, gerr, werr)
	}
	if len(got) != len(want) {
		t.Fatalf("%q: %d records, encoding/csv reads %d", data, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: record %d is %v, encoding/csv reads %v", data, i, got[i], want[i])
		}
	}
}

// TestTableMatchesCSV checks the fast path against encoding/csv.
func TestTableMatchesCSV(t *testing.T) {
	for _, c := range tableCases {
		checkTable(t, c)
	}
}

// FuzzTable checks the fast path against encoding/csv on any input.
func FuzzTable(f *testing.F) {
	for _, c := range tableCases {
		if len(c) < 4096 {
			f.Add([]byte(c))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Headers that are not text, or too wide, are refused before any
		// record is read; that is tested elsewhere.
		if !utf8.Valid(data) || bytes.Count(data, []byte(",")) > maxColumns {
			return
		}
		checkTable(t, string(data))
	})
}
