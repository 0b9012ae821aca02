package views

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"plenary/charts"
	"plenary/data/change"
	"plenary/data/compare"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// ChangeRequest is what the views of change read beyond the filter:
// the two periods of movers, its measure, and the number of blocs. The
// roll calls of vote-flow and series are the filter's symbols, and the
// two states of divergent its countries.
type ChangeRequest struct {
	// Periods are the two periods movers compares; zero means the first
	// and the last year of the selection.
	Periods [2]Span
	// Measure is what movers ranks the change of: MeasureIdeal (the
	// default) or MeasureAgreement (with Request.Ref).
	Measure string
	// Blocs is the number of blocs; 0 chooses it by the silhouette rule.
	Blocs int
}

// Span is a period of whole years, both inclusive.
type Span struct{ From, To int }

// IsZero reports whether the span is unset.
func (s Span) IsZero() bool { return s.From == 0 && s.To == 0 }

// String writes the span as 2019 or 2016–2019.
func (s Span) String() string {
	if s.From == s.To {
		return strconv.Itoa(s.From)
	}
	return fmt.Sprintf("%d–%d", s.From, s.To)
}

// ParseSpan reads a year (2019) or a span of years (2016-2019).
func ParseSpan(s string) (Span, error) {
	s = strings.TrimSpace(s)
	a, b, found := strings.Cut(s, "-")
	if !found {
		a, b, found = strings.Cut(s, "–")
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := from, error(nil)
	if found {
		to, err2 = strconv.Atoi(strings.TrimSpace(b))
	}
	if err1 != nil || err2 != nil || from < 1900 || to < from || to > 2200 {
		return Span{}, fmt.Errorf("a period is a year or two years, such as 2019 or 2016-2019, not %q", s)
	}
	return Span{from, to}, nil
}

// ParsePeriods reads the two periods of movers, "2015-2019;2021-2025";
// empty for the first and last year selected.
func ParsePeriods(s string) ([2]Span, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return [2]Span{}, nil
	}
	parts := strings.Split(s, ";")
	if len(parts) != 2 {
		return [2]Span{}, fmt.Errorf("name two periods, such as 2015-2019;2021-2025 (--period A --period B), not %d", len(parts))
	}
	var p [2]Span
	for i, part := range parts {
		sp, err := ParseSpan(part)
		if err != nil {
			return [2]Span{}, err
		}
		p[i] = sp
	}
	return p, nil
}

// formatPeriods writes two periods as ParsePeriods reads them.
func formatPeriods(p [2]Span) string {
	if p == ([2]Span{}) {
		return ""
	}
	f := func(s Span) string {
		if s.From == s.To {
			return strconv.Itoa(s.From)
		}
		return fmt.Sprintf("%d-%d", s.From, s.To)
	}
	return f(p[0]) + ";" + f(p[1])
}

// ParseMeasure reads what movers ranks: ideal (the default) or agreement.
func ParseMeasure(s string) (string, error) {
	m := strings.ToLower(strings.TrimSpace(s))
	switch m {
	case "":
		return MeasureIdeal, nil
	case MeasureIdeal, MeasureAgreement:
		return m, nil
	}
	return "", fmt.Errorf("movers ranks ideal or agreement, not %q", s)
}

// ParseBlocs reads the number of blocs: 1 to 20, or empty to choose it.
func ParseBlocs(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 20 {
		return 0, fmt.Errorf("the number of blocs is 1 to 20, or empty to choose it, not %q", s)
	}
	return n, nil
}

// The measures of movers.
const (
	MeasureIdeal     = "ideal"
	MeasureAgreement = "agreement"
)

// NeedsIdeal reports whether a request's chart is drawn from the ideal
// points, so that the caller estimates them beforehand: every kind that
// reads them, except movers ranked by agreement.
func NeedsIdeal(req Request) bool {
	v, ok := Lookup(req.Kind)
	if !ok || !v.Uses(UsesIdeal) {
		return false
	}
	return req.Kind != Movers || req.Change.Measure != MeasureAgreement
}

