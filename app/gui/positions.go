package gui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"plenary/data"
	"plenary/data/countries"
	"plenary/data/record"
)

// positionsView lists the recorded positions the filter selects (all
// countries' when none is chosen), with a form to add, edit and delete
// them, and beside the list the chart area, which on this view shows the
// positions-timeline chart of one topic.
type positionsView struct {
	hooks     positionsHooks
	model     *filterModel
	list      *widget.Table
	all       []record.Position // every recorded position, as last loaded
	shown     []record.Position // those the filter selects, as the last chart did
	selected  int
	topic     *widget.Select
	setting   bool            // the topic choice is being set from a result
	chartSlot *fyne.Container // holds the window's chart area while this view shows
	obj       fyne.CanvasObject
}

// positionsHooks are what the positions view asks of the window.
type positionsHooks struct {
	win       fyne.Window
	store     func() *data.Store
	do        func(func())
	status    func(string)
	importCSV func()
	saveAs    func(saveTarget) *saveForm
	changed   func() // the positions or the timeline's topic changed
}

var positionCols = []struct {
	title string
	width float32
}{{"Date", 96}, {"Country", 110}, {"Topic", 180}, {"Stance", 80}, {"Summary", 380}, {"Source", 160}}

func newPositionsView(m *filterModel, h positionsHooks) *positionsView {
	p := &positionsView{model: m, hooks: h, selected: -1}
	p.list = widget.NewTableWithHeaders(
		func() (int, int) { return len(p.shown), len(positionCols) },
		func() fyne.CanvasObject {
			// A label, or for a source that is a web address, a link.
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			h := widget.NewHyperlink("", nil)
			h.Truncation = fyne.TextTruncateEllipsis
			h.Hide()
			return container.NewStack(l, h)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(p.shown) {
				return
			}
			pos := p.shown[id.Row]
			cell := o.(*fyne.Container)
			l, h := cell.Objects[0].(*widget.Label), cell.Objects[1].(*widget.Hyperlink)
			l.Show()
			h.Hide()
			switch id.Col {
			case 0:
				l.SetText(pos.Date)
			case 1:
				l.SetText(countryName(pos.Country))
			case 2:
				l.SetText(pos.Topic)
			case 3:
				l.SetText(string(pos.Stance))
			case 4:
				l.SetText(pos.Summary)
			case 5:
				if u := webURL(pos.Source); u != nil {
					h.SetText(pos.Source)
					h.SetURL(u)
					h.Show()
					l.Hide()
				} else {
					l.SetText(pos.Source)
				}
			}
		})
	p.list.ShowHeaderColumn = false
	p.list.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(positionCols[id.Col].title)
		}
	}
	for i, c := range positionCols {
		p.list.SetColumnWidth(i, c.width)
	}
	p.list.OnSelected = func(id widget.TableCellID) { p.selected = id.Row }
	p.list.OnUnselected = func(widget.TableCellID) { p.selected = -1 }
	p.obj = p.layout()
	return p
}

// layout puts the buttons and the list on the left, the timeline's topic
// and the chart slot on the right.
func (p *positionsView) layout() fyne.CanvasObject {
	add := widget.NewButton("Add…", func() { p.edit(nil) })
	editBtn := widget.NewButton("Edit…", func() {
		if p.selected >= 0 && p.selected < len(p.shown) {
			pos := p.shown[p.selected]
			p.edit(&pos)
		}
	})
	del := widget.NewButton("Delete", p.deleteSelected)
	imp := widget.NewButton("Import CSV…", p.hooks.importCSV)
	exp := widget.NewButton("Export CSV…", func() { p.exportCSV() })
	p.topic = widget.NewSelect(nil, func(string) {
		if !p.setting {
			p.hooks.changed()
		}
	})
	p.topic.PlaceHolder = "Topic for the timeline"
	p.chartSlot = container.NewStack()
	bar := container.NewHBox(add, editBtn, del, widget.NewSeparator(), imp, exp)
	left := container.NewBorder(bar, nil, nil, nil, p.list)
	right := container.NewBorder(p.topic, nil, nil, nil, p.chartSlot)
	split := container.NewHSplit(left, right)
	split.Offset = 0.5
	return split
}

