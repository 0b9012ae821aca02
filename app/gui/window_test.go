package gui

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"plenary/charts"
	"plenary/data/compare/comparetest"
)

// Screens the window must fit: a laptop's, a small one's and a desktop's,
// each less the room of a desktop's top bar and the window's title bar.
var screens = []struct {
	name string
	size fyne.Size
}{
	{"1366×768", fyne.NewSize(1366, 768-100)},
	{"1280×720", fyne.NewSize(1280, 720-70)},
	{"1920×1080", fyne.NewSize(1920, 1080-100)},
}

// TestWindowFits: the default size fits a laptop's screen and a 1280×720
// one; the window's content can shrink to the minimum size, the filter
// panel scrolling; at each screen's size the status bar and the bottom of
// the filter panel are inside the window, and the chart is drawn at the
// size of the chart area after the resize, for which the map's outlines
// are prepared.
func TestWindowFits(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	for _, s := range screens[:2] {
		if defaultSize.Width > s.size.Width || defaultSize.Height > s.size.Height {
			t.Errorf("the default size %v does not fit a %s screen (%v)", defaultSize, s.name, s.size)
		}
	}
	u.sync(func() {
		if m := u.win.Content().MinSize(); m.Width > minSize.Width || m.Height > minSize.Height {
			t.Errorf("the window's content needs %v, more than the minimum size %v", m, minSize)
		}
	})
	for _, s := range append(screens, struct {
		name string
		size fyne.Size
	}{"the minimum", minSize}) {
		u.sync(func() { u.win.Resize(s.size) })
		waitIdle(t, u)
		u.sync(func() {
			c := u.win.Canvas().Size()
			if c.Width > s.size.Width+1 || c.Height > s.size.Height+1 {
				t.Errorf("%s: the window grew to %v", s.name, c)
			}
			d := fyne.CurrentApp().Driver()
			for name, o := range map[string]fyne.CanvasObject{"status bar": u.status, "filter panel": u.filters.obj, "roll calls": u.rolls.obj} {
				pos := d.AbsolutePositionForObject(o)
				if bottom := pos.Y + o.Size().Height; bottom > c.Height+1 || o.Size().Height <= 0 {
					t.Errorf("%s: the %s ends at %.0f, below the window's %.0f", s.name, name, bottom, c.Height)
				}
			}
			// A chart area smaller than the smallest chart gets that one,
			// scaled down to fit.
			area := u.chartPixels()
			want := image.Pt(max(area.X, charts.MinWidth), max(area.Y, charts.MinHeight))
			if got := u.last.img.Bounds().Size(); got != want || area.X < 400 || area.Y < 250 {
				t.Errorf("%s: the chart is drawn at %v, the chart area is %v", s.name, got, area)
			}
			// The map's outlines are prepared for the new size.
			if u.mapWarmed != area {
				t.Errorf("%s: the map's outlines were prepared at %v, the chart area is %v", s.name, u.mapWarmed, area)
			}
		})
	}
}

// TestLayoutRemembered: the size and the split positions a window closes
// with are those the next one opens with; a saved size below the minimum
// grows to it.
func TestLayoutRemembered(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	prefs := u.app.Preferences()
	u.sync(func() {
		u.win.Resize(fyne.NewSize(1100, 600))
		u.splitMain.SetOffset(0.3)
		u.splitContent.SetOffset(0.5)
		u.saveLayout()
	})
	if got := savedSize(prefs); got != fyne.NewSize(1100, 600) {
		t.Errorf("saved size %v, want 1100×600", got)
	}
	var main, content float64
	u.sync(func() {
		w := u.app.NewWindow("again")
		u2 := newUI(u.app, w)
		main, content = u2.splitMain.Offset, u2.splitContent.Offset
	})
	if main != 0.3 || content != 0.5 {
		t.Errorf("a new window's splits are at %v and %v, want 0.3 and 0.5", main, content)
	}
	prefs.SetFloat(prefWidth, 200)
	prefs.SetFloat(prefHeight, 100)
	if got := savedSize(prefs); got != minSize {
		t.Errorf("a saved size of 200×100 opens at %v, want the minimum %v", got, minSize)
	}
	prefs.SetFloat(prefSplitMain, 3)
	if got := savedSplit(prefs, prefSplitMain, defaultMainSplit); got != defaultMainSplit {
		t.Errorf("a split saved at 3 opens at %v", got)
	}
}

// TestTypingKeepsKeystrokes types twenty characters into the text filter,
// one event each on the window's event loop, without waiting for a
// redraw: every one is in the entry and in the filter, and the views
// show it once typing stops.
func TestTypingKeepsKeystrokes(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	const typed = "peace in Ukraine now"
	if len(typed) != 20 {
		t.Fatalf("the test types %d characters", len(typed))
	}
	u.sync(func() {
		u.win.Canvas().Focus(u.filters.text)
		u.filters.text.SetText("")
	})
	for _, r := range typed {
		u.sync(func() { test.Type(u.filters.text, string(r)) })
	}
	waitIdle(t, u)
	u.sync(func() {
		if got := u.filters.text.Text; got != typed {
			t.Errorf("the entry holds %q, want %q", got, typed)
		}
		if got := u.model.Get().Text; got != typed {
			t.Errorf("the filter holds %q, want %q", got, typed)
		}
		if sub := u.last.chart.Meta.Subtitle; !strings.Contains(sub, typed) {
			t.Errorf("the chart's subtitle %q does not name %q", sub, typed)
		}
	})
}

// TestShownChartKeepsItsImage: each filter change draws its chart on
// another image than the one shown (the window's surfaces take turns),
// and what the window shows after each change is what its chart draws on
// a new image.
func TestShownChartKeepsItsImage(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	var prev image.Image
	for _, from := range []string{"2001-01-01", "2008-01-01", "2012-01-01", "2016-01-01", "2019-01-01"} {
		u.sync(func() { u.model.Update(func(f *filterState) { f.From = from }) })
		waitIdle(t, u)
		u.sync(func() {
			img, ok := u.chart.Image.(*image.RGBA)
			if !ok || u.last == nil || u.last.chart == nil {
				t.Fatalf("from %s: no chart shown", from)
			}
			if img == prev {
				t.Errorf("from %s: the chart was drawn on the image shown before it", from)
			}
			prev = img
			o := charts.Options{Width: img.Rect.Dx(), Height: img.Rect.Dy(), Scale: float64(u.win.Canvas().Scale())}
			want, err := charts.RenderImage(u.last.chart.Chart, o)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want.Pix, img.Pix) {
				t.Errorf("from %s: the image shown differs from its chart drawn anew", from)
			}
		})
	}
}
