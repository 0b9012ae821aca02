package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/record"
)

// filterHelp documents the flags every comparison command shares.
const filterHelp = `Filters (each narrows the roll calls; repeatable ones match any value):
  --countries LIST  countries compared: ISO3 codes, names, groups (P5, EU, BRICS,
                    G7, African, Asia-Pacific, Eastern European, GRULAC, WEOG) or
                    all, separated by commas; members of a group count only
                    while they belonged to it. Also keeps only the roll calls
                    on which one of them has a vote row.
  --body GA|SC|both General Assembly, Security Council, or both together.
                    Agreement, rankings, matrices and vote grids compare the
                    General Assembly unless told otherwise, and mix the two
                    bodies only with --body both; other views list both.
  --from DATE       first date, YYYY-MM-DD (or YYYY, YYYY-MM)
  --to DATE         last date, inclusive
  --session S       General Assembly session, e.g. 74 or ES-11 (repeatable)
  --topic T         topic containing T, ignoring case (repeatable)
  --text T          symbol or title containing T, ignoring case
  --symbol S        resolution symbol, e.g. "S/RES/2774 (2025)" (repeatable)
  --important       only votes coded as important
  --contested       only votes with at least one no or abstention (not texts
                    adopted without a vote)`

// metricHelp documents --metric.
const metricHelp = `Metrics (--metric), each over the roll calls where both countries voted
(absent, non-voting and non-members are left out), with n the count:
  identical    share of roll calls on which both voted the same (yes, no or
               abstain) — the default
  voeten       Voeten's index: 1 for the same vote, 0.5 when one abstained and
               the other voted yes or no, 0 for yes against no
  coincidence  US State Department voting coincidence: only roll calls where
               both voted yes or no; share identical`

func init() {
	register(&command{
		name: "chart", usage: "KIND [filters] [--ref ISO3] [--metric M] [--width W --height H --scale S] -o FILE.png|.svg|.csv",
		summary: "draw a comparison chart to a PNG, SVG or CSV file",
		help: "KIND is one of:\n" + kindHelp() + `
The format comes from the extension of -o: .png, .svg, or .csv for the numbers
plotted. The size is --width x --height pixels (default 1200x800; 640x400 to
3840x2160), --scale 1 to 4 enlarges text and lines for high-DPI screens and
print, --theme light|dark picks the background. The file is written under a
temporary name in the same folder and then renamed, so a failure never leaves
a half-written file; a read-only file, a database, or a link to either is
never written.

` + filterHelp + `

` + metricHelp,
		run: runChart,
	})
	register(&command{
		name: "agreement", usage: "--countries A,B,… [--ref ISO3] [--by year] [--metric M] [--min-n N] [filters] [--format table|csv]",
		summary: "how often countries vote alike, per pair (and per year)",
		help: `Without --ref, every pair of the listed countries; with --ref, the reference
against each listed country (or every country with --countries all), ranked
from most to least in agreement unless --by year. --by year gives one row per
pair and calendar year. Pairs resting on fewer than --min-n roll calls
(default 1) are left out.

CSV columns: a,b,period,metric,agreement,n — ISO3 codes, the year or "all",
the metric's name, the agreement as a fraction from 0 to 1, and n.

` + filterHelp + `

` + metricHelp,
		run: runAgreement,
	})
	register(&command{
		name: "abstentions", usage: "[filters] [--by member|year|resolution] [--format table|csv]",
		summary: "Security Council abstentions per member",
		help: `Counts the abstentions of each Security Council member over the selected
Security Council roll calls (the body is always SC). Texts adopted without a
vote are left out of every count and reported apart.

  --by member      (default) CSV columns iso3,permanent,abstentions,votes:
                   permanent is 1 for China, France, Russia, the United
                   Kingdom and the United States; votes counts the roll calls
                   on which the member voted yes, no or abstain
  --by year        the permanent members per year: iso3,year,abstentions,votes
  --by resolution  each roll call with abstentions: symbol,date,abstained
                   (ISO3 codes separated by spaces)

` + filterHelp,
		run: runAbstentions,
	})
}

