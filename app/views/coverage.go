package views

import (
	"fmt"

	"plenary/data/record"
)

// Coverage says, for the status bar, which years of the General Assembly
// the table holds without a gap of more than a year, whether they are the built-in history,
// and where to get what comes after, e.g. "GA 1946–2020 built in (Voeten,
// CC0) · import the UN Digital Library file for 2020 onward". Years after
// a gap (such as the built-in votes of February 2025) do not extend the
// span. It is empty when the table holds no dated General Assembly vote.
func Coverage(t *record.Table, thisYear int) string {
	years := map[int]bool{}
	first := 0
	for _, rc := range t.RollCalls {
		if y := rc.Year(); rc.Body == record.GA && y > 0 {
			years[y] = true
			if first == 0 || y < first {
				first = y
			}
		}
	}
	if first == 0 {
		return ""
	}
	// One year without a recorded vote (1964, when the Assembly avoided
	// votes) is no gap in the data; two or more are.
	end := first
	for years[end+1] || years[end+2] {
		end++
		if !years[end] {
			end++
		}
	}
	builtin, imported, last := 0, 0, ""
	for _, rc := range t.RollCalls {
		if y := rc.Year(); rc.Body != record.GA || y < first || y > end {
			continue
		}
		if rc.Flags.Has(record.Sample) {
			builtin++
		} else {
			imported++
		}
		last = max(last, rc.Date)
	}
	s := fmt.Sprintf("GA %d–%d", first, end)
	switch {
	case imported == 0:
		s += " built in (Voeten, CC0)"
	case builtin > 0:
		s += " (built in and imported)"
	}
	// A year whose last vote is before December is not over in the data.
	next := end + 1
	if last < fmt.Sprintf("%d-12", end) {
		next = end
	}
	if next <= thisYear {
		s += fmt.Sprintf(" · import the UN Digital Library file for %d onward", next)
	}
	return s
}
