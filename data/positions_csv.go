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
		cw.Write([]string{p.Country, p.Date, record.SafeCell(p.Topic), string(p.Stance), record.SafeCell(p.Summary), record.SafeCell(p.Quote), record.SafeCell(p.Source)})
	}
	cw.Flush()
	return cw.Error()
}
