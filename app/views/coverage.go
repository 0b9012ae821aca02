package views

import (
	"fmt"
	"slices"

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
	if later := laterYears(t, end); len(later) > 0 {
		// A later block of a whole session's votes (an imported year, not
		// the built-in votes of one day) is named, and the hint is the gap.
		s += fmt.Sprintf(" and %s", yearList(later))
		if next < later[0] {
			s += fmt.Sprintf(" · import the UN Digital Library file for %s", yearList([]int{next, later[0] - 1}))
		}
		return s
	}
	if next <= thisYear {
		s += fmt.Sprintf(" · import the UN Digital Library file for %d onward", next)
	}
	return s
}

// minYearRollCalls is how many General Assembly roll calls a year after
// the continuous span needs to be named in the coverage: a session votes
// on scores of texts, a single day's votes are a sample.
const minYearRollCalls = 20

// laterYears are the years after end with a session's worth of votes,
// from first to last (only the first and last are shown).
func laterYears(t *record.Table, end int) []int {
	n := map[int]int{}
	for _, rc := range t.RollCalls {
		if y := rc.Year(); rc.Body == record.GA && y > end {
			n[y]++
		}
	}
	var out []int
	for y, c := range n {
		if c >= minYearRollCalls {
			out = append(out, y)
		}
	}
	slices.Sort(out)
	if len(out) > 1 {
		out = []int{out[0], out[len(out)-1]}
	}
	return out
}

// yearList writes one year or a span of two.
func yearList(ys []int) string {
	if len(ys) == 1 || ys[0] == ys[len(ys)-1] {
		return fmt.Sprint(ys[0])
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
}
