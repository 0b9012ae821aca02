package views

import (
	"plenary/data/compare"
	"plenary/data/record"
)

// FilterFor is the filter a kind of chart draws with (its registered
// body rules: breakdowns and comparisons look at the General Assembly
// unless a body is named, and mix the two bodies only when Both is; the
// abstention charts count the Security Council whatever the filter says).
// A list shown beside a chart should use the same.
func FilterFor(k Kind, f compare.Filter) compare.Filter {
	if v, ok := Lookup(k); ok {
		return v.filter(f)
	}
	return f
}

// Select applies a filter to a table through the same cached index Build
// uses, for callers that list the selected roll calls beside the chart
// (the window's table) without preparing the table twice.
// A selection an equal filter made before is reused, so that a Build
// after it selects nothing again.
func Select(t *record.Table, f compare.Filter) (*compare.Selection, error) {
	return selectCached(t, f)
}
