package gui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"plenary/app/views"
	"plenary/data"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// storeCache keeps the window's ideal-point estimations in the database
// (see views.IdealCache), so that a selection estimated once opens
// instantly after a restart. It uses its own context: a result is worth
// keeping even when the view that asked for it has moved on.
type storeCache struct{ st *data.Store }

// Load returns the cached estimation under key; a read error is a miss.
func (c storeCache) Load(key string) ([]byte, bool) {
	b, ok, err := c.st.Estimate(context.Background(), key)
	return b, ok && err == nil
}

// Save keeps an estimation; a failure only costs time on the next visit.
func (c storeCache) Save(key string, result []byte) {
	_ = c.st.SaveEstimate(context.Background(), key, result)
}

// idealRun is one estimation of ideal points in the background. Every
// refresh that needs the same selection shares it — a resize or a switch
// between the ideal-point tabs does not start the seconds of work again —
// and a refresh that needs another selection cancels it.
type idealRun struct {
	table  *record.Table
	sel    filterState // the filter's fields the estimation depends on
	cancel context.CancelFunc
	done   chan struct{} // closed when result and err are set
	result *idealpoint.Result
	err    error
	// progress are the fractions shown on the bar, for tests; touched on
	// the UI goroutine only.
	progress []float64
}

// idealSelection keeps the fields of a filter that change the estimate:
// the countries only choose what is drawn, and the year and poles what a
// chart reads of it.
func idealSelection(f filterState) filterState {
	return filterState{Body: f.Body, From: f.From, To: f.To, Topic: f.Topic, Text: f.Text,
		Important: f.Important, Contested: f.Contested, By: f.By}
}

// showAfter is how long an estimation runs before its progress shows.
const showAfter = 150 * time.Millisecond

// idealRunFor returns the estimation a job of the ideal-point views waits
// for: the running (or finished, or cancelled) one when the selection is
// the same, else a new one, the old one cancelled.
func (u *ui) idealRunFor(j job) *idealRun {
	sel := idealSelection(j.filter)
	if r := u.run; r != nil && r.table == j.table && r.sel.equal(sel) {
		return r
	}
	u.stopIdeal()
	ctx, cancel := context.WithCancel(context.Background())
	r := &idealRun{table: j.table, sel: sel, cancel: cancel, done: make(chan struct{})}
	u.run = r
	var cache views.IdealCache
	if u.store != nil {
		cache = storeCache{u.store}
	}
	req := j.request()
	started := time.Now()
	progress := func(done, total int) {
		f := float64(done) / float64(total)
		u.do(func() {
			if u.run != r {
				return
			}
			r.progress = append(r.progress, f)
			// An estimation over in a blink shows no bar that would
			// flash over the chart.
			if u.estimate.box.Visible() || time.Since(started) >= showAfter {
				u.estimate.show(f, done, total)
			}
		})
	}
	go func() {
		defer cancel()
		r.result, r.err = views.EstimateIdeal(ctx, j.table, req, cache, progress)
		close(r.done)
	}()
	// Found in memory or in the database, the result comes at once: the
	// bar appears only for an estimation that takes a moment, before its
	// first iteration reports.
	time.AfterFunc(showAfter, func() {
		u.do(func() {
			select {
			case <-r.done:
			default:
				if u.run == r && !u.estimate.box.Visible() {
					u.estimate.show(0, 0, 0)
				}
			}
		})
	})
	return r
}

// stopIdeal cancels the estimation in progress, if any: its goroutine
// ends at its next iteration, and nobody waits for its result.
func (u *ui) stopIdeal() {
	if u.run != nil {
		u.run.cancel()
		u.run = nil
	}
}

// cancelIdeal is the Cancel button: the estimation stops and stays
// cancelled for this selection until the user asks again, so that a
// redraw (a resize) does not start it behind their back.
func (u *ui) cancelIdeal() {
	if u.run != nil {
		u.run.cancel()
		u.estimate.label.SetText("Cancelling…")
	}
}

// estimateAgain starts a cancelled estimation afresh.
func (u *ui) estimateAgain() {
	u.stopIdeal()
	u.refreshNow()
}

// estimatePanel is what the chart area shows while ideal points are
// estimated: what is happening, how far it is, and a way to stop it.
type estimatePanel struct {
	box    *fyne.Container
	label  *widget.Label
	bar    *widget.ProgressBar
	cancel *widget.Button
	hide   func() // hides what the chart area showed before
	text   string // what the bar says
}

// What the chart area says while estimating and once cancelled.
const (
	estimatingText = "Estimating ideal points…"
	cancelledText  = "Estimation cancelled"
)

func newEstimatePanel(cancel func(), hideChart func()) *estimatePanel {
	p := &estimatePanel{label: widget.NewLabel(estimatingText), bar: widget.NewProgressBar(), hide: hideChart}
	p.label.Alignment = fyne.TextAlignCenter
	// The estimator counts its iterations out of a maximum it seldom
	// nears (19 of 500 on the whole history): a percentage would sit at
	// 4% and jump, the iterations show that it works.
	p.bar.TextFormatter = func() string { return p.text }
	p.cancel = widget.NewButton("Cancel", cancel)
	// The bar gets a width of its own: in a centred box it would shrink
	// to nothing.
	bar := container.NewGridWrap(fyne.NewSize(360, p.bar.MinSize().Height), p.bar)
	p.box = container.NewCenter(container.NewVBox(p.label, bar, container.NewCenter(p.cancel)))
	p.box.Hide()
	return p
}

// show puts the panel in the chart area at a fraction of the work, the
// bar saying how many iterations are done.
func (p *estimatePanel) show(f float64, done, total int) {
	switch {
	case done == 0:
		p.text = "Reading the votes"
	case done < total:
		p.text = fmt.Sprintf("Iteration %d (at most %d)", done, total)
	default:
		p.text = "Done"
	}
	if !p.box.Visible() {
		p.hide()
		p.box.Show()
	}
	p.label.SetText(estimatingText)
	p.bar.SetValue(f)
}
