package gui

import (
	"context"
	"fmt"
	"image"
	"slices"
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
	"plenary/charts"
	"plenary/data"
	"plenary/data/record"
)

// ui wires the window together: the filter model, the panels that edit
// and show it, the tabs of the registered views and the background work
// that turns a filter into a chart.
type ui struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store

	mu    sync.Mutex // guards table and info, replaced after an import
	table *record.Table
	info  *data.Info

	model *filterModel
	files *saver
	views []views.View // one tab each, in registry order
	view  views.View   // the selected tab's

	filters   *filterPanel
	tabs      *container.AppTabs
	chart     *canvas.Image
	pointer   *mapPointer // over the chart: names and toggles a map's states
	chartMsg  *widget.Label
	retry     *widget.Button // starts a cancelled estimation again
	estimate  *estimatePanel // the ideal points' progress, in the chart area
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
	// mapWarmed is the chart size the world map's outlines were last
	// prepared for (charts.WarmMap); UI goroutine only.
	mapWarmed image.Point
	surfaces  surfaces // what the charts are drawn on
	last      *result  // what the chart area shows, for export and copy
	importer  *importJob
	run       *idealRun // the ideal points' estimation the shown view needs

	splitMain    *container.Split // filter panel beside the tabs
	splitContent *container.Split // chart (or positions) above, roll calls below
	chartArea    *sizeWatcher

	// do hands work from background goroutines to the widgets: fyne.Do in
	// the app; tests put a single event loop there, as the real driver has.
	do func(func())
}

func newUI(a fyne.App, w fyne.Window) *ui {
	u := &ui{app: a, win: w, do: fyne.Do, views: views.Views()}
	u.view = u.views[0]
	u.model = newFilterModel(loadFilter(a.Preferences()))
	u.files = &saver{win: w, prefs: a.Preferences(), do: func(f func()) { u.do(f) }}
	u.newChartArea()
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.busy = widget.NewProgressBarInfinite()
	u.busy.Hide()
	u.rolls = newRollTable(rollHooks{
		focus:    func(id int64) { u.model.Update(func(f *filterState) { f.Focus = id }) },
		showKind: u.selectKind,
		votes:    func(id int64) ([]data.CountryVote, error) { return u.store.Votes(ctxBackground, id) },
		do:       func(f func()) { u.do(f) },
		speeches: func(rc record.RollCall) { u.showSpeeches(rollCallQuery(rc), rollCallSession(rc)) },
	})
	u.positions = newPositionsView(u.model, positionsHooks{
		win:       w,
		store:     func() *data.Store { return u.store },
		do:        func(f func()) { u.do(f) },
		status:    u.setStatus,
		importCSV: u.chooseImport,
		saveAs:    u.files.saveAs,
		changed: func() {
			if u.view.Uses(views.UsesPositions) {
				u.refreshNow()
			}
		},
	})
	u.filters = newFilterPanel(u.model, func(preset string) (string, string) {
		u.mu.Lock()
		defer u.mu.Unlock()
		return presetRange(u.table, preset)
	})
	u.listen(a.Preferences())
	u.newTabs()
	u.layout()
	w.SetMainMenu(u.menu())
	u.shortcuts()
	w.SetOnDropped(u.dropped)
	u.selectKind(savedKind(a.Preferences(), u.views))
	u.tabChanged()
	return u
}

// newChartArea builds the chart image, its message and the widget that
// reports its size.
func (u *ui) newChartArea() {
	u.chart = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	u.chart.FillMode = canvas.ImageFillContain
	u.chart.ScaleMode = canvas.ImageScaleFastest
	u.chartMsg = widget.NewLabel("")
	u.chartMsg.Alignment = fyne.TextAlignCenter
	u.chartMsg.Hide()
	u.retry = widget.NewButton("Estimate again", u.estimateAgain)
	u.retry.Hide()
	u.estimate = newEstimatePanel(u.cancelIdeal, func() {
		u.chart.Hide()
		u.chartMsg.Hide()
		u.retry.Hide()
		u.pointer.setHits(nil, image.Point{})
	})
	u.pointer = newMapPointer(u.toggleCountry)
	u.chartBox = container.NewStack(u.chart, u.pointer,
		container.NewCenter(container.NewVBox(u.chartMsg, container.NewCenter(u.retry))), u.estimate.box)
	u.chartArea = &sizeWatcher{onResize: u.resized, content: u.chartBox}
	u.chartArea.ExtendBaseWidget(u.chartArea)
}