// MaxSeriesSteps is how many roll calls a series shows at most, the most
// recent; MaxMovers how many states movers ranks (the selected ones are
// added).
const (
	MaxSeriesSteps = 40
	MaxMovers      = 30
)

// findRoll finds a named roll call among the selected ones.
func (b *builder) findRoll(symbol string) (int, error) {
	if row := b.s.Find(symbol); row >= 0 {
		return row, nil
	}
	return 0, fmt.Errorf("no roll call %s among the selected roll calls (%s)", symbol, b.filter.Describe())
}

// reVotes are the re-votes of the text of a table row that the ideal
// points bridge, among the roll calls of the filter without its symbols.
func (b *builder) reVotes(row int) ([]int, error) {
	f := b.filter
	f.Symbols, f.Countries = nil, nil
	s, err := b.s.Index().Select(f)
	if err != nil {
		return nil, err
	}
	return idealpoint.ReVotes(b.s.Index().Table(), s.Rows, row, idealpoint.ByYear), nil
}

// flowRolls are the two roll calls of a vote flow: the two symbols of the
// filter, or the focused (else most recent) roll call and the previous
// vote on its text.
func (b *builder) flowRolls() (int, int, error) {
	syms := b.filter.Symbols
	switch {
	case len(syms) == 2:
		a, err := b.findRoll(syms[0])
		if err != nil {
			return 0, 0, err
		}
		c, err := b.findRoll(syms[1])
		return a, c, err
	case len(syms) == 1:
		return 0, 0, fmt.Errorf("a vote flow needs two roll calls, --symbol A --symbol B: only %s is named", syms[0])
	case len(syms) > 2:
		return 0, 0, fmt.Errorf("a vote flow compares two roll calls, not %d (%s)", len(syms), strings.Join(syms, ", "))
	}
	row, err := b.roll()
	if err != nil {
		return 0, 0, err
	}
	re, err := b.reVotes(row)
	if err != nil {
		return 0, 0, err
	}
	if k := slices.Index(re, row); k > 0 {
		return re[k-1], row, nil
	}
	// No earlier vote on the text: the selected roll call of the same
	// body before it.
	body := b.s.RollCall(row).Body
	for k := slices.Index(b.s.Rows, row) - 1; k >= 0; k-- {
		if r := b.s.Rows[k]; b.s.RollCall(r).Body == body {
			return r, row, nil
		}
	}
	return 0, 0, fmt.Errorf("a vote flow needs two roll calls, --symbol A --symbol B: %s has no earlier vote on the same text", b.s.RollCall(row).Label())
}

func rollName(rc *record.RollCall) string { return rc.Label() + " (" + rc.Date + ")" }

func (b *builder) voteFlow() (charts.Chart, error) {
	ra, rb, err := b.flowRolls()
	if err != nil {
		return nil, err
	}
	t := b.s.Index().Table()
	f, err := change.NewFlow(t, ra, rb)
	if err != nil {
		return nil, err
	}
	a, c := b.s.RollCall(ra), b.s.RollCall(rb)
	out := charts.VoteFlow{A: rollName(a) + " · " + f.TotalsA.String(), B: rollName(c) + " · " + f.TotalsB.String()}
	for _, bd := range f.Bands {
		names := make([]string, len(bd.States))
		for i, iso := range bd.States {
			names[i] = b.nameOf(iso)
		}
		out.Bands = append(out.Bands, charts.FlowBand{From: ChartVote(bd.From), To: ChartVote(bd.To), States: names})
	}
	for _, m := range f.Members {
		out.Rows = append(out.Rows, charts.FlowRow{ISO3: b.code(m.ISO3), Name: b.nameOf(m.ISO3), A: ChartVote(m.A), B: ChartVote(m.B)})
	}
	only := 0
	for _, m := range f.Members {
		if m.A == record.None || m.B == record.None {
			only++
		}
	}
	note := ""
	if only > 0 {
		note = plural(only, "state") + " a member of only one"
	}
	b.setText(fmt.Sprintf("From %s to %s: %s changed their vote", a.Label(), c.Label(), plural(len(f.Switchers()), "state")),
		"every member's vote on the first against its vote on the second", note)
	out.Meta = b.meta
	return out, nil
}

