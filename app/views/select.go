package views

import (
	"plenary/data/compare"
	"plenary/data/record"
)

// Select applies a filter to a table through the same cached index Build
// uses, for callers that list the selected roll calls beside the chart
// (the window's table) without preparing the table twice.
func Select(t *record.Table, f compare.Filter) (*compare.Selection, error) {
	ix, err := indexFor(t)
	if err != nil {
		return nil, err
	}
	return ix.Select(f)
}
