package gui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"plenary/app/views"
	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// filterPanel holds the widgets that edit the filter model. Every change
// goes to the model, whose listeners redraw (debounced, so typing a date or
// a search word does not render a chart per keystroke); a change made
// elsewhere comes back through the model and is shown in the widgets.
type filterPanel struct {
	model     *filterModel
	picker    *countryPicker
	body      *widget.RadioGroup
	preset    *widget.Select
	from, to  *widget.Entry
	topic     *widget.SelectEntry
	text      *widget.Entry
	important *widget.Check
	contested *widget.Check
	ref       *widget.SelectEntry
	metric    *widget.RadioGroup
	year      *widget.Entry          // the one-period ideal-point views' year; empty = the last
	poles     [2]*widget.SelectEntry // the alignment view's poles
	by        *widget.RadioGroup     // ideal points by year or by session
	// inputs are entries for the declared inputs that have no control of
	// their own above, each checked by its declaration.
	inputs  map[string]*widget.Entry
	extra   []fyne.CanvasObject // their labels and entries, for the form
	loading bool                // widgets are being set from the model
	editing bool                // the model is being changed from the widgets
	shown   filterState         // what the widgets show
	obj     fyne.CanvasObject
}

// bodyBoth is the body choice that sets no body.
const bodyBoth = "Both"

// newFilterPanel builds the panel on the model; presetRange turns a period
// preset into dates relative to the data.
func newFilterPanel(m *filterModel, presetRange func(string) (from, to string)) *filterPanel {
	p := &filterPanel{model: m}
	p.picker = newCountryPicker(func(sel []string) {
		p.change(func(f *filterState) { f.Countries = slices.Clone(sel) })
	})
	p.body = widget.NewRadioGroup([]string{string(record.GA), string(record.SC), bodyBoth}, func(s string) {
		if s == bodyBoth {
			s = ""
		}
		p.change(func(f *filterState) { f.Body = s })
	})
	p.body.Horizontal = true
	p.body.Required = true
	p.newPeriod(presetRange)
	p.topic = widget.NewSelectEntry(nil)
	p.topic.SetPlaceHolder("any topic")
	p.topic.OnChanged = func(s string) { p.change(func(f *filterState) { f.Topic = s }) }
	p.text = widget.NewEntry()
	p.text.SetPlaceHolder("words in symbol or title")
	p.text.OnChanged = func(s string) { p.change(func(f *filterState) { f.Text = s }) }
	p.important = widget.NewCheck("Important votes only", func(b bool) { p.change(func(f *filterState) { f.Important = b }) })
	p.contested = widget.NewCheck("Contested votes only", func(b bool) { p.change(func(f *filterState) { f.Contested = b }) })
	p.newAgreement()
	p.newIdeal()
	p.newInputs()

	form := container.NewVBox(
		heading("Countries"), p.picker.box, p.quickPicks(),
		heading("Body"), p.body,
		heading("Period"), p.preset, container.NewGridWithColumns(2, p.from, p.to),
		heading("Topic and text"), p.topic, p.text, p.important, p.contested,
		heading("Agreement"), widget.NewLabel("Reference country"), p.ref, p.metric,
		heading("Ideal points"), p.by, widget.NewLabel("Year (empty: the last)"), p.year,
		widget.NewLabel("Poles of the alignment"), container.NewGridWithColumns(2, p.poles[0], p.poles[1]),
	)
	if len(p.extra) > 0 {
		form.Add(heading("More"))
		for _, o := range p.extra {
			form.Add(o)
		}
	}
	p.obj = container.NewVScroll(container.NewPadded(form))
	p.load(m.Get())
	m.OnChange(func(f filterState) {
		if !p.editing && !p.sameAsShown(f) {
			p.load(f)
		}
		p.shown = f
	})
	return p
}

// change edits the model from a widget. A filter change makes the roll
// call chosen in the table meaningless, so it is dropped.
func (p *filterPanel) change(edit func(*filterState)) {
	if p.loading {
		return
	}
	p.editing = true
	defer func() { p.editing = false }()
	p.model.Update(func(f *filterState) {
		edit(f)
		f.Focus = 0
	})
}

// sameAsShown reports whether the widgets already show f: a change of the
// focused roll call alone needs no widget touched.
func (p *filterPanel) sameAsShown(f filterState) bool {
	f.Focus = p.shown.Focus
	return f.equal(p.shown)
}

