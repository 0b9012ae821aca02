package gui

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plenary/app/views"
	"plenary/data/compare/comparetest"
	"plenary/data/safefile"
)

// tapButton taps the enabled button of a dialog that reads text, as the
// user would; it fails the test when there is none.
func tapButton(t *testing.T, u *ui, text string) {
	t.Helper()
	var found *widget.Button
	u.sync(func() {
		for _, o := range u.win.Canvas().Overlays().List() {
			walk(o, func(c fyne.CanvasObject) {
				if b, ok := c.(*widget.Button); ok && b.Text == text && !b.Disabled() && b.Visible() {
					found = b
				}
			})
		}
		if found != nil {
			test.Tap(found)
		}
	})
	if found == nil {
		t.Fatalf("no %q button to tap", text)
	}
}

// wait waits for a save form to finish its work.
func wait(t *testing.T, sf *saveForm) error {
	t.Helper()
	select {
	case <-sf.done:
		return sf.err
	case <-time.After(30 * time.Second):
		t.Fatal("the export did not finish")
		return nil
	}
}

// export drives the chart's export dialog: it picks the format and the
// size, names the file and presses Export (answering "replace it?" with
// yes when asked), and returns what the window reported.
func export(t *testing.T, u *ui, format, size, path string) error {
	t.Helper()
	return exportScaled(t, u, format, size, "1", path)
}

// exportScaled is export with a scale for text and lines.
func exportScaled(t *testing.T, u *ui, format, size, scale, path string) error {
	t.Helper()
	var sf *saveForm
	u.sync(func() {
		sf = u.showExport()
		if sf == nil {
			t.Fatal("no export dialog")
		}
		sf.items[0].Widget.(*widget.RadioGroup).SetSelected(format)
		sf.items[1].Widget.(*fyne.Container).Objects[0].(*widget.Select).SetSelected(size)
		sf.items[2].Widget.(*widget.Select).SetSelected(scale)
		if !strings.HasSuffix(sf.path.Text, "."+strings.ToLower(format)) {
			t.Errorf("proposed file %q does not follow the format %s", sf.path.Text, format)
		}
		sf.path.SetText(path)
	})
	tapButton(t, u, "Export")
	return answer(t, u, sf)
}

// answer says yes to "replace the file?" if the window asks, then waits.
func answer(t *testing.T, u *ui, sf *saveForm) error {
	t.Helper()
	asked := false
	eventually(t, "the export to finish or ask", func() bool {
		select {
		case <-sf.done:
			return true
		default:
		}
		u.sync(func() { asked = overlayContains(u.win, "Replace it?") })
		return asked
	})
	if asked {
		tapButton(t, u, "Yes")
	}
	return wait(t, sf)
}

// dismissDialogs closes the error dialogs a test has looked at.
func dismissDialogs(u *ui) {
	u.sync(func() {
		for _, o := range u.win.Canvas().Overlays().List() {
			u.win.Canvas().Overlays().Remove(o)
		}
	})
}

// checkFile checks that an exported file parses as its format says.
func checkFile(t *testing.T, path, format string, w, h int, empty bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch format {
	case "PNG":
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
			t.Errorf("%s: %v, want %d×%d", path, img.Bounds(), w, h)
		}
	case "SVG":
		d := xml.NewDecoder(bytes.NewReader(b))
		root := ""
		for {
			tok, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if s, ok := tok.(xml.StartElement); ok && root == "" {
				root = s.Name.Local
			}
		}
		if root != "svg" {
			t.Errorf("%s: root element %q", path, root)
		}
	case "CSV":
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(rows) == 0 || (!empty && len(rows) < 2) {
			t.Errorf("%s: %d rows", path, len(rows))
		}
	}
}

// fileState is what an export must not change: the content and the mode.
func fileState(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s %x", st.Mode(), sha256.Sum256(b))
}

