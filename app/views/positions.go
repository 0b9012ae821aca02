package views

import (
	"slices"
	"strings"
	"time"

	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/record"
)

// maxSources is how many position sources a timeline's footer names.
const maxSources = 3

// positions is the timeline of the recorded positions the filter selects.
// One topic makes a readable timeline: several are drawn together, and the
// title names them.
func (b *builder) positions() (charts.Chart, error) {
	ps := compare.SelectPositions(b.req.Positions, b.filter)
	title := "Recorded positions"
	if len(b.filter.Topics) > 0 {
		title += ": " + strings.Join(b.filter.Topics, ", ")
	}
	b.setText(title, plural(len(ps), "position"))
	if len(ps) == 0 {
		return b.empty("No recorded positions match: record some in the Positions tab, import a positions CSV, or widen the filter"), nil
	}
	pt := charts.PositionsTimeline{}
	var sources []string
	for _, p := range ps {
		pt.Positions = append(pt.Positions, charts.Position{Country: name(p.Country), Date: date(p.Date), Stance: stance(p.Stance), Summary: p.Summary})
		if p.Source != "" && len(sources) < maxSources && !slices.Contains(sources, p.Source) {
			sources = append(sources, p.Source)
		}
	}
	if len(sources) > 0 {
		// The positions' own sources, not the vote datasets, back this chart.
		b.meta.Source, b.meta.Imported = strings.Join(sources, "; "), time.Time{}
	}
	pt.Meta = b.meta
	return pt, nil
}

// stance maps a recorded stance to the timeline's colours.
func stance(s record.Stance) charts.Stance {
	switch s {
	case record.Supports:
		return charts.StanceSupports
	case record.Opposes:
		return charts.StanceOpposes
	}
	return charts.StanceNeutral
}