// seriesRows are the roll calls of a series: the filter's symbols (two
// or more), the re-votes of one symbol's text, or those of the focused
// (else most recent) roll call; failing that a short selection itself.
func (b *builder) seriesRows() ([]int, string, error) {
	syms := b.filter.Symbols
	if len(syms) >= 2 {
		var rows []int
		for _, s := range syms {
			r, err := b.findRoll(s)
			if err != nil {
				return nil, "", err
			}
			if !slices.Contains(rows, r) {
				rows = append(rows, r)
			}
		}
		return rows, "the roll calls named", nil
	}
	var row int
	var err error
	if len(syms) == 1 {
		row, err = b.findRoll(syms[0])
	} else {
		row, err = b.roll()
	}
	if err != nil {
		return nil, "", err
	}
	re, err := b.reVotes(row)
	if err != nil {
		return nil, "", err
	}
	if len(re) >= 2 {
		return re, "the re-votes of the same text, as the ideal points bridge them", nil
	}
	if len(syms) == 0 && b.s.Len() >= 2 {
		return b.s.Rows, "the selected roll calls (" + b.s.RollCall(row).Label() + " has no re-vote of its text)", nil
	}
	return nil, "", fmt.Errorf("%s has no re-vote of the same text: name the roll calls of the series with --symbol (two or more)", b.s.RollCall(row).Label())
}

func (b *builder) series() (charts.Chart, error) {
	rows, how, err := b.seriesRows()
	if err != nil {
		return nil, err
	}
	slices.Sort(rows)
	note := ""
	if len(rows) > MaxSeriesSteps {
		note = fmt.Sprintf("the most recent %d of %d shown", MaxSeriesSteps, len(rows))
		rows = rows[len(rows)-MaxSeriesSteps:]
	}
	t := b.s.Index().Table()
	s, err := change.NewSeries(t, rows)
	if err != nil {
		return nil, err
	}
	out := charts.RollCallSeries{}
	for _, st := range s.Steps {
		rc := &t.RollCalls[st.Row]
		cs := charts.SeriesStep{Label: rc.Label(), Date: rc.Date, Totals: totals(st.Totals)}
		for _, m := range st.Switched {
			cs.Switched = append(cs.Switched, b.nameOf(m.ISO3)+" "+m.A.String()+" to "+m.B.String())
		}
		out.Steps = append(out.Steps, cs)
	}
	first, last := &t.RollCalls[rows[0]], &t.RollCalls[rows[len(rows)-1]]
	b.setText(fmt.Sprintf("%s votes from %s to %s", strconv.Itoa(len(rows)), first.Label(), last.Label())+yearSpan(first.Year(), last.Year()),
		how, note, "switched: members of both steps that voted differently")
	out.Meta = b.meta
	return out, nil
}

// moverPeriods are the two periods of movers: the request's, or the
// first and the last year of the selection.
func (b *builder) moverPeriods() ([2]Span, error) {
	p := b.req.Change.Periods
	if !p[0].IsZero() && !p[1].IsZero() {
		return p, nil
	}
	if !p[0].IsZero() || !p[1].IsZero() {
		return p, fmt.Errorf("movers compare two periods: name both")
	}
	first, last := 0, 0
	for _, r := range b.s.Rows {
		if y := b.s.RollCall(r).Year(); y != 0 {
			if first == 0 {
				first = y
			}
			last = y
		}
	}
	if first == 0 || first == last {
		return p, fmt.Errorf("movers compare two periods, and the selection spans %s: widen the period or name two", strings.TrimPrefix(yearSpan(first, last), ", "))
	}
	return [2]Span{{first, first}, {last, last}}, nil
}