// quickPicks are the buttons that add a whole group of countries.
func (p *filterPanel) quickPicks() fyne.CanvasObject {
	quick := container.NewGridWithColumns(3)
	for _, g := range countries.Groupings() {
		b := widget.NewButton(shortGroup(g.Name), func() {
			p.picker.add(g.At(time.Now().Format("2006-01-02"))...)
		})
		b.Importance = widget.LowImportance
		quick.Add(b)
	}
	clear := widget.NewButton("Clear", func() { p.picker.clear() })
	clear.Importance = widget.LowImportance
	quick.Add(clear)
	return quick
}

// newPeriod builds the date fields and their presets.
func (p *filterPanel) newPeriod(presetRange func(string) (from, to string)) {
	p.from = dateEntry("from")
	p.to = dateEntry("to")
	onDate := func(string) {
		if p.from.Validate() != nil || p.to.Validate() != nil {
			return
		}
		p.change(func(f *filterState) { f.From, f.To = p.from.Text, p.to.Text })
	}
	p.from.OnChanged, p.to.OnChanged = onDate, onDate
	p.preset = widget.NewSelect(datePresets, func(s string) {
		from, to := presetRange(s)
		p.setting(func() {
			p.from.SetText(from)
			p.to.SetText(to)
		})
		p.change(func(f *filterState) { f.From, f.To = from, to })
	})
	p.preset.PlaceHolder = "Period…"
}

// newAgreement builds the reference country and metric choices, the
// metrics as package compare lists and names them.
func (p *filterPanel) newAgreement() {
	p.ref = widget.NewSelectEntry(nil)
	p.ref.SetPlaceHolder("ISO3, e.g. USA")
	p.ref.Validator = func(s string) error {
		_, err := views.ParseRef(s)
		return err
	}
	p.ref.OnChanged = func(s string) {
		if iso, err := views.ParseRef(s); err == nil && iso != "" {
			p.change(func(f *filterState) { f.Ref = iso })
		}
	}
	labels := make([]string, len(compare.Metrics))
	for i, m := range compare.Metrics {
		labels[i] = metricLabel(m)
	}
	p.metric = widget.NewRadioGroup(labels, func(s string) {
		for _, m := range compare.Metrics {
			if metricLabel(m) == s {
				p.change(func(f *filterState) { f.Metric = m.String() })
			}
		}
	})
	p.metric.Required = true
}

// The choices of the ideal points' periods.
const (
	byYearLabel    = "By year"
	bySessionLabel = "By session"
)

// newIdeal builds the ideal-point views' choices: periods by year or by
// session, the year of the one-period views and the alignment's poles.
// A year or a pole reaches the model only once it reads as one, so that
// typing "Fr" on the way to "France" redraws nothing.
func (p *filterPanel) newIdeal() {
	p.by = widget.NewRadioGroup([]string{byYearLabel, bySessionLabel}, func(s string) {
		by := idealpoint.ByYear
		if s == bySessionLabel {
			by = idealpoint.BySession
		}
		p.change(func(f *filterState) { f.By = by.String() })
	})
	p.by.Horizontal = true
	p.by.Required = true
	p.year = widget.NewEntry()
	p.year.SetPlaceHolder("e.g. 2019")
	p.year.Validator = func(s string) error {
		_, err := views.ParseYear(s)
		return err
	}
	p.year.OnChanged = func(s string) {
		if y, err := views.ParseYear(s); err == nil {
			p.change(func(f *filterState) { f.Year = y })
		}
	}
	for i := range p.poles {
		e := widget.NewSelectEntry(nil)
		e.SetPlaceHolder(views.DefaultPoles[i])
		e.Validator = func(s string) error {
			_, err := p.pole(i, s)
			return err
		}
		e.OnChanged = func(s string) {
			if iso, err := p.pole(i, s); err == nil {
				p.change(func(f *filterState) {
					f.Poles = f.poles()
					f.Poles[i] = iso
				})
			}
		}
		p.poles[i] = e
	}
}

// pole resolves the text of pole entry i to a state by the alignment's
// rule, with the other pole as the model holds it: the two must differ.
func (p *filterPanel) pole(i int, s string) (string, error) {
	pair := p.model.Get().poles()
	pair[i] = s
	got, err := views.ParsePoles(pair[0] + "," + pair[1])
	if err != nil {
		return "", err
	}
	if got == ([2]string{}) {
		got = views.DefaultPoles
	}
	return got[i], nil
}

