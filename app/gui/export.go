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
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// exportRequest says how to write the current chart.
type exportRequest struct {
	format        string // png, svg or csv
	width, height int
	scale         float64
}

var sizePresets = []string{"1200 × 800", "1920 × 1080", "2400 × 1600", "Custom"}

// showExport asks for the format, size and scale, then for the file.
func (u *ui) showExport() {
	if u.kind == "positions" {
		u.positions.exportTimeline()
		return
	}
	if u.last == nil || u.last.chart == nil {
		u.showError(fmt.Errorf("there is no chart to export yet"))
		return
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
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format),
		widget.NewFormItem("Size (pixels)", container.NewVBox(size, custom)),
		widget.NewFormItem("Scale (text and lines)", scale),
	}
	dialog.ShowForm("Export chart", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		req := exportRequest{format: strings.ToLower(format.Selected)}
		req.width, req.height = 1200, 800
		if size.Selected == "Custom" {
			req.width, _ = strconv.Atoi(strings.TrimSpace(w.Text))
			req.height, _ = strconv.Atoi(strings.TrimSpace(h.Text))
			if req.width < 640 || req.width > 3840 || req.height < 400 || req.height > 2160 {
				u.showError(fmt.Errorf("the size must be from 640 × 400 to 3840 × 2160"))
				return
			}
		} else {
			fmt.Sscanf(size.Selected, "%d × %d", &req.width, &req.height)
		}
		req.scale, _ = strconv.ParseFloat(scale.Selected, 64)
		prefs.SetString(prefExportFmt, format.Selected)
		prefs.SetString(prefExportSize, size.Selected)
		u.chooseExportFile(req)
	}, u.win)
}

// exportName proposes a file name: chart kind, countries and dates.
func (u *ui) exportName(ext string) string {
	parts := []string{"plenary", u.kind}
	c := u.filter.Countries
	if len(c) > 4 {
		c = append(append([]string{}, c[:4]...), "etc")
	}
	if len(c) > 0 {
		parts = append(parts, strings.Join(c, "-"))
	}
	if u.filter.From != "" || u.filter.To != "" {
		parts = append(parts, strings.Trim(u.filter.From+"_"+u.filter.To, "_"))
	}
	return strings.Join(parts, "_") + "." + ext
}

func (u *ui) chooseExportFile(req exportRequest) {
	r := u.last
	u.saveAs(saveTarget{
		name: u.exportName(req.format), exts: []string{"." + req.format}, dirKey: prefExportDir,
		failure: "the chart was not exported",
		write:   func(path string) error { return writeExport(r, req, path) },
		done: func(path string) {
			u.setStatus("Exported " + path)
			u.app.SendNotification(fyne.NewNotification("Chart exported", filepath.Base(path)))
		},
	})
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
func (u *ui) backup() {
	if u.store == nil {
		return
	}
	u.saveAs(saveTarget{
		name: "plenary-backup-" + time.Now().Format("2006-01-02") + ".db", failure: "backup failed",
		write: func(path string) error { return backupTo(u, path) },
		done:  func(path string) { u.setStatus("Backed up to " + path) },
	})
}