// confidentPeriods are the first and the last period of an estimate with
// an estimate not flagged (a year of a handful of votes, such as January
// 2020 in the unvotes data, is passed over), or ps when there are not two.
func confidentPeriods(r *idealpoint.Result, ps [2]Span) [2]Span {
	first, last := 0, 0
	for _, e := range r.Estimates {
		if e.Flag {
			continue
		}
		if y := e.Period.Year; first == 0 || y < first {
			first = y
		}
		if y := e.Period.Year; y > last {
			last = y
		}
	}
	if first == 0 || first == last {
		return ps
	}
	return [2]Span{{first, first}, {last, last}}
}

// moverSet is the movers of one measure between two periods, with the
// chart's words for it.
type moverSet struct {
	ms                   []change.Mover
	selected             map[string]bool // the states chosen, always drawn
	measure, title, note string
}

func (b *builder) movers() (charts.Chart, error) {
	ps, err := b.moverPeriods()
	if err != nil {
		if b.req.Change.Periods[0].IsZero() && b.req.Change.Periods[1].IsZero() {
			// No periods asked for, and the selection holds one year: say
			// so in the chart, as for any selection with nothing to draw.
			b.setText(b.view.Label)
			return b.empty(strings.ToUpper(err.Error()[:1]) + err.Error()[1:]), nil
		}
		return nil, err
	}
	var set moverSet
	switch b.req.Change.Measure {
	case "", MeasureIdeal:
		set, ps, err = b.idealMovers(ps)
	case MeasureAgreement:
		set, err = b.agreementMovers(ps)
	default:
		err = fmt.Errorf("unknown measure %q (ideal or agreement)", b.req.Change.Measure)
	}
	if err != nil {
		return nil, err
	}
	out := charts.Movers{LabelA: ps[0].String(), LabelB: ps[1].String(), Measure: set.measure, Rows: b.moverRows(set)}
	within := 0
	for _, m := range set.ms {
		if m.Within {
			within++
		}
	}
	b.setText(fmt.Sprintf("%s: who moved most from %s to %s", set.title, ps[0], ps[1]), set.note,
		fmt.Sprintf("%d states ranked, %d within the intervals (grey)", len(set.ms), within))
	if len(out.Rows) == 0 {
		return b.empty(fmt.Sprintf("No state has a measure in both %s and %s", ps[0], ps[1])), nil
	}
	out.Meta = b.meta
	return out, nil
}

// idealMovers ranks the states by the change of their ideal point between
// the two years ps, or, when no period is asked for, between the first and
// the last year whose estimates are not flagged; it returns the years
// compared.
func (b *builder) idealMovers(ps [2]Span) (moverSet, [2]Span, error) {
	r, err := b.ideal(b.s.Index().Table())
	if err != nil {
		return moverSet{}, ps, err
	}
	if b.req.Change.Periods[0].IsZero() {
		ps = confidentPeriods(r, ps)
	}
	if ps[0].From != ps[0].To || ps[1].From != ps[1].To {
		return moverSet{}, ps, fmt.Errorf("ideal points compare two years, not %s and %s", ps[0], ps[1])
	}
	ms, err := change.IdealMovers(r, ps[0].From, ps[1].From)
	if err != nil {
		return moverSet{}, ps, err
	}
	set := moverSet{ms: ms, selected: map[string]bool{}, measure: "Ideal point (+: US side)", title: "Ideal points", note: idealNote(r)}
	for _, iso := range b.chosen(r) {
		set.selected[iso] = true
	}
	return set, ps, nil
}

