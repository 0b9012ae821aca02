package views

import (
	"fmt"
	"strings"

	"plenary/charts"
	"plenary/data/record"
)

// Kind names a chart. The string values are what the command line and
// saved settings use, so they never change.
type Kind string

// The chart kinds.
const (
	GABreakdown         Kind = "ga-breakdown"           // yes/no/abstain/non-voting of each roll call
	ByGroup             Kind = "by-group"               // one roll call split by UN regional group
	SCAbstentions       Kind = "sc-abstentions"         // Security Council abstentions per member
	SCAbstentionsByYear Kind = "sc-abstentions-by-year" // permanent members' abstentions per year
	VetoesByYear        Kind = "vetoes-by-year"         // the permanent members' vetoes per year
	AgreementTime       Kind = "agreement-time"         // a reference country's agreement with others, per year
	AgreementRank       Kind = "agreement-rank"         // countries ranked by agreement with a reference
	AgreementMatrix     Kind = "agreement-matrix"       // agreement of every pair of the selected countries
	VoteGrid            Kind = "vote-grid"              // the selected countries' votes side by side
	PositionsTimeline   Kind = "positions-timeline"     // recorded stances on one topic over time
	VoteMap             Kind = "vote-map"               // the world coloured by the votes on one roll call
	AgreementMap        Kind = "agreement-map"          // the world coloured by agreement with a reference
	IdealMap            Kind = "ideal-map"              // the world coloured by ideal points in one period
	IdealTime           Kind = "ideal-time"             // ideal points of the selected countries over time
	IdealDistribution   Kind = "ideal-distribution"     // every state on the scale in one period
	IdealDistance       Kind = "ideal-distance"         // the distance between pairs over time
	Alignment           Kind = "alignment"              // each state's place between two poles
	VoteFlow            Kind = "vote-flow"              // every member's vote on one roll call against another
	Series              Kind = "series"                 // the roll calls on one question over time, with who switched
	Movers              Kind = "movers"                 // states ranked by the change of their position between two periods
	Blocs               Kind = "blocs"                  // states clustered by agreement
	Divergent           Kind = "divergent"              // the roll calls on which two states voted against each other
	MentionsTime        Kind = "mentions-time"          // a term's mentions per 10,000 words in the General Debate, by year
	MentionsMap         Kind = "mentions-map"           // the world coloured by a term's mentions in the General Debate
)

// Input says which request fields beyond the filter a kind reads, so that
// the window shows only the controls that matter and the command line can
// say what a kind needs. Each bit but UsesPositions and UsesVetoes has its
// Field in request.go.
type Input uint32

// Inputs.
const (
	UsesRef       Input = 1 << iota // Request.Ref, the reference country
	UsesMetric                      // Request.Metric
	UsesSymbol                      // Request.Symbol, one roll call
	UsesMinN                        // Request.MinN
	UsesPositions                   // Request.Positions instead of the votes
	UsesIdeal                       // the ideal points (Request.Ideal, By)
	UsesYear                        // Request.Year, one period of the ideal points
	UsesPoles                       // Request.Poles
	UsesVetoes                      // the table's vetoes instead of its roll calls
	UsesPeriods                     // Request.Change.Periods, the two periods of movers
	UsesMeasure                     // Request.Change.Measure, what movers ranks
	UsesBlocs                       // Request.Change.Blocs, the number of blocs
	UsesSpeeches                    // Request.Query and Request.Mentions instead of the votes
)

// View is one registered chart kind: everything the window, the command
// line and the tests need to offer it. Adding a view is one entry in
// registry plus its chart type in package charts.
type View struct {
	Kind Kind
	// Label names the chart in menus, help and empty charts.
	Label string
	// Tab is the short title of the window's tab.
	Tab string
	// Help is the command line's one-line description.
	Help string
	// Inputs are the request fields the kind reads.
	Inputs Input
	// Body, when set, is the body the kind counts whatever the filter says
	// (the subtitle says which); DefaultBody is used when the filter names
	// none.
	Body, DefaultBody record.Body
	// EveryState draws every state whatever countries the filter names
	// (the maps); the filter still picks the roll calls.
	EveryState bool
	build      func(*builder) (charts.Chart, error)
}

