package views

import (
	"plenary/data/compare"
	"plenary/data/record"
)

// FilterFor is the filter a kind of chart draws with: breakdowns and
// comparisons look at the General Assembly unless a body is named (and
// mix the two bodies only when Both is), the abstention charts at the
// Security Council whatever the filter says (their subtitle says which
// body was counted). Select with it lists exactly the roll calls a chart
// of that kind counts.
func FilterFor(k Kind, f compare.Filter) compare.Filter {
	switch k {
	case GABreakdown:
		if f.Body == "" {
			f.Body = record.GA
		}
	case AgreementTime, AgreementRank, AgreementMatrix, VoteGrid:
		f = f.ForComparison()
	case SCAbstentions, SCAbstentionsByYear:
		f.Body = record.SC
	}
	return f
}

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