// hold shows the window's chart area in this view, or takes it out (nil).
func (p *positionsView) hold(chart fyne.CanvasObject) {
	p.chartSlot.RemoveAll()
	if chart != nil {
		p.chartSlot.Add(chart)
	}
}

func countryName(iso string) string {
	if c, ok := countries.ByISO3(iso); ok {
		return c.Name
	}
	return iso
}

// reload reads the positions from the store (in the background).
func (p *positionsView) reload() { p.reloadThen(nil) }

// reloadThen reloads, then runs then (if not nil) on the UI goroutine once
// the view has the new positions.
func (p *positionsView) reloadThen(then func()) {
	st := p.hooks.store()
	if st == nil {
		return
	}
	go func() {
		all, err := st.Positions(ctxBackground)
		p.hooks.do(func() {
			if err != nil {
				dialog.ShowError(err, p.hooks.win)
			} else {
				p.all = all
				p.hooks.changed()
			}
			if then != nil {
				then()
			}
		})
	}()
}

// set shows what the last chart of this view selected: the positions of
// the list, the topics they cover and the topic the timeline shows.
func (p *positionsView) set(shown []record.Position, topics []string, topic string) {
	p.shown = shown
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.setting = true
	defer func() { p.setting = false }()
	p.topic.SetOptions(topics)
	if topic != p.topic.Selected {
		p.topic.SetSelected(topic)
	}
}

// positionForm is the validated form that adds or edits a position.
type positionForm struct {
	id                           int64
	country, date, topic, source *widget.Entry
	summary, quote               *widget.Entry
	stance                       *widget.RadioGroup
	items                        []*widget.FormItem
}

func newPositionForm(cur record.Position) *positionForm {
	f := &positionForm{id: cur.ID}
	f.country = widget.NewEntry()
	f.country.SetText(cur.Country)
	f.country.SetPlaceHolder("ISO3 code or name")
	f.country.Validator = func(s string) error {
		if _, ok := countries.Lookup(s); !ok {
			return errors.New("unknown country")
		}
		return nil
	}
	f.date = widget.NewEntry()
	f.date.SetText(cur.Date)
	f.date.SetPlaceHolder("YYYY-MM-DD")
	f.date.Validator = func(s string) error {
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return errors.New("a date like 2025-02-24")
		}
		return nil
	}
	f.topic = widget.NewEntry()
	f.topic.SetText(cur.Topic)
	f.topic.Validator = nonEmpty("a topic")
	f.stance = widget.NewRadioGroup([]string{string(record.Supports), string(record.Opposes), string(record.Neutral)}, nil)
	f.stance.Horizontal = true
	f.stance.Required = true
	f.stance.SetSelected(string(cur.Stance))
	f.summary = widget.NewEntry()
	f.summary.SetText(cur.Summary)
	f.summary.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a one-line summary")
		}
		if strings.ContainsAny(s, "\r\n") {
			return errors.New("one line only")
		}
		return nil
	}
	f.quote = widget.NewMultiLineEntry()
	f.quote.SetText(cur.Quote)
	f.quote.SetMinRowsVisible(2)
	f.source = widget.NewEntry()
	f.source.SetText(cur.Source)
	f.source.SetPlaceHolder("link or document")
	f.items = []*widget.FormItem{
		widget.NewFormItem("Country", f.country),
		widget.NewFormItem("Date", f.date),
		widget.NewFormItem("Topic", f.topic),
		widget.NewFormItem("Stance", f.stance),
		widget.NewFormItem("Summary", f.summary),
		widget.NewFormItem("Quote", f.quote),
		widget.NewFormItem("Source", f.source),
	}
	return f
}

