package gui

import (
	"context"
	"fmt"
	"image"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plenary/app/views"
	"plenary/data"
	"plenary/data/record"
)

// view is one tab of the window.
type view struct {
	kind  string // chart kind understood by compute, or "positions"
	title string
}

var tabs = []view{
	{"ga-breakdown", "Breakdown"},
	{"by-group", "By group"},
	{"sc-abstentions", "SC abstentions"},
	{"sc-abstentions-by-year", "P5 by year"},
	{"agreement-time", "Agreement"},
	{"agreement-rank", "Ranking"},
	{"agreement-matrix", "Matrix"},
	{"vote-grid", "Vote grid"},
	{"positions", "Positions"},
}

// ui is the main window and what it shows.
type ui struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store

	mu    sync.Mutex // guards table and info, replaced after an import
	table *record.Table
	info  *data.Info

	filter filterState
	kind   string // current tab's kind

	filters   *filterPanel
	tabs      *container.AppTabs
	chart     *canvas.Image
	chartMsg  *widget.Label
	chartBox  *fyne.Container
	rolls     *rollTable
	positions *positionsView
	status    *widget.Label
	banner    *fyne.Container
	busy      *widget.ProgressBarInfinite

	gen      atomic.Uint64 // refresh generation: late results of old filters are dropped
	shown    atomic.Uint64 // generation on screen
	debounce *time.Timer
	lastSize fyne.Size
	last     *result // what the chart area shows, for export and copy
	importer *importJob

	splitContent *container.Split // chart (or positions) above, roll calls below
	chartArea    *sizeWatcher

	// do hands work from background goroutines to the widgets: fyne.Do in
	// the app; tests put a single event loop there, as the real driver has.
	do func(func())
}

func newUI(a fyne.App, w fyne.Window) *ui {
	u := &ui{app: a, win: w, do: fyne.Do}
	u.filter = u.loadFilter()
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.busy = widget.NewProgressBarInfinite()
	u.busy.Hide()
	u.chart = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	u.chart.FillMode = canvas.ImageFillContain
	u.chart.ScaleMode = canvas.ImageScaleFastest
	u.chartMsg = widget.NewLabel("")
	u.chartMsg.Alignment = fyne.TextAlignCenter
	u.chartMsg.Hide()
	u.chartBox = container.NewStack(u.chart, container.NewCenter(u.chartMsg))
	u.rolls = newRollTable(u)
	u.positions = newPositionsView(u)
	u.filters = newFilterPanel(u)
	u.filters.load(u.filter)

	var items []*container.TabItem
	for _, v := range tabs {
		items = append(items, container.NewTabItem(v.title, layout.NewSpacer()))
	}
	u.tabs = container.NewAppTabs(items...)
	u.tabs.OnSelected = func(t *container.TabItem) { u.tabChanged() }

	chartArea := &sizeWatcher{onResize: u.resized}
	chartArea.ExtendBaseWidget(chartArea)
	chartArea.content = u.chartBox
	split := container.NewVSplit(chartArea, u.rolls.obj)
	split.Offset = 0.62
	u.tabs.Items[0].Content = split
	main := container.NewHSplit(u.filters.obj, u.tabs)
	main.Offset = 0.24

	u.banner = container.NewHBox(
		widget.NewIcon(theme.InfoIcon()),
		widget.NewLabel("Showing the built-in history."),
		widget.NewButton("Import official data…", u.showGetData),
	)
	u.banner.Hide()
	statusBar := container.NewBorder(nil, nil, u.banner, u.busy, u.status)
	w.SetContent(container.NewBorder(u.toolbar(), statusBar, nil, nil, main))
	w.SetMainMenu(u.menu())
	u.shortcuts()
	w.SetOnDropped(u.dropped)

	// Every tab shows the same split; only the positions tab swaps the chart
	// area for the positions view.
	u.splitContent = split
	u.chartArea = chartArea
	idx := a.Preferences().IntWithFallback(prefTab, 0)
	if idx >= 0 && idx < len(tabs) {
		u.tabs.SelectIndex(idx)
	}
	u.tabChanged()
	return u
}

// setStatus shows a line in the status bar.
func (u *ui) setStatus(s string) { u.status.SetText(s) }

// attach starts using an opened store: load the built-in history into an
// empty database, then the vote table.
func (u *ui) attach(st *data.Store) {
	u.store = st
	u.setStatus("Loading " + st.Path() + "…")
	u.busy.Show()
	go func() {
		ctx := context.Background()
		u.firstStart(ctx, st)
		u.reload()
	}()
}

// reload reads the table, the summary and the topics again (after an
// import) and refreshes every view. It runs off the UI goroutine.
func (u *ui) reload() {
	ctx := context.Background()
	t, err := u.store.Table(ctx)
	if err != nil {
		u.do(func() { u.busy.Hide(); u.showError(err) })
		return
	}
	info, err := u.store.Info(ctx)
	if err != nil {
		u.do(func() { u.busy.Hide(); u.showError(err) })
		return
	}
	topics, _ := u.store.Topics(ctx)
	u.mu.Lock()
	u.table, u.info = t, info
	u.mu.Unlock()
	trace("table loaded: %d roll calls", len(t.RollCalls))
	u.do(func() {
		u.busy.Hide()
		u.filters.setTopics(topics)
		u.showInfo(info)
		u.positions.reload()
		u.refreshNow()
	})
}