// listen registers the window's reactions to a filter change: keep it for
// the next session, and redraw when the view shown depends on what
// changed.
func (u *ui) listen(prefs fyne.Preferences) {
	prev := u.model.Get()
	u.model.OnChange(func(f filterState) {
		saveFilter(prefs, f)
		u.mu.Lock()
		t := u.table
		u.mu.Unlock()
		if affects(u.view, t, prev, f) {
			u.refresh()
		}
		prev = f
	})
}

// affects reports whether a view must be redrawn after a filter change:
// whether the two requests differ in what the view reads (the declared
// inputs it uses, the filter as it applies it).
func affects(v views.View, t *record.Table, old, cur filterState) bool {
	return v.Differ(old.request(v.Kind, t), cur.request(v.Kind, t))
}

// newTabs makes one tab per registered view, listed down the side of the
// chart. Every tab shows the same split, moved to the selected tab; the
// views of recorded positions put the positions list beside the chart.
func (u *ui) newTabs() {
	items := make([]*container.TabItem, len(u.views))
	for i, v := range u.views {
		items[i] = container.NewTabItem(v.Tab, layout.NewSpacer())
	}
	u.tabs = container.NewAppTabs(items...)
	// Along the top, more than ten views overflow into a menu where the
	// view shown is not marked; down the side a tall window shows every
	// one, and one of the default height (640) twelve, the rest in the menu.
	u.tabs.SetTabLocation(container.TabLocationLeading)
	u.splitContent = container.NewVSplit(u.chartArea, u.rolls.obj)
	u.splitContent.Offset = savedSplit(u.app.Preferences(), prefSplitContent, defaultRollSplit)
	u.tabs.Items[0].Content = u.splitContent
	u.tabs.OnSelected = func(*container.TabItem) { u.tabChanged() }
}

// layout puts the panels, the tabs, the toolbar and the status bar in the
// window.
func (u *ui) layout() {
	main := container.NewHSplit(u.filters.obj, u.tabs)
	main.Offset = savedSplit(u.app.Preferences(), prefSplitMain, defaultMainSplit)
	u.splitMain = main
	u.banner = container.NewHBox(
		widget.NewIcon(theme.InfoIcon()),
		widget.NewLabel("Showing the built-in history."),
		widget.NewButton("Import official data…", u.showGetData),
	)
	u.banner.Hide()
	statusBar := container.NewBorder(nil, nil, u.banner, u.busy, u.status)
	u.win.SetContent(container.NewBorder(u.toolbar(), statusBar, nil, nil, main))
}

// savedKind is the view shown when the window last closed: saved by kind,
// or by tab index as before views were registered.
func savedKind(prefs fyne.Preferences, vs []views.View) views.Kind {
	if v, ok := views.Lookup(views.Kind(prefs.String(prefView))); ok {
		return v.Kind
	}
	if i := prefs.IntWithFallback(prefTab, 0); i >= 0 && i < len(vs) {
		return vs[i].Kind
	}
	return vs[0].Kind
}

// setStatus shows a line in the status bar.
func (u *ui) setStatus(s string) { u.status.SetText(s) }

