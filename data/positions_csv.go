package data

import (
	"encoding/csv"
	"io"

	"plenary/data/record"
)

// PositionsHeader is the header of the positions CSV Plenary reads and
// writes.
var PositionsHeader = []string{"country", "date", "topic", "stance", "summary", "quote", "source"}

// WritePositionsCSV writes positions in the positions CSV format, which
// `plenary import` reads back. Cells a spreadsheet would run as a formula
// are escaped.
func WritePositionsCSV(w io.Writer, positions []record.Position) error {
	cw := csv.NewWriter(w)
	cw.Write(PositionsHeader)
	for _, p := range positions {
		cw.Write([]string{p.Country, p.Date, SafeCell(p.Topic), string(p.Stance), SafeCell(p.Summary), SafeCell(p.Quote), SafeCell(p.Source)})
	}
	cw.Flush()
	return cw.Error()
}

// SafeCell escapes a CSV cell that begins with a character spreadsheets
// treat as the start of a formula (= + - @, tab, carriage return) by
// prefixing a quote. Plain numbers such as -0.5 are data and left alone.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if isNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

func isNumber(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case (r == '-' || r == '+') && i == 0:
		case r == '.':
		default:
			return false
		}
	}
	return digits > 0
}