// agreementMovers ranks the states by the change of their agreement with
// the reference between the periods ps.
func (b *builder) agreementMovers(ps [2]Span) (moverSet, error) {
	ref, err := b.ref()
	if err != nil {
		return moverSet{}, err
	}
	sa, err := b.periodSelection(ps[0])
	if err != nil {
		return moverSet{}, err
	}
	sb, err := b.periodSelection(ps[1])
	if err != nil {
		return moverSet{}, err
	}
	ms, err := change.AgreementMovers(sa, sb, ref, b.req.Metric, b.minN())
	if err != nil {
		return moverSet{}, err
	}
	set := moverSet{ms: ms, selected: map[string]bool{},
		measure: "Agreement with " + b.nameOf(ref) + " (" + b.req.Metric.Label() + ")",
		title:   "Agreement with " + b.nameOf(ref),
		note:    fmt.Sprintf("at least %d roll calls in each period", b.minN())}
	for _, iso := range b.selected(fmt.Sprintf("%04d-12-31", ps[1].To)) {
		set.selected[iso] = true
	}
	return set, nil
}

// periodSelection selects the roll calls of the filter, every state, in
// the years of s; none is an error.
func (b *builder) periodSelection(s Span) (*compare.Selection, error) {
	f := b.filter
	f.From, f.To, f.Countries = strconv.Itoa(s.From), strconv.Itoa(s.To), nil
	out, err := b.s.Index().Select(f)
	if err == nil && out.Len() == 0 {
		err = fmt.Errorf("no roll calls in %s: %s", s, f.Describe())
	}
	return out, err
}

// moverRows are the chart's rows: the first MaxMovers movers and every
// state chosen.
func (b *builder) moverRows(set moverSet) []charts.MoverRow {
	var rows []charts.MoverRow
	for i, m := range set.ms {
		if i >= MaxMovers && !set.selected[m.ISO3] {
			continue
		}
		rows = append(rows, charts.MoverRow{Country: b.nameOf(m.ISO3), A: m.A.Value, ALo: m.A.Lo, AHi: m.A.Hi,
			B: m.B.Value, BLo: m.B.Lo, BHi: m.B.Hi, N: m.B.N, Within: m.Within, Selected: set.selected[m.ISO3]})
	}
	return rows
}

// BlocsMinN is the fewest roll calls a state must have voted on in the
// selection to be clustered.
const BlocsMinN = DefaultMinN

func (b *builder) blocs() (charts.Chart, error) {
	s, every := b.s, ""
	if !s.All && len(s.Countries) < 3 {
		// Two states make no blocs: cluster every state, as the window
		// does before countries are chosen.
		f := b.filter
		f.Countries = nil
		var err error
		if s, err = b.s.Index().Select(f); err != nil {
			return nil, err
		}
		every = fmt.Sprintf("fewer than three countries chosen (%d): every state clustered", len(b.s.Countries))
	}
	mx := s.Matrix(b.req.Metric)
	var keep []int
	var left []string
	for i, iso := range mx.Countries {
		if mx.Score(i, i).N >= BlocsMinN {
			keep = append(keep, i)
		} else {
			left = append(left, iso)
		}
	}
	isos := make([]string, len(keep))
	for k, i := range keep {
		isos[k] = mx.Countries[i]
	}
	if b.req.Change.Blocs < 0 {
		return nil, fmt.Errorf("the number of blocs is 0 (chosen) or more, not %d", b.req.Change.Blocs)
	}
	bl, err := change.Cluster(isos, func(i, j int) (float64, int) {
		s := mx.Score(keep[i], keep[j])
		return s.Agreement, s.N
	}, b.req.Change.Blocs)
	if err != nil {
		return nil, fmt.Errorf("%v (%s; a state needs %d roll calls)", err, b.filter.Describe(), BlocsMinN)
	}
	out := charts.BlocMatrix{}
	for _, i := range bl.Order {
		out.Codes = append(out.Codes, bl.Countries[i])
		out.Names = append(out.Names, b.nameOf(bl.Countries[i]))
		out.Bloc = append(out.Bloc, bl.Bloc[i])
		row := make([]float64, len(bl.Order))
		for k, j := range bl.Order {
			row[k] = 1 - bl.Distance[i][j]
			if i == j {
				row[k] = 1
			}
		}
		out.Agreement = append(out.Agreement, row)
	}
	rule := fmt.Sprintf("%d blocs as asked", bl.K)
	if bl.Chosen {
		rule = fmt.Sprintf("%d blocs, the number with the best silhouette (%.2f) from 2 to %d", bl.K, bl.Silhouette, change.MaxAutoBlocs)
	}
	note := ""
	if len(left) > 0 {
		note = fmt.Sprintf("%s with fewer than %d votes left out", plural(len(left), "state"), BlocsMinN)
	}
	b.setText(fmt.Sprintf("Blocs of %d states by agreement%s", len(isos), b.period()), "average-linkage clustering on 1 − "+b.req.Metric.Label(), rule, note, every)
	out.Meta = b.meta
	return out, nil
}

