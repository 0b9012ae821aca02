package gui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"plenary/data"
)

// importJob is an import running in the background, with its progress
// dialog. Cancel stops it; the store then leaves the database as it was.
type importJob struct {
	cancel   context.CancelFunc
	dialog   dialog.Dialog
	bar      *widget.ProgressBar
	detail   *widget.Label
	started  time.Time
	progress []float64 // fractions seen, for tests
	done     chan struct{}
}

// chooseImport asks for a file to import (Ctrl+O).
func (u *ui) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.files.rememberDir(prefImportDir, path)
		u.startImport([]string{path})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".tsv", ".txt", ".tgz", ".gz", ".zip", ".xlsx"}))
	u.files.startIn(d, prefImportDir)
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// chooseImportFolder imports every known file of a folder.
func (u *ui) chooseImportFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l == nil {
			return
		}
		u.app.Preferences().SetString(prefImportDir, l.Path())
		u.startImport([]string{l.Path()})
	}, u.win)
	u.files.startIn(d, prefImportDir)
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// dropped imports files dropped on the window.
func (u *ui) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, x := range uris {
		if x.Scheme() == "file" {
			paths = append(paths, x.Path())
		}
	}
	if len(paths) > 0 {
		u.startImport(paths)
	}
}

// startImport imports paths in the background with a progress dialog.
func (u *ui) startImport(paths []string) *importJob {
	if u.store == nil {
		u.showError(errors.New("no database is open"))
		return nil
	}
	if u.store.ReadOnly() {
		u.showError(errors.New("the database is open read-only: nothing can be imported"))
		return nil
	}
	if u.importer != nil {
		u.showError(errors.New("an import is already running"))
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	j := &importJob{cancel: cancel, bar: widget.NewProgressBar(), detail: widget.NewLabel("Reading…"), started: time.Now(), done: make(chan struct{})}
	u.importer = j
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = p
	}
	what := widget.NewLabel(strings.Join(names, "\n"))
	what.Wrapping = fyne.TextWrapWord
	cancelBtn := widget.NewButton("Cancel", func() { cancel(); j.detail.SetText("Cancelling…") })
	j.dialog = dialog.NewCustomWithoutButtons("Importing", container.NewVBox(what, j.bar, j.detail, cancelBtn), u.win)
	j.dialog.Resize(fyne.NewSize(520, 220))
	j.dialog.Show()
	go func() {
		rep, err := u.store.Import(ctx, paths, data.ImportOptions{Progress: func(p data.ImportProgress) {
			f := p.Fraction()
			msg := progressText(p, time.Since(j.started))
			u.do(func() {
				j.progress = append(j.progress, f)
				j.bar.SetValue(f)
				j.detail.SetText(msg)
			})
		}})
		if err == nil && rep.Changed() {
			u.reload()
		}
		u.do(func() {
			j.dialog.Hide()
			u.importer = nil
			cancel()
			switch {
			case errors.Is(err, context.Canceled):
				dialog.ShowInformation("Import cancelled", "Nothing was imported; the database is as it was.", u.win)
			case err != nil:
				u.showError(fmt.Errorf("nothing was imported:\n%w", err))
			default:
				u.showReport(rep)
			}
			close(j.done)
		})
	}()
	return j
}

func progressText(p data.ImportProgress, elapsed time.Duration) string {
	f := p.Fraction()
	left := ""
	if f > 0.05 {
		rem := time.Duration(float64(elapsed) * (1 - f) / f).Round(time.Second)
		left = fmt.Sprintf(" · about %s left", rem)
	}
	if p.Phase == "writing" {
		return fmt.Sprintf("Writing: %s of %s roll calls%s", thousands(p.Written), thousands(p.ToWrite), left)
	}
	verb := "Reading"
	if p.Streamed {
		verb = "Reading and writing"
	}
	return fmt.Sprintf("%s: %.1f of %.1f MB, %s rows%s", verb, float64(p.Read)/1e6, float64(p.Total)/1e6, thousands(int(p.Rows)), left)
}

// showReport shows what an import did.
func (u *ui) showReport(rep *data.Report) {
	text := widget.NewLabel(strings.Join(rep.Sources, "; ") + "\n\n" + rep.Summary())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, 300))
	dialog.ShowCustom("Import report", "Close", scroll, u.win)
}

// showGetData explains where the official files come from.
func (u *ui) showGetData() {
	ga, _ := url.Parse("https://digitallibrary.un.org/record/4060887")
	sc, _ := url.Parse("https://digitallibrary.un.org/record/4055387")
	msg := widget.NewLabel("The General Assembly's record to 2019 is built in (Voeten's data, public domain); these files add what came after, and the Security Council. " +
		"The UN Digital Library publishes every recorded vote as a CSV file, one row per member vote. " +
		"Its site does not allow automatic downloads: open a page below in your browser, download the CSV file, " +
		"then import it here (File › Import, Ctrl+O, or drop the file on this window).\n\n" +
		"Terms: © United Nations; non-commercial use with attribution.")
	msg.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(msg,
		widget.NewHyperlink("General Assembly voting data (record 4060887)", ga),
		widget.NewHyperlink("Security Council voting data (record 4055387)", sc),
		widget.NewButton("Import a downloaded file…", u.chooseImport))
	d := dialog.NewCustom("Get official data", "Close", content, u.win)
	d.Resize(fyne.NewSize(560, 340))
	d.Show()
}
