package views

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/idealpoint"
	"plenary/data/record"
	"plenary/data/words"
)

// Request is everything a chart depends on besides the table.
type Request struct {
	Kind   Kind
	Filter compare.Filter
	// Ref is the reference country of agreement-time and agreement-rank,
	// as an ISO3 code or a name; empty means the first selected country.
	Ref    string
	Metric compare.Metric
	// Symbol picks the roll call of by-group; empty means the most recent
	// selected one.
	Symbol string
	// MinN leaves out of agreement-rank the countries whose agreement with
	// Ref rests on fewer roll calls; 0 means DefaultMinN.
	MinN int
	// Positions are the recorded positions positions-timeline chooses
	// from (by the filter's countries, dates and topic); other kinds ignore
	// them.
	Positions []record.Position
	// Ideal is the ideal-point estimation the ideal-point views draw; nil
	// has Build estimate it (see EstimateIdeal), which takes seconds on the
	// whole history: the window estimates beforehand, with progress.
	Ideal *idealpoint.Result
	// By groups the ideal points by calendar year or by session.
	By idealpoint.By
	// Year picks the period of the one-period ideal-point views; 0 means
	// the last.
	Year int
	// Poles are the two states of the alignment view; empty means
	// DefaultPoles.
	Poles [2]string
	// Change is what the views of change read (see ChangeRequest).
	Change ChangeRequest
	// Query is the search of the speech views (words.ParseQuery), and
	// Mentions its counts in the speeches of the view's SpeechFilter
	// (data.Store.CountMentions).
	Query    string
	Mentions []words.Count
	// Provenance is printed in the footer; see ProvenanceOf.
	Provenance Provenance
}

// DefaultMinN is the fewest roll calls a ranked agreement may rest on
// unless the request says otherwise: below it a single vote can put a
// country at the top.
const DefaultMinN = 10

// MaxSeries is how many countries agreement-time draws at most; more lines
// cannot be told apart.
const MaxSeries = 8

// MaxGridRollCalls is how many roll calls vote-grid shows at most, the
// most recent: beyond that a cell is narrower than a pixel and the grid
// becomes a texture that takes long to draw.
const MaxGridRollCalls = 200

// Chart is a built chart: the value package charts draws, and what the
// caller may want to show beside it.
type Chart struct {
	Kind  Kind
	Chart charts.Chart // never nil; charts.Empty when nothing matches
	Meta  charts.Meta
	// Empty is true when the selection holds nothing to draw.
	Empty bool
	// RollCalls is the number of selected roll calls.
	RollCalls int
	// Countries are the compared countries (ISO3); Missing those asked for
	// that have no votes.
	Countries, Missing []string
}

// index keeps the comparison index of the last table, and the last
// selections made on it: building the index takes milliseconds, and the
// app asks for chart after chart of the same table, the table beside the
// chart and the chart itself selecting with the same filter.
var index struct {
	sync.Mutex
	t    *record.Table
	ix   *compare.Index
	sels []cachedSelection // most recent last
}

// cachedSelection is a selection and the filter it was made with.
type cachedSelection struct {
	f compare.Filter
	s *compare.Selection
}

// maxSelections is how many selections the cache keeps: one per view's
// body rule and a few filters back, a few kilobytes each.
const maxSelections = 8

func indexFor(t *record.Table) (*compare.Index, error) {
	index.Lock()
	defer index.Unlock()
	return indexLocked(t)
}

func indexLocked(t *record.Table) (*compare.Index, error) {
	if index.t == t && index.ix != nil {
		return index.ix, nil
	}
	ix, err := compare.NewIndex(t)
	if err != nil {
		return nil, err
	}
	index.t, index.ix, index.sels = t, ix, nil
	return ix, nil
}

