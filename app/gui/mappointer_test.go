package gui

import (
	"database/sql"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data/compare/comparetest"
	"plenary/data/countries"
	"plenary/data/record"
)

// TestMapHoverAndClick drives the Map tab on real votes: hovering France
// names it with its vote from the database, clicking it adds it to the
// countries (the panel, the table and the redrawn map's outline follow),
// clicking again removes it, and a click on the sea changes nothing.
func TestMapHoverAndClick(t *testing.T) {
	db := comparetest.Recent(t)
	u := startUI(t, copyDB(t, db.Path))
	// A device scale other than one, so that widget units and image
	// pixels differ as on a high-density screen.
	u.sync(func() { u.win.Canvas().(test.WindowlessCanvas).SetScale(1.5) })

	// The newest General Assembly roll call on which France did not vote
	// yes: a label read from another roll call would most likely say yes.
	rc := newestVote(t, db.Table, "FRA", record.No, record.Abstain)
	u.sync(func() {
		u.model.Update(func(f *filterState) { f.Countries, f.Body, f.Focus = []string{"BRA"}, "", rc.ID })
		u.selectKind(views.VoteMap)
	})
	waitIdle(t, u)
	var hits *charts.MapHits
	var img image.Image
	u.sync(func() {
		if u.last.err != nil || u.last.chart == nil || !strings.Contains(u.last.chart.Meta.Title, rc.Symbol) {
			t.Fatalf("the map does not show %s: %v %+v", rc.Symbol, u.last.err, u.last.chart)
		}
		hits, img = u.last.hits, u.last.img
	})
	if hits == nil {
		t.Fatal("the map's result has no hits")
	}
	if img.Bounds().Dx() < 1200 {
		t.Fatalf("the map is %v pixels wide at scale 1.5", img.Bounds())
	}
	fra := interior(t, hits, img.Bounds(), "FRA")

	// Hover: the label names France and its vote in the database.
	var at fyne.Position
	u.sync(func() {
		at = widgetPos(u, img.Bounds(), fra)
		test.MoveMouse(u.win.Canvas(), at)
	})
	want := "France: " + storedVote(t, db.Path, rc.ID, "FRA")
	u.sync(func() {
		if !u.pointer.tipBox.Visible() || u.pointer.tip.Text != want {
			t.Errorf("hovering France shows %q (visible %v), want %q", u.pointer.tip.Text, u.pointer.tipBox.Visible(), want)
		}
	})

	// Click: France joins the countries, then leaves them.
	for _, chosen := range []bool{true, false} {
		u.sync(func() { test.TapCanvas(u.win.Canvas(), at) })
		waitIdle(t, u)
		u.sync(func() {
			if got := slices.Contains(u.model.Get().Countries, "FRA"); got != chosen {
				t.Errorf("after a click France chosen: %v, want %v (%v)", got, chosen, u.model.Get().Countries)
			}
			if got := slices.Contains(u.rolls.cols, "FRA"); got != chosen {
				t.Errorf("the table's columns %v", u.rolls.cols)
			}
			if got := slices.Contains(selectedOf(t, u.last.chart), "FRA"); got != chosen {
				t.Errorf("the redrawn map outlines France: %v, want %v", got, chosen)
			}
			if !slices.Contains(u.model.Get().Countries, "BRA") {
				t.Error("a click on France removed Brazil")
			}
		})
	}

	// The sea: no label, and a click changes nothing.
	sea := seaWestOf(t, hits, fra)
	var before filterState
	u.sync(func() {
		test.MoveMouse(u.win.Canvas(), widgetPos(u, img.Bounds(), sea))
		if u.pointer.tipBox.Visible() {
			t.Errorf("hovering the sea shows %q", u.pointer.tip.Text)
		}
		before = u.model.Get()
		test.TapCanvas(u.win.Canvas(), widgetPos(u, img.Bounds(), sea))
	})
	waitIdle(t, u)
	u.sync(func() {
		if !u.model.Get().equal(before) {
			t.Errorf("a click on the sea changed the filter from %+v to %+v", before, u.model.Get())
		}
	})

	// A chart that is no map neither names nor toggles anything.
	u.sync(func() { u.selectKind(views.ByGroup) })
	waitIdle(t, u)
	u.sync(func() {
		before = u.model.Get()
		test.MoveMouse(u.win.Canvas(), at)
		test.TapCanvas(u.win.Canvas(), at)
		if u.pointer.tipBox.Visible() || !u.model.Get().equal(before) {
			t.Errorf("over a bar chart: label %q shown %v, filter %+v", u.pointer.tip.Text, u.pointer.tipBox.Visible(), u.model.Get())
		}
	})
}

