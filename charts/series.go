package charts

import (
	"strings"
)

// SeriesStep is one roll call of a series: its result and the states
// that changed their vote since the step before.
type SeriesStep struct {
	Label  string // symbol
	Date   string
	Totals Totals
	// Switched are the changes since the previous step, as "Name yes→no".
	Switched []string
}

// RollCallSeries draws the results of a series of roll calls on one
// question, one bar each in date order, with the states that switched
// named beside each step.
type RollCallSeries struct {
	Meta  Meta
	Steps []SeriesStep
}

func (s RollCallSeries) meta() Meta { return s.Meta }

func (s RollCallSeries) draw(c *canvas) {
	if len(s.Steps) == 0 {
		drawEmpty(c, s.Meta)
		return
	}
	f := c.drawFrame(s.Meta, "", nil, voteLegend())
	mx := 0
	for _, st := range s.Steps {
		mx = max(mx, st.Totals.Sum())
	}
	rows := make([]hbar, len(s.Steps))
	for i, st := range s.Steps {
		t := st.Totals
		note := t.String()
		if i > 0 {
			note += " · " + itoa(len(st.Switched)) + " switched"
			if k := len(st.Switched); k > 0 {
				// The note is cut to the bar's width anyway; a dozen names
				// is all that can show.
				names := st.Switched[:min(k, 12)]
				note += ": " + strings.Join(names, ", ")
				if k > len(names) {
					note += ", …"
				}
			}
		}
		rows[i] = hbar{
			label: clean(st.Label) + "  " + clean(st.Date),
			segs: []hseg{
				{value: float64(max(t.Yes, 0)), fill: colYes, text: itoa(t.Yes)},
				{value: float64(max(t.No, 0)), fill: colNo, text: itoa(t.No)},
				{value: float64(max(t.Abstain, 0)), fill: colAbstain, text: itoa(t.Abstain)},
				{value: float64(max(t.NonVoting, 0)), fill: colNonVoting},
			},
			note: note,
		}
	}
	c.drawHBars(f.plot, rows, hAxis{max: float64(max(mx, 1)), integer: true, format: countLabel, title: "Members", noteShare: 0.5})
}

func (s RollCallSeries) table() ([]string, [][]string) {
	var rows [][]string
	for _, st := range s.Steps {
		t := st.Totals
		rows = append(rows, []string{clean(st.Label), clean(st.Date), itoa(t.Yes), itoa(t.No), itoa(t.Abstain), itoa(t.NonVoting),
			itoa(len(st.Switched)), clean(strings.Join(st.Switched, "; "))})
	}
	return []string{"symbol", "date", "yes", "no", "abstain", "non_voting", "switched", "switchers"}, rows
}