// newInputs builds an entry for each declared input that has no control
// of its own (the roll call is chosen in the table): an input added to
// the views shows here without a change to the window.
func (p *filterPanel) newInputs() {
	p.inputs = map[string]*widget.Entry{}
	for _, in := range views.Fields() {
		switch in.Name {
		case "ref", "metric", "symbol", "by", "year", "poles":
			continue
		}
		e := widget.NewEntry()
		e.SetPlaceHolder("e.g. " + in.Example)
		e.Validator = func(s string) error {
			var r views.Request
			return in.Parse(&r, s)
		}
		e.OnChanged = func(s string) {
			var r views.Request
			if in.Parse(&r, s) != nil {
				return
			}
			p.change(func(f *filterState) { f.setInput(in.Name, s) })
		}
		p.inputs[in.Name] = e
		p.extra = append(p.extra, widget.NewLabel(in.Label), e)
	}
}

// metricLabel is a metric's caption, capitalised for a choice.
func metricLabel(m compare.Metric) string {
	l := m.Label()
	if l == "" {
		return m.String()
	}
	return strings.ToUpper(l[:1]) + l[1:]
}

// setting runs f with the widgets' callbacks silenced.
func (p *filterPanel) setting(f func()) {
	was := p.loading
	p.loading = true
	defer func() { p.loading = was }()
	f()
}

// load sets the widgets from the model without changing it back.
func (p *filterPanel) load(f filterState) {
	p.shown = f
	p.setting(func() {
		p.picker.set(f.Countries)
		switch record.Body(f.Body) {
		case record.GA, record.SC:
			p.body.SetSelected(f.Body)
		default:
			p.body.SetSelected(bodyBoth)
		}
		p.from.SetText(f.From)
		p.to.SetText(f.To)
		p.topic.SetText(f.Topic)
		p.text.SetText(f.Text)
		p.important.SetChecked(f.Important)
		p.contested.SetChecked(f.Contested)
		p.ref.SetText(f.Ref)
		p.metric.SetSelected(metricLabel(f.metric()))
		p.by.SetSelected(byYearLabel)
		if f.by() == idealpoint.BySession {
			p.by.SetSelected(bySessionLabel)
		}
		p.year.SetText("")
		if f.Year != 0 {
			p.year.SetText(strconv.Itoa(f.Year))
		}
		poles := f.poles()
		p.poles[0].SetText(poles[0])
		p.poles[1].SetText(poles[1])
		for name, e := range p.inputs {
			e.SetText(f.Inputs[name])
		}
	})
	p.updateRefChoices(f.Countries)
}

// showFor enables the controls the view reads and disables the others, so
// that the panel shows what a change would affect.
func (p *filterPanel) showFor(v views.View) {
	enable(p.ref, v.Uses(views.UsesRef))
	enable(p.metric, v.Uses(views.UsesMetric))
	enable(p.year, v.Uses(views.UsesYear))
	enable(p.poles[0], v.Uses(views.UsesPoles))
	enable(p.poles[1], v.Uses(views.UsesPoles))
	enable(p.by, v.Uses(views.UsesIdeal))
	for name, e := range p.inputs {
		in, _ := views.FieldNamed(name)
		enable(e, v.Uses(in.Input))
	}
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func (p *filterPanel) updateRefChoices(chosen []string) {
	opts := slices.Clone(chosen)
	for _, c := range []string{"USA", "RUS", "CHN", "FRA", "GBR", "IND", "BRA", "DEU", "ZAF"} {
		if !contains(opts, c) {
			opts = append(opts, c)
		}
	}
	p.ref.SetOptions(opts)
	p.poles[0].SetOptions(opts)
	p.poles[1].SetOptions(opts)
}

func (p *filterPanel) setTopics(topics []string) {
	if len(topics) > 200 {
		topics = topics[:200]
	}
	p.topic.SetOptions(topics)
}

func heading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

func dateEntry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		_, err := time.Parse("2006-01-02", s)
		return err
	}
	return e
}

// Period presets; presetRange turns them into dates relative to the data.
var datePresets = []string{"All", "Last 12 months", "Last 5 years", "Latest session", "Since 2022", "Post-Cold War (1992–)", "Cold War (1946–1991)"}

// shortGroup gives a quick-pick button a label that fits a third of the
// panel.
func shortGroup(name string) string {
	switch name {
	case "Asia-Pacific":
		return "Asia-Pac."
	case "Eastern European":
		return "E. Europe"
	case "African":
		return "Africa"
	}
	return name
}