// TestMapTogglesFormerState clicks the German Democratic Republic, shown
// by a circle beside the Federal Republic on a 1975 vote: its code joins
// the countries although it is no member today, and the map outlines it.
func TestMapTogglesFormerState(t *testing.T) {
	db := comparetest.Unvotes(t)
	u := startUI(t, copyDB(t, db.Path))
	var rc record.RollCall
	col := db.Table.Column("DDR")
	for i, r := range db.Table.RollCalls {
		if r.Date >= "1975-01-01" && r.Date <= "1975-12-31" && col >= 0 && db.Table.Votes[i][col].Cast() {
			rc = r
		}
	}
	if rc.ID == 0 {
		t.Fatal("no vote of the German Democratic Republic in 1975")
	}
	u.sync(func() {
		u.model.Update(func(f *filterState) { f.Countries, f.Focus = []string{"USA"}, rc.ID })
		u.selectKind(views.VoteMap)
	})
	waitIdle(t, u)
	var hits *charts.MapHits
	var b image.Rectangle
	u.sync(func() { hits, b = u.last.hits, u.last.img.Bounds() })
	ddr := centreOf(t, hits, b, "DDR")
	gdr, _ := countries.ByISO3("DDR")
	want := gdr.Name + ": " + storedVote(t, db.Path, rc.ID, "DDR")
	u.sync(func() {
		at := widgetPos(u, b, ddr)
		test.MoveMouse(u.win.Canvas(), at)
		if got := u.pointer.tip.Text; got != want {
			t.Errorf("hovering the GDR's circle shows %q, want %q", got, want)
		}
		test.TapCanvas(u.win.Canvas(), at)
	})
	waitIdle(t, u)
	u.sync(func() {
		if got := u.model.Get().Countries; !slices.Equal(got, []string{"USA", "DDR"}) {
			t.Errorf("countries after a click on the GDR: %v", got)
		}
		if !slices.Contains(selectedOf(t, u.last.chart), "DDR") {
			t.Errorf("the map does not outline the GDR: %v", selectedOf(t, u.last.chart))
		}
	})
}

// TestMapExportShortcut exports the shown map with Ctrl+E.
func TestMapExportShortcut(t *testing.T) {
	db := comparetest.Recent(t)
	u := startUI(t, copyDB(t, db.Path))
	u.sync(func() { u.selectKind(views.VoteMap) })
	waitIdle(t, u)
	path := filepath.Join(t.TempDir(), "map.png")
	u.sync(func() {
		u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
		found := false
		for _, o := range u.win.Canvas().Overlays().List() {
			walk(o, func(c fyne.CanvasObject) {
				if e, ok := c.(*widget.Entry); ok && strings.HasSuffix(e.Text, ".png") {
					e.SetText(path)
					found = true
				}
			})
		}
		if !found {
			t.Fatal("Ctrl+E opened no export dialog")
		}
	})
	tapButton(t, u, "Export")
	eventually(t, "the export", func() bool {
		s := ""
		u.sync(func() { s = u.status.Text })
		return strings.Contains(s, "Exported "+path)
	})
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	im, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if im.Bounds().Dx() < 640 {
		t.Errorf("exported map %v", im.Bounds())
	}
}

// TestPixelAtLetterbox checks the mapping from the widget to the image
// where the image is letterboxed, as canvas.ImageFillContain draws it.
func TestPixelAtLetterbox(t *testing.T) {
	p := newMapPointer(nil)
	p.Resize(fyne.NewSize(400, 400))
	p.img = image.Pt(200, 100) // drawn 400×200, 100 units of band above and below
	for _, c := range []struct {
		at   fyne.Position
		x, y float64
		in   bool
	}{
		{fyne.NewPos(200, 200), 100, 50, true},
		{fyne.NewPos(0, 100), 0, 0, true},
		{fyne.NewPos(399, 299), 199.5, 99.5, true},
		{fyne.NewPos(200, 50), 100, -25, false},
		{fyne.NewPos(200, 350), 100, 125, false},
	} {
		x, y, in := p.pixelAt(c.at)
		if x != c.x || y != c.y || in != c.in {
			t.Errorf("%v: pixel (%g, %g) in %v, want (%g, %g) %v", c.at, x, y, in, c.x, c.y, c.in)
		}
	}
	p.img = image.Pt(100, 200) // drawn 200×400, bands left and right
	if x, y, in := p.pixelAt(fyne.NewPos(200, 200)); x != 50 || y != 100 || !in {
		t.Errorf("pillarboxed centre: (%g, %g) %v", x, y, in)
	}
	if _, _, in := p.pixelAt(fyne.NewPos(50, 200)); in {
		t.Error("the band left of a pillarboxed image is taken for the image")
	}
}