// leftovers lists the temporary files a failed write would leave.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestExportNeverHarmsFiles exports through the window onto the database,
// a link to it, its WAL file and a read-only file, and fails a write half
// way: each is refused or fails with a message, the files are as they
// were, and no temporary file is left.
func TestExportNeverHarmsFiles(t *testing.T) {
	dbPath := copyDB(t, comparetest.Sample(t).Path)
	u := startUI(t, dbPath)
	dir := t.TempDir()
	link := filepath.Join(dir, "chart.png")
	if err := os.Symlink(dbPath, link); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "kept.png")
	os.WriteFile(readOnly, []byte("keep me"), 0o444)
	before := map[string]string{dbPath: fileState(t, dbPath), readOnly: fileState(t, readOnly)}
	cases := []struct{ name, path, want string }{
		{"database", dbPath, "database"},
		{"link to the database", link, "database"},
		{"WAL file", dbPath + "-wal", "database"},
		{"read-only file", readOnly, "read-only"},
	}
	for _, c := range cases {
		if _, err := os.Stat(c.path); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		err := export(t, u, "PNG", "1200 × 800", c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error about the %s", c.name, err, c.want)
		}
		var shown bool
		u.sync(func() { shown = overlayContains(u.win, "chart was not exported") })
		if !shown {
			t.Errorf("%s: no error dialog", c.name)
		}
		dismissDialogs(u)
	}

	// The positions CSV and the backup ask for their file the same way.
	var sf *saveForm
	u.sync(func() {
		u.selectKind(views.PositionsTimeline)
		sf = u.positions.exportCSV()
		sf.path.SetText(link)
	})
	tapButton(t, u, "Export")
	if err := answer(t, u, sf); err == nil || !strings.Contains(err.Error(), "database") {
		t.Errorf("positions CSV over a link to the database: %v", err)
	}
	dismissDialogs(u)
	u.sync(func() {
		sf = u.backup()
		sf.path.SetText(link)
	})
	tapButton(t, u, "Back up")
	if err := answer(t, u, sf); err == nil {
		t.Error("a backup over a link to the database succeeded")
	}
	dismissDialogs(u)
	u.sync(func() { u.selectKind(views.GABreakdown) })
	waitIdle(t, u)

	exportHalfWritten(t, u, dir, before)

	for path, state := range before {
		if got := fileState(t, path); got != state {
			t.Errorf("%s changed: %s → %s", path, state, got)
		}
	}
	for _, d := range []string{dir, filepath.Dir(dbPath)} {
		if l := leftovers(t, d); len(l) > 0 {
			t.Errorf("temporary files left in %s: %q", d, l)
		}
	}
}

// TestEveryViewExports walks the view registry: every view has its tab,
// in registry order, and exports PNG, SVG and CSV through the window's
// export dialog, in files that parse.
func TestEveryViewExports(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	// The sample's votes and positions, the votes of 2025 and the
	// Council's vetoes, so that every view, the ranking's minimum of roll
	// calls included, has something to draw.
	var j *importJob
	u.sync(func() {
		j = u.startImport([]string{comparetest.Dataset(t, "unga2025"), comparetest.Dataset(t, "unsc/vetoes.csv")})
	})
	<-j.done
	dismissDialogs(u)
	u.sync(func() { j = u.startImport([]string{speechCorpus(t)}) })
	<-j.done
	dismissDialogs(u)
	dir := t.TempDir()
	u.sync(func() { u.filters.picker.clear() })
	for i, v := range views.Views() {
		u.sync(func() {
			// The ideal-point views draw the chosen countries; the
			// others draw more with none chosen.
			u.model.Update(func(f *filterState) {
				f.Countries = nil
				if v.Uses(views.UsesIdeal) {
					f.Countries = []string{"USA", "CHN", "RUS"}
				}
				if v.Kind == views.Divergent {
					f.Countries = []string{"USA", "RUS"}
				}
				f.setInput("query", "peace")
			})
			if u.tabs.Items[i].Text != v.Tab {
				t.Fatalf("tab %d is %q, the registry's view %d %q", i, u.tabs.Items[i].Text, i, v.Tab)
			}
			u.tabs.SelectIndex(i)
		})
		waitIdle(t, u)
		var c *views.Chart
		u.sync(func() { c = u.last.chart })
		if c == nil || c.Kind != v.Kind {
			t.Fatalf("%s: the window shows %v", v.Kind, c)
		}
		// The sample holds one year, and movers compare two: its chart
		// says so.
		if c.Empty != (v.Kind == views.Movers) {
			t.Errorf("%s: empty on the sample (%v): %s", v.Kind, c.Empty, c.Meta.Subtitle)
		}
		for _, format := range []string{"PNG", "SVG", "CSV"} {
			path := filepath.Join(dir, string(v.Kind)+"."+strings.ToLower(format))
			if err := export(t, u, format, "1200 × 800", path); err != nil {
				t.Fatalf("%s %s: %v", v.Kind, format, err)
			}
			checkFile(t, path, format, 1200, 800, c.Empty)
		}
		var status string
		u.sync(func() { status = u.status.Text })
		if !strings.Contains(status, "Exported ") {
			t.Errorf("%s: status %q after the export", v.Kind, status)
		}
	}
}