// selectCached applies a filter to a table, reusing the selection an
// equal filter made last time. A selection is never changed once made,
// so callers may share it.
func selectCached(t *record.Table, f compare.Filter) (*compare.Selection, error) {
	index.Lock()
	defer index.Unlock()
	ix, err := indexLocked(t)
	if err != nil {
		return nil, err
	}
	for i, c := range index.sels {
		if SameFilter(c.f, f) {
			index.sels = append(append(index.sels[:i:i], index.sels[i+1:]...), c)
			return c.s, nil
		}
	}
	s, err := ix.Select(f)
	if err != nil {
		return nil, err
	}
	f.Countries = slices.Clone(f.Countries) // the caller's lists may change
	f.Topics, f.Sessions, f.Symbols = slices.Clone(f.Topics), slices.Clone(f.Sessions), slices.Clone(f.Symbols)
	index.sels = append(index.sels, cachedSelection{f, s})
	if len(index.sels) > maxSelections {
		index.sels = index.sels[1:]
	}
	return s, nil
}

// Build computes the chart a request asks for. It fails on a request that
// cannot be met as asked (an unknown kind, an invalid filter, an unknown
// reference country or roll call); a filter that selects nothing is not an
// error but an Empty chart that says so. The table must not change after
// the first Build on it; it may be nil for a kind that reads positions.
func Build(t *record.Table, req Request) (*Chart, error) {
	v, ok := Lookup(req.Kind)
	if !ok {
		_, err := ParseKind(string(req.Kind))
		return nil, err
	}
	b := &builder{req: req, view: v, filter: v.filter(req.Filter), t: t}
	b.meta = charts.Meta{
		Source:   req.Provenance.Source,
		Imported: req.Provenance.Imported,
		Version:  record.Version,
	}
	c := &Chart{Kind: req.Kind}
	if v.Uses(UsesPositions) || v.Uses(UsesVetoes) || v.Uses(UsesSpeeches) {
		if err := b.filter.Validate(); err != nil {
			return nil, err
		}
	} else if err := b.selectRows(t, c); err != nil {
		return nil, err
	}
	var err error
	if b.s != nil && b.s.Len() == 0 {
		c.Chart = b.empty("")
	} else if c.Chart, err = v.build(b); err != nil {
		return nil, err
	}
	if e, ok := c.Chart.(charts.Empty); ok {
		c.Empty, c.Meta = true, e.Meta
	} else {
		c.Meta = b.meta
	}
	return c, nil
}

// filter is the request's filter with the view's body applied: a kind
// that counts one body says so in its subtitle through the filter.
func (v View) filter(f compare.Filter) compare.Filter {
	if v.EveryState {
		f.Countries = nil
	}
	switch {
	case v.Body != "":
		f.Body = v.Body
	case f.Body == "":
		f.Body = v.DefaultBody
	}
	return f
}

// selectRows applies the filter to the table through the cached index.
func (b *builder) selectRows(t *record.Table, c *Chart) error {
	if t == nil {
		return fmt.Errorf("%s needs the votes, and there are none", b.view.Kind)
	}
	var err error
	if b.s, err = selectCached(t, b.filter); err != nil {
		return err
	}
	c.RollCalls, c.Countries, c.Missing = b.s.Len(), b.s.Countries, b.s.Missing
	return nil
}

// builder holds what the per-kind functions share.
type builder struct {
	req    Request
	view   View
	filter compare.Filter     // the request's, with the view's body
	s      *compare.Selection // nil for kinds that read positions or vetoes
	t      *record.Table      // the table given to Build; nil for kinds that read positions
	meta   charts.Meta
}

// setText fills in the title and the subtitle: the filter in words, how
// many roll calls it selects, and any notes.
func (b *builder) setText(title string, notes ...string) {
	b.meta.Title = title
	describe := b.filter.Describe
	if b.view.Uses(UsesPositions) {
		describe = b.filter.DescribePositions
	}
	parts := []string{"Filter: " + describe()}
	if b.s != nil {
		parts = append(parts, plural(b.s.Len(), "roll call"))
	}
	if b.s != nil && len(b.s.Missing) > 0 {
		parts = append(parts, "no votes for "+strings.Join(b.s.Missing, ", "))
	}
	for _, n := range notes {
		if n != "" {
			parts = append(parts, n)
		}
	}
	b.meta.Subtitle = strings.Join(parts, " · ")
}