// Uses reports whether the view reads the given request fields.
func (v View) Uses(in Input) bool { return v.Inputs&in == in }

// always adapts a build step that cannot fail.
func always(f func(*builder) charts.Chart) func(*builder) (charts.Chart, error) {
	return func(b *builder) (charts.Chart, error) { return f(b), nil }
}

// registry is every view, in menu order.
var registry = []View{
	{Kind: GABreakdown, Label: "How each roll call split", Tab: "Breakdown", DefaultBody: record.GA,
		Help:  "yes/no/abstain/non-voting of each roll call (General Assembly unless --body SC; the most recent 40 shown)",
		build: always((*builder).breakdown)},
	{Kind: ByGroup, Label: "One roll call by regional group", Tab: "By group", Inputs: UsesSymbol,
		Help:  "one roll call by UN regional group: the most recent selected, or the one named with --symbol",
		build: (*builder).byGroup},
	{Kind: SCAbstentions, Label: "Security Council abstentions", Tab: "SC abstentions", Body: record.SC,
		Help:  "Security Council abstentions per member",
		build: always((*builder).abstentions)},
	{Kind: SCAbstentionsByYear, Label: "Permanent members' abstentions by year", Tab: "P5 by year", Body: record.SC,
		Help:  "the permanent members' abstentions per year",
		build: always((*builder).abstentionsByYear)},
	{Kind: VetoesByYear, Label: "Vetoes of the permanent members by year", Tab: "Vetoes", Body: record.SC, Inputs: UsesVetoes,
		Help:  "the vetoes cast by the permanent members per year (the Soviet Union and Russia apart), from an imported veto list and failed drafts",
		build: always((*builder).vetoesByYear)},
	{Kind: AgreementTime, DefaultBody: record.GA, Label: "Agreement over time", Tab: "Agreement", Inputs: UsesRef | UsesMetric,
		Help:  "agreement of --ref with each selected country per year",
		build: (*builder).overTime},
	{Kind: AgreementRank, DefaultBody: record.GA, Label: "Agreement ranking", Tab: "Ranking", Inputs: UsesRef | UsesMetric | UsesMinN,
		Help:  "countries ranked by agreement with --ref (--min-n N: leave out those with fewer than N roll calls; default 10)",
		build: (*builder).ranking},
	{Kind: AgreementMatrix, DefaultBody: record.GA, Label: "Agreement matrix", Tab: "Matrix", Inputs: UsesMetric,
		Help:  "agreement of every pair of the selected countries",
		build: always((*builder).matrix)},
	{Kind: VoteGrid, DefaultBody: record.GA, Label: "Votes side by side", Tab: "Vote grid",
		Help:  "the selected countries' votes side by side (the most recent 200 roll calls), with splits marked",
		build: always((*builder).grid)},
	{Kind: VoteMap, Label: "World map of a vote", Tab: "Map", Inputs: UsesSymbol, EveryState: true,
		Help:  "the world coloured by each member's vote on one roll call: the most recent selected, or --symbol",
		build: (*builder).voteMap},
	{Kind: AgreementMap, DefaultBody: record.GA, Label: "World map of agreement", Tab: "Agreement map", Inputs: UsesRef | UsesMetric | UsesMinN, EveryState: true,
		Help:  "the world coloured by agreement with --ref over the selection (grey below --min-n roll calls; default 10)",
		build: (*builder).agreementMap},
	{Kind: IdealTime, Label: "Ideal points over time", Tab: "Ideal points", Inputs: UsesIdeal, EveryState: true, DefaultBody: record.GA,
		Help:  "the selected countries' ideal points per year (or --by session), with their 95% intervals; gaps where no votes were held",
		build: (*builder).idealTime},
	{Kind: IdealDistribution, Label: "Ideal points of every state", Tab: "Scale", Inputs: UsesIdeal | UsesYear, EveryState: true, DefaultBody: record.GA,
		Help:  "every state on the ideal-point scale in one year (--year Y; default the last), the selected ones named",
		build: (*builder).idealDistribution},
	{Kind: IdealDistance, Label: "Distance between ideal points", Tab: "Distance", Inputs: UsesIdeal, EveryState: true, DefaultBody: record.GA,
		Help:  "the distance between the ideal points of each pair of the selected countries over time",
		build: (*builder).idealDistance},
	{Kind: Alignment, Label: "Alignment between two poles", Tab: "Alignment", Inputs: UsesIdeal | UsesYear | UsesPoles, EveryState: true, DefaultBody: record.GA,
		Help:  "each state's place between two poles in one year: 1 at the first, -1 at the second (--poles USA,CHN by default)",
		build: (*builder).alignment},
	{Kind: IdealMap, Label: "World map of ideal points", Tab: "Ideal map", Inputs: UsesIdeal | UsesYear, EveryState: true, DefaultBody: record.GA,
		Help:  "the world coloured by each state's ideal point in one year (--year Y; default the last) or session (--by session)",
		build: (*builder).idealMap},
	{Kind: VoteFlow, Label: "Vote flow between two roll calls", Tab: "Vote flow", Inputs: UsesSymbol,
		Help:  "every member's vote on --symbol A against its vote on --symbol B, the states that changed named (without symbols: the chosen roll call and the previous vote on its text)",
		build: (*builder).voteFlow},
	{Kind: Series, Label: "A series of roll calls on one question", Tab: "Series", Inputs: UsesSymbol,
		Help:  "the re-votes of the text of --symbol S (or the roll calls named with several --symbol) over time, with the states that switched at each step",
		build: (*builder).series},
	{Kind: Movers, Label: "Movers between two periods", Tab: "Movers", Inputs: UsesIdeal | UsesPeriods | UsesMeasure | UsesRef | UsesMetric | UsesMinN, EveryState: true, DefaultBody: record.GA,
		Help:  "states ranked by the change of their ideal point (or --measure agreement with --ref) from one --period to another (default: the first and last year selected)",
		build: (*builder).movers},
	{Kind: Blocs, Label: "Blocs by agreement", Tab: "Blocs", Inputs: UsesMetric | UsesBlocs, DefaultBody: record.GA,
		Help:  "the selected states (all by default) clustered by agreement, as the agreement matrix ordered by bloc (--blocs N, or chosen by the silhouette)",
		build: (*builder).blocs},
	{Kind: Divergent, Label: "Most divergent votes of two states", Tab: "Divergent", Inputs: UsesRef, DefaultBody: record.GA,
		Help:  "the roll calls on which the two --countries voted against each other, yes against no first, with the result",
		build: (*builder).divergent},
	{Kind: PositionsTimeline, Label: "Recorded positions over time", Tab: "Positions", Inputs: UsesPositions,
		Help:  "the recorded stances of the selected countries on --topic over time (recorded positions, not votes)",
		build: (*builder).positions},
	{Kind: MentionsTime, Label: "Mentions in the General Debate", Tab: "Mentions", Inputs: UsesSpeeches,
		Help:  "mentions of --query per 10,000 words by year in the selected states' General Debate speeches",
		build: (*builder).mentionsTime},
	{Kind: MentionsMap, Label: "World map of mentions", Tab: "Mentions map", Inputs: UsesSpeeches, EveryState: true,
		Help:  "the world coloured by mentions of --query per 10,000 words in the General Debate over --from..--to",
		build: (*builder).mentionsMap},
}

// Views lists every registered view in menu order.
func Views() []View { return append([]View(nil), registry...) }

// Lookup finds a kind's view.
func Lookup(k Kind) (View, bool) {
	for _, v := range registry {
		if v.Kind == k {
			return v, true
		}
	}
	return View{}, false
}

// Kinds lists every kind in menu order.
func Kinds() []Kind {
	out := make([]Kind, len(registry))
	for i, v := range registry {
		out[i] = v.Kind
	}
	return out
}

// Label is the kind's name in menus.
func (k Kind) Label() string {
	if v, ok := Lookup(k); ok {
		return v.Label
	}
	return string(k)
}

// ParseKind reads a kind's id, ignoring case.
func ParseKind(s string) (Kind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if v, ok := Lookup(Kind(s)); ok {
		return v.Kind, nil
	}
	ids := make([]string, 0, len(registry))
	for _, v := range registry {
		ids = append(ids, string(v.Kind))
	}
	return "", fmt.Errorf("unknown chart %q (one of %s)", s, strings.Join(ids, ", "))
}
