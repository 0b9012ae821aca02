package gui

import (
	"errors"
	"fmt"
	"image"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plenary/charts"
	"plenary/data/countries"
	"plenary/data/record"
	"plenary/data/safefile"
)

// positionsView lists the recorded positions of the selected countries
// (all countries when none is selected), with a form to add, edit and
// delete them, and a timeline of the stances on one topic beside the list.
type positionsView struct {
	u        *ui
	list     *widget.Table
	all      []record.Position
	shown    []record.Position
	selected int
	topic    *widget.Select
	timeline *canvas.Image
	redraw   *time.Timer
	obj      fyne.CanvasObject
	lastImg  *result
}

var positionCols = []struct {
	title string
	width float32
}{{"Date", 96}, {"Country", 110}, {"Topic", 180}, {"Stance", 80}, {"Summary", 380}, {"Source", 160}}

func newPositionsView(u *ui) *positionsView {
	p := &positionsView{u: u, selected: -1}
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
				if u := sourceLink(pos.Source); u != nil {
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

	add := widget.NewButton("Add…", func() { p.edit(nil) })
	editBtn := widget.NewButton("Edit…", func() {
		if p.selected >= 0 && p.selected < len(p.shown) {
			pos := p.shown[p.selected]
			p.edit(&pos)
		}
	})
	del := widget.NewButton("Delete", p.deleteSelected)
	imp := widget.NewButton("Import CSV…", u.chooseImport)
	exp := widget.NewButton("Export CSV…", p.exportCSV)
	p.topic = widget.NewSelect(nil, func(string) { p.drawTimeline() })
	p.topic.PlaceHolder = "Topic for the timeline"
	p.timeline = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	p.timeline.FillMode = canvas.ImageFillContain
	bar := container.NewHBox(add, editBtn, del, widget.NewSeparator(), imp, exp)
	left := container.NewBorder(bar, nil, nil, nil, p.list)
	area := &sizeWatcher{content: p.timeline, onResize: func(fyne.Size) { p.redrawSoon() }}
	area.ExtendBaseWidget(area)
	right := container.NewBorder(p.topic, nil, nil, nil, area)
	split := container.NewHSplit(left, right)
	split.Offset = 0.5
	p.obj = split
	return p
}

func countryName(iso string) string {
	if c, ok := countries.ByISO3(iso); ok {
		return c.Name
	}
	return iso
}

// reload reads the positions from the store (in the background).
func (p *positionsView) reload() { p.reloadThen(nil) }

func (p *positionsView) reloadThen(then func()) {
	st := p.u.store
	if st == nil {
		return
	}
	go func() {
		all, err := st.Positions(ctxBackground)
		p.u.do(func() {
			if err != nil {
				p.u.showError(err)
			} else {
				p.all = all
				p.applyFilter()
			}
			if then != nil {
				then()
			}
		})
	}()
}

// applyFilter shows the positions of the selected countries, in the date
// range and matching the text, and offers their topics for the timeline.
func (p *positionsView) applyFilter() {
	f := p.u.filter
	p.shown = p.shown[:0]
	topics := map[string]bool{}
	var topicList []string
	for _, pos := range p.all {
		if len(f.Countries) > 0 && !contains(f.Countries, pos.Country) {
			continue
		}
		if (f.From != "" && pos.Date < f.From) || (f.To != "" && pos.Date > f.To) {
			continue
		}
		if f.Text != "" && !strings.Contains(strings.ToLower(pos.Summary+" "+pos.Topic+" "+pos.Quote), strings.ToLower(f.Text)) {
			continue
		}
		if f.Topic != "" && !strings.Contains(strings.ToLower(pos.Topic), strings.ToLower(f.Topic)) {
			continue
		}
		p.shown = append(p.shown, pos)
		if !topics[pos.Topic] {
			topics[pos.Topic] = true
			topicList = append(topicList, pos.Topic)
		}
	}
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.topic.SetOptions(topicList)
	if len(topicList) > 0 && !topics[p.topic.Selected] {
		p.topic.SetSelected(topicList[0])
	} else {
		p.drawTimeline()
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
	u := p.u
	if u.store == nil || u.store.ReadOnly() {
		u.showError(errors.New("the database is not writable"))
		return nil
	}
	cur := record.Position{Date: time.Now().Format("2006-01-02"), Stance: record.Supports}
	if len(u.filter.Countries) == 1 {
		cur.Country = u.filter.Countries[0]
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
	}, u.win)
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
		_, err := p.u.store.SavePosition(ctxBackground, pos)
		p.u.do(func() {
			if err != nil {
				p.u.showError(fmt.Errorf("the position was not saved: %w", err))
				close(done)
				return
			}
			p.u.setStatus("Position saved")
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
	}, p.u.win)
}

// remove deletes a position; done is closed when the list shows it gone.
func (p *positionsView) remove(pos record.Position) (done chan struct{}) {
	done = make(chan struct{})
	go func() {
		err := p.u.store.DeletePosition(ctxBackground, pos.ID)
		p.u.do(func() {
			if err != nil {
				p.u.showError(err)
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
func (p *positionsView) exportCSV() {
	shown := append([]record.Position(nil), p.shown...)
	p.u.saveAs(saveTarget{
		name: "plenary_positions.csv", exts: []string{".csv"}, dirKey: prefExportDir,
		failure: "the positions were not exported",
		write:   func(path string) error { return writePositionsCSV(path, shown) },
		done: func(path string) {
			p.u.setStatus(fmt.Sprintf("Exported %d positions to %s", len(shown), path))
		},
	})
}

func sourceLink(s string) *url.URL {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		if u, err := url.Parse(s); err == nil {
			return u
		}
	}
	return nil
}

// timelineChart is the positions timeline of the chosen topic.
func (p *positionsView) timelineChart() charts.PositionsTimeline {
	topic := p.topic.Selected
	title := "Recorded positions"
	if topic != "" {
		title += ": " + topic
	}
	pt := charts.PositionsTimeline{Meta: charts.Meta{
		Title:    title,
		Subtitle: p.u.filter.describe(),
		Version:  record.Version,
	}}
	sources := map[string]bool{}
	var srcList []string
	for _, pos := range p.shown {
		if pos.Topic != topic {
			continue
		}
		d, err := time.Parse("2006-01-02", pos.Date)
		if err != nil {
			continue
		}
		st := charts.StanceNeutral
		switch pos.Stance {
		case record.Supports:
			st = charts.StanceSupports
		case record.Opposes:
			st = charts.StanceOpposes
		}
		pt.Positions = append(pt.Positions, charts.Position{Country: countryName(pos.Country), Date: d, Stance: st, Summary: pos.Summary})
		if pos.Source != "" && !sources[pos.Source] && len(srcList) < 3 {
			sources[pos.Source] = true
			srcList = append(srcList, pos.Source)
		}
	}
	pt.Meta.Source = strings.Join(srcList, "; ")
	return pt
}

// redrawSoon redraws the timeline once resizing settles.
func (p *positionsView) redrawSoon() {
	if p.redraw != nil {
		p.redraw.Stop()
	}
	p.redraw = time.AfterFunc(150*time.Millisecond, func() { p.u.do(p.drawTimeline) })
}

// drawTimeline renders the timeline at the size it is shown.
func (p *positionsView) drawTimeline() {
	pt := p.timelineChart()
	s := p.timeline.Size()
	scale := p.u.win.Canvas().Scale()
	o := charts.Options{Width: int(s.Width * scale), Height: int(s.Height * scale), Scale: float64(scale)}
	if p.u.app.Settings().ThemeVariant() == theme.VariantDark {
		o.Theme = charts.Dark
	}
	go func() {
		img, err := charts.RenderImage(pt, o)
		p.u.do(func() {
			if err != nil {
				p.u.setStatus(err.Error())
				return
			}
			p.timeline.Image = img
			p.timeline.Refresh()
		})
	}()
}

// exportTimeline exports the timeline like every chart: PNG, SVG or CSV.
func (p *positionsView) exportTimeline() {
	pt := p.timelineChart()
	p.u.saveAs(saveTarget{
		name: "plenary_positions_timeline.png", dirKey: prefExportDir,
		failure: "the timeline was not exported",
		write: func(path string) error {
			return safefile.Write(path, func(w io.Writer) error {
				switch strings.ToLower(filepath.Ext(path)) {
				case ".csv":
					return charts.WriteCSV(w, pt)
				case ".svg":
					return charts.Render(w, pt, charts.Options{Format: charts.SVG})
				}
				return charts.Render(w, pt, charts.Options{})
			})
		},
		done: func(path string) { p.u.setStatus("Exported " + path) },
	})
}
