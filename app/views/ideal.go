package views

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"plenary/charts"
	"plenary/data/change"
	"plenary/data/countries"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// DefaultPoles are the two states the alignment view measures every state
// between unless the request names others: the question most often asked
// of the ideal points is a state's place between the United States and
// China.
var DefaultPoles = [2]string{"USA", "CHN"}

// IdealCache keeps estimations between runs of the program: the command
// line and the window hand in one backed by the database. Values are
// opaque bytes; a cache that fails only costs time.
type IdealCache interface {
	Load(key string) ([]byte, bool)
	Save(key string, result []byte)
}

// memo keeps the last estimations of this process, so that switching
// between the ideal-point views does not estimate again.
var memo struct {
	sync.Mutex
	keys    []string
	results map[string]*idealpoint.Result
}

const memoSize = 4

// IdealInput is the selection an ideal-point view estimates from: the
// roll calls the request's filter selects under the view's body rules
// (the General Assembly unless a body is named), with every state placed
// (the filter's countries only choose what is drawn), and the options.
func IdealInput(t *record.Table, req Request) (rows []int, opt idealpoint.Options, err error) {
	if t == nil {
		return nil, opt, fmt.Errorf("ideal points need the votes, and there are none")
	}
	ix, err := indexFor(t)
	if err != nil {
		return nil, opt, err
	}
	f := req.Filter
	f.Countries = nil
	if f.Body == "" {
		f.Body = record.GA
	}
	s, err := ix.Select(f)
	if err != nil {
		return nil, opt, err
	}
	return s.Rows, idealpoint.Options{By: req.By}, nil
}

// EstimateIdeal returns the ideal points a request's views show: from this
// process's memory, from cache (may be nil), or estimated now, with
// progress and cancellation through ctx. A new estimate is saved in cache.
func EstimateIdeal(ctx context.Context, t *record.Table, req Request, cache IdealCache, progress func(done, total int)) (*idealpoint.Result, error) {
	rows, opt, err := IdealInput(t, req)
	if err != nil {
		return nil, err
	}
	key := idealpoint.Key(t, rows, opt)
	if r := memoGet(key); r != nil {
		// Another database may hold the same votes without the result.
		if cache != nil {
			if _, ok := cache.Load(key); !ok {
				saveIdeal(cache, key, r)
			}
		}
		return r, nil
	}
	if cache != nil {
		if b, ok := cache.Load(key); ok {
			var r idealpoint.Result
			if json.Unmarshal(b, &r) == nil && len(r.Estimates) > 0 {
				memoPut(key, &r)
				return &r, nil
			}
		}
	}
	r, err := idealpoint.Estimate(ctx, t, rows, opt, progress)
	if err != nil {
		return nil, err
	}
	memoPut(key, r)
	if cache != nil {
		saveIdeal(cache, key, r)
	}
	return r, nil
}

// saveIdeal keeps a result in the cache; one that cannot be encoded (a
// number JSON cannot hold) is simply not kept.
func saveIdeal(cache IdealCache, key string, r *idealpoint.Result) {
	if b, err := json.Marshal(r); err == nil {
		cache.Save(key, b)
	}
}

func memoGet(key string) *idealpoint.Result {
	memo.Lock()
	defer memo.Unlock()
	return memo.results[key]
}

func memoPut(key string, r *idealpoint.Result) {
	memo.Lock()
	defer memo.Unlock()
	if memo.results == nil {
		memo.results = map[string]*idealpoint.Result{}
	}
	if _, ok := memo.results[key]; ok {
		return
	}
	memo.keys = append(memo.keys, key)
	memo.results[key] = r
	if len(memo.keys) > memoSize {
		delete(memo.results, memo.keys[0])
		memo.keys = memo.keys[1:]
	}
}