// showInfo writes the status bar: what the database holds.
func (u *ui) showInfo(info *data.Info) {
	s := ""
	u.mu.Lock()
	if u.table != nil {
		s = views.Coverage(u.table, time.Now().Year())
	}
	u.mu.Unlock()
	for _, b := range info.Bodies {
		if s != "" {
			s += " · "
		}
		s += fmt.Sprintf("%s: %s roll calls, %s votes, %s – %s", b.Body, thousands(b.RollCalls), thousands(b.Votes), b.First, b.Last)
	}
	if s == "" {
		s = "The database is empty: import a file (Ctrl+O)"
	}
	s += " · " + plural(info.Positions, "position") + " · " + plural(len(info.Imports), "import")
	if src := sources(info); src != "" {
		s += " · sources: " + src
	}
	if u.store.ReadOnly() {
		s += " · read-only"
	}
	u.setStatus(s)
	if info.SampleOnly {
		u.banner.Show()
	} else {
		u.banner.Hide()
	}
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (u *ui) tabChanged() {
	i := u.tabs.SelectedIndex()
	if i < 0 {
		return
	}
	u.kind = tabs[i].kind
	u.app.Preferences().SetInt(prefTab, i)
	if u.splitContent == nil {
		return
	}
	for _, it := range u.tabs.Items {
		it.Content = layout.NewSpacer()
	}
	if u.kind == "positions" {
		u.splitContent.Leading = u.positions.obj
	} else {
		u.splitContent.Leading = u.chartArea
	}
	u.tabs.Items[i].Content = u.splitContent
	u.splitContent.Refresh()
	u.tabs.Refresh()
	u.refreshNow()
}

// filterChanged is called by every filter widget.
func (u *ui) filterChanged() {
	u.filter.Focus = 0
	u.refresh()
}

func (u *ui) resized(s fyne.Size) {
	if s == u.lastSize {
		return
	}
	u.lastSize = s
	u.refresh()
}

// refresh schedules a recomputation shortly, so that a burst of changes
// (typing, resizing) costs one.
func (u *ui) refresh() {
	if u.debounce != nil {
		u.debounce.Stop()
	}
	u.debounce = time.AfterFunc(120*time.Millisecond, func() { u.do(u.refreshNow) })
}

// refreshNow computes the table rows and the chart for the current filter
// and tab off the UI goroutine, then shows them if nothing newer was asked
// for in the meantime.
func (u *ui) refreshNow() {
	u.mu.Lock()
	t := u.table
	u.mu.Unlock()
	if t == nil {
		return
	}
	gen := u.gen.Add(1)
	j := job{table: t, filter: u.filter, kind: u.kind, size: u.chartPixels(), scale: u.win.Canvas().Scale(), dark: u.app.Settings().ThemeVariant() == theme.VariantDark}
	u.mu.Lock()
	j.info = u.info
	u.mu.Unlock()
	go func() {
		r := compute(j)
		u.do(func() {
			if u.gen.Load() != gen {
				return
			}
			u.show(r)
			if u.shown.Swap(gen) == 0 {
				trace("first chart shown")
			}
		})
	}()
}

// chartPixels is the chart area's size in device pixels.
func (u *ui) chartPixels() image.Point {
	s := u.chartBox.Size()
	scale := u.win.Canvas().Scale()
	w, h := int(s.Width*scale), int(s.Height*scale)
	return image.Pt(w, h)
}

func (u *ui) show(r *result) {
	u.last = r
	u.rolls.set(r.rows, u.filter.Countries)
	if u.kind == "positions" {
		u.positions.applyFilter()
	}
	if r.err != nil {
		u.chartMsg.SetText(r.err.Error())
		u.chartMsg.Show()
		u.chart.Hide()
		return
	}
	u.chartMsg.Hide()
	if r.img != nil {
		u.chart.Image = r.img
		u.chart.Show()
		u.chart.Refresh()
	}
}

// sizeWatcher reports its size whenever the layout changes it, so that
// charts are rendered at the size they are shown.
type sizeWatcher struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	onResize func(fyne.Size)
}

func (s *sizeWatcher) CreateRenderer() fyne.WidgetRenderer {
	return &sizeRenderer{s: s}
}

type sizeRenderer struct{ s *sizeWatcher }

func (r *sizeRenderer) Layout(size fyne.Size) {
	r.s.content.Resize(size)
	r.s.content.Move(fyne.NewPos(0, 0))
	if r.s.onResize != nil {
		r.s.onResize(size)
	}
}
func (r *sizeRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 150) }
func (r *sizeRenderer) Refresh()                     { r.s.content.Refresh() }
func (r *sizeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.s.content} }
func (r *sizeRenderer) Destroy()                     {}

// selectKind switches to the tab of a view.
func (u *ui) selectKind(kind string) {
	for i, v := range tabs {
		if v.kind == kind {
			u.tabs.SelectIndex(i)
		}
	}
}

// plural writes a count with its noun: "1 import", "6 imports".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

// sources names the datasets the imports came from, for the status bar.
func sources(info *data.Info) string {
	var names []string
	seen := map[string]bool{}
	for _, im := range info.Imports {
		list := strings.Split(im.Dataset, "; ")
		if im.Sample {
			list = []string{"built in"}
		}
		for _, n := range list {
			if i := strings.Index(n, " ("); i > 0 {
				n = n[:i] // "unvotes (Voeten, …)" → "unvotes"
			}
			if n != "" && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	if len(names) > 4 {
		names = append(names[:4], fmt.Sprintf("%d more", len(names)-4))
	}
	return strings.Join(names, ", ")
}