// empty is the image for a selection with nothing to draw.
func (b *builder) empty(msg string) charts.Chart {
	if b.meta.Title == "" {
		b.setText(b.view.Label)
	}
	hint := "Widen the filter: fewer countries, a longer period, no topic or text"
	if msg != "" {
		hint = ""
	}
	return charts.Empty{Meta: b.meta, Message: msg, Hint: hint}
}

// ref resolves the reference country of the agreement charts.
func (b *builder) ref() (string, error) {
	if strings.TrimSpace(b.req.Ref) == "" {
		if b.s.All || len(b.s.Countries) == 0 {
			return "", fmt.Errorf("%s needs a reference country when all countries are compared", b.req.Kind)
		}
		return b.s.Countries[0], nil
	}
	iso, err := ParseRef(b.req.Ref)
	if err != nil {
		return "", err
	}
	if b.s.Index().Table().Column(iso) < 0 {
		return "", fmt.Errorf("%s has no votes in the data", iso)
	}
	return iso, nil
}

// seat is the code and name a country's seat had on the selection's
// latest roll call (countries.SeatOn): a chart that sums up a period
// names each seat as it stood at the period's end, so that a chart of the
// 1970s shows the Soviet Union where the store files its votes under
// Russia.
func (b *builder) seat(iso3 string) (string, string) {
	date := ""
	if r := b.s.Latest(); r >= 0 {
		date = b.s.RollCall(r).Date
	}
	return countries.SeatOn(iso3, date)
}

// code is the code of a country's seat on the selection's latest roll
// call.
func (b *builder) code(iso3 string) string {
	c, _ := b.seat(iso3)
	return c
}

// nameOf is the name of a country's seat on the selection's latest roll
// call.
func (b *builder) nameOf(iso3 string) string {
	_, n := b.seat(iso3)
	return n
}

// name is a country's short English name, or its code.
func name(iso3 string) string {
	if c, ok := countries.ByISO3(iso3); ok {
		return c.Name
	}
	return iso3
}

// plural writes a count with its noun: "1 roll call", "6 roll calls".
func plural(n int, what string) string {
	return fmt.Sprintf("%d %s", n, record.Plural(n, what, what+"s"))
}

// period is the span of years of the selected roll calls, for titles.
func (b *builder) period() string {
	// Undated roll calls sort first and have no year to give.
	first, last := 0, 0
	for _, r := range b.s.Rows {
		if y := b.s.RollCall(r).Year(); y != 0 {
			first = cmp.Or(first, y)
			last = y
		}
	}
	return yearSpan(first, last)
}

// yearSpan writes a span of years as a title suffix: ", 1990–2019".
func yearSpan(first, last int) string {
	switch {
	case first == 0 || last == 0:
		return ""
	case first == last:
		return fmt.Sprintf(", %d", first)
	}
	return fmt.Sprintf(", %d–%d", first, last)
}

// minN is the fewest roll calls an agreement may rest on: the request's,
// or DefaultMinN.
func (b *builder) minN() int {
	if b.req.MinN > 0 {
		return b.req.MinN
	}
	return DefaultMinN
}

// roll finds the roll call a one-roll-call view shows: the one named by
// Request.Symbol, or the most recent selected.
func (b *builder) roll() (int, error) {
	row := b.s.Latest()
	if b.req.Symbol != "" {
		if row = b.s.Find(b.req.Symbol); row < 0 {
			return 0, fmt.Errorf("%s is not among the selected roll calls", b.req.Symbol)
		}
	}
	return row, nil
}
