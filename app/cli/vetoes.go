package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"plenary/data/compare"
	"plenary/data/record"
)

func init() {
	register(&command{
		name: "vetoes", usage: "[filters] [--by member|draft|year] [--format table|csv]",
		summary: "Security Council vetoes per member, draft or year",
		help: `Counts the vetoes of the Security Council's permanent members: those of an
imported veto list (vetoes.csv) and those read from the member votes of a
failed draft (failed_drafts_member_votes.csv) that no list gives. The Soviet
Union's vetoes (SUN, to 24 December 1991) and the Russian Federation's (RUS)
are counted apart, as the lists keep them; --countries USSR or RUS picks one,
P5 both. A veto cast by two members counts for each.

  --by member  (default) CSV columns iso3,vetoes, most first
  --by draft   each vetoed draft: date,draft,meeting,agenda,vetoed_by,roll_call
               (date is the year alone when the source gives no day;
               vetoed_by holds ISO3 codes separated by spaces; roll_call is
               the roll call the veto was read from, empty for a listed one)
  --by year    iso3,year,vetoes

The filters' dates, countries, topics (the agenda item or subject), text and
symbols (the draft) apply; sessions and --important describe General
Assembly votes and are not used.

` + filterHelp,
		run: runVetoes,
	})
}

func runVetoes(ctx context.Context, env *Env, args []string) error {
	c, err := parseCouncilArgs(env, "vetoes", []string{"member", "draft", "year"}, "vetoes are cast in the Security Council", args)
	if err != nil {
		return err
	}
	out, f := c.out, c.filter
	vs, err := loadVetoes(ctx, env)
	if err != nil {
		return err
	}
	sel := compare.SelectVetoes(vs, f)
	switch c.by {
	case "member":
		out.row("iso3", "vetoes")
		for _, m := range compare.VetoesByMember(vs, f) {
			out.row(m.ISO3, m.Vetoes)
		}
	case "draft":
		out.row("date", "draft", "meeting", "agenda", "vetoed_by", "roll_call")
		for _, v := range sel {
			date := v.Date
			if date == "" {
				date = strconv.Itoa(v.Year)
			}
			out.row(date, v.Draft, v.Meeting, v.Agenda, strings.Join(v.Members, " "), v.RollCall)
		}
	case "year":
		out.row("iso3", "year", "vetoes")
		for _, y := range compare.VetoesByYear(vs, f) {
			out.row(y.ISO3, y.Year, y.Vetoes)
		}
	}
	if err := out.flush(); err != nil || c.format == "csv" {
		return err
	}
	fmt.Fprintf(env.Stdout, "\n%d vetoed drafts (%s)\n", len(sel), f.Describe())
	return nil
}

// councilArgs are the arguments of a command that counts Security Council
// votes: its --by, its --format and output, and its filter, on the
// Council.
type councilArgs struct {
	by, format string
	out        *output
	filter     compare.Filter
}

// parseCouncilArgs parses the arguments of the Security Council command
// name, whose --by is one of bys (the first by default); a filter on the
// General Assembly is refused with why, which says what the command counts.
func parseCouncilArgs(env *Env, name string, bys []string, why string, args []string) (*councilArgs, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	ff := addFilterFlags(fs)
	choices := strings.Join(bys[:len(bys)-1], ", ") + " or " + bys[len(bys)-1]
	by := fs.String("by", bys[0], choices)
	format := formatFlag(fs)
	if _, err := parse(fs, args); err != nil {
		return nil, err
	}
	if !slices.Contains(bys, *by) {
		return nil, usagef("unknown --by %q (%s)", *by, choices)
	}
	out, err := newOutput(env.Stdout, *format)
	if err != nil {
		return nil, err
	}
	f, err := ff.filter()
	if err != nil {
		return nil, err
	}
	if f.Body == record.GA {
		return nil, usagef("%s; leave out --body GA", why)
	}
	f.Body = record.SC
	return &councilArgs{by: *by, format: *format, out: out, filter: f}, nil
}

// loadVetoes reads the stored vetoes; a database without any is an error
// that says which files hold them.
func loadVetoes(ctx context.Context, env *Env) ([]record.Veto, error) {
	t, _, err := loadVetoTable(ctx, env)
	if err != nil {
		return nil, err
	}
	return t.Vetoes, nil
}

// loadVetoTable reads the table for the kinds that draw vetoes, with the
// import log for chart footers: a database may hold vetoes and no roll
// call at all.
func loadVetoTable(ctx context.Context, env *Env) (*record.Table, []record.ImportInfo, error) {
	st, err := env.read()
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	t, err := st.Table(ctx)
	if err != nil {
		return nil, nil, err
	}
	if len(t.Vetoes) == 0 {
		return nil, nil, fmt.Errorf("%s holds no vetoes: import a list of vetoes, e.g. `plenary import vetoes.csv` (or failed_drafts_member_votes.csv)", st.Path())
	}
	imports, err := st.Imports(ctx)
	if err != nil {
		return nil, nil, err
	}
	return t, imports, nil
}
