package gui

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"plenary/app/views"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
)

func TestFilterModelNotifies(t *testing.T) {
	m := newFilterModel(defaultFilter())
	var got []filterState
	var order []int
	m.OnChange(func(f filterState) { got = append(got, f); order = append(order, 1) })
	m.OnChange(func(f filterState) {
		order = append(order, 2)
		f.Countries[0] = "XXX" // a listener's copy is its own
	})
	m.Set(defaultFilter())
	if len(got) != 0 {
		t.Fatalf("setting the same filter notified %d times", len(got))
	}
	m.Update(func(f *filterState) { f.Countries = append(f.Countries, "BRA"); f.Body = "GA" })
	if len(got) != 1 || !slices.Equal(order, []int{1, 2}) {
		t.Fatalf("one change: %d notifications, order %v", len(got), order)
	}
	want := defaultFilter()
	want.Countries, want.Body = append(want.Countries, "BRA"), "GA"
	if !got[0].equal(want) || !m.Get().equal(want) {
		t.Errorf("after the change: notified %+v, model %+v, want %+v", got[0], m.Get(), want)
	}
	m.Update(func(f *filterState) {})
	if len(got) != 1 {
		t.Error("an update that changes nothing notified")
	}
}

// TestFilterModelDrivesWindow sets the model from outside the panel: the
// panel's widgets show it, the views redraw, a later change from a widget
// drops the focused roll call, and a new window on the same settings
// opens on the same filter and view.
func TestFilterModelDrivesWindow(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Sample(t).Path))
	set := filterState{Countries: []string{"BRA", "ZAF"}, Body: "GA", From: "2025-01-01", To: "2025-12-31",
		Topic: "Ukraine", Text: "peace", Contested: true, Ref: "ZAF", Metric: compare.Coincidence.String(), Focus: 0}
	u.sync(func() {
		u.selectKind(views.AgreementRank)
		u.model.Set(set)
	})
	waitIdle(t, u)
	u.sync(func() {
		p := u.filters
		if !slices.Equal(p.picker.selected, set.Countries) || p.body.Selected != "GA" || p.from.Text != set.From ||
			p.to.Text != set.To || p.topic.Text != set.Topic || p.text.Text != set.Text || !p.contested.Checked ||
			p.important.Checked || p.ref.Text != "ZAF" || p.metric.Selected != metricLabel(compare.Coincidence) {
			t.Errorf("the panel does not show the model's filter")
		}
		if !u.model.Get().equal(set) {
			t.Errorf("showing the filter changed it: %+v", u.model.Get())
		}
		if got := u.last.chart.Meta.Subtitle; !containsAll(got, "2025-01-01–2025-12-31", "“Ukraine”", "BRA, ZAF") {
			t.Errorf("the chart's subtitle does not state the filter: %q", got)
		}
		u.model.Update(func(f *filterState) { f.Focus = 42 })
		u.filters.important.SetChecked(true)
		if f := u.model.Get(); f.Focus != 0 || !f.Important {
			t.Errorf("after a change in the panel: important %v, focus %d", f.Important, f.Focus)
		}
	})

	var saved filterState
	if err := json.Unmarshal([]byte(u.app.Preferences().String(prefFilter)), &saved); err != nil {
		t.Fatal(err)
	}
	want := set
	want.Important = true
	if !saved.equal(want) {
		t.Errorf("saved %+v, want %+v", saved, want)
	}
	u.sync(func() {
		w := u.app.NewWindow("Plenary")
		w.Resize(fyne.NewSize(1200, 800))
		u2 := newUI(u.app, w)
		if !u2.model.Get().equal(want) || u2.view.Kind != views.AgreementRank {
			t.Errorf("a new window opens on %+v, view %s", u2.model.Get(), u2.view.Kind)
		}
		if !u2.filters.important.Checked || u2.filters.ref.Text != "ZAF" {
			t.Error("a new window's panel does not show the saved filter")
		}
		w.Close()

		// Settings saved before views had a registry name the tab by index.
		u.app.Preferences().RemoveValue(prefView)
		u.app.Preferences().SetInt(prefTab, 4)
		w = u.app.NewWindow("Plenary")
		if u3 := newUI(u.app, w); u3.view.Kind != views.Views()[4].Kind {
			t.Errorf("saved tab 4 opens %s", u3.view.Kind)
		}
		w.Close()
	})
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// TestFilterStateEqualEveryField changes each saved field of the state in
// turn, found by reflection so that a new field is covered without a
// change here: equal tells each change apart, and an empty list or map
// equals none.
func TestFilterStateEqualEveryField(t *testing.T) {
	base := defaultFilter()
	rt := reflect.TypeOf(base)
	for i := range rt.NumField() {
		f := base.clone()
		fv := reflect.ValueOf(&f).Elem().Field(i)
		switch fv.Kind() {
		case reflect.String:
			fv.SetString(fv.String() + "x")
		case reflect.Bool:
			fv.SetBool(!fv.Bool())
		case reflect.Int, reflect.Int64:
			fv.SetInt(fv.Int() + 1)
		case reflect.Slice:
			fv.Set(reflect.Append(fv, reflect.ValueOf("BRA")))
		case reflect.Array:
			fv.Index(0).SetString("BRA")
		case reflect.Map:
			fv.Set(reflect.ValueOf(map[string]string{"min-n": "5"}))
		default:
			t.Fatalf("field %s: kind %s not covered by the test", rt.Field(i).Name, fv.Kind())
		}
		if f.equal(base) || base.equal(f) {
			t.Errorf("a change of %s is not seen", rt.Field(i).Name)
		}
	}
	a, b := base.clone(), base.clone()
	a.Countries, b.Countries = nil, []string{}
	a.Inputs, b.Inputs = nil, map[string]string{}
	if !a.equal(b) {
		t.Error("an empty list or map differs from none")
	}
}

// TestAffectsComparesRequests: a view is redrawn when the request it
// reads changes, whatever field carries it, and not otherwise.
func TestAffectsComparesRequests(t *testing.T) {
	rank, _ := views.Lookup(views.AgreementRank)
	grid, _ := views.Lookup(views.VoteGrid)
	sc, _ := views.Lookup(views.SCAbstentions)
	base := defaultFilter()
	for _, tc := range []struct {
		name   string
		change func(*filterState)
		view   views.View
		want   bool
	}{
		{"min-n on the ranking", func(f *filterState) { f.Inputs = map[string]string{"min-n": "40"} }, rank, true},
		{"min-n on the grid", func(f *filterState) { f.Inputs = map[string]string{"min-n": "40"} }, grid, false},
		{"metric on the ranking", func(f *filterState) { f.Metric = "voeten" }, rank, true},
		{"metric on the grid", func(f *filterState) { f.Metric = "voeten" }, grid, false},
		{"a metric spelt two ways", func(f *filterState) { f.Metric = "Identical" }, rank, false},
		{"the body of the Security Council view", func(f *filterState) { f.Body = "GA" }, sc, false},
		{"a year on the grid", func(f *filterState) { f.Year = 2001 }, grid, false},
		{"the period on the grid", func(f *filterState) { f.From = "2001-01-01" }, grid, true},
		{"a country on the grid", func(f *filterState) { f.Countries = append(f.Countries, "BRA") }, grid, true},
	} {
		cur := base.clone()
		tc.change(&cur)
		if got := affects(tc.view, nil, base, cur); got != tc.want {
			t.Errorf("%s: affects = %v, want %v", tc.name, got, tc.want)
		}
	}
}