// ideal is the estimation the builder draws: the request's, or one made
// now (the command line asks for one chart at a time).
func (b *builder) ideal(t *record.Table) (*idealpoint.Result, error) {
	if b.req.Ideal != nil {
		return b.req.Ideal, nil
	}
	return EstimateIdeal(context.Background(), t, b.req, nil, nil)
}

// idealPeriod is the estimation and the period a one-period view shows.
func (b *builder) idealPeriod() (*idealpoint.Result, idealpoint.Period, error) {
	r, err := b.ideal(b.s.Index().Table())
	if err != nil {
		return nil, idealpoint.Period{}, err
	}
	p, err := b.idealYear(r)
	return r, p, err
}

// idealYear is the period a one-period view shows: the request's year, or
// the last estimated.
func (b *builder) idealYear(r *idealpoint.Result) (idealpoint.Period, error) {
	if len(r.Periods) == 0 {
		return idealpoint.Period{}, fmt.Errorf("no period was estimated")
	}
	if b.req.Year == 0 {
		return r.Periods[len(r.Periods)-1], nil
	}
	for _, p := range r.Periods {
		if p.Year == b.req.Year {
			return p, nil
		}
	}
	first, last := r.Periods[0], r.Periods[len(r.Periods)-1]
	return idealpoint.Period{}, fmt.Errorf("no ideal points for %d: the selection gives %s to %s", b.req.Year, first.Label, last.Label)
}

// idealNote is the subtitle's account of the model and its warnings.
func idealNote(r *idealpoint.Result) string {
	note := r.Describe()
	if len(r.Thin) > 0 {
		var labels []string
		for _, p := range r.Thin {
			labels = append(labels, p.Period.Label)
		}
		if len(labels) > 6 {
			labels = append(labels[:6], "…")
		}
		note += fmt.Sprintf(" · %d periods with few contested votes (%s), flagged", len(r.Thin), strings.Join(labels, ", "))
	}
	return note
}

// idealMap colours every state by its ideal point in one period.
func (b *builder) idealMap() (charts.Chart, error) {
	r, p, err := b.idealPeriod()
	if err != nil {
		return nil, err
	}
	b.setText("Ideal points, "+periodName(r, p), idealNote(r), b.outlinedNote())
	m := charts.IdealMap{Meta: b.meta, Lineage: mapLineage(), Selected: b.selected(fmt.Sprintf("%04d-12-31", p.Year)),
		Label: "Ideal point (+: US side)"}
	end := b.periodEnd(r, p)
	for _, e := range r.Year(p.Year) {
		v := e.Ideal
		if e.Flag {
			v = math.NaN() // too few votes: no confident colour
		}
		iso, n := countries.SeatOn(e.ISO3, end)
		m.States = append(m.States, charts.MapValue{ISO3: iso, Name: n, Value: v, N: e.N})
	}
	if len(m.States) == 0 {
		return b.empty("No state has an estimate in " + p.Label), nil
	}
	slices.SortFunc(m.States, func(a, c charts.MapValue) int { return strings.Compare(a.ISO3, c.ISO3) })
	return m, nil
}

// PeriodEnds dates each period of an estimation over rows (the roll calls
// IdealInput picks) by its last roll call, keyed by the period's label: a
// row of one year or session carries the seat as it stood on that day
// (countries.SeatOn), so that 1991 is the Soviet Union's, whose last vote
// of the year was on 6 December, and 1990 united Germany's.
func PeriodEnds(t *record.Table, rows []int, by idealpoint.By) map[string]string {
	out := map[string]string{}
	for _, r := range rows {
		rc := &t.RollCalls[r]
		if p, ok := idealpoint.PeriodOf(rc, by); ok && rc.Date > out[p.Label] {
			out[p.Label] = rc.Date
		}
	}
	return out
}

// periodEnd is the date of the last roll call of a period of r.
func (b *builder) periodEnd(r *idealpoint.Result, p idealpoint.Period) string {
	t := b.s.Index().Table()
	rows, _, err := IdealInput(t, b.req)
	if err != nil {
		return ""
	}
	return PeriodEnds(t, rows, r.Options.By)[p.Label]
}

