package cli

import (
	"context"
	"flag"
	"io"
	"strconv"
	"strings"

	"plenary/app/views"
	"plenary/data"
	"plenary/data/compare"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// idealHelp documents the model for the ideal-point commands.
const idealHelp = `Ideal points place every state on one dimension per period (Bailey,
Strezhnev and Voeten's dynamic ordinal model: yes > abstain > no; absent and
non-voting are missing; a state moves by a random walk between periods;
re-votes of the same text bridge the periods; the United States on the
positive side). Estimated from the roll calls the filters select, General
Assembly unless --body names another; results are cached in the database.
An estimate resting on few votes is flagged (flag=1) with a wide interval.
Method and validation: docs/idealpoints.md.`

func init() {
	register(&command{
		name: "idealpoints", usage: "[filters] [--by year|session] [--format csv|table]",
		summary: "every state's ideal point per year or session, with its interval",
		help: idealHelp + `

CSV columns: iso3,period,ideal,lo,hi,n,flag — the state, the year or session,
the estimate and its 95% interval, the votes it rests on, 1 when flagged.
--countries limits the rows printed, not the estimation.

` + filterHelp,
		run: runIdealPoints,
	})
	register(&command{
		name: "dyads", usage: "[filters] [--by year|session] [--format csv]",
		summary: "every pair of states per period: agreement and ideal-point distance",
		help: idealHelp + `

The layout of the authors' dyadic file, so that R and Stata scripts written
for it run on Plenary's output:
ccode1,ccode2,iso3_1,iso3_2,year,agree,IdealPointDistance,n — Correlates of
War codes (empty where a state has none), ISO3 codes, the year (or the year
a session opened), the share of identical votes among the roll calls both
voted yes, no or abstain on, the distance of their ideal points, and n.
--countries keeps the pairs with at least one of the listed states.

` + filterHelp,
		run: runDyads,
	})
}

// storeCache keeps estimations in the database (see views.IdealCache).
type storeCache struct {
	ctx context.Context
	st  *data.Store
}

func (c storeCache) Load(key string) ([]byte, bool) {
	b, ok, err := c.st.Estimate(c.ctx, key)
	return b, ok && err == nil
}

func (c storeCache) Save(key string, result []byte) { _ = c.st.SaveEstimate(c.ctx, key, result) }

// idealFor estimates (or finds in the database's cache) the ideal points
// of a request.
func idealFor(ctx context.Context, env *Env, t *record.Table, req views.Request) (*idealpoint.Result, error) {
	st, err := env.read()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return views.EstimateIdeal(ctx, t, req, storeCache{ctx, st}, nil)
}

// idealFlags are the flags of idealpoints and dyads.
type idealFlags struct {
	filter  *filterFlags
	by, fmt string
}

func addIdealFlags(fs *flag.FlagSet, format string) *idealFlags {
	f := &idealFlags{filter: addFilterFlags(fs)}
	fs.StringVar(&f.by, "by", "year", "year or session")
	fs.StringVar(&f.fmt, "format", format, "csv or table")
	return f
}

// estimate parses the flags and estimates.
func (f *idealFlags) estimate(ctx context.Context, env *Env, args []string, fs *flag.FlagSet) (*record.Table, views.Request, *idealpoint.Result, error) {
	if _, err := parse(fs, args); err != nil {
		return nil, views.Request{}, nil, err
	}
	by, err := idealpoint.ParseBy(f.by)
	if err != nil {
		return nil, views.Request{}, nil, usagef("--by: %v", err)
	}
	flt, err := f.filter.filter()
	if err != nil {
		return nil, views.Request{}, nil, err
	}
	t, _, err := loadTable(ctx, env, compare.Filter{}) // estimated and cached on the whole table
	if err != nil {
		return nil, views.Request{}, nil, err
	}
	req := views.Request{Filter: flt, By: by}
	r, err := idealFor(ctx, env, t, req)
	return t, req, r, err
}

func runIdealPoints(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("idealpoints", flag.ContinueOnError)
	f := addIdealFlags(fs, "csv")
	t, req, r, err := f.estimate(ctx, env, args, fs)
	if err != nil {
		return err
	}
	seat, err := periodSeats(t, req, r)
	if err != nil {
		return err
	}
	keep := countrySet(req.Filter.Countries)
	rows := [][]string{}
	for _, e := range r.Estimates {
		iso := seat.code(e.ISO3, e.Period.Label)
		if keep != nil && !keep[e.ISO3] && !keep[iso] {
			continue
		}
		rows = append(rows, []string{iso, e.Period.Label, num(e.Ideal), num(e.Lo), num(e.Hi), strconv.Itoa(e.N), flag01(e.Flag)})
	}
	return printTable(env.Stdout, f.fmt, []string{"iso3", "period", "ideal", "lo", "hi", "n", "flag"}, rows)
}

func runDyads(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("dyads", flag.ContinueOnError)
	f := addIdealFlags(fs, "csv")
	t, req, r, err := f.estimate(ctx, env, args, fs)
	if err != nil {
		return err
	}
	rowsSel, _, err := views.IdealInput(t, req)
	if err != nil {
		return err
	}
	seat := seats{ends: views.PeriodEnds(t, rowsSel, r.Options.By)}
	keep := countrySet(req.Filter.Countries)
	var rows [][]string
	for _, d := range idealpoint.Dyads(t, rowsSel, r) {
		a, b := seat.code(d.ISO3a, d.Period.Label), seat.code(d.ISO3b, d.Period.Label)
		if keep != nil && !keep[d.ISO3a] && !keep[d.ISO3b] && !keep[a] && !keep[b] {
			continue
		}
		rows = append(rows, []string{code(d.CCode1), code(d.CCode2), a, b, strconv.Itoa(d.Period.Year),
			num(d.Agree), num(d.Distance), strconv.Itoa(d.N)})
	}
	return printTable(env.Stdout, f.fmt, []string{"ccode1", "ccode2", "iso3_1", "iso3_2", "year", "agree", "IdealPointDistance", "n"}, rows)
}

// periodSeats dates the periods of an estimation by their last roll
// call, for the codes its rows show.
func periodSeats(t *record.Table, req views.Request, r *idealpoint.Result) (seats, error) {
	rows, _, err := views.IdealInput(t, req)
	if err != nil {
		return seats{}, err
	}
	return seats{ends: views.PeriodEnds(t, rows, r.Options.By)}, nil
}

// countrySet is the ISO3 codes of the listed countries (groups with every
// member they ever had); nil when all are wanted.
func countrySet(tokens []string) map[string]bool {
	if len(tokens) == 0 {
		return nil
	}
	set := map[string]bool{}
	for _, tok := range tokens {
		for _, iso := range views.Members(tok) {
			set[iso] = true
		}
	}
	return set
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

func code(c int) string {
	if c == 0 {
		return ""
	}
	return strconv.Itoa(c)
}

func flag01(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// printTable writes rows through the commands' one output.
func printTable(w io.Writer, format string, header []string, rows [][]string) error {
	o, err := newOutput(w, strings.ToLower(format))
	if err != nil {
		return err
	}
	o.row(anys(header)...)
	for _, r := range rows {
		o.row(anys(r)...)
	}
	return o.flush()
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