// TestExportSizesAndNames exports at two sizes, over a file of the same
// name, and into a missing folder.
func TestExportSizesAndNames(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	var name string
	var banner bool
	u.sync(func() { name, banner = u.exportName("png"), u.banner.Visible() })
	if !strings.Contains(name, string(views.GABreakdown)) {
		t.Errorf("proposed name %q does not name the chart", name)
	}
	path := filepath.Join(t.TempDir(), name)
	for _, size := range []string{"1200 × 800", "1920 × 1080"} {
		if err := export(t, u, "PNG", size, path); err != nil {
			t.Fatal(err)
		}
		w, h := 1200, 800
		if strings.HasPrefix(size, "1920") {
			w, h = 1920, 1080
		}
		checkFile(t, path, "PNG", w, h, false)
	}
	bad := filepath.Join(t.TempDir(), "missing", "chart.png")
	if err := export(t, u, "PNG", "1200 × 800", bad); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	var shown bool
	u.sync(func() { shown = overlayContains(u.win, "chart was not exported") })
	if !shown {
		t.Error("no error dialog for the missing folder")
	}
	if !banner {
		t.Error("no sample banner while only the sample is loaded")
	}
}

// exportHalfWritten exports a PNG that fails half way, as on a full disk:
// the file size limit stops it after its first bytes. The file it was to
// replace is added to before, to be checked unchanged.
func exportHalfWritten(t *testing.T, u *ui, dir string, before map[string]string) {
	t.Helper()
	if !canLimitFileSize {
		t.Log("no file size limit on this platform: the write that fails half way is not tried")
		return
	}
	old := filepath.Join(dir, "old.png")
	if err := exportScaled(t, u, "PNG", "2400 × 1600", "4", old); err != nil {
		t.Fatal(err)
	}
	before[old] = fileState(t, old)
	err := withFileSizeLimit(t, old, func() error { return exportScaled(t, u, "PNG", "2400 × 1600", "4", old) })
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("a write beyond the file size limit: %v", err)
	}
	dismissDialogs(u)
}

// withFileSizeLimit runs f while no file may grow beyond half the size of
// the file at path (rounded), as on a disk that fills up: a write of that
// file's content then fails half way. The limit stays above the test log
// that go test keeps writing, so that only the export fails.
func withFileSizeLimit(t *testing.T, path string, f func() error) error {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	limit := st.Size() / 2
	if fl := flag.Lookup("test.testlogfile"); fl != nil && fl.Value.String() != "" {
		if lst, err := os.Stat(fl.Value.String()); err == nil {
			limit = max(limit, lst.Size()+16<<10)
		}
	}
	if limit >= st.Size() {
		t.Fatalf("the export (%d bytes) is too small to fail half way under the limit of %d bytes", st.Size(), limit)
	}
	restore, err := limitFileSize(uint64(limit))
	if err != nil {
		t.Fatal(err)
	}
	defer restore()
	return f()
}

// TestPositionsCSVAndBackup saves the listed positions and a backup
// through their dialogs: the CSV lists every shown position, the backup is
// a database, and a backup never replaces a file.
func TestPositionsCSVAndBackup(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	u.sync(func() {
		u.selectKind(views.PositionsTimeline)
		u.filters.picker.clear()
	})
	waitIdle(t, u)
	dir := t.TempDir()
	var sf *saveForm
	var shown int
	u.sync(func() {
		shown = len(u.positions.shown)
		sf = u.positions.exportCSV()
		sf.path.SetText(filepath.Join(dir, "positions")) // the extension is added
	})
	tapButton(t, u, "Export")
	if err := answer(t, u, sf); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "positions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || shown == 0 || len(rows) != shown+1 {
		t.Errorf("positions CSV: %d rows for %d positions (%v)", len(rows), shown, err)
	}

	backup := filepath.Join(dir, "copy.db")
	for i, want := range []bool{true, false} {
		u.sync(func() {
			sf = u.backup()
			sf.path.SetText(backup)
		})
		tapButton(t, u, "Back up")
		err := answer(t, u, sf)
		if (err == nil) != want {
			t.Errorf("backup %d: %v", i+1, err)
		}
		dismissDialogs(u)
	}
	if !safefile.IsDatabase(backup) {
		t.Error("the backup is not a database")
	}
}
