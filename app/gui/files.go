package gui

import (
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"plenary/data"
	"plenary/data/record"
	"plenary/data/safefile"
)

// writePositionsCSV exports positions atomically: the file appears whole or
// not at all.
func writePositionsCSV(path string, positions []record.Position) error {
	return safefile.Write(path, func(w io.Writer) error { return data.WritePositionsCSV(w, positions) })
}

// backupTo writes a consistent copy of the open database. The save dialog
// has already created an empty file at path; the backup refuses to
// overwrite real files, so only that empty placeholder is removed.
func backupTo(u *ui, path string) error {
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		os.Remove(path)
	}
	return u.store.Backup(ctxBackground, path)
}

// presetRange turns a period preset into dates, relative to the newest
// roll call in the database so that "last 12 months" means the last year
// of data, not of the calendar.
func (u *ui) presetRange(preset string) (from, to string) {
	u.mu.Lock()
	t := u.table
	u.mu.Unlock()
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

// saveTarget describes one "save as" of the window.
type saveTarget struct {
	name    string   // proposed file name
	exts    []string // file filter, e.g. ".csv"; nil for any
	dirKey  string   // preference holding the folder to start in; "" for none
	failure string   // "the chart was not exported"
	write   func(path string) error
	done    func(path string) // on success, on the UI goroutine
}

// saveAs asks for a file and writes it in the background. The file dialog
// creates an empty file; the writer replaces it (atomically), so a failure
// leaves no half-written file and the error is shown.
func (u *ui) saveAs(t saveTarget) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		wc.Close()
		if t.dirKey != "" {
			u.rememberDir(t.dirKey, path)
		}
		go func() {
			err := t.write(path)
			u.do(func() {
				if err != nil {
					u.showError(fmt.Errorf("%s: %w", t.failure, err))
					return
				}
				t.done(path)
			})
		}()
	}, u.win)
	d.SetFileName(t.name)
	if len(t.exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(t.exts))
	}
	if t.dirKey != "" {
		u.startIn(d, t.dirKey)
	}
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}
