package gui

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
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
	// Inputs holds the text of every other input the views declare (see
	// views.Fields), by its name: a new input needs no field here.
	Inputs map[string]string `json:"inputs,omitempty"`
}

func defaultFilter() filterState {
	return filterState{Countries: []string{"USA", "RUS", "CHN", "FRA", "GBR"}, Ref: "USA", Metric: compare.Identical.String()}
}

// clone copies the state, so that a listener or a background job never
// shares the country list or the inputs with the model.
func (f filterState) clone() filterState {
	f.Countries = slices.Clone(f.Countries)
	f.Inputs = maps.Clone(f.Inputs)
	return f
}

// equal reports whether two states are the same settings: every field, as
// the JSON that saves them (an empty list or map being none), so that no
// field can be forgotten.
func (f filterState) equal(o filterState) bool {
	a, errA := json.Marshal(f.normal())
	b, errB := json.Marshal(o.normal())
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// normal is the state with an empty country list or input map as none.
func (f filterState) normal() filterState {
	if len(f.Countries) == 0 {
		f.Countries = nil
	}
	if len(f.Inputs) == 0 {
		f.Inputs = nil
	}
	return f
}

// text is the state's text of a declared input, as the input reads it:
// the inputs the window had before there were declarations keep their
// own saved fields; the roll call comes from the table's focus.
func (f filterState) text(name string) string {
	switch name {
	case "ref":
		return f.Ref
	case "metric":
		return f.Metric
	case "by":
		return f.By
	case "year":
		if f.Year != 0 {
			return strconv.Itoa(f.Year)
		}
		return ""
	case "poles":
		if f.Poles[0] != "" && f.Poles[1] != "" {
			return f.Poles[0] + "," + f.Poles[1]
		}
		return ""
	}
	return f.Inputs[name]
}

// setInput sets the text of a declared input that has no field of its
// own, on a copy of the map so that states handed out earlier keep theirs.
func (f *filterState) setInput(name, text string) {
	f.Inputs = maps.Clone(f.Inputs)
	if f.Inputs == nil {
		f.Inputs = map[string]string{}
	}
	if strings.TrimSpace(text) == "" {
		delete(f.Inputs, name)
	} else {
		f.Inputs[name] = text
	}
}

// request is the chart request of the state for a kind, every input read
// by its declaration; t, when given, names the focused roll call.
func (f filterState) request(k views.Kind, t *record.Table) views.Request {
	r := views.NewRequest(k)
	r.Filter = f.compareFilter()
	for _, in := range views.Fields() {
		text := f.text(in.Name)
		if in.Input == views.UsesSymbol {
			text = focusSymbol(t, f.Focus)
		}
		// A setting that does not read (saved by another Plenary) keeps
		// the input's default, as Parse leaves it.
		_ = in.Parse(&r, text)
	}
	return r
}

// focusSymbol is the symbol of the roll call chosen in the table, or "".
func focusSymbol(t *record.Table, id int64) string {
	if t == nil || id == 0 {
		return ""
	}
	for i := range t.RollCalls {
		if t.RollCalls[i].ID == id {
			return t.RollCalls[i].Symbol
		}
	}
	return ""
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
func (f filterState) metric() compare.Metric { return f.request("", nil).Metric }

// by is the chosen grouping of the ideal points into periods; an unknown
// setting falls back to calendar years.
func (f filterState) by() idealpoint.By { return f.request("", nil).By }

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
