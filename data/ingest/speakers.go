package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// applySpeakers reads the corpus's Speakers_by_session.xlsx (columns Year,
// Session, ISO Code, Country, Name of Person Speaking, Post, on its first
// sheet) and names the speaker and post of each speech it lists. Rows for
// speeches the archive does not hold are left aside: the spreadsheet and
// the texts are released apart and need not match row for row.
//
// The spreadsheet is read with excelize, which implements the Office Open
// XML format (shared strings, inline strings, cell types, sheets found
// through the workbook's relationships) and bounds what it unpacks, so that
// a damaged or crafted file is an error and not a wrong column or an
// exhausted memory.
func (r *speechReader) applySpeakers(name string, data []byte) error {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    256 << 20,
		UnzipXMLSizeLimit: 64 << 20,
	})
	if err != nil {
		return &Error{File: name, Msg: "not a spreadsheet Plenary can read: " + err.Error()}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return &Error{File: name, Msg: "the spreadsheet has no sheet"}
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return &Error{File: name, Msg: err.Error()}
	}
	defer rows.Close()
	index := map[[2]any]int{}
	for i := range r.arch.Speeches {
		s := &r.arch.Speeches[i]
		index[[2]any{s.Code, s.Session}] = i
	}
	col := map[string]int{}
	line := 0
	for rows.Next() {
		line++
		cells, err := rows.Columns()
		if err != nil {
			return &Error{File: name, Line: line, Msg: err.Error()}
		}
		if line == 1 {
			for i, c := range cells {
				col[strings.ToLower(strings.TrimSpace(c))] = i
			}
			for _, need := range []string{"session", "iso code", "name of person speaking"} {
				if _, ok := col[need]; !ok {
					return &Error{File: name, Line: 1, Msg: fmt.Sprintf("no %q column: not the corpus's speakers spreadsheet", need)}
				}
			}
			continue
		}
		cell := func(key string) string {
			i, ok := col[key]
			if !ok || i >= len(cells) {
				return ""
			}
			return strings.TrimSpace(cells[i])
		}
		session, err := strconv.Atoi(cell("session"))
		if err != nil {
			continue // a blank or note row
		}
		i, ok := index[[2]any{strings.ToUpper(cell("iso code")), session}]
		if !ok {
			continue
		}
		s := &r.arch.Speeches[i]
		if s.Speaker == "" {
			r.arch.Speakers++
		}
		s.Speaker, s.Post = clean(cell("name of person speaking")), clean(cell("post"))
	}
	if err := rows.Error(); err != nil {
		return &Error{File: name, Line: line, Msg: err.Error()}
	}
	return nil
}

// clean folds the white space of a cell and drops control characters, so
// that a name prints on one line wherever it is shown.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
