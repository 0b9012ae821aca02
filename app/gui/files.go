package gui

import (
	"io"
	"time"

	"plenary/data"
	"plenary/data/record"
	"plenary/data/safefile"
)

// writePositionsCSV exports positions atomically: the file appears whole or
// not at all.
func writePositionsCSV(path string, positions []record.Position) error {
	return safefile.Write(path, func(w io.Writer) error { return data.WritePositionsCSV(w, positions) })
}

// presetRange turns a period preset into dates, relative to the newest
// roll call of the table (which may be nil) so that "last 12 months" means
// the last year of data, not of the calendar.
func presetRange(t *record.Table, preset string) (from, to string) {
	last := time.Now()
	latestSession := ""
	if t != nil && len(t.RollCalls) > 0 {
		if d, err := time.Parse("2006-01-02", t.RollCalls[len(t.RollCalls)-1].Date); err == nil {
			last = d
		}
		for i := len(t.RollCalls) - 1; i >= 0; i-- {
			if rc := t.RollCalls[i]; rc.Body == record.GA && rc.Session != "" {
				latestSession = rc.Session
				break
			}
		}
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	switch preset {
	case "Last 12 months":
		return day(last.AddDate(-1, 0, 1)), day(last)
	case "Last 5 years":
		return day(last.AddDate(-5, 0, 1)), day(last)
	case "Latest session":
		if t == nil || latestSession == "" {
			return "", ""
		}
		first := ""
		for _, rc := range t.RollCalls {
			if rc.Body == record.GA && rc.Session == latestSession && (first == "" || rc.Date < first) {
				first = rc.Date
			}
		}
		return first, day(last)
	case "Since 2022":
		return "2022-01-01", ""
	case "Post-Cold War (1992–)":
		return "1992-01-01", ""
	case "Cold War (1946–1991)":
		return "1946-01-01", "1991-12-31"
	}
	return "", ""
}
