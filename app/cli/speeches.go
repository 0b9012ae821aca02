package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"plenary/app/views"
	"plenary/data"
	"plenary/data/compare"
	"plenary/data/words"
)

// speechesHelp documents the speeches command.
const speechesHelp = `Searches the speeches of the General Debate (import the UN General Debate
Corpus first: plenary import UNGDC_1946-2024.tgz). QUERY is words, "quoted
phrases" and prefixes (nuclear*), joined by AND (or nothing), OR and NOT in
capitals, with parentheses; NOT binds tightest, then AND, then OR.

Words are matched whole and without regard to case or Latin accents, with no
stemming: a word is a run of letters and digits, so "nation's" is the two
words "nation" and "s" and "U.N." the phrase "u n"; "nuclear" does not find
"nuclearization", "nuclear*" does.

One row per matching speech, best match first (FTS5's bm25 rank):
  iso3,name,year,session,matches,snippet
matches counts the mentions of the query's words and phrases (those after a
NOT left out); the snippet is the first mention with the words around it,
the mention in [brackets].

--by year gives one row per year instead: period,speeches,matches,words —
the speeches that match, their mentions, and the words of every selected
speech of the year (so that 10000*matches/words is mentions per 10,000
words). --by 5 (or any number of years) groups the years.

Filters:
  --countries LIST  ISO3 codes, names, groups (P5, EU, BRICS, G7, African,
                    Asia-Pacific, Eastern European, GRULAC, WEOG) or all;
                    members of a group count while they belonged to it, at
                    the debate's date (30 September of the year)
  --from DATE       first year (YYYY, or a date)
  --to DATE         last year, inclusive
  --limit N         at most N speeches (default: all)`

func init() {
	register(&command{
		name: "speeches", usage: "QUERY [--countries LIST] [--from Y] [--to Y] [--by year] [--limit N] [--format table|csv]",
		summary: "search the General Debate speeches (words, phrases, prefixes, AND/OR/NOT)",
		help:    speechesHelp,
		run:     runSpeeches,
	})
}

func runSpeeches(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("speeches", flag.ContinueOnError)
	ff := &filterFlags{}
	fs.StringVar(&ff.countries, "countries", "", "countries")
	fs.StringVar(&ff.from, "from", "", "first date")
	fs.StringVar(&ff.to, "to", "", "last date")
	by := fs.String("by", "", "year, or a number of years")
	limit := fs.Int("limit", 0, "at most N speeches")
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("no query: plenary speeches WORD, or \"a phrase\"")
	}
	q, err := words.ParseQuery(strings.Join(pos, " "))
	if err != nil {
		return usagef("%v", err)
	}
	step, err := parseYearStep(*by)
	if err != nil {
		return err
	}
	if *limit < 0 {
		return usagef("--limit must be 0 (all) or more")
	}
	f, err := ff.filter()
	if err != nil {
		return err
	}
	out, err := newOutput(env.Stdout, *format)
	if err != nil {
		return err
	}
	st, err := env.read()
	if err != nil {
		return err
	}
	defer st.Close()
	sel, err := selectSpeeches(ctx, st, f)
	if err != nil {
		return err
	}
	if step > 0 {
		return printMentionsByYear(ctx, st, out, q, sel, step)
	}
	return printSpeechHits(ctx, env, st, out, q, sel, *limit, *format)
}

// parseYearStep reads --by: "" for one row per speech (0), "year" (1) or
// a number of years from 1 to 100.
func parseYearStep(by string) (int, error) {
	switch b := strings.TrimSpace(by); b {
	case "":
		return 0, nil
	case "year":
		return 1, nil
	default:
		step, err := strconv.Atoi(b)
		if err != nil || step < 1 || step > 100 {
			return 0, usagef("--by %q: year, or a number of years", b)
		}
		return step, nil
	}
}

// printMentionsByYear prints the speeches that match q, their mentions
// and the words of every selected speech, per step years.
func printMentionsByYear(ctx context.Context, st *data.Store, out *output, q words.Query, sel []words.Speech, step int) error {
	counts, err := st.CountMentions(ctx, q, sel)
	if err != nil {
		return err
	}
	out.row("period", "speeches", "matches", "words")
	for _, p := range words.ByYear(counts, false, step) {
		period := strconv.Itoa(p.Year)
		if step > 1 {
			period = fmt.Sprintf("%d-%d", p.Year, p.Year+step-1)
		}
		out.row(period, p.Matching, p.Matches, p.Words)
	}
	return out.flush()
}

// printSpeechHits prints the speeches that match q, best first, at most
// limit of them (0: all); a table is followed on stderr by how many match.
func printSpeechHits(ctx context.Context, env *Env, st *data.Store, out *output, q words.Query, sel []words.Speech, limit int, format string) error {
	res, err := st.SearchSpeeches(ctx, q, sel, limit)
	if err != nil {
		return err
	}
	out.row("iso3", "name", "year", "session", "matches", "snippet")
	for _, h := range res.Hits {
		out.row(h.Country, words.Name(h.Country), h.Year, h.Session, h.Matches, h.Snippet.String())
	}
	if err := out.flush(); err != nil {
		return err
	}
	if format != "csv" {
		fmt.Fprintf(env.Stderr, "%d of %d selected speeches match %s\n", res.Total, len(sel), q.Text)
	}
	return nil
}

// selectSpeeches reads the stored speeches and keeps those the filter
// selects, saying how to import the corpus when there are none.
func selectSpeeches(ctx context.Context, st *data.Store, f compare.Filter) ([]words.Speech, error) {
	all, err := st.Speeches(ctx)
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("%s holds no speeches: import the UN General Debate Corpus with `plenary import UNGDC_1946-2024.tgz` (see plenary help speeches)", st.Path())
	}
	return words.Select(all, f)
}

// loadMentions counts the request's query in the speeches of the view's
// filter, for the speech charts.
func loadMentions(ctx context.Context, env *Env, v views.View, req *views.Request) error {
	q, err := words.ParseQuery(req.Query)
	if err != nil {
		return usagef("--query: %v", err)
	}
	st, err := env.read()
	if err != nil {
		return err
	}
	defer st.Close()
	sel, err := selectSpeeches(ctx, st, v.SpeechFilter(req.Filter))
	if err != nil {
		return err
	}
	req.Mentions, err = st.CountMentions(ctx, q, sel)
	if err != nil {
		return err
	}
	imports, err := st.Imports(ctx)
	req.Provenance = views.SpeechProvenanceOf(imports)
	return err
}
