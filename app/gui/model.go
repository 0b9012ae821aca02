package gui

import (
	"slices"
	"strings"

	"plenary/app/views"
	"plenary/data/compare"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// filterState is what the filter panel selects, plus the roll call chosen
// in the table. It is saved as JSON so that the window reopens on the last
// view; the field names are the saved settings' and never change.
type filterState struct {
	Countries []string `json:"countries"`
	Body      string   `json:"body"` // "GA", "SC" or "" for both
	From      string   `json:"from"` // YYYY-MM-DD or ""
	To        string   `json:"to"`
	Topic     string   `json:"topic"`
	Text      string   `json:"text"`
	Important bool     `json:"important"`
	Contested bool     `json:"contested"`
	Ref       string   `json:"ref"`    // reference country of the agreement views
	Metric    string   `json:"metric"` // a compare.Metric's String
	Focus     int64    `json:"focus"`  // roll call chosen in the table, 0 = none
	// The ideal-point views' choices: the period of the one-period views
	// (0 = the last), the two poles of the alignment view (empty: the
	// default ones) and whether periods are years or sessions (an
	// idealpoint.By's String; empty: years).
	Year  int       `json:"year"`
	Poles [2]string `json:"poles"`
	By    string    `json:"by"`
	// Query is the search of the speech views (mentions-time, -map).
	Query string `json:"query"`
}

func defaultFilter() filterState {
	return filterState{Countries: []string{"USA", "RUS", "CHN", "FRA", "GBR"}, Ref: "USA", Metric: compare.Identical.String()}
}

// clone copies the state, so that a listener or a background job never
// shares the country list with the model.
func (f filterState) clone() filterState {
	f.Countries = slices.Clone(f.Countries)
	return f
}

// equal compares two states field by field.
func (f filterState) equal(o filterState) bool {
	return slices.Equal(f.Countries, o.Countries) && f.Body == o.Body && f.From == o.From && f.To == o.To &&
		f.Topic == o.Topic && f.Text == o.Text && f.Important == o.Important && f.Contested == o.Contested &&
		f.Ref == o.Ref && f.Metric == o.Metric && f.Focus == o.Focus &&
		f.Year == o.Year && f.Poles == o.Poles && f.By == o.By
}

// compareFilter turns the panel's state into the comparison filter.
func (f filterState) compareFilter() compare.Filter {
	cf := compare.Filter{
		Countries: f.Countries,
		Body:      record.Body(f.Body),
		From:      f.From,
		To:        f.To,
		Text:      strings.TrimSpace(f.Text),
		Important: f.Important,
		Contested: f.Contested,
	}
	if t := strings.TrimSpace(f.Topic); t != "" {
		cf.Topics = []string{t}
	}
	return cf
}

// metric is the chosen agreement metric; a setting saved by a later
// Plenary that this one does not know falls back to the default.
func (f filterState) metric() compare.Metric {
	m, _ := compare.ParseMetric(f.Metric)
	return m
}

// by is the chosen grouping of the ideal points into periods; an unknown
// setting falls back to calendar years.
func (f filterState) by() idealpoint.By {
	b, _ := idealpoint.ParseBy(f.By)
	return b
}

// poles are the alignment view's poles; an unset one (a setting saved
// before there were poles) takes the default pair.
func (f filterState) poles() [2]string {
	if f.Poles[0] == "" || f.Poles[1] == "" {
		return views.DefaultPoles
	}
	return f.Poles
}

// filterModel is the one owner of the window's filter. Panels change it
// through Set and Update, and whatever depends on it (the views, the saved
// settings, the panels showing it) registers with OnChange, so that no
// panel needs to know who else reacts to a change. It is used on the UI
// goroutine only.
type filterModel struct {
	state     filterState
	listeners []func(filterState)
}

func newFilterModel(f filterState) *filterModel {
	return &filterModel{state: f.clone()}
}

// Get returns a copy of the current filter.
func (m *filterModel) Get() filterState { return m.state.clone() }

// Set replaces the filter and notifies the listeners if it changed.
func (m *filterModel) Set(f filterState) {
	if f.equal(m.state) {
		return
	}
	m.state = f.clone()
	for _, l := range m.listeners {
		l(m.state.clone())
	}
}

// Update changes the filter in place, then notifies as Set does.
func (m *filterModel) Update(change func(*filterState)) {
	f := m.Get()
	change(&f)
	m.Set(f)
}

// OnChange registers a listener, called in registration order after every
// change with the new filter.
func (m *filterModel) OnChange(l func(filterState)) {
	m.listeners = append(m.listeners, l)
}