// filterFlags are the flags of filterHelp.
type filterFlags struct {
	countries, body, from, to, text string
	sessions, topics, symbols       listFlag
	important, contested            bool
}

// listFlag collects a repeatable flag.
type listFlag []string

// String implements flag.Value.
func (l *listFlag) String() string { return strings.Join(*l, ", ") }

// Set implements flag.Value: each use of the flag adds a value.
func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

func addFilterFlags(fs *flag.FlagSet) *filterFlags {
	ff := &filterFlags{}
	fs.StringVar(&ff.countries, "countries", "", "countries compared")
	fs.StringVar(&ff.body, "body", "", "GA or SC")
	fs.StringVar(&ff.from, "from", "", "first date")
	fs.StringVar(&ff.to, "to", "", "last date")
	fs.StringVar(&ff.text, "text", "", "text in symbol or title")
	fs.Var(&ff.sessions, "session", "General Assembly session")
	fs.Var(&ff.topics, "topic", "topic")
	fs.Var(&ff.symbols, "symbol", "resolution symbol")
	fs.BoolVar(&ff.important, "important", false, "important votes only")
	fs.BoolVar(&ff.contested, "contested", false, "contested votes only")
	return ff
}

// filter checks the flags and builds the filter; mistakes are usage
// errors, so that the usage line is printed with them.
func (ff *filterFlags) filter() (compare.Filter, error) {
	f := compare.Filter{
		From: strings.TrimSpace(ff.from), To: strings.TrimSpace(ff.to), Text: ff.text,
		Sessions: ff.sessions, Topics: ff.topics, Symbols: ff.symbols,
		Important: ff.important, Contested: ff.contested,
	}
	if strings.EqualFold(strings.TrimSpace(ff.body), string(compare.Both)) {
		f.Body = compare.Both
	} else if ff.body != "" {
		b, ok := record.ParseBody(ff.body)
		if !ok {
			return f, usagef("unknown --body %q (GA, SC or both)", ff.body)
		}
		f.Body = b
	}
	if strings.TrimSpace(ff.countries) != "" {
		cs, err := compare.ParseCountries(ff.countries)
		if err != nil {
			return f, usagef("--countries: %v", err)
		}
		f.Countries = cs
	}
	if err := f.Validate(); err != nil {
		return f, usagef("%v", err)
	}
	return f, nil
}

// loadTable reads the dense table the comparisons run on, with the import
// log for chart footers: the roll calls of the years the filter's dates
// allow (all of them when it names none), since a command reads what it
// needs.
func loadTable(ctx context.Context, env *Env, f compare.Filter) (*record.Table, []record.ImportInfo, error) {
	st, err := env.read()
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	t, err := st.TableYears(ctx, year(f.From), year(f.To))
	if err != nil {
		return nil, nil, err
	}
	if len(t.RollCalls) == 0 {
		// Nothing in the years asked for is an empty chart; nothing at
		// all, a database to fill first.
		has, err := st.HasRollCalls(ctx)
		if err != nil {
			return nil, nil, err
		}
		if !has {
			return nil, nil, fmt.Errorf("%s holds no votes: import some with `plenary import FILE`, or load the sample with `plenary sample`", st.Path())
		}
	}
	imports, err := st.Imports(ctx)
	if err != nil {
		return nil, nil, err
	}
	return t, imports, nil
}

// year is the year a date bound starts with, 0 for none.
func year(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil || y < 1000 {
		return 0
	}
	return y
}

// selectRows applies the filter through the views' cached comparison
// index, the one Build uses, so that a command that selects and then
// draws indexes the table once.
func selectRows(t *record.Table, f compare.Filter) (*compare.Selection, error) {
	return views.Select(t, f)
}

