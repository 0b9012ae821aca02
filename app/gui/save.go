package gui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"plenary/data/safefile"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// saveTarget describes one "save as" of the window.
type saveTarget struct {
	title, confirm string             // the dialog's title and button: "Export chart", "Export"
	name           string             // proposed file name
	ext            string             // extension given to a name without one, e.g. ".csv"
	dirKey         string             // preference holding the folder to start in; "" for none
	items          []*widget.FormItem // fields above the file's, e.g. the chart's format
	// check runs on the UI goroutine when the user confirms, before
	// anything is written: it reads the fields of items.
	check func() error
	// noReplace is set when the writer refuses an existing file itself
	// (backups), so that no "replace it?" is asked first.
	noReplace bool
	failure   string                  // "the chart was not exported"
	write     func(path string) error // runs off the UI goroutine
	done      func(path string)       // on success, on the UI goroutine
}

// saveForm is an open "save as" dialog. The window asks for the file name
// in its own form rather than Fyne's save dialog because that one creates
// (truncates) the chosen file before Plenary sees the name, which would
// destroy a database chosen by mistake before safefile could refuse it.
type saveForm struct {
	items  []*widget.FormItem // the target's fields, then the file's
	path   *widget.Entry
	ext    string
	dialog *dialog.FormDialog
	// done is closed when the dialog's work is over: the file written, the
	// failure shown, or the dialog cancelled; err says which.
	done chan struct{}
	err  error
}

// errNotSaved is the outcome of a cancelled save.
var errNotSaved = errors.New("cancelled")

// saver asks the user where to write a file and writes it in the
// background; it also remembers the folders used, for the file dialogs.
type saver struct {
	win   fyne.Window
	prefs fyne.Preferences
	do    func(func()) // hands the outcome to the widgets
}

// saveAs asks for a file (and the target's own fields) and writes it in
// the background through the target's writer, which goes through
// safefile: a failure leaves no half-written file and is shown.
func (s *saver) saveAs(t saveTarget) *saveForm {
	sf := &saveForm{ext: t.ext, done: make(chan struct{})}
	sf.path = widget.NewEntry()
	sf.path.SetText(filepath.Join(s.startDir(t.dirKey), t.name))
	folder := widget.NewButtonWithIcon("Folder…", theme.FolderOpenIcon(), func() { s.chooseFolder(sf.path) })
	sf.items = append(slices.Clone(t.items), widget.NewFormItem("File", container.NewBorder(nil, nil, nil, folder, sf.path)))
	sf.dialog = dialog.NewForm(t.title, t.confirm, "Cancel", sf.items, func(ok bool) {
		if !ok {
			sf.finish(errNotSaved)
			return
		}
		s.submitSave(t, sf)
	}, s.win)
	sf.dialog.Resize(fyne.NewSize(760, 0))
	sf.dialog.Show()
	return sf
}

// finish records the outcome and ends the form's work.
func (sf *saveForm) finish(err error) {
	sf.err = err
	close(sf.done)
}

// setExt gives the file name the extension of a newly chosen format.
func (sf *saveForm) setExt(ext string) {
	sf.ext = ext
	p := strings.TrimSpace(sf.path.Text)
	if p != "" {
		sf.path.SetText(strings.TrimSuffix(p, filepath.Ext(p)) + ext)
	}
}

// chosen is the file to write: the name given, with the extension added
// when it has none.
func (sf *saveForm) chosen() string {
	p := strings.TrimSpace(sf.path.Text)
	if p != "" && filepath.Ext(p) == "" {
		p += sf.ext
	}
	return p
}

// submitSave checks the confirmed form and writes the file, asking first
// before replacing one. A file safefile would refuse (a database, a
// read-only file) is refused at once rather than after the question.
func (s *saver) submitSave(t saveTarget, sf *saveForm) {
	path := sf.chosen()
	fail := func(err error) {
		s.showError(fmt.Errorf("%s: %w", t.failure, err))
		sf.finish(err)
	}
	if t.check != nil {
		if err := t.check(); err != nil {
			fail(err)
			return
		}
	}
	if t.dirKey != "" {
		s.rememberDir(t.dirKey, path)
	}
	if _, err := os.Lstat(path); err != nil || t.noReplace {
		s.writeSave(t, sf, path)
		return
	}
	if _, _, err := safefile.Target(path); err != nil {
		fail(err)
		return
	}
	dialog.ShowConfirm("Replace the file?", filepath.Base(path)+" exists already. Replace it?", func(ok bool) {
		if !ok {
			sf.finish(errNotSaved)
			return
		}
		s.writeSave(t, sf, path)
	}, s.win)
}

// writeSave writes in the background and reports on the UI goroutine.
func (s *saver) writeSave(t saveTarget, sf *saveForm, path string) {
	go func() {
		err := t.write(path)
		s.do(func() {
			if err != nil {
				s.showError(fmt.Errorf("%s: %w", t.failure, err))
			} else {
				t.done(path)
			}
			sf.finish(err)
		})
	}()
}

// startDir is the folder a save starts in: the one last used for the same
// purpose, or the home folder.
func (s *saver) startDir(key string) string {
	if key != "" {
		if dir := s.prefs.String(key); dir != "" {
			if st, err := os.Stat(dir); err == nil && st.IsDir() {
				return dir
			}
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

// chooseFolder lets the user pick the folder of the file named in e.
func (s *saver) chooseFolder(e *widget.Entry) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if l != nil {
			e.SetText(filepath.Join(l.Path(), filepath.Base(strings.TrimSpace(e.Text))))
		}
	}, s.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(strings.TrimSpace(e.Text)))); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

func (s *saver) showError(err error) { dialog.ShowError(err, s.win) }

// rememberDir keeps the folder of a file the user chose, for next time.
func (s *saver) rememberDir(key, file string) {
	s.prefs.SetString(key, filepath.Dir(file))
}

// startIn opens a file dialog in the folder last used for the same purpose.
func (s *saver) startIn(d *dialog.FileDialog, key string) {
	dir := s.prefs.String(key)
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}