// periodName says which period a one-period view shows.
func periodName(r *idealpoint.Result, p idealpoint.Period) string {
	if r.Options.By == idealpoint.BySession {
		return "session " + p.Label + fmt.Sprintf(" (%d–%d)", p.Year, p.Year+1)
	}
	return p.Label
}

// MaxIdealSeries is how many states ideal-time draws, and MaxPairs how
// many pairs ideal-distance draws: more lines cannot be told apart.
const (
	MaxIdealSeries = 8
	MaxPairs       = 6
)

// DefaultIdealCountries are followed by the ideal-point views when the
// filter names no country: the permanent members, the usual reference
// points of the scale.
var DefaultIdealCountries = []string{"USA", "CHN", "RUS", "GBR", "FRA"}

// chosenOrDefault is chosen, or DefaultIdealCountries (the first n) with a
// note saying so when the filter names none.
func (b *builder) chosenOrDefault(r *idealpoint.Result, n int) ([]string, string) {
	if isos := b.chosen(r); len(isos) > 0 {
		return isos, ""
	}
	return DefaultIdealCountries[:n], "no countries chosen: the permanent members shown"
}

// chosen are the states an ideal-point view draws: the filter's
// countries, groups expanded to their members at the end of the period.
func (b *builder) chosen(r *idealpoint.Result) []string {
	date := ""
	if n := len(r.Periods); n > 0 {
		date = fmt.Sprintf("%04d-12-31", r.Periods[n-1].Year)
	}
	var out []string
	for _, iso := range b.selected(date) {
		if !slices.Contains(out, iso) {
			out = append(out, iso)
		}
	}
	return out
}

// idealPoints are a state's estimates as the charts take them.
func idealPoints(ps []idealpoint.Point) []charts.IdealPoint {
	out := make([]charts.IdealPoint, len(ps))
	for i, p := range ps {
		out[i] = charts.IdealPoint{Year: p.Period.Year, Ideal: p.Ideal, Lo: p.Lo, Hi: p.Hi, N: p.N, Flag: p.Flag}
	}
	return out
}

// idealTime draws the chosen states' positions over time, with intervals.
func (b *builder) idealTime() (charts.Chart, error) {
	r, err := b.ideal(b.s.Index().Table())
	if err != nil {
		return nil, err
	}
	isos, note := b.chosenOrDefault(r, len(DefaultIdealCountries))
	if len(isos) > MaxIdealSeries {
		note = fmt.Sprintf("first %d of %d countries", MaxIdealSeries, len(isos))
		isos = isos[:MaxIdealSeries]
	}
	b.setText("Ideal points over time", idealNote(r), note)
	var series []charts.IdealSeries
	var obs [][]change.Obs
	var names []string
	for _, iso := range isos {
		if ps := r.Series(iso); len(ps) > 0 {
			series = append(series, charts.IdealSeries{Country: b.nameOf(iso), Points: idealPoints(ps)})
			obs = append(obs, change.IdealSeries(ps))
			names = append(names, b.nameOf(iso))
		}
	}
	if len(series) == 0 {
		return b.empty("Select the countries to follow (for example USA, RUS, CHN)"), nil
	}
	marks, note := breakMarks(names, obs, change.IdealBreakOptions, idealText)
	meta := b.meta
	meta.Note = note
	return charts.IdealTime{Meta: meta, Series: series, Breaks: marks}, nil
}