// oneCountry reads --ref with the window's rule: exactly one country.
func oneCountry(s string) (string, error) {
	iso, err := views.ParseRef(s)
	if err != nil {
		return "", usagef("--ref: %v", err)
	}
	return iso, nil
}

// kindHelp lists the registered chart kinds with their descriptions,
// wrapped to the help's width.
func kindHelp() string {
	var b strings.Builder
	for _, v := range views.Views() {
		line := fmt.Sprintf("  %-24s", v.Kind)
		for _, w := range strings.Fields(v.Help) {
			if len(line)+1+len(w) > 80 {
				b.WriteString(strings.TrimRight(line, " ") + "\n")
				line = strings.Repeat(" ", 26)
			}
			if !strings.HasSuffix(line, " ") {
				line += " "
			}
			line += w
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// chartFlags are the flags of `chart`: the filter, one flag for each
// input the views declare (--ref, --metric, --min-n, --by, --year,
// --poles), and the output's.
type chartFlags struct {
	filter        *filterFlags
	inputs        inputFlags
	theme, o      string
	width, height int
	scale         float64
}

// inputFlags are one flag for each input the views declare, by name.
type inputFlags map[string]*inputValue

// inputValue is the text of one declared input's flag; a flag whose
// field repeats joins its values, any other is given once.
type inputValue struct {
	field views.Field
	text  string
	set   bool
}

func (v *inputValue) String() string { return v.text }

func (v *inputValue) Set(s string) error {
	switch {
	case !v.set:
		v.text = s
	case v.field.Repeat != "":
		v.text += v.field.Repeat + s
	default:
		return fmt.Errorf("given twice")
	}
	v.set = true
	return nil
}

// addInputFlags declares a flag for every declared input the flag set does
// not already have: --symbol is the filter's, the roll call it selects
// being the one a one-roll-call chart shows.
func addInputFlags(fs *flag.FlagSet) inputFlags {
	in := inputFlags{}
	for _, f := range views.Fields() {
		if fs.Lookup(f.Name) == nil {
			in[f.Name] = &inputValue{field: f}
			fs.Var(in[f.Name], f.Name, f.Help)
		}
	}
	return in
}

// apply reads each input's text into req by its declaration's rules, as
// the window reads it.
func (in inputFlags) apply(req *views.Request) error {
	for _, f := range views.Fields() {
		if v, ok := in[f.Name]; ok {
			if err := f.Parse(req, v.text); err != nil {
				return usagef("--%s: %v", f.Name, err)
			}
		}
	}
	return nil
}

func addChartFlags(fs *flag.FlagSet) *chartFlags {
	c := &chartFlags{filter: addFilterFlags(fs)}
	c.inputs = addInputFlags(fs)
	fs.IntVar(&c.width, "width", charts.DefaultWidth, "width in pixels")
	fs.IntVar(&c.height, "height", charts.DefaultHeight, "height in pixels")
	fs.Float64Var(&c.scale, "scale", 1, "text and line scale")
	fs.StringVar(&c.theme, "theme", "light", "light or dark")
	fs.StringVar(&c.o, "o", "", "output file")
	return c
}

// options checks the output flags: file, size, scale and theme.
func (c *chartFlags) options() (charts.Options, error) {
	if c.o == "" {
		return charts.Options{}, usagef("name the output file with -o FILE.png, .svg or .csv")
	}
	if _, err := views.FormatOf(c.o); err != nil {
		return charts.Options{}, usagef("-o %v", err)
	}
	if c.width < charts.MinWidth || c.width > charts.MaxWidth || c.height < charts.MinHeight || c.height > charts.MaxHeight {
		return charts.Options{}, usagef("size %dx%d is outside %dx%d..%dx%d", c.width, c.height, charts.MinWidth, charts.MinHeight, charts.MaxWidth, charts.MaxHeight)
	}
	if math.IsNaN(c.scale) || c.scale < 1 || c.scale > charts.MaxScale {
		return charts.Options{}, usagef("--scale %v is outside 1..%d", c.scale, charts.MaxScale)
	}
	opt := charts.Options{Width: c.width, Height: c.height, Scale: c.scale}
	switch strings.ToLower(c.theme) {
	case "light":
	case "dark":
		opt.Theme = charts.Dark
	default:
		return charts.Options{}, usagef("unknown --theme %q (light or dark)", c.theme)
	}
	return opt, nil
}

// request checks the comparison flags and builds the chart request, each
// input read by its declaration's rules, as the window reads it.
func (c *chartFlags) request(v views.View) (views.Request, error) {
	f, err := c.filter.filter()
	if err != nil {
		return views.Request{}, err
	}
	if v.Uses(views.UsesSpeeches) && strings.TrimSpace(c.inputs["query"].text) == "" {
		return views.Request{}, usagef("%s needs --query: a word, a \"phrase\" or a prefix*", v.Kind)
	}
	if v.Uses(views.UsesPositions) && len(f.Topics) == 0 {
		return views.Request{}, usagef("%s needs --topic: a timeline shows the stances on one topic", v.Kind)
	}
	req := views.NewRequest(v.Kind)
	req.Filter = f
	return req, c.inputs.apply(&req)
}

func runChart(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	cf := addChartFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("name one chart kind")
	}
	kind, err := views.ParseKind(pos[0])
	if err != nil {
		return usagef("%v", err)
	}
	v, _ := views.Lookup(kind)
	opt, err := cf.options()
	if err != nil {
		return err
	}
	req, err := cf.request(v)
	if err != nil {
		return err
	}
	var t *record.Table
	if v.Uses(views.UsesPositions) {
		req.Positions, err = loadPositions(ctx, env)
	} else if v.Uses(views.UsesVetoes) {
		var imports []record.ImportInfo
		t, imports, err = loadVetoTable(ctx, env)
		req.Provenance = views.ProvenanceOf(imports)
	} else if v.Uses(views.UsesSpeeches) {
		err = loadMentions(ctx, env, v, &req)
	} else {
		var imports []record.ImportInfo
		// The ideal points are estimated (and cached) on the whole table.
		f := req.Filter
		if v.Uses(views.UsesIdeal) {
			f = compare.Filter{}
		}
		t, imports, err = loadTable(ctx, env, f)
		req.Provenance = views.ProvenanceOf(imports)
	}
	if err == nil && views.NeedsIdeal(req) {
		req.Ideal, err = idealFor(ctx, env, t, req)
	}
	if err != nil {
		return err
	}
	c, err := views.Build(t, req)
	if err != nil {
		return err
	}
	if err := c.WriteFile(cf.o, opt); err != nil {
		return err
	}
	reportChart(env, cf.o, c)
	return nil
}

// reportChart says what was written, and what the chart could not show.
func reportChart(env *Env, path string, c *views.Chart) {
	what := rollCalls(c.RollCalls)
	if v, _ := views.Lookup(c.Kind); v.Uses(views.UsesPositions) {
		what = "recorded positions"
	} else if v.Uses(views.UsesVetoes) {
		what = "vetoes"
	} else if v.Uses(views.UsesSpeeches) {
		what = "General Debate speeches"
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %s (%s)\n", path, c.Meta.Title, what)
	if c.Empty {
		fmt.Fprintln(env.Stderr, "nothing matched the filter; the chart says so")
	}
	if len(c.Missing) > 0 {
		fmt.Fprintf(env.Stderr, "no votes in the database for %s\n", strings.Join(c.Missing, ", "))
	}
}

// loadPositions reads every recorded position.
func loadPositions(ctx context.Context, env *Env) ([]record.Position, error) {
	st, err := env.read()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Positions(ctx)
}

// rollCalls counts roll calls in words.
func rollCalls(n int) string {
	return strconv.Itoa(n) + " " + record.Plural(n, "roll call", "roll calls")
}

func runAgreement(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("agreement", flag.ContinueOnError)
	ff := addFilterFlags(fs)
	refFlag := fs.String("ref", "", "reference country")
	by := fs.String("by", "", "year")
	metric := fs.String("metric", "identical", "identical, voeten or coincidence")
	minN := fs.Int("min-n", 1, "fewest roll calls a row may rest on")
	format := formatFlag(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(ff.countries) == "" {
		return usagef("name the countries to compare with --countries (codes, names, groups or all)")
	}
	if *by != "" && *by != "year" {
		return usagef("unknown --by %q (year)", *by)
	}
	m, err := compare.ParseMetric(*metric)
	if err != nil {
		return usagef("%v", err)
	}
	if *format != "csv" && *format != "table" {
		return usagef("unknown --format %q (table or csv)", *format)
	}
	f, err := ff.filter()
	if err != nil {
		return err
	}
	ref := ""
	if *refFlag != "" {
		if ref, err = oneCountry(*refFlag); err != nil {
			return err
		}
	}
	t, _, err := loadTable(ctx, env, f)
	if err != nil {
		return err
	}
	s, err := selectRows(t, f.ForComparison())
	if err != nil {
		return err
	}
	if err := s.NoVotes(); err != nil {
		return err
	}
	if len(s.Missing) > 0 {
		fmt.Fprintf(env.Stderr, "no votes in the database for %s\n", strings.Join(s.Missing, ", "))
	}
	w := newPairWriter(env.Stdout, *format, m, max(*minN, 1))
	w.seats.ends = periodEnds(s)
	w.header()
	if err := w.agreement(s, ref, *by == "year"); err != nil {
		return err
	}
	return w.flush()
}

// agreement writes the pairs asked for: of ref with each selected country,
// or of every two, over the whole selection or by year.
func (w *pairWriter) agreement(s *compare.Selection, ref string, byYear bool) error {
	m := w.metric
	switch {
	case ref != "" && byYear:
		for _, other := range s.Countries {
			if other == ref {
				continue
			}
			years, err := s.PairOverTime(ref, other, m)
			if err != nil {
				return err
			}
			for _, y := range years {
				w.row(ref, other, yearPeriod(y.Year), y.Score)
			}
		}
	case ref != "":
		ranked, err := s.Ranking(ref, m, w.minN)
		if err != nil {
			return err
		}
		for _, r := range ranked {
			w.row(ref, r.ISO3, "all", r.Score)
		}
	case byYear:
		for _, ym := range s.AllPairsPerYear(m) {
			w.matrix(&ym.Matrix, yearPeriod(ym.Year))
		}
	default:
		mx := s.Matrix(m)
		w.matrix(&mx, "all")
	}
	return nil
}

// pairWriter writes agreement rows. The CSV path appends bytes directly:
// all pairs of all countries per year are close to a million rows, and
// going through fmt and encoding/csv would take seconds. Every cell is an
// ISO3 code, a number or a metric name, so none needs quoting.
type pairWriter struct {
	csv    *bufio.Writer
	table  *output
	metric compare.Metric
	minN   int
	buf    []byte
	seats  seats // the codes each period's rows show
}

func newPairWriter(w io.Writer, format string, m compare.Metric, minN int) *pairWriter {
	p := &pairWriter{metric: m, minN: minN}
	if format == "csv" {
		p.csv = bufio.NewWriterSize(w, 64<<10)
	} else {
		p.table, _ = newOutput(w, "table")
	}
	return p
}

func (p *pairWriter) header() {
	if p.csv != nil {
		p.csv.WriteString("a,b,period,metric,agreement,n\n")
		return
	}
	p.table.row("a", "b", "period", "metric", "agreement", "n")
}

// yearPeriod names a year of a result by year: the undated roll calls
// are counted as "undated", not left out.
func yearPeriod(y int) string {
	if y == compare.Undated {
		return "undated"
	}
	return strconv.Itoa(y)
}

// row writes one pair for a period: a year, "undated" or "all". A pair without a
// vote in common over the whole period is written with n = 0 and an empty
// agreement, as in the matrix chart's CSV, so that no pair asked for
// vanishes; per year, only the years in which the pair voted together
// are listed.
func (p *pairWriter) row(a, b, period string, sc compare.Score) {
	if sc.N < p.minN && (period != "all" || sc.N != 0) {
		return
	}
	a, b = p.seats.code(a, period), p.seats.code(b, period)
	if p.csv == nil {
		agreement := ""
		if sc.N > 0 {
			agreement = strconv.FormatFloat(sc.Agreement, 'f', 3, 64)
		}
		p.table.row(a, b, period, p.metric, agreement, sc.N)
		return
	}
	buf := append(p.buf[:0], a...)
	buf = append(buf, ',')
	buf = append(buf, b...)
	buf = append(buf, ',')
	buf = append(buf, period...)
	buf = append(buf, ',')
	buf = append(buf, p.metric.String()...)
	buf = append(buf, ',')
	if sc.N > 0 {
		buf = strconv.AppendFloat(buf, sc.Agreement, 'f', -1, 64)
	}
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(sc.N), 10)
	buf = append(buf, '\n')
	p.buf = buf
	p.csv.Write(buf)
}

// matrix writes every pair i < j of a matrix.
func (p *pairWriter) matrix(mx *compare.Matrix, period string) {
	for i, a := range mx.Countries {
		for j := i + 1; j < len(mx.Countries); j++ {
			p.row(a, mx.Countries[j], period, mx.Score(i, j))
		}
	}
}

func (p *pairWriter) flush() error {
	if p.csv != nil {
		return p.csv.Flush()
	}
	return p.table.flush()
}

func runAbstentions(ctx context.Context, env *Env, args []string) error {
	ca, err := parseCouncilArgs(env, "abstentions", []string{"member", "year", "resolution"}, "abstentions are counted on Security Council votes", args)
	if err != nil {
		return err
	}
	out, f := ca.out, ca.filter
	t, _, err := loadTable(ctx, env, f)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(t.RollCalls, func(rc record.RollCall) bool { return rc.Body == record.SC }) {
		return fmt.Errorf("the database holds no Security Council votes: import some, e.g. `plenary import sc_votes_1992_2026.csv`")
	}
	s, err := selectRows(t, f)
	if err != nil {
		return err
	}
	c := s.Council()
	seat := seats{ends: periodEnds(s)}
	switch ca.by {
	case "member":
		out.row("iso3", "permanent", "abstentions", "votes")
		for _, m := range c.Members {
			perm := 0
			if m.Permanent {
				perm = 1
			}
			out.row(seat.code(m.ISO3, "all"), perm, m.Abstentions, m.Votes)
		}
	case "year":
		out.row("iso3", "year", "abstentions", "votes")
		for _, y := range c.ByYear {
			out.row(seat.code(y.ISO3, yearKey(y.Year)), y.Year, y.Abstentions, y.Votes)
		}
	case "resolution":
		out.row("symbol", "date", "abstained")
		for _, r := range c.Resolutions {
			abstained := make([]string, len(r.Abstained))
			for i, iso := range r.Abstained {
				abstained[i], _ = countries.SeatOn(iso, r.RollCall.Date)
			}
			out.row(r.RollCall.Label(), r.RollCall.Date, strings.Join(abstained, " "))
		}
	}
	if err := out.flush(); err != nil {
		return err
	}
	if ca.format != "csv" {
		fmt.Fprintf(env.Stdout, "\n%d Security Council roll calls counted (%s)", c.RollCalls, f.Describe())
		if n := len(c.WithoutVote); n > 0 {
			fmt.Fprintf(env.Stdout, "; %d adopted without a vote left out", n)
		}
		fmt.Fprintln(env.Stdout)
	} else if n := len(c.WithoutVote); n > 0 {
		fmt.Fprintf(env.Stderr, "%d texts adopted without a vote left out\n", n)
	}
	return nil
}
