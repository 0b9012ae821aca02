package gui

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// exportRequest says how to write the current chart.
type exportRequest struct {
	format        string // png, svg or csv
	width, height int
	scale         float64
}

var sizePresets = []string{"1200 × 800", "1920 × 1080", "2400 × 1600", "Custom"}

// showExport asks for the format, size, scale and file of the chart
// shown, then writes it; every view, the positions timeline included,
// exports this way.
func (u *ui) showExport() *saveForm {
	r := u.last
	if r == nil || r.chart == nil {
		u.showError(fmt.Errorf("there is no chart to export yet"))
		return nil
	}
	prefs := u.app.Preferences()
	format := widget.NewRadioGroup([]string{"PNG", "SVG", "CSV"}, nil)
	format.Horizontal = true
	format.Required = true
	format.SetSelected(prefs.StringWithFallback(prefExportFmt, "PNG"))
	size := widget.NewSelect(sizePresets, nil)
	w, h := widget.NewEntry(), widget.NewEntry()
	w.SetText("1600")
	h.SetText("1000")
	custom := container.NewGridWithColumns(2, w, h)
	size.OnChanged = func(s string) {
		if s == "Custom" {
			custom.Show()
		} else {
			custom.Hide()
		}
	}
	size.SetSelected(prefs.StringWithFallback(prefExportSize, sizePresets[0]))
	scale := widget.NewSelect([]string{"1", "1.5", "2", "3", "4"}, nil)
	scale.SetSelected("1")
	var req exportRequest
	sf := u.files.saveAs(saveTarget{
		title: "Export chart", confirm: "Export",
		name: u.exportName(strings.ToLower(format.Selected)), ext: "." + strings.ToLower(format.Selected), dirKey: prefExportDir,
		items: []*widget.FormItem{
			widget.NewFormItem("Format", format),
			widget.NewFormItem("Size (pixels)", container.NewVBox(size, custom)),
			widget.NewFormItem("Scale (text and lines)", scale),
		},
		check: func() (err error) {
			req, err = exportRequestOf(format.Selected, size.Selected, w.Text, h.Text, scale.Selected)
			if err == nil {
				prefs.SetString(prefExportFmt, format.Selected)
				prefs.SetString(prefExportSize, size.Selected)
			}
			return err
		},
		failure: "the chart was not exported",
		write:   func(path string) error { return writeExport(r, req, path) },
		done: func(path string) {
			u.setStatus("Exported " + path)
			u.app.SendNotification(fyne.NewNotification("Chart exported", filepath.Base(path)))
		},
	})
	format.OnChanged = func(s string) { sf.setExt("." + strings.ToLower(s)) }
	return sf
}

// exportRequestOf reads the export form's choices.
func exportRequestOf(format, size, w, h, scale string) (exportRequest, error) {
	req := exportRequest{format: strings.ToLower(format), width: 1200, height: 800}
	if size == "Custom" {
		req.width, _ = strconv.Atoi(strings.TrimSpace(w))
		req.height, _ = strconv.Atoi(strings.TrimSpace(h))
		if req.width < 640 || req.width > 3840 || req.height < 400 || req.height > 2160 {
			return req, fmt.Errorf("the size must be from 640 × 400 to 3840 × 2160")
		}
	} else {
		fmt.Sscanf(size, "%d × %d", &req.width, &req.height)
	}
	req.scale, _ = strconv.ParseFloat(scale, 64)
	return req, nil
}

// exportName proposes a file name: the chart's kind, countries and dates.
func (u *ui) exportName(ext string) string {
	f := u.model.Get()
	parts := []string{"plenary", string(u.view.Kind)}
	c := f.Countries
	if len(c) > 4 {
		c = append(c[:4:4], "etc")
	}
	if len(c) > 0 {
		parts = append(parts, strings.Join(c, "-"))
	}
	if f.From != "" || f.To != "" {
		parts = append(parts, strings.Trim(f.From+"_"+f.To, "_"))
	}
	return strings.Join(parts, "_") + "." + ext
}

// copyChart puts the chart image on the clipboard where the platform
// allows (xclip or wl-copy); otherwise it copies the chart's numbers as CSV.
func (u *ui) copyChart() {
	if f := u.win.Canvas().Focused(); f != nil {
		if _, isEntry := f.(*widget.Entry); isEntry {
			return // let the text field copy its selection
		}
	}
	r := u.last
	if r == nil || r.chart == nil {
		return
	}
	go func() {
		var png bytes.Buffer
		req := exportRequest{format: "png", width: 1200, height: 800, scale: 1}
		err := renderExport(r, req, &png)
		copied := false
		if err == nil {
			for _, cmd := range [][]string{{"xclip", "-selection", "clipboard", "-t", "image/png", "-i"}, {"wl-copy", "--type", "image/png"}} {
				if _, lookErr := exec.LookPath(cmd[0]); lookErr != nil {
					continue
				}
				c := exec.Command(cmd[0], cmd[1:]...)
				c.Stdin = bytes.NewReader(png.Bytes())
				if c.Start() == nil {
					go c.Wait() // xclip keeps serving the selection
					time.Sleep(50 * time.Millisecond)
					copied = true
					break
				}
			}
		}
		var csvText bytes.Buffer
		if !copied {
			renderExport(r, exportRequest{format: "csv"}, &csvText)
		}
		u.do(func() {
			if copied {
				u.setStatus("Chart image copied to the clipboard")
				return
			}
			u.app.Clipboard().SetContent(csvText.String())
			u.setStatus("This system cannot copy images (install xclip); the chart's numbers were copied as CSV")
		})
	}()
}

// backup writes a consistent copy of the database (File ▸ Back up).
func (u *ui) backup() *saveForm {
	st := u.store
	if st == nil {
		return nil
	}
	return u.files.saveAs(saveTarget{
		title: "Back up the database", confirm: "Back up",
		name: "plenary-backup-" + time.Now().Format("2006-01-02") + ".db", ext: ".db",
		noReplace: true, failure: "backup failed",
		write: func(path string) error { return st.Backup(ctxBackground, path) },
		done:  func(path string) { u.setStatus("Backed up to " + path) },
	})
}