// attach starts using an opened store: load the built-in history into an
// empty database, then the vote table.
func (u *ui) attach(st *data.Store) {
	u.store = st
	u.setStatus("Loading " + st.Path() + "…")
	u.busy.Show()
	// The charts' common glyphs are rasterised while the table loads, on
	// the other core, so that no chart's first drawing waits for them.
	go charts.WarmText(context.Background(), float64(u.win.Canvas().Scale()))
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
	s += " · " + plural(info.Positions, "position")
	if info.Speeches.Count > 0 {
		s += " · " + thousands(info.Speeches.Count) + " " + record.Plural(info.Speeches.Count, "speech", "speeches")
	}
	s += " · " + plural(len(info.Imports), "import")
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

// tabChanged shows the selected tab's view: the shared split moves into
// it, the chart area into the positions view or back, and the filter
// panel enables the controls the view reads.
func (u *ui) tabChanged() {
	i := u.tabs.SelectedIndex()
	if i < 0 {
		return
	}
	u.view = u.views[i]
	u.app.Preferences().SetString(prefView, string(u.view.Kind))
	for _, it := range u.tabs.Items {
		it.Content = layout.NewSpacer()
	}
	if u.view.Uses(views.UsesPositions) {
		u.positions.hold(u.chartArea)
		u.splitContent.Leading = u.positions.obj
	} else {
		u.positions.hold(nil)
		u.splitContent.Leading = u.chartArea
	}
	u.filters.showFor(u.view)
	u.tabs.Items[i].Content = u.splitContent
	u.splitContent.Refresh()
	u.tabs.Refresh()
	u.refreshNow()
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
	t, info := u.table, u.info
	u.mu.Unlock()
	if t == nil {
		return
	}
	gen := u.gen.Add(1)
	j := job{table: t, info: info, filter: u.model.Get(), view: u.view, size: u.chartPixels(),
		scale: u.win.Canvas().Scale(), dark: u.app.Settings().ThemeVariant() == theme.VariantDark,
		surface: u.surfaces.get()}
	if u.view.Uses(views.UsesPositions) {
		j.positions, j.topic = u.positions.all, u.positions.topic.Selected
	}
	if u.view.Uses(views.UsesSpeeches) {
		j.mentions = u.countMentions
	}
	// An estimation no view waits for any longer stops, rather than
	// taking the cores from the charts that are wanted.
	if u.view.Uses(views.UsesIdeal) {
		j.ideal = u.idealRunFor(j)
		j.listed = func(rows []rowView, countries []string) {
			u.do(func() {
				if u.gen.Load() == gen {
					u.rolls.set(rows, countries)
				}
			})
		}
	} else {
		u.stopIdeal()
	}
	go func() {
		r := compute(j)
		u.do(func() {
			if u.gen.Load() != gen {
				u.surfaces.put(r.surface)
				return
			}
			u.show(r)
			if u.shown.Swap(gen) == 0 {
				trace("first chart shown")
			}
			u.warmMap(j)
		})
	}()
}

// warmMap prepares the world map's outlines in the background once a
// chart of a new size is shown, so that turning to a map at that size
// does not wait for them.
func (u *ui) warmMap(j job) {
	if j.size == u.mapWarmed || j.size.X <= 0 || j.size.Y <= 0 {
		return
	}
	u.mapWarmed = j.size
	go charts.WarmMap(context.Background(), charts.Options{Width: j.size.X, Height: j.size.Y, Scale: float64(j.scale)})
}

// chartPixels is the chart area's size in device pixels.
func (u *ui) chartPixels() image.Point {
	s := u.chartBox.Size()
	scale := u.win.Canvas().Scale()
	w, h := int(s.Width*scale), int(s.Height*scale)
	return image.Pt(w, h)
}

func (u *ui) show(r *result) {
	if prev := u.last; prev != nil && prev.surface != r.surface {
		// The image shown until now is replaced (or hidden, on an error).
		u.surfaces.put(prev.surface)
	}
	u.last = r
	u.rolls.set(r.rows, r.countries)
	if u.view.Uses(views.UsesPositions) {
		u.positions.set(r.positions, r.topics, r.topic)
	}
	u.estimate.box.Hide()
	u.retry.Hide()
	if r.err != nil {
		// A cancelled estimation is the user's choice, not a failure: the
		// chart area says so and offers to start again.
		u.pointer.setHits(nil, image.Point{})
		u.chartMsg.SetText(r.err.Error())
		if r.cancelled {
			u.chartMsg.SetText(cancelledText)
			u.retry.Show()
		}
		u.chartMsg.Show()
		u.chart.Hide()
		return
	}
	u.chartMsg.Hide()
	if r.img != nil {
		u.chart.Image = r.img
		u.chart.Show()
		u.chart.Refresh()
		u.pointer.setHits(r.hits, r.img.Bounds().Size())
	}
}

// toggleCountry adds a state clicked on the map to the chosen countries,
// or removes it, through the model, so that the panel, the table and the
// chart follow; the redrawn map outlines the chosen states. A historical
// state's code is toggled like any other.
func (u *ui) toggleCountry(iso3 string) {
	u.model.Update(func(f *filterState) {
		if i := slices.Index(f.Countries, iso3); i >= 0 {
			f.Countries = slices.Delete(f.Countries, i, i+1)
		} else {
			f.Countries = append(f.Countries, iso3)
		}
	})
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
func (u *ui) selectKind(kind views.Kind) {
	for i, v := range u.views {
		if v.Kind == kind {
			u.tabs.SelectIndex(i)
		}
	}
}

// plural writes a count with its noun: "1 import", "6 imports".
func plural(n int, noun string) string {
	return thousands(n) + " " + record.Plural(n, noun, noun+"s")
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
