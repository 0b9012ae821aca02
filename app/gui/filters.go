package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"plenary/data/countries"
)

// filterPanel holds the widgets that edit the filter. Every change updates
// u.filter and asks for a refresh; the refresh is debounced, so typing a
// date or a search word does not render a chart per keystroke.
type filterPanel struct {
	u         *ui
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
	loading   bool // true while widgets are set from saved settings
	obj       fyne.CanvasObject
}

var metricLabels = []string{"Identical votes", "Voeten index", "State Dept. coincidence"}
var metricIDs = []string{"identical", "voeten", "coincidence"}

func newFilterPanel(u *ui) *filterPanel {
	p := &filterPanel{u: u}
	changed := func() {
		if !p.loading {
			u.filterChanged()
		}
	}
	p.picker = newCountryPicker(func(sel []string) {
		u.filter.Countries = append([]string(nil), sel...)
		p.updateRefChoices()
		changed()
	})
	quick := container.NewGridWithColumns(3)
	for _, g := range countries.Groupings() {
		g := g
		label := shortGroup(g.Name)
		b := widget.NewButton(label, func() {
			p.picker.add(g.At(time.Now().Format("2006-01-02"))...)
		})
		b.Importance = widget.LowImportance
		quick.Add(b)
	}
	clear := widget.NewButton("Clear", func() { p.picker.clear() })
	clear.Importance = widget.LowImportance
	quick.Add(clear)

	p.body = widget.NewRadioGroup([]string{"GA", "SC", "Both"}, func(s string) {
		if s == "Both" {
			s = ""
		}
		u.filter.Body = s
		changed()
	})
	p.body.Horizontal = true
	p.body.Required = true

	p.from = dateEntry("from")
	p.to = dateEntry("to")
	onDate := func(string) {
		if p.from.Validate() != nil || p.to.Validate() != nil {
			return
		}
		u.filter.From, u.filter.To = p.from.Text, p.to.Text
		changed()
	}
	p.from.OnChanged, p.to.OnChanged = onDate, onDate
	p.preset = widget.NewSelect(datePresets, func(s string) {
		from, to := u.presetRange(s)
		p.loading = true
		p.from.SetText(from)
		p.to.SetText(to)
		p.loading = false
		u.filter.From, u.filter.To = from, to
		changed()
	})
	p.preset.PlaceHolder = "Period…"

	p.topic = widget.NewSelectEntry(nil)
	p.topic.SetPlaceHolder("any topic")
	p.topic.OnChanged = func(s string) { u.filter.Topic = s; changed() }
	p.text = widget.NewEntry()
	p.text.SetPlaceHolder("words in symbol or title")
	p.text.OnChanged = func(s string) { u.filter.Text = s; changed() }
	p.important = widget.NewCheck("Important votes only", func(b bool) { u.filter.Important = b; changed() })
	p.contested = widget.NewCheck("Contested votes only", func(b bool) { u.filter.Contested = b; changed() })

	p.ref = widget.NewSelectEntry(nil)
	p.ref.SetPlaceHolder("ISO3, e.g. USA")
	p.ref.OnChanged = func(s string) {
		if iso, ok := countries.Lookup(s); ok {
			u.filter.Ref = iso
			changed()
		}
	}
	p.metric = widget.NewRadioGroup(metricLabels, func(s string) {
		for i, l := range metricLabels {
			if l == s {
				u.filter.Metric = metricIDs[i]
			}
		}
		changed()
	})
	p.metric.Required = true

	form := container.NewVBox(
		heading("Countries"), p.picker.box, quick,
		heading("Body"), p.body,
		heading("Period"), p.preset, container.NewGridWithColumns(2, p.from, p.to),
		heading("Topic and text"), p.topic, p.text, p.important, p.contested,
		heading("Agreement"), widget.NewLabel("Reference country"), p.ref, p.metric,
	)
	p.obj = container.NewVScroll(container.NewPadded(form))
	return p
}

// load sets the widgets from a saved filter without triggering refreshes.
func (p *filterPanel) load(f filterState) {
	p.loading = true
	defer func() { p.loading = false }()
	p.picker.set(f.Countries)
	switch f.Body {
	case "GA", "SC":
		p.body.SetSelected(f.Body)
	default:
		p.body.SetSelected("Both")
	}
	p.from.SetText(f.From)
	p.to.SetText(f.To)
	p.topic.SetText(f.Topic)
	p.text.SetText(f.Text)
	p.important.SetChecked(f.Important)
	p.contested.SetChecked(f.Contested)
	p.ref.SetText(f.Ref)
	for i, id := range metricIDs {
		if id == f.Metric {
			p.metric.SetSelected(metricLabels[i])
		}
	}
	p.updateRefChoices()
}

func (p *filterPanel) updateRefChoices() {
	opts := append([]string(nil), p.u.filter.Countries...)
	for _, c := range []string{"USA", "RUS", "CHN", "FRA", "GBR", "IND", "BRA", "DEU", "ZAF"} {
		if !contains(opts, c) {
			opts = append(opts, c)
		}
	}
	p.ref.SetOptions(opts)
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

// Period presets; u.presetRange turns them into dates relative to the data.
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
