package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data/change"
	"plenary/data/compare"
	"plenary/data/record"
)

const changeHelp = `--format table (default) or csv; the CSV is the chart's (plenary chart KIND
-o FILE.csv). The methods are in docs/change.md.`

func init() {
	for _, k := range []struct {
		kind        views.Kind
		usage, help string
	}{
		{views.VoteFlow, "--symbol A --symbol B [filters] [--format table|csv]",
			"Every member's vote on A against its vote on B. CSV columns: iso3,name,vote_a,vote_b\n(\"not a member\" where a state had no vote row)."},
		{views.Series, "--symbol S [--symbol S2 …] [filters] [--format table|csv]",
			"With one --symbol, every re-vote of the same text that the ideal points bridge\n(same body, same normalised title, once a year); with several, those roll\ncalls. CSV columns: symbol,date,yes,no,abstain,non_voting,switched,switchers."},
		{views.Movers, "--period A --period B [--measure ideal|agreement --ref ISO3] [filters] [--format table|csv]",
			"States ranked by the change of their ideal point from year A to year B, or\nof their agreement with --ref between two periods (YYYY or YYYY-YYYY), with\n95% intervals; within_intervals is true when they overlap. Without --period:\nthe first and last year selected."},
		{views.Blocs, "[--countries LIST] [--blocs N] [--metric M] [filters] [--format table|csv]",
			"The states (every member by default) clustered by agreement: average-linkage\nclustering on 1 − agreement; the number of blocs from 2 to 8 with the best\nsilhouette unless --blocs N. CSV columns: iso3,bloc."},
		{views.Divergent, "--countries A,B [filters] [--format table|csv]",
			"The roll calls on which A and B voted differently, yes against no first,\nthen one abstaining, most recent first. CSV columns:\nsymbol,date,vote_a,vote_b,result,title."},
	} {
		kind := k.kind
		v, _ := views.Lookup(kind)
		register(&command{
			name: string(kind), usage: k.usage, summary: strings.ToLower(v.Label[:1]) + v.Label[1:],
			help: v.Help + ".\n\n" + k.help + "\n\n" + changeHelp + "\n\n" + filterHelp,
			run: func(ctx context.Context, env *Env, args []string) error {
				return runChange(ctx, env, kind, args)
			},
		})
	}
	register(&command{
		name: "breaks", usage: "--countries A,B,… [--ref ISO3] [--ideal] [--metric M] [filters] [--format table|csv]",
		summary: "change points in pairs' yearly agreement or states' ideal points",
		help: `Finds the years in which a series changed level: the agreement of --ref (the
first country unless named) with each other country per year, or with
--ideal each country's ideal point per year. Penalised least squares with
each year weighted by the roll calls it rests on; a level spans at least two
years and 20 roll calls (docs/change.md).

CSV columns: series,year,before,after,size,z — the pair or state, the first
year of the new level, the levels before and after, the change in units of
the series' yearly noise, and the change over its standard error.

` + filterHelp + `

` + metricHelp,
		run: runBreaks,
	})
}

// runChange builds one view of change and prints its numbers.
func runChange(ctx context.Context, env *Env, kind views.Kind, args []string) error {
	fs := flag.NewFlagSet(string(kind), flag.ContinueOnError)
	ff := addFilterFlags(fs)
	inputs := addInputFlags(fs)
	format := formatFlag(fs)
	out, err := parseWithOutput(env, fs, format, args)
	if err != nil {
		return err
	}
	f, err := ff.filter()
	if err != nil {
		return err
	}
	if err := checkChangeFilter(kind, f); err != nil {
		return err
	}
	req := views.NewRequest(kind)
	req.Filter = f
	if err := inputs.apply(&req); err != nil {
		return err
	}
	c, err := buildChange(ctx, env, req)
	if err != nil {
		return err
	}
	if err := printChartTable(out, c, *format); err != nil {
		return err
	}
	if *format != "csv" {
		fmt.Fprintf(env.Stdout, "\n%s\n%s\n", c.Meta.Title, c.Meta.Subtitle)
	}
	return nil
}

// checkChangeFilter fails on a filter that names too few or too many roll
// calls or states for the view of change kind.
func checkChangeFilter(kind views.Kind, f compare.Filter) error {
	switch {
	case kind == views.VoteFlow && len(f.Symbols) != 2:
		return usagef("a vote flow needs two roll calls: --symbol A --symbol B (%d named)", len(f.Symbols))
	case kind == views.Series && len(f.Symbols) == 0:
		return usagef("name the roll call whose re-votes make the series, or the roll calls, with --symbol")
	case kind == views.Divergent && len(f.Countries) != 1 && len(f.Countries) != 2:
		return usagef("name the two states with --countries A,B")
	}
	return nil
}

