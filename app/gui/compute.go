package gui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"slices"
	"strings"
	"sync"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data"
	"plenary/data/compare"
	"plenary/data/record"
	"plenary/data/safefile"
	"plenary/data/words"
)

// job is a snapshot of what the window shows, handed to a background
// goroutine: the data, the filter, the view and the chart's pixel size.
type job struct {
	table     *record.Table
	info      *data.Info
	positions []record.Position // every recorded position, for the views that read them
	topic     string            // the positions timeline's topic; "" for the first
	filter    filterState
	view      views.View
	size      image.Point
	scale     float32
	dark      bool
	ideal     *idealRun // the estimation the ideal-point views wait for; nil for the others
	// mentions counts the filter's query in the speeches a speech view
	// reads (ui.countMentions); nil for the other views.
	mentions func(views.View, views.Request) ([]words.Count, error)
	// listed, when set, is handed the table's rows before compute waits
	// for an estimation, so that the roll calls show meanwhile.
	listed func(rows []rowView, countries []string)
	// surface is what the chart is drawn on (ui.surfaces); nil draws it
	// on a new one.
	surface *charts.Surface
}

// result is what a job computed: the table rows and the chart, and for the
// views of recorded positions the positions selected and their topics.
type result struct {
	countries []string // the table's country columns
	rows      []rowView
	positions []record.Position
	topics    []string
	topic     string
	img       image.Image
	surface   *charts.Surface // img's: no other chart is drawn on it while img is shown
	hits      *charts.MapHits // where each state lies in img; nil unless a map
	chart     *views.Chart    // nil on error
	err       error
	cancelled bool // the ideal points' estimation was cancelled: err says so
}

// request turns the state into a chart request.
func (j job) request() views.Request {
	req := j.filter.request(j.view.Kind, j.table)
	req.Positions = j.positions
	if j.info != nil {
		req.Provenance = views.ProvenanceOf(j.info.Imports)
		if j.view.Uses(views.UsesSpeeches) {
			req.Provenance = views.SpeechProvenanceOf(j.info.Imports)
		}
	}
	return req
}

// compute selects the roll calls, lists them for the table and draws the
// chart at the size it is shown. It runs off the UI goroutine.
func compute(j job) *result {
	r := &result{countries: j.filter.Countries, surface: j.surface}
	sel, err := views.Select(j.table, views.FilterFor(j.view.Kind, j.filter.compareFilter()))
	if err != nil {
		r.err = err
		return r
	}
	r.rows = cachedRows(j.table, sel, j.filter.Countries)
	req := j.request()
	if j.view.Uses(views.UsesPositions) {
		r.positions = compare.SelectPositions(j.positions, req.Filter)
		r.topics, r.topic = topics(r.positions, j.topic)
		// The list shows every topic the filter selects; the timeline one.
		if r.topic != "" {
			req.Filter.Topics = []string{r.topic}
		}
	}
	if j.mentions != nil && strings.TrimSpace(req.Query) != "" {
		if req.Mentions, err = j.mentions(j.view, req); err != nil {
			r.err = err
			return r
		}
	}
	if j.ideal != nil {
		select {
		case <-j.ideal.done:
		default:
			if j.listed != nil {
				j.listed(r.rows, r.countries)
			}
			<-j.ideal.done
		}
		if err := j.ideal.err; err != nil {
			r.err, r.cancelled = err, errors.Is(err, context.Canceled)
			return r
		}
		req.Ideal = j.ideal.result
	}
	c, err := views.Build(j.table, req)
	if err != nil {
		r.err = err
		return r
	}
	r.chart = c
	o := charts.Options{Width: j.size.X, Height: j.size.Y, Scale: float64(j.scale)}
	if j.dark {
		o.Theme = charts.Dark
	}
	// The hits come from the same drawing as the image, so that hovering
	// names what the image shows under the pointer.
	if r.surface == nil {
		r.surface = new(charts.Surface)
	}
	img, hits, err := r.surface.Render(c.Chart, o)
	if err != nil {
		r.err = err
		return r
	}
	r.img, r.hits = img, hits
	return r
}

// topics lists the positions' topics in order of first appearance and
// keeps the chosen one if it is among them, else takes the first.
func topics(ps []record.Position, chosen string) (list []string, topic string) {
	for _, p := range ps {
		if !slices.Contains(list, p.Topic) {
			list = append(list, p.Topic)
		}
	}
	if slices.Contains(list, chosen) {
		return list, chosen
	}
	if len(list) > 0 {
		return list, list[0]
	}
	return nil, ""
}

// lastRows keeps the rows listed last: a change that leaves the selection
// and the countries as they were (a reference, a metric, another tab of
// the same body) lists nothing again.
var lastRows struct {
	sync.Mutex
	sel       *compare.Selection
	countries []string
	rows      []rowView
}

// cachedRows is tableRows, reusing the last list for the same selection
// and countries. Each caller gets its own copy of the list, which the
// table sorts in place; the rows themselves are only read.
func cachedRows(t *record.Table, sel *compare.Selection, chosen []string) []rowView {
	lastRows.Lock()
	defer lastRows.Unlock()
	if lastRows.sel == sel && slices.Equal(lastRows.countries, chosen) {
		return slices.Clone(lastRows.rows)
	}
	rows := tableRows(t, sel, chosen)
	lastRows.sel, lastRows.countries, lastRows.rows = sel, slices.Clone(chosen), rows
	return slices.Clone(rows)
}

// tableRows lists the selected roll calls, newest first, with the votes of
// the chosen countries.
func tableRows(t *record.Table, sel *compare.Selection, chosen []string) []rowView {
	cols := make([]int, len(chosen))
	for i, iso := range chosen {
		cols[i] = t.Column(iso)
	}
	rows := make([]rowView, 0, len(sel.Rows))
	ix := sel.Index()
	vetoes := compare.NewVetoIndex(t.Vetoes)
	for k := len(sel.Rows) - 1; k >= 0; k-- {
		row := sel.Rows[k]
		rv := rowView{rc: &t.RollCalls[row], counted: ix.Counted(row), votes: make([]record.Vote, len(cols))}
		rv.outcome = vetoes.Outcome(rv.rc)
		first := record.None
		for i, c := range cols {
			if c < 0 {
				continue
			}
			v := t.Votes[row][c]
			rv.votes[i] = v
			if v.Cast() {
				if first == record.None {
					first = v
				} else if v != first {
					rv.split = true
				}
			}
		}
		rows = append(rows, rv)
	}
	return rows
}

// renderExport writes the result's chart at the requested size: PNG, SVG or
// the CSV of its numbers. Exports are always on a white background.
func renderExport(r *result, req exportRequest, w io.Writer) error {
	if r == nil || r.chart == nil {
		return fmt.Errorf("there is no chart to export")
	}
	f := views.Format(req.format)
	return r.chart.Render(w, f, charts.Options{Width: req.width, Height: req.height, Scale: req.scale})
}

// writeExport writes an export to a file atomically.
func writeExport(r *result, req exportRequest, path string) error {
	return safefile.Write(path, func(w io.Writer) error { return renderExport(r, req, w) })
}
