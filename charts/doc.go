// Package charts turns plain numbers about United Nations votes into images.
//
// It exists so that the desktop app, the exporter and the tests share one
// renderer that knows nothing of Fyne or SQL: callers fill in a chart value
// (GABreakdown, ByGroup, SCAbstentions, SCAbstentionsByYear,
// AgreementOverTime, AgreementRanking, AgreementMatrix, VoteGrid, PositionsTimeline,
// the ideal-point charts IdealTime, IdealDistribution, IdealDistance and
// Alignment, the world maps VoteMap, AgreementMap and IdealMap, or Empty)
// and get a PNG, an SVG, an *image.RGBA or a CSV of the plotted numbers.
//
// The maps draw Natural Earth boundaries in the Equal Earth projection
// (package charts/geo, docs/maps.md). Every state that could vote is shown:
// on its own territory, on its successors' territory (a former state where
// no voting member holds it), or by a circle marker when it is too small to
// see or its territory is held by another voting member. In a map's SVG each
// state is one <g id="ISO3" fill="#rrggbb">, for restyling in an editor.
//
// Everything is drawn through go-chart's Renderer, so PNG and SVG come from
// the same drawing code. go-chart's own chart types are used only where they
// behave (the series lines of AgreementOverTime); bars with absolute scales,
// legends, heatmaps and grids are laid out here, because go-chart's versions
// rescale to 100 %, overlap labels or do not exist.
//
// Every image has a title, a subtitle naming the filter, a legend that sits
// outside the data, and a footer naming the source, the import date and the
// Plenary version. Vote colours are the colour-blind safe Okabe–Ito ones and
// are the same in every chart (see VoteColor). Rendering never panics or
// hangs on awkward input: empty selections draw a "No roll calls match"
// image, long text is shortened with an ellipsis, and sizes are clamped.
package charts