// newestVote is the newest General Assembly roll call on which a country
// cast one of the votes.
func newestVote(t *testing.T, tb *record.Table, iso3 string, votes ...record.Vote) record.RollCall {
	t.Helper()
	col := tb.Column(iso3)
	for i := len(tb.RollCalls) - 1; i >= 0 && col >= 0; i-- {
		if tb.RollCalls[i].Body == record.GA && slices.Contains(votes, tb.Votes[i][col]) {
			return tb.RollCalls[i]
		}
	}
	t.Fatalf("%s never voted %v", iso3, votes)
	return record.RollCall{}
}

// storedVote reads a country's vote on a roll call from the database, in
// the map's words.
func storedVote(t *testing.T, path string, id int64, iso3 string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`SELECT v.vote FROM votes v JOIN countries c ON c.id = v.country_id WHERE v.roll_call_id = ? AND c.iso3 = ?`, id, iso3).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return map[int]string{1: "yes", 2: "abstain", 3: "no", 8: "non-voting"}[v]
}

// interior finds a pixel of a state well inside it: one whose
// neighbours three pixels away belong to it too.
func interior(t *testing.T, h *charts.MapHits, b image.Rectangle, iso3 string) image.Point {
	t.Helper()
	is := func(x, y int) bool {
		got, ok := h.At(float64(x)+0.5, float64(y)+0.5)
		return ok && got == iso3
	}
	for y := b.Min.Y + 3; y < b.Max.Y-3; y += 2 {
		for x := b.Min.X + 3; x < b.Max.X-3; x += 2 {
			if is(x, y) && is(x-3, y) && is(x+3, y) && is(x, y-3) && is(x, y+3) {
				return image.Pt(x, y)
			}
		}
	}
	t.Fatalf("%s is nowhere on the map", iso3)
	return image.Point{}
}

// centreOf is the middle of where a state answers, which for the circle
// of a small state is its centre.
func centreOf(t *testing.T, h *charts.MapHits, b image.Rectangle, iso3 string) image.Point {
	t.Helper()
	var sx, sy, n int
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if got, ok := h.At(float64(x)+0.5, float64(y)+0.5); ok && got == iso3 {
				sx, sy, n = sx+x, sy+y, n+1
			}
		}
	}
	if n == 0 {
		t.Fatalf("%s is nowhere on the map", iso3)
	}
	c := image.Pt(sx/n, sy/n)
	if got, _ := h.At(float64(c.X)+0.5, float64(c.Y)+0.5); got != iso3 {
		t.Fatalf("the middle of %s is %q", iso3, got)
	}
	return c
}

// seaWestOf walks west from a pixel to the middle of the first stretch of
// forty pixels where no state lies.
func seaWestOf(t *testing.T, h *charts.MapHits, p image.Point) image.Point {
	t.Helper()
	run := 0
	for x := p.X; x > 0; x-- {
		if _, ok := h.At(float64(x)+0.5, float64(p.Y)+0.5); ok {
			run = 0
			continue
		}
		if run++; run == 40 {
			return image.Pt(x+20, p.Y)
		}
	}
	t.Fatal("no sea west of France")
	return image.Point{}
}

// widgetPos is where on the canvas a pixel of the chart image is shown:
// the image is scaled to fit the chart area, keeping its aspect, and
// centred. It runs on the UI goroutine.
func widgetPos(u *ui, b image.Rectangle, px image.Point) fyne.Position {
	sz := u.chart.Size()
	s := min(sz.Width/float32(b.Dx()), sz.Height/float32(b.Dy()))
	// The driver counts absolute positions from the canvas's interactive
	// area (inset on the test driver), pointer events from its corner.
	inset, _ := u.win.Canvas().InteractiveArea()
	origin := u.app.Driver().AbsolutePositionForObject(u.chart).Add(inset)
	return fyne.NewPos(
		origin.X+(sz.Width-float32(b.Dx())*s)/2+(float32(px.X)+0.5)*s,
		origin.Y+(sz.Height-float32(b.Dy())*s)/2+(float32(px.Y)+0.5)*s)
}

// selectedOf is the outlined states of a map chart.
func selectedOf(t *testing.T, c *views.Chart) []string {
	t.Helper()
	switch m := c.Chart.(type) {
	case charts.VoteMap:
		return m.Selected
	case charts.AgreementMap:
		return m.Selected
	case charts.IdealMap:
		return m.Selected
	}
	t.Fatalf("%s is no map", c.Kind)
	return nil
}
