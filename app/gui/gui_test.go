package gui

import (
	"context"
	"database/sql"
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

	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

func TestMain(m *testing.M) { os.Exit(comparetest.Main(m)) }

// copyDB gives a test its own writable copy of a fixture database.
func copyDB(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "plenary.db")
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
	return dst
}

// eventually polls cond until it holds or the time is up: the window does
// its work on background goroutines.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// loop is the tests' event loop: like the real driver, it runs every
// hand-over from background work, and every test action, on one
// goroutine, so that widgets are never touched from two at once.
type loop struct{ ch chan func() }

var loops = map[*ui]*loop{}

func newLoop(t *testing.T) *loop {
	l := &loop{ch: make(chan func(), 1<<14)}
	go func() {
		for f := range l.ch {
			f()
		}
	}()
	return l
}

// sync runs f on the UI goroutine and waits for it.
func (u *ui) sync(f func()) {
	done := make(chan struct{})
	loops[u].ch <- func() { f(); close(done) }
	<-done
}

// openTestUI builds the real window on Fyne's test driver, with the
// tests' event loop in place of the driver's, and opens a database in it.
func openTestUI(t *testing.T, path string) *ui {
	a := test.NewTempApp(t)
	l := newLoop(t)
	var u *ui
	done := make(chan struct{})
	l.ch <- func() {
		w := a.NewWindow("Plenary")
		w.Resize(fyne.NewSize(1400, 900))
		u = newUI(a, w)
		u.do = func(f func()) { l.ch <- f }
		loops[u] = l
		w.Show()
		openStore(u, path, false)
		close(done)
	}
	<-done
	return u
}

// startUI opens the real window (on Fyne's test driver) on a database and
// waits until the first chart is shown.
func startUI(t *testing.T, path string) *ui {
	t.Helper()
	u := openTestUI(t, path)
	eventually(t, "the database to load", func() bool {
		ok := false
		u.sync(func() { ok = u.tableLoaded() && u.last != nil })
		return ok
	})
	waitIdle(t, u)
	t.Cleanup(func() {
		if u.store != nil {
			u.store.Close()
		}
	})
	return u
}

// tableLoaded reports whether the vote table is in memory.
func (u *ui) tableLoaded() bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.table != nil
}

// waitIdle waits until the last requested refresh has been shown.
func waitIdle(t *testing.T, u *ui) {
	t.Helper()
	u.sync(func() {
		if u.debounce != nil {
			u.debounce.Stop()
		}
		u.refreshNow()
	})
	gen := u.gen.Load()
	eventually(t, "the views to refresh", func() bool { return u.shown.Load() >= gen })
}

// countRows counts, independently of the window, the roll calls of a table
// between two dates (both inclusive) in one body on which at least one of
// the countries has a vote.
func countRows(tb *record.Table, body record.Body, from, to string, countries ...string) int {
	n := 0
	for i, rc := range tb.RollCalls {
		if (body == "" || rc.Body == body) && (from == "" || rc.Date >= from) && (to == "" || rc.Date <= to) {
			for _, c := range countries {
				if col := tb.Column(c); col >= 0 && tb.Votes[i][col] != record.None {
					n++
					break
				}
			}
		}
	}
	return n
}

