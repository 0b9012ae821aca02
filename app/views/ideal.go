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
	r, err := b.ideal(b.s.Index().Table())
	if err != nil {
		return nil, err
	}
	p, err := b.idealYear(r)
	if err != nil {
		return nil, err
	}
	b.setText("Ideal points, "+periodName(r, p), idealNote(r), b.outlinedNote())
	m := charts.IdealMap{Meta: b.meta, Lineage: mapLineage(), Selected: b.selected(fmt.Sprintf("%04d-12-31", p.Year)),
		Label: "Ideal point (+: US side)"}
	mid := fmt.Sprintf("%04d-07-01", p.Year)
	for _, e := range r.Year(p.Year) {
		v := e.Ideal
		if e.Flag {
			v = math.NaN() // too few votes: no confident colour
		}
		iso := seatAt(e.ISO3, mid)
		m.States = append(m.States, charts.MapValue{ISO3: iso, Name: name(iso), Value: v, N: e.N})
	}
	if len(m.States) == 0 {
		return b.empty("No state has an estimate in " + p.Label), nil
	}
	slices.SortFunc(m.States, func(a, c charts.MapValue) int { return strings.Compare(a.ISO3, c.ISO3) })
	return m, nil
}

// periodName says which period a one-period view shows.
func periodName(r *idealpoint.Result, p idealpoint.Period) string {
	if r.Options.By == idealpoint.BySession {
		return "session " + p.Label + fmt.Sprintf(" (%d–%d)", p.Year, p.Year+1)
	}
	return p.Label
}