// idealDistance draws the distance between the chosen states, pair by
// pair, with an interval from both estimates' (independent) errors.
func (b *builder) idealDistance() (charts.Chart, error) {
	r, err := b.ideal(b.s.Index().Table())
	if err != nil {
		return nil, err
	}
	isos, note := b.chosenOrDefault(r, 3)
	var pairs []charts.IdealSeries
	for i := 0; i < len(isos) && len(pairs) < MaxPairs; i++ {
		for j := i + 1; j < len(isos) && len(pairs) < MaxPairs; j++ {
			pairs = append(pairs, charts.IdealSeries{Country: b.nameOf(isos[i]) + " – " + b.nameOf(isos[j]), Points: distances(r, isos[i], isos[j])})
		}
	}
	b.setText("Distance between ideal points", idealNote(r), note)
	if len(pairs) == 0 {
		return b.empty("Select two countries or more (for example USA, CHN, RUS)"), nil
	}
	return charts.IdealDistance{Meta: b.meta, Pairs: pairs}, nil
}

// distances is |a − b| in every period both were estimated.
func distances(r *idealpoint.Result, a, b string) []charts.IdealPoint {
	var out []charts.IdealPoint
	for _, pa := range r.Series(a) {
		pb, ok := r.Lookup(b, pa.Period.Year)
		if !ok {
			continue
		}
		d := math.Abs(pa.Ideal - pb.Ideal)
		e := 1.959964 * math.Hypot(pa.SD, pb.SD)
		out = append(out, charts.IdealPoint{Year: pa.Period.Year, Ideal: d, Lo: math.Max(0, d-e), Hi: d + e,
			N: min(pa.N, pb.N), Flag: pa.Flag || pb.Flag})
	}
	return out
}

// idealDistribution places every state of one period on the scale.
func (b *builder) idealDistribution() (charts.Chart, error) {
	r, p, err := b.idealPeriod()
	if err != nil {
		return nil, err
	}
	d := charts.IdealDistribution{}
	end := b.periodEnd(r, p)
	nameOn := func(iso string) string { _, n := countries.SeatOn(iso, end); return n }
	for _, e := range r.Year(p.Year) {
		d.States = append(d.States, charts.IdealState{Country: nameOn(e.ISO3), Ideal: e.Ideal, Lo: e.Lo, Hi: e.Hi, N: e.N, Flag: e.Flag})
	}
	for _, iso := range b.chosen(r) {
		d.Selected = append(d.Selected, nameOn(iso))
	}
	b.setText("Ideal points, "+periodName(r, p), idealNote(r))
	if len(d.States) == 0 {
		return b.empty("No state has an estimate in " + p.Label), nil
	}
	d.Meta = b.meta
	return d, nil
}

// alignment ranks every state of one period by its place between two
// poles: 1 at the first, −1 at the second.
func (b *builder) alignment() (charts.Chart, error) {
	r, p, err := b.idealPeriod()
	if err != nil {
		return nil, err
	}
	poles := b.req.Poles
	if poles[0] == "" || poles[1] == "" {
		poles = DefaultPoles
	}
	pa, okA := r.Lookup(poles[0], p.Year)
	pb, okB := r.Lookup(poles[1], p.Year)
	if !okA || !okB || pa.Ideal == pb.Ideal {
		return nil, fmt.Errorf("the poles %s and %s need distinct estimates in %s", poles[0], poles[1], p.Label)
	}
	end := b.periodEnd(r, p)
	nameOn := func(iso string) string { _, n := countries.SeatOn(iso, end); return n }
	a := charts.Alignment{PoleA: nameOn(poles[0]), PoleB: nameOn(poles[1])}
	for _, e := range r.Year(p.Year) {
		a.States = append(a.States, charts.AlignmentState{Country: nameOn(e.ISO3),
			Alignment: (2*e.Ideal - pa.Ideal - pb.Ideal) / (pa.Ideal - pb.Ideal)})
	}
	for _, iso := range b.chosen(r) {
		a.Selected = append(a.Selected, nameOn(iso))
	}
	b.setText(fmt.Sprintf("Between %s and %s, %s", nameOn(poles[0]), nameOn(poles[1]), periodName(r, p)),
		fmt.Sprintf("1 = %s, −1 = %s", nameOn(poles[0]), nameOn(poles[1])), idealNote(r))
	a.Meta = b.meta
	return a, nil
}