func TestFilterTabsTableAndStatus(t *testing.T) {
	db := comparetest.Recent(t)
	u := startUI(t, copyDB(t, db.Path))

	// The status bar says what the database holds.
	info, _ := u.store.Info(context.Background())
	var status string
	var banner bool
	u.sync(func() { status, banner = u.status.Text, u.banner.Visible() })
	for _, b := range info.Bodies {
		if !strings.Contains(status, thousands(b.RollCalls)+" roll calls") {
			t.Errorf("status %q does not give the %s count %d", status, b.Body, b.RollCalls)
		}
	}
	if banner {
		t.Error("the sample banner shows on a database with real data")
	}

	// Choose countries by typing: clear, then type two names.
	u.sync(func() {
		u.filters.picker.clear()
		for _, name := range []string{"Brazil", "south africa"} {
			test.Type(u.filters.picker.search, name)
			u.filters.picker.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
	})
	waitIdle(t, u)
	u.sync(func() {
		if got := strings.Join(u.filter.Countries, ","); got != "BRA,ZAF" {
			t.Fatalf("countries chosen by typing: %q", got)
		}
		if len(u.filters.picker.chips.Objects) != 2 {
			t.Errorf("%d chips for two countries", len(u.filters.picker.chips.Objects))
		}
		if got := strings.Join(u.rolls.cols, ","); got != "BRA,ZAF" {
			t.Errorf("table country columns: %q", got)
		}
	})

	// Change the dates: the table lists exactly the roll calls of the
	// period on which Brazil or South Africa voted, newest first, with
	// their votes from the database.
	u.sync(func() {
		test.Type(u.filters.from, "2020-01-01")
		test.Type(u.filters.to, "2022-12-31")
	})
	waitIdle(t, u)
	want := countRows(db.Table, "", "2020-01-01", "2022-12-31", "BRA", "ZAF")
	var rows []rowView
	var countText string
	u.sync(func() { rows, countText = append([]rowView(nil), u.rolls.rows...), u.rolls.count.Text })
	if len(rows) != want || want == 0 {
		t.Fatalf("table lists %d roll calls for 2020–2022, the data has %d", len(rows), want)
	}
	if !strings.Contains(countText, thousands(want)) {
		t.Errorf("count label %q", countText)
	}
	for i, r := range rows {
		if r.rc.Date < "2020-01-01" || r.rc.Date > "2022-12-31" {
			t.Fatalf("row %d dated %s", i, r.rc.Date)
		}
		if i > 0 && r.rc.Date > rows[i-1].rc.Date {
			t.Fatal("rows are not newest first")
		}
	}
	checkVotes(t, rows, []string{"BRA", "ZAF"}, db.Path)

	// Body: SC only.
	u.sync(func() { u.filters.body.SetSelected("SC") })
	waitIdle(t, u)
	u.sync(func() {
		if want := countRows(db.Table, record.SC, "2020-01-01", "2022-12-31", "BRA", "ZAF"); len(u.rolls.rows) != want {
			t.Errorf("SC only: %d rows, want %d", len(u.rolls.rows), want)
		}
		u.filters.body.SetSelected("Both")
	})

	// Every tab shows its chart (or the positions list) at the size of
	// the chart area.
	for i, v := range tabs {
		u.sync(func() { u.tabs.SelectIndex(i) })
		waitIdle(t, u)
		u.sync(func() {
			if u.kind != v.kind {
				t.Fatalf("tab %d shows %q, want %q", i, u.kind, v.kind)
			}
			if v.kind == "positions" {
				if u.splitContent.Leading != u.positions.obj {
					t.Error("the positions tab does not show the positions view")
				}
				return
			}
			if u.last.err != nil {
				t.Errorf("%s: %v", v.kind, u.last.err)
				return
			}
			if u.last.chart == nil || string(u.last.chart.Kind) != v.kind {
				t.Errorf("%s: chart of kind %v", v.kind, u.last.chart)
				return
			}
			b := u.last.img.Bounds()
			px := u.chartPixels()
			if b.Dx() < 640 || b.Dy() < 400 || (px.X >= 640 && b.Dx() != px.X) {
				t.Errorf("%s: image %v for a chart area of %v", v.kind, b, px)
			}
		})
	}

	// The metric switch reaches the agreement views. They compare the
	// General Assembly unless a body is chosen, and the period holds
	// Security Council votes only.
	u.sync(func() {
		u.filters.body.SetSelected("SC")
		u.selectKind("agreement-rank")
		u.filters.metric.SetSelected(metricLabels[1])
	})
	waitIdle(t, u)
	u.sync(func() {
		m := u.last.chart.Meta
		if u.filter.Metric != "voeten" || !strings.Contains(strings.ToLower(m.Subtitle+m.Title), "voeten") {
			t.Errorf("metric voeten not shown: %q / %q", m.Title, m.Subtitle)
		}
	})
}

// checkVotes compares the table's vote cells with the votes table.
func checkVotes(t *testing.T, rows []rowView, cols []string, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checked := 0
	for _, r := range rows {
		for i, iso := range cols {
			var v int
			err := db.QueryRow(`SELECT v.vote FROM votes v JOIN countries c ON c.id = v.country_id WHERE v.roll_call_id = ? AND c.iso3 = ?`, r.rc.ID, iso).Scan(&v)
			if err == sql.ErrNoRows {
				v = 0
			} else if err != nil {
				t.Fatal(err)
			}
			if record.Vote(v) != r.votes[i] {
				t.Fatalf("%s %s: table shows %v, database has %d", r.rc.Label(), iso, r.votes[i], v)
			}
			checked++
		}
		if checked > 400 {
			break
		}
	}
}

func TestExportPNG(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	var name string
	var last *result
	var banner bool
	u.sync(func() { name, last, banner = u.exportName("png"), u.last, u.banner.Visible() })
	path := filepath.Join(t.TempDir(), name)
	if !strings.Contains(path, "ga-breakdown") {
		t.Errorf("proposed name %q does not name the chart", filepath.Base(path))
	}
	for _, size := range [][2]int{{1200, 800}, {1920, 1080}} {
		if err := writeExport(last, exportRequest{format: "png", width: size[0], height: size[1], scale: 1}, path); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != size[0] || b.Dy() != size[1] {
			t.Errorf("exported %v, want %v", b, size)
		}
	}
	// A folder that does not exist: a clear error and no file.
	bad := filepath.Join(t.TempDir(), "missing", "chart.png")
	if err := writeExport(last, exportRequest{format: "png", width: 1200, height: 800, scale: 1}, bad); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	// The sample is shown with its banner.
	if !banner {
		t.Error("no sample banner while only the sample is loaded")
	}
}

func TestImportProgressCancelAndBadFile(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	ctx := context.Background()
	start := func(paths ...string) *importJob {
		var j *importJob
		u.sync(func() { j = u.startImport(paths) })
		if j == nil {
			t.Fatal("the import did not start")
		}
		return j
	}

	// A real file: the progress bar moves, the counts change.
	j := start(comparetest.Dataset(t, "ukraine_ga/votes.csv"))
	<-j.done
	if len(j.progress) == 0 || j.progress[len(j.progress)-1] < 0.99 {
		t.Errorf("progress seen: %v", j.progress)
	}
	for i := 1; i < len(j.progress); i++ {
		if j.progress[i] < j.progress[i-1] {
			t.Errorf("the progress bar went back from %.3f to %.3f", j.progress[i-1], j.progress[i])
		}
	}
	eventually(t, "the counts to change", func() bool {
		var s string
		u.sync(func() { s = u.status.Text })
		return strings.Contains(s, "GA: 4 roll calls")
	})

	// Cancel a long import: nothing changes.
	after1, _ := u.store.Info(ctx)
	j = start(comparetest.Dataset(t, "unvotes"))
	eventually(t, "the import to start", func() bool {
		n := 0
		u.sync(func() { n = len(j.progress) })
		return n > 0
	})
	j.cancel()
	<-j.done
	after2, _ := u.store.Info(ctx)
	if after2.Bodies[0].Votes != after1.Bodies[0].Votes || len(after2.Imports) != len(after1.Imports) {
		t.Errorf("a cancelled import changed the database: %+v → %+v", after1.Bodies, after2.Bodies)
	}

	// A bad file: an error dialog naming the line, and nothing changes.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("body,symbol,date,country,vote\nGA,A/RES/1/1,2020-01-01,USA,Y\nGA,A/RES/1/1,2020-01-01,Atlantis,Y\n"), 0o644)
	j = start(bad)
	<-j.done
	shown := false
	u.sync(func() { shown = overlayContains(u.win, "bad.csv:3:4: unknown country") })
	if !shown {
		t.Error("no error dialog naming the file and line")
	}
	after3, _ := u.store.Info(ctx)
	if after3.Bodies[0].Votes != after1.Bodies[0].Votes {
		t.Error("a bad file changed the database")
	}
}

// overlayContains reports whether a dialog shows the text.
func overlayContains(w fyne.Window, text string) bool {
	for _, o := range w.Canvas().Overlays().List() {
		if strings.Contains(test.RenderObjectToMarkup(o), text) {
			return true
		}
		found := false
		walk(o, func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok && strings.Contains(l.Text, text) {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			walk(x, fn)
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, x := range test.WidgetRenderer(w).Objects() {
			walk(x, fn)
		}
	}
}

func TestPositionsAddEditDelete(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	u.sync(func() {
		u.selectKind("positions")
		u.filters.picker.clear()
	})
	waitIdle(t, u)
	p := u.positions
	eventually(t, "the sample positions", func() bool {
		n := 0
		u.sync(func() { n = len(p.shown) })
		return n == 9
	})

	// Add through the form; an invalid form is refused first.
	var f *positionForm
	var done chan struct{}
	u.sync(func() {
		f = p.edit(nil)
		f.country.SetText("Atlantis")
		if f.validate() == nil {
			t.Error("the form accepts an unknown country")
		}
		f.country.SetText("Brazil")
		f.date.SetText("2025-03-01")
		f.topic.SetText("Peace in Ukraine")
		f.stance.SetSelected("neutral")
		f.summary.SetText("Calls for talks")
		f.source.SetText("https://example.org/statement")
		if err := f.validate(); err != nil {
			t.Fatal(err)
		}
		done = p.save(f.position())
	})
	<-done
	var added record.Position
	u.sync(func() {
		if len(p.all) != 10 {
			t.Fatalf("%d positions after adding one", len(p.all))
		}
		for _, x := range p.all {
			if x.Country == "BRA" {
				added = x
			}
		}
	})
	if added.ID == 0 || added.Stance != record.Neutral || added.Date != "2025-03-01" {
		t.Fatalf("added: %+v", added)
	}
	// Its source, a web address, shows as a link.
	u.sync(func() {
		for i, x := range p.shown {
			if x.ID != added.ID {
				continue
			}
			cell := p.list.CreateCell()
			p.list.UpdateCell(widget.TableCellID{Row: i, Col: 5}, cell)
			h := cell.(*fyne.Container).Objects[1].(*widget.Hyperlink)
			if !h.Visible() || h.URL == nil || h.URL.String() != "https://example.org/statement" {
				t.Errorf("the source is not shown as a link: %v %v", h.Visible(), h.URL)
			}
		}
	})

	// Edit it.
	u.sync(func() {
		f = p.edit(&added)
		f.stance.SetSelected("supports")
		f.summary.SetText("Supports talks")
		done = p.save(f.position())
	})
	<-done
	got, _ := u.store.Positions(context.Background(), "BRA")
	if len(got) != 1 || got[0].Stance != record.Supports || got[0].Summary != "Supports talks" {
		t.Fatalf("after editing: %+v", got)
	}

	// Delete it.
	u.sync(func() { done = p.remove(got[0]) })
	<-done
	got, _ = u.store.Positions(context.Background(), "BRA")
	n := 0
	u.sync(func() { n = len(p.all) })
	if len(got) != 0 || n != 9 {
		t.Fatalf("after deleting: %d left, list has %d", len(got), n)
	}
}

// TestOpenErrorDialog opens a file that is not a Plenary database: the
// window explains why and offers the ways forward, and the file is left as
// it was.
func TestOpenErrorDialog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("these are my notes, not a database\n")
	os.WriteFile(path, content, 0o644)
	u := openTestUI(t, path)
	eventually(t, "the error dialog", func() bool {
		ok := false
		u.sync(func() { ok = overlayContains(u.win, "not a Plenary database") })
		return ok
	})
	u.sync(func() {
		for _, want := range []string{"Move it aside and start a new database", "Quit"} {
			found := false
			for _, o := range u.win.Canvas().Overlays().List() {
				walk(o, func(c fyne.CanvasObject) {
					if b, ok := c.(*widget.Button); ok && b.Text == want {
						found = true
					}
				})
			}
			if !found {
				t.Errorf("no %q button", want)
			}
		}
	})
	if got, _ := os.ReadFile(path); string(got) != string(content) {
		t.Error("the file was changed")
	}
}

// TestFocusRollCall selects a roll call in the table: the detail lists
// every country's vote with the counted totals, and the "By group" view
// shows that roll call.
func TestFocusRollCall(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	u.sync(func() { u.filters.picker.clear() })
	waitIdle(t, u)
	row := -1
	u.sync(func() {
		for i, r := range u.rolls.rows {
			if r.rc.Symbol == "A/RES/ES-11/7" {
				row = i
			}
		}
		if row < 0 {
			t.Fatal("A/RES/ES-11/7 is not in the table")
		}
		u.rolls.table.Select(widget.TableCellID{Row: row, Col: 2})
	})
	eventually(t, "the votes of the selected roll call", func() bool {
		ok := false
		u.sync(func() {
			walk(u.rolls.detail, func(c fyne.CanvasObject) {
				if l, isLabel := c.(*widget.Label); isLabel && strings.Contains(l.Text, "Counted: 93 yes, 18 no, 65 abstain, 17 non-voting") &&
					strings.Contains(l.Text, "NO (18): ") && strings.Contains(l.Text, "United States") {
					ok = true
				}
			})
		})
		return ok
	})
	u.sync(func() { u.selectKind("by-group") })
	waitIdle(t, u)
	u.sync(func() {
		if u.last.chart == nil || !strings.Contains(u.last.chart.Meta.Title, "A/RES/ES-11/7") {
			t.Errorf("by-group shows %q", u.last.chart.Meta.Title)
		}
	})
}