// buildChange loads what req needs and builds its chart; a chart with
// nothing to show is an error that says why.
func buildChange(ctx context.Context, env *Env, req views.Request) (*views.Chart, error) {
	f := req.Filter
	// The ideal points are estimated (and cached) on the whole table.
	lf := req.Filter
	if views.NeedsIdeal(req) {
		lf = compare.Filter{}
	}
	t, imports, err := loadTable(ctx, env, lf)
	if err != nil {
		return nil, err
	}
	req.Provenance = views.ProvenanceOf(imports)
	if err := knownSymbols(t, f.Symbols); err != nil {
		return nil, err
	}
	if req.Kind == views.Blocs && len(f.Countries) > 0 && !f.AllCountries() {
		if s, err := selectRows(t, f); err == nil && len(s.Countries) < 3 {
			return nil, fmt.Errorf("blocs need three states or more: --countries names %d (%s)", len(s.Countries), strings.Join(s.Countries, ", "))
		}
	}
	if views.NeedsIdeal(req) {
		if req.Ideal, err = idealFor(ctx, env, t, req); err != nil {
			return nil, err
		}
	}
	c, err := views.Build(t, req)
	if err != nil {
		return nil, err
	}
	if c.Empty {
		return nil, fmt.Errorf("%s", strings.TrimSuffix(emptyMessage(c), "."))
	}
	return c, nil
}

// printChartTable prints the chart's CSV through out: as CSV, the same
// cells; as a table, its fractional columns rounded as the other tables
// round them.
func printChartTable(out *output, c *views.Chart, format string) error {
	b, err := c.Bytes(views.CSV, charts.Options{})
	if err != nil {
		return err
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return err
	}
	for i := range recs {
		for j, s := range recs[i] {
			recs[i][j] = strings.TrimPrefix(s, "'") // printed back as a cell by output
		}
	}
	if format != "csv" {
		roundFractions(recs)
	}
	for _, r := range recs {
		cells := make([]any, len(r))
		for i, s := range r {
			cells[i] = s
		}
		out.row(cells...)
	}
	return out.flush()
}

// tableDecimals is how many decimals a table prints of a fraction, as the
// agreement command's table does.
const tableDecimals = 3

// roundFractions rounds to tableDecimals the cells of every column below
// the header in recs whose cells are all numbers, or empty, and one at
// least has a fraction: a column of names, codes or counts is left as it
// is.
func roundFractions(recs [][]string) {
	if len(recs) < 2 {
		return
	}
	for j := range recs[0] {
		if !fractionColumn(recs[1:], j) {
			continue
		}
		for _, r := range recs[1:] {
			if x, err := strconv.ParseFloat(r[j], 64); err == nil {
				r[j] = strconv.FormatFloat(x, 'f', tableDecimals, 64)
			}
		}
	}
}

