package gui

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data"
	"plenary/data/compare/comparetest"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// idealRows selects, independently of the window, the General Assembly
// roll calls between two dates (inclusive; empty for no bound).
func idealRows(tb *record.Table, from, to string) []int {
	var rows []int
	for i, rc := range tb.RollCalls {
		if rc.Body == record.GA && (from == "" || rc.Date >= from) && (to == "" || rc.Date <= to) {
			rows = append(rows, i)
		}
	}
	return rows
}

// shown says in a line what a result holds, for a failure's message.
func shown(r *result) string {
	switch {
	case r == nil:
		return "nothing"
	case r.err != nil:
		return "the error " + r.err.Error()
	case r.chart == nil:
		return "no chart"
	}
	return fmt.Sprintf("a %s chart titled %q (empty: %v)", r.chart.Kind, r.chart.Meta.Title, r.chart.Empty)
}

// countEstimates counts the rows of the database's estimates table under
// a key, through a connection of the test's own.
func countEstimates(t *testing.T, path, key string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM estimates WHERE key = ?`, key).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestIdealTimeEstimatesWithProgress shows the ideal points of the United
// States and China over 2015–2019: the window estimates them in the
// background with a progress bar that reaches the end, draws the numbers
// the estimator gives when called directly, keeps them in the database's
// cache, and a second visit does not estimate again.
func TestIdealTimeEstimatesWithProgress(t *testing.T) {
	db := comparetest.Unvotes(t)
	path := copyDB(t, db.Path)
	u := startUI(t, path)
	u.sync(func() {
		u.model.Update(func(f *filterState) {
			f.Countries, f.Body, f.From, f.To = []string{"USA", "CHN"}, "", "2015-01-01", "2019-12-31"
		})
		u.selectKind(views.IdealTime)
	})
	waitIdle(t, u)

	rows := idealRows(db.Table, "2015-01-01", "2019-12-31")
	want, err := idealpoint.Estimate(context.Background(), db.Table, rows, idealpoint.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var run *idealRun
	var chart charts.Chart
	u.sync(func() {
		run = u.run
		if u.last.err != nil || u.last.chart == nil || u.last.chart.Kind != views.IdealTime {
			t.Errorf("the window shows %s", shown(u.last))
			return
		}
		chart = u.last.chart.Chart
	})
	if run == nil || run.result == nil {
		t.Fatal("no estimation was made")
	}
	if len(run.result.Estimates) != len(want.Estimates) || len(want.Estimates) < 150*5 {
		t.Fatalf("the window estimated %d state-years, the estimator %d", len(run.result.Estimates), len(want.Estimates))
	}
	for i, e := range want.Estimates {
		if g := run.result.Estimates[i]; g.ISO3 != e.ISO3 || g.Period != e.Period || g.Ideal != e.Ideal || g.SD != e.SD {
			t.Fatalf("estimate %d: window %+v, estimator %+v", i, g, e)
		}
	}
	checkIdealChart(t, chart, want)

	// The bar moved forward and reached the end.
	if n := len(run.progress); n < 2 || run.progress[n-1] != 1 {
		t.Errorf("progress seen: %v", run.progress)
	}
	for i := 1; i < len(run.progress); i++ {
		if run.progress[i] < run.progress[i-1] {
			t.Errorf("the progress bar went back from %.3f to %.3f", run.progress[i-1], run.progress[i])
		}
	}
	key := idealpoint.Key(db.Table, rows, idealpoint.Options{})
	if n := countEstimates(t, path, key); n != 1 {
		t.Errorf("%d rows of the estimates table hold the selection's key", n)
	}

	// Another view, then back: the estimation is not made again.
	u.sync(func() { u.selectKind(views.GABreakdown) })
	waitIdle(t, u)
	u.sync(func() { u.selectKind(views.IdealDistance) })
	waitIdle(t, u)
	u.sync(func() {
		if u.run == run || u.run.result != run.result || len(u.run.progress) != 0 || u.estimate.box.Visible() {
			t.Errorf("the second visit estimated again: progress %v", u.run.progress)
		}
		if c := u.last.chart; c == nil || c.Kind != views.IdealDistance || c.Empty {
			t.Errorf("the distance view shows %s", shown(u.last))
		}
	})
}

// checkIdealChart compares the drawn series with the estimator's. It
// runs on the tests' event loop too, so it reports without stopping the
// test there: a Fatal would end the loop, and every later hand-over would
// wait for it.
func checkIdealChart(t *testing.T, c charts.Chart, want *idealpoint.Result) {
	t.Helper()
	it, ok := c.(charts.IdealTime)
	if !ok || len(it.Series) != 2 {
		t.Errorf("the chart is a %T, not two states over time", c)
		return
	}
	for k, iso := range []string{"USA", "CHN"} {
		s, ps := it.Series[k], want.Series(iso)
		if len(s.Points) != len(ps) || len(ps) != 5 {
			t.Errorf("%s: %d points drawn, %d estimated", iso, len(s.Points), len(ps))
			continue
		}
		for i, p := range ps {
			if s.Points[i].Year != p.Period.Year || s.Points[i].Ideal != p.Ideal {
				t.Errorf("%s %d: drawn %+v, estimated %+v", iso, p.Period.Year, s.Points[i], p)
			}
		}
	}
}

// TestIdealCancel starts an estimation on the whole history and cancels
// it: meanwhile the table lists the roll calls; then the chart area says
// it was cancelled, no dialog opens and the estimation stops.
// Started again, it is cancelled by a change of the filter instead, and
// the new filter's estimation is drawn.
func TestIdealCancel(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Unvotes(t).Path))
	u.sync(func() {
		u.model.Update(func(f *filterState) { f.Countries, f.Body, f.From, f.To = []string{"USA", "CHN"}, "", "", "" })
		u.selectKind(views.IdealTime)
	})
	run := waitEstimating(t, u)
	u.sync(func() {
		// Meanwhile the table lists the roll calls of the new filter.
		if got := strings.Join(u.rolls.cols, ","); got != "USA,CHN" || len(u.rolls.rows) < 6000 {
			t.Errorf("while estimating the table lists %d roll calls for %q", len(u.rolls.rows), got)
		}
		if u.estimate.label.Text != estimatingText || !strings.HasPrefix(u.estimate.bar.TextFormatter(), "Iteration ") {
			t.Errorf("the progress says %q, %q", u.estimate.label.Text, u.estimate.bar.TextFormatter())
		}
		test.Tap(u.estimate.cancel)
	})
	<-run.done
	if !errors.Is(run.err, context.Canceled) {
		t.Fatalf("the cancelled estimation ended with %v", run.err)
	}
	waitIdle(t, u) // a redraw keeps the estimation cancelled
	u.sync(func() {
		if !u.chartMsg.Visible() || u.chartMsg.Text != cancelledText || !u.retry.Visible() || u.chart.Visible() {
			t.Errorf("the chart area shows %q (visible %v), chart visible %v", u.chartMsg.Text, u.chartMsg.Visible(), u.chart.Visible())
		}
		if n := len(u.win.Canvas().Overlays().List()); n != 0 {
			t.Errorf("%d dialogs open after cancelling", n)
		}
		if u.estimate.box.Visible() || u.last.chart != nil {
			t.Error("the progress still shows, or a chart is offered for export")
		}
		test.Tap(u.retry)
	})

	again := waitEstimating(t, u)
	if again == run {
		t.Fatal("Estimate again did not start a new estimation")
	}
	u.sync(func() { u.model.Update(func(f *filterState) { f.From, f.To = "2015-01-01", "2019-12-31" }) })
	<-again.done
	if !errors.Is(again.err, context.Canceled) {
		t.Errorf("the estimation of the old filter ended with %v", again.err)
	}
	waitIdle(t, u)
	u.sync(func() {
		if u.run == again || u.last.err != nil || u.last.chart == nil || u.last.chart.Empty {
			t.Errorf("after the filter change the window shows %s", shown(u.last))
		}
	})
}

// waitEstimating waits until the window shows the progress of an
// estimation and returns it.
func waitEstimating(t *testing.T, u *ui) *idealRun {
	t.Helper()
	var run *idealRun
	eventually(t, "the progress bar", func() bool {
		u.sync(func() {
			run = nil
			if u.estimate.box.Visible() && u.run != nil && len(u.run.progress) > 0 {
				run = u.run
			}
		})
		return run != nil
	})
	return run
}

// TestIdealControls sets the year, the poles and sessions in the filter
// panel: they reach the request (France at 1 and Russia at −1 between the
// poles France and Russia), are remembered, are enabled only for the
// views that read them, and a pole that is not a country, or equals the
// other, is refused.
func TestIdealControls(t *testing.T) {
	u := startUI(t, copyDB(t, comparetest.Unvotes(t).Path))
	p := u.filters
	u.sync(func() {
		u.model.Update(func(f *filterState) { f.Countries, f.From, f.To = []string{"USA"}, "2015-01-01", "2019-12-31" })
		u.selectKind(views.Alignment)
		for i, name := range []string{"France", "Russia"} {
			p.poles[i].SetText("")
			test.Type(p.poles[i], name)
		}
		p.year.SetText("")
		test.Type(p.year, "2017")
	})
	waitIdle(t, u)
	u.sync(func() {
		if f := u.model.Get(); f.Poles != [2]string{"FRA", "RUS"} || f.Year != 2017 {
			t.Errorf("the model holds poles %v, year %d", f.Poles, f.Year)
		}
		a, ok := u.last.chart.Chart.(charts.Alignment)
		if !ok || a.PoleA != "France" || a.PoleB != "Russia" || !containsAll(u.last.chart.Meta.Title, "2017") {
			t.Errorf("the window shows %T %q", u.last.chart.Chart, u.last.chart.Meta.Title)
			return
		}
		at := map[string]float64{}
		for _, s := range a.States {
			at[s.Country] = s.Alignment
		}
		if math.Abs(at["France"]-1) > 1e-9 || math.Abs(at["Russia"]+1) > 1e-9 || len(a.States) < 150 {
			t.Errorf("France at %v, Russia at %v, %d states", at["France"], at["Russia"], len(a.States))
		}

		// Refused: not a country, the other pole.
		for _, bad := range []string{"Atlantis", "Russian Federation"} {
			p.poles[0].SetText(bad)
			if p.poles[0].Validate() == nil || u.model.Get().Poles[0] != "FRA" {
				t.Errorf("pole %q accepted: %v", bad, u.model.Get().Poles)
			}
		}
		p.poles[0].SetText("France")
		p.by.SetSelected(bySessionLabel)
	})
	waitIdle(t, u)
	u.sync(func() {
		if u.model.Get().By != "session" || u.run.result.Options.By != idealpoint.BySession {
			t.Errorf("by session: the model holds %q, the estimation %v", u.model.Get().By, u.run.result.Options.By)
		}
		if !containsAll(u.last.chart.Meta.Title, "session 72") {
			t.Errorf("by session the title is %q", u.last.chart.Meta.Title)
		}
	})

	// The choices are remembered: a new window's panel shows them.
	var saved filterState
	if err := json.Unmarshal([]byte(u.app.Preferences().String(prefFilter)), &saved); err != nil {
		t.Fatal(err)
	}
	if saved.Poles != [2]string{"FRA", "RUS"} || saved.Year != 2017 || saved.By != "session" {
		t.Errorf("saved poles %v, year %d, by %q", saved.Poles, saved.Year, saved.By)
	}
	u.sync(func() {
		w := u.app.NewWindow("Plenary")
		u2 := newUI(u.app, w)
		q := u2.filters
		if q.poles[0].Text != "FRA" || q.poles[1].Text != "RUS" || q.year.Text != "2017" || q.by.Selected != bySessionLabel {
			t.Errorf("a new window shows poles %q %q, year %q, %q", q.poles[0].Text, q.poles[1].Text, q.year.Text, q.by.Selected)
		}
		w.Close()
	})

	// Each control is enabled for the views that read it only.
	for _, kind := range []views.Kind{views.GABreakdown, views.IdealTime, views.IdealMap, views.Alignment} {
		u.sync(func() {
			u.selectKind(kind)
			v, _ := views.Lookup(kind)
			for name, on := range map[string]bool{
				"by":    !p.by.Disabled() == v.Uses(views.UsesIdeal),
				"year":  !p.year.Disabled() == v.Uses(views.UsesYear),
				"poles": !p.poles[0].Disabled() == v.Uses(views.UsesPoles) && !p.poles[1].Disabled() == v.Uses(views.UsesPoles),
			} {
				if !on {
					t.Errorf("%s: the %s control's state does not follow the view", kind, name)
				}
			}
		})
		waitIdle(t, u)
	}
}

// TestIdealFromDatabaseCache opens a database whose cache already holds
// the estimation of 2010–2014 (as a previous run of Plenary leaves it,
// made here by the estimator directly so that this process's memory does
// not have it): the window draws it without estimating.
func TestIdealFromDatabaseCache(t *testing.T) {
	db := comparetest.Unvotes(t)
	path := copyDB(t, db.Path)
	rows := idealRows(db.Table, "2010-01-01", "2014-12-31")
	want, err := idealpoint.Estimate(context.Background(), db.Table, rows, idealpoint.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = st.SaveEstimate(context.Background(), idealpoint.Key(db.Table, rows, idealpoint.Options{}), b)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}

	u := startUI(t, path)
	u.sync(func() {
		u.model.Update(func(f *filterState) {
			f.Countries, f.Body, f.From, f.To = []string{"USA", "CHN"}, "", "2010-01-01", "2014-12-31"
		})
		u.selectKind(views.IdealTime)
	})
	waitIdle(t, u)
	u.sync(func() {
		if len(u.run.progress) != 0 || u.last.chart == nil {
			t.Errorf("the window estimated (progress %v) or shows %s", u.run.progress, shown(u.last))
			return
		}
		checkIdealChart(t, u.last.chart.Chart, want)
	})
}