func (b *builder) divergent() (charts.Chart, error) {
	isos := b.s.Countries
	if !b.s.All && len(isos) == 1 && b.req.Ref != "" {
		// One country and a reference: the reference against it.
		ref, err := b.ref()
		if err != nil {
			return nil, err
		}
		isos = []string{ref, isos[0]}
	}
	if b.s.All || len(isos) < 2 {
		return nil, fmt.Errorf("divergent votes compare two states: name them with --countries A,B (%d named)", len(isos))
	}
	a, c := isos[0], isos[1]
	cut := ""
	if n := len(isos); n > 2 {
		cut = fmt.Sprintf("the first two of %d countries", n)
	}
	t := b.s.Index().Table()
	ds, err := change.Divergent(t, b.s.Rows, a, c)
	if err != nil {
		return nil, err
	}
	out := charts.DivergentVotes{NameA: b.nameOf(a), NameB: b.nameOf(c), Total: len(ds)}
	opposed := 0
	for _, d := range ds {
		rc := &t.RollCalls[d.Row]
		out.Rows = append(out.Rows, charts.DivergentRow{Symbol: rc.Label(), Date: rc.Date, Title: rc.Title,
			A: ChartVote(d.A), B: ChartVote(d.B), Result: b.s.Index().Counted(d.Row).String()})
		if d.Opposed {
			opposed++
		}
	}
	b.setText(fmt.Sprintf("Where %s and %s voted against each other%s", b.nameOf(a), b.nameOf(c), b.period()),
		fmt.Sprintf("%d yes against no, then %d with one abstaining; most recent first", opposed, len(ds)-opposed), cut)
	if len(ds) == 0 {
		return b.empty(fmt.Sprintf("%s and %s never voted differently in the selection", b.nameOf(a), b.nameOf(c))), nil
	}
	out.Meta = b.meta
	return out, nil
}

// breakMarks finds the breaks of yearly series and says them in a note:
// "France 2003 (0.71 → 0.55, −3.1 noise)".
func breakMarks(names []string, series [][]change.Obs, opt change.BreakOptions, format func(float64) string) ([]charts.SeriesBreak, string) {
	var marks []charts.SeriesBreak
	var words []string
	for i, obs := range series {
		for _, br := range change.FindBreaks(obs, opt).Breaks {
			marks = append(marks, charts.SeriesBreak{Series: i, Year: br.Year, Before: br.Before, After: br.After})
			words = append(words, fmt.Sprintf("%s %d (%s to %s, %+.1f× noise)", names[i], br.Year, format(br.Before), format(br.After), br.Size))
		}
	}
	if len(words) == 0 {
		return nil, "No breaks found (docs/change.md)."
	}
	return marks, "Breaks (dashed steps; docs/change.md): " + strings.Join(words, "; ") + "."
}

func shareText(v float64) string { return strconv.Itoa(int(math.Round(100*v))) + "%" }

func idealText(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