// validate checks every field, as the form's Save button does.
func (f *positionForm) validate() error {
	for _, e := range []*widget.Entry{f.country, f.date, f.topic, f.summary} {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	if f.stance.Selected == "" {
		return errors.New("choose a stance")
	}
	return nil
}

// position is the form's content.
func (f *positionForm) position() record.Position {
	iso, _ := countries.Lookup(f.country.Text)
	return record.Position{ID: f.id, Country: iso, Date: f.date.Text, Topic: strings.TrimSpace(f.topic.Text),
		Stance: record.Stance(f.stance.Selected), Summary: strings.TrimSpace(f.summary.Text), Quote: f.quote.Text, Source: strings.TrimSpace(f.source.Text)}
}

// edit opens the position form: a new position when pos is nil. Save is
// enabled only while every field is valid.
func (p *positionsView) edit(pos *record.Position) *positionForm {
	if st := p.hooks.store(); st == nil || st.ReadOnly() {
		dialog.ShowError(errors.New("the database is not writable"), p.hooks.win)
		return nil
	}
	cur := record.Position{Date: time.Now().Format("2006-01-02"), Stance: record.Supports}
	if c := p.model.Get().Countries; len(c) == 1 {
		cur.Country = c[0]
	}
	if pos != nil {
		cur = *pos
	}
	f := newPositionForm(cur)
	title := "New position"
	if pos != nil {
		title = "Edit position"
	}
	d := dialog.NewForm(title, "Save", "Cancel", f.items, func(ok bool) {
		if ok {
			p.save(f.position())
		}
	}, p.hooks.win)
	d.Resize(fyne.NewSize(620, 520))
	d.Show()
	return f
}

func nonEmpty(what string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(what)
		}
		return nil
	}
}

// save writes a position and reloads the list; done (if not nil) is
// closed when the list shows the result.
func (p *positionsView) save(pos record.Position) (done chan struct{}) {
	done = make(chan struct{})
	go func() {
		_, err := p.hooks.store().SavePosition(ctxBackground, pos)
		p.hooks.do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("the position was not saved: %w", err), p.hooks.win)
				close(done)
				return
			}
			p.hooks.status("Position saved")
			p.reloadThen(func() { close(done) })
		})
	}()
	return done
}

func (p *positionsView) deleteSelected() {
	if p.selected < 0 || p.selected >= len(p.shown) {
		return
	}
	pos := p.shown[p.selected]
	dialog.ShowConfirm("Delete position", fmt.Sprintf("Delete the position of %s on %s (%s)?", countryName(pos.Country), pos.Topic, pos.Date), func(ok bool) {
		if ok {
			p.remove(pos)
		}
	}, p.hooks.win)
}

// remove deletes a position; done is closed when the list shows it gone.
func (p *positionsView) remove(pos record.Position) (done chan struct{}) {
	done = make(chan struct{})
	go func() {
		err := p.hooks.store().DeletePosition(ctxBackground, pos.ID)
		p.hooks.do(func() {
			if err != nil {
				dialog.ShowError(err, p.hooks.win)
				close(done)
				return
			}
			p.reloadThen(func() { close(done) })
		})
	}()
	return done
}

// exportCSV writes the listed positions as a positions CSV, which Plenary
// imports back.
func (p *positionsView) exportCSV() *saveForm {
	shown := slices.Clone(p.shown)
	return p.hooks.saveAs(saveTarget{
		title: "Export positions", confirm: "Export",
		name: "plenary_positions.csv", ext: ".csv", dirKey: prefExportDir,
		failure: "the positions were not exported",
		write:   func(path string) error { return writePositionsCSV(path, shown) },
		done: func(path string) {
			p.hooks.status(fmt.Sprintf("Exported %d positions to %s", len(shown), path))
		},
	})
}
