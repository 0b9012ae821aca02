// Package gui is Plenary's desktop window: filters on the left, the chart
// views as tabs, the matching roll calls underneath and a status bar.
//
// The filter has one owner, a model that notifies its listeners on every
// change: the filter panel edits and shows it, the views redraw from it
// and one listener saves it in the preferences. The tabs are the views
// registered in package views, in their order, and every chart — the
// recorded positions' timeline too — is built by views.Build and exported
// through the same dialog and package safefile, so a new view needs no
// code here. Over a map the pointer names the state under it and a click
// toggles that state in the filter (mappointer.go), from where each state
// was drawn in the image shown.
//
// The window never waits on the database or on a chart: filtering,
// rendering and imports run on background goroutines and hand their
// results to the widgets through fyne.Do. The ideal-point views wait for
// an estimation (estimating.go) that shows its progress in the chart
// area, can be cancelled, is shared by every view of the same selection,
// stops when the filter moves on, and is kept in the database's cache. All SQL stays in package data;
// the numbers come from data/compare and the pictures from charts.
package gui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"plenary/assets"
	"plenary/data"
)

// AppID identifies Plenary to Fyne: preferences and data are stored under it.
const AppID = "org.plenary.app"

// Run opens the main window on the database at dbPath (empty: PLENARY_DB or
// the default) and blocks until the window is closed.
func Run(dbPath string, readOnly bool) int {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(os.Stderr, "plenary: no display to open the window on (DISPLAY is not set).\nRun it from a desktop session, or use a command: plenary help")
		return 1
	}
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if dbPath == "" {
		p, err := data.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		dbPath = p
	}
	prefetchBuiltin(dbPath)
	w := a.NewWindow("Plenary")
	prefs := a.Preferences()
	w.Resize(savedSize(prefs))
	u := newUI(a, w)
	openStore(u, dbPath, readOnly)
	w.SetCloseIntercept(func() {
		u.saveLayout()
		u.stopIdeal()
		if u.store != nil {
			u.store.Close()
		}
		w.Close()
	})
	trace("window created")
	w.ShowAndRun()
	return 0
}

// started is when the process started, for PLENARY_TRACE's timings.
var started = time.Now()

// trace prints how long after the start a step of the start-up happened,
// when PLENARY_TRACE is set: the smoke test reads it to measure start-up.
func trace(format string, args ...any) {
	if os.Getenv("PLENARY_TRACE") != "" {
		fmt.Fprintf(os.Stderr, "plenary: %6.0f ms: %s\n", float64(time.Since(started).Microseconds())/1000, fmt.Sprintf(format, args...))
	}
}

// openStore opens the database in the background and, when that fails,
// explains why and offers a way forward instead of crashing or
// overwriting the file.
func openStore(u *ui, path string, readOnly bool) {
	u.setStatus("Opening " + path + "…")
	go func() {
		st, err := data.Open(path, data.Options{ReadOnly: readOnly})
		u.do(func() {
			if err != nil {
				showOpenError(u, path, err)
				return
			}
			u.attach(st)
		})
	}()
}

func showOpenError(u *ui, path string, err error) {
	var oe *data.OpenError
	msg := err.Error()
	hint := ""
	if errors.As(err, &oe) {
		msg = fmt.Sprintf("Plenary cannot open its database\n%s\n\n%v", path, oe.Err)
		hint = oe.Hint
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	hintLabel := widget.NewLabel(hint)
	hintLabel.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	readOnly := widget.NewButton("Open read-only", func() {
		d.Hide()
		openStore(u, path, true)
	})
	fresh := widget.NewButton("Move it aside and start a new database", func() {
		d.Hide()
		aside := path + ".unreadable-" + time.Now().Format("20060102-150405")
		if err := os.Rename(path, aside); err != nil {
			dialog.ShowError(fmt.Errorf("could not move %s aside: %w", path, err), u.win)
			return
		}
		for _, ext := range []string{"-wal", "-shm"} {
			os.Rename(path+ext, aside+ext)
		}
		dialog.ShowInformation("Database moved", "The old file is kept as\n"+aside, u.win)
		openStore(u, path, false)
	})
	quit := widget.NewButton("Quit", func() { u.app.Quit() })
	if errors.Is(err, data.ErrNewerSchema) || errors.Is(err, data.ErrNotDatabase) {
		readOnly.Disable()
	}
	box := container.NewVBox(text, hintLabel, readOnly, fresh, quit)
	d = dialog.NewCustomWithoutButtons("Database problem", box, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
	u.setStatus("No database open: " + filepath.Base(path))
}

// ctxBackground is the context of work that only the window's closing ends.
var ctxBackground = context.Background()
