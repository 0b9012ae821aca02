package views_test

import (
	"plenary/app/views"
	"plenary/data/record"
)

// withChangeInputs gives the views of change what the generic tests'
// filter lacks: movers compares two years of Security Council agreement
// (the fixtures' General Assembly votes are of one year).
func withChangeInputs(req views.Request) views.Request {
	if req.Kind == views.Movers {
		req.Filter.Body = record.SC
		req.Change = views.ChangeRequest{Periods: [2]views.Span{{2021, 2021}, {2024, 2024}}, Measure: views.MeasureAgreement}
	}
	return req
}
