package gui

import (
	"fmt"
	"image"
	"io"
	"strings"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data"
	"plenary/data/compare"
	"plenary/data/record"
	"plenary/data/safefile"
)

// job is a snapshot of what the window shows, handed to a background
// goroutine: the table, the filter, the view and the chart's pixel size.
type job struct {
	table  *record.Table
	info   *data.Info
	filter filterState
	kind   string
	size   image.Point
	scale  float32
	dark   bool
}

// result is what a job computed: the table rows and the chart.
type result struct {
	rows  []rowView
	img   image.Image
	chart *views.Chart // nil for the positions view or on error
	err   error
	took  string
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

// request turns the state into a chart request.
func (j job) request() views.Request {
	metric, _ := compare.ParseMetric(j.filter.Metric)
	req := views.Request{
		Kind:   views.Kind(j.kind),
		Filter: j.filter.compareFilter(),
		Ref:    j.filter.Ref,
		Metric: metric,
	}
	if j.info != nil {
		req.Provenance = views.ProvenanceOf(j.info.Imports)
	}
	if j.kind == string(views.ByGroup) && j.filter.Focus != 0 {
		for _, rc := range j.table.RollCalls {
			if rc.ID == j.filter.Focus {
				req.Symbol = rc.Symbol
			}
		}
	}
	return req
}

// compute selects the roll calls, lists them for the table and draws the
// chart at the size it is shown. It runs off the UI goroutine.
func compute(j job) *result {
	r := &result{}
	sel, err := views.Select(j.table, j.filter.compareFilter())
	if err != nil {
		r.err = err
		return r
	}
	r.rows = tableRows(j.table, sel, j.filter.Countries)
	if j.kind == "positions" {
		return r
	}
	c, err := views.Build(j.table, j.request())
	if err != nil {
		r.err = err
		return r
	}
	r.chart = c
	o := charts.Options{Width: j.size.X, Height: j.size.Y, Scale: float64(j.scale)}
	if j.dark {
		o.Theme = charts.Dark
	}
	img, err := c.Image(o)
	if err != nil {
		r.err = err
		return r
	}
	r.img = img
	return r
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
	for k := len(sel.Rows) - 1; k >= 0; k-- {
		row := sel.Rows[k]
		rv := rowView{rc: t.RollCalls[row], counted: ix.Counted(row), votes: make([]record.Vote, len(cols))}
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