// fractionColumn reports whether column j of rows holds numbers or
// nothing, and one number at least with a fraction.
func fractionColumn(rows [][]string, j int) bool {
	fraction := false
	for _, r := range rows {
		if j >= len(r) || r[j] == "" {
			continue
		}
		x, err := strconv.ParseFloat(r[j], 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
		fraction = fraction || x != math.Trunc(x)
	}
	return fraction
}

// emptyMessage says why a chart is empty.
func emptyMessage(c *views.Chart) string {
	if c.Meta.Title != "" {
		return c.Meta.Title + ": nothing to show (" + c.Meta.Subtitle + ")"
	}
	return "nothing matches the filter"
}

// knownSymbols fails on a symbol that no roll call in the database has,
// naming it, before any filter hides why.
func knownSymbols(t *record.Table, symbols []string) error {
	if len(symbols) == 0 {
		return nil
	}
	s, err := selectRows(t, compare.Filter{})
	if err != nil {
		return err
	}
	var unknown []string
	for _, sym := range symbols {
		if s.Find(sym) < 0 {
			unknown = append(unknown, sym)
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("no roll call with the symbol %s in the database", strings.Join(unknown, ", "))
	}
	return nil
}

// breakSeries is one series of runBreaks: a pair's agreement or a state's
// ideal points, per year.
type breakSeries struct {
	name string
	obs  []change.Obs
}

func runBreaks(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("breaks", flag.ContinueOnError)
	ff := addFilterFlags(fs)
	refFlag := fs.String("ref", "", "reference country")
	ideal := fs.Bool("ideal", false, "the ideal points' breaks")
	metric := fs.String("metric", "identical", "identical, voeten or coincidence")
	format := formatFlag(fs)
	out, err := parseWithOutput(env, fs, format, args)
	if err != nil {
		return err
	}
	m, err := compare.ParseMetric(*metric)
	if err != nil {
		return usagef("%v", err)
	}
	f, err := ff.filter()
	if err != nil {
		return err
	}
	if len(f.Countries) == 0 || f.AllCountries() {
		return usagef("name the countries with --countries (two or more for agreement, one or more with --ideal)")
	}
	if f.Body == "" {
		f.Body = record.GA
	}
	lf := f
	if *ideal {
		lf = compare.Filter{} // the ideal points are estimated on the whole table
	}
	t, _, err := loadTable(ctx, env, lf)
	if err != nil {
		return err
	}
	s, err := selectRows(t, f)
	if err != nil {
		return err
	}
	if err := s.NoVotes(); err != nil {
		return err
	}
	var all []breakSeries
	if *ideal {
		all, err = idealBreakSeries(ctx, env, t, s, f)
	} else {
		all, err = agreementBreakSeries(s, *refFlag, m)
	}
	if err != nil {
		return err
	}
	return printBreaks(env, out, all, *ideal, *format)
}

// idealBreakSeries is each selected state's ideal point per year.
func idealBreakSeries(ctx context.Context, env *Env, t *record.Table, s *compare.Selection, f compare.Filter) ([]breakSeries, error) {
	req := views.Request{Kind: views.IdealTime, Filter: f}
	r, err := idealFor(ctx, env, t, req)
	if err != nil {
		return nil, err
	}
	var all []breakSeries
	for _, iso := range s.Countries {
		all = append(all, breakSeries{iso, change.IdealSeries(r.Series(iso))})
	}
	return all, nil
}

// agreementBreakSeries is the yearly agreement of the reference, refFlag
// or the first state selected, with each other state selected.
func agreementBreakSeries(s *compare.Selection, refFlag string, m compare.Metric) ([]breakSeries, error) {
	ref := s.Countries[0]
	if refFlag != "" {
		var err error
		if ref, err = oneCountry(refFlag); err != nil {
			return nil, err
		}
	}
	var all []breakSeries
	for _, iso := range s.Countries {
		if iso == ref {
			continue
		}
		years, err := s.PairOverTime(ref, iso, m)
		if err != nil {
			return nil, err
		}
		all = append(all, breakSeries{ref + "-" + iso, change.AgreementSeries(years)})
	}
	if len(all) == 0 {
		return nil, usagef("agreement breaks need two countries: --countries %s,B", ref)
	}
	return all, nil
}

// printBreaks prints the breaks of every series and, in a table, a line
// per series of its years and noise.
func printBreaks(env *Env, out *output, all []breakSeries, ideal bool, format string) error {
	out.row("series", "year", "before", "after", "size", "z")
	var summary []string
	for _, sr := range all {
		opt := change.BreakOptions{}
		if ideal {
			opt = change.IdealBreakOptions
		}
		b := change.FindBreaks(sr.obs, opt)
		for _, br := range b.Breaks {
			out.row(sr.name, br.Year, num(br.Before), num(br.After), strconv.FormatFloat(br.Size, 'f', 2, 64), strconv.FormatFloat(br.Z, 'f', 2, 64))
		}
		if format != "csv" && len(b.Levels) > 0 {
			summary = append(summary, fmt.Sprintf("%s: %d years %d–%d, %s, noise %.3f", sr.name, len(sr.obs), b.Levels[0].From, b.Levels[len(b.Levels)-1].To, plural(len(b.Breaks), "break"), b.Noise))
		}
	}
	if err := out.flush(); err != nil {
		return err
	}
	if format != "csv" {
		fmt.Fprintf(env.Stdout, "\n%s\n", strings.Join(summary, "\n"))
	}
	return nil
}

// plural writes a count with its noun: "1 break", "3 breaks".
func plural(n int, what string) string {
	return fmt.Sprintf("%d %s", n, record.Plural(n, what, what+"s"))
}
