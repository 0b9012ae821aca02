package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"plenary/data"
	"plenary/data/countries"
	"plenary/data/ingest"
	"plenary/data/record"
)

func init() {
	register(&command{
		name: "import", usage: "[--format F] [--quiet] PATH...", summary: "import vote files, datasets and positions (files or folders)",
		help: `Each PATH is a file or a folder; a folder imports every file it knows in it.
The format is detected from the header; --format forces one of:
  undl       UN Digital Library voting CSV (GA record 4060887, SC record 4055387)
  unvotes    the unvotes tables: roll_calls.csv, votes.csv, issues.csv (one folder)
  voeten     Voeten's votes.csv (codes 1/2/3/8/9, Correlates of War codes)
  plenary    Plenary's long CSV: body,symbol,date,country,vote[,title,topics,yes,no,abstain,non_voting,link]
  rollcalls  one row per roll call: symbol,date,title,topics,yes,no,abstain,non_voting,link
  positions  country,date,topic,stance,summary[,quote,source]
  vetoes     a list of Security Council vetoes: date,draft,member_veto1[,member_veto2,…]
  failed-drafts  member votes on Council drafts not adopted: draft_seq,year,voting_on,country_iso3,vote
All files of one command are imported in one transaction: on any error nothing
is changed. Importing the same file again changes nothing and says so.`,
		run: runImport,
	})
	register(&command{
		name: "info", usage: "[--format table|csv]", summary: "what the database holds",
		run: runInfo,
	})
	register(&command{
		name: "votes", usage: "SYMBOL|ID [--format table|csv]", summary: "each country's vote on one roll call",
		help: `SYMBOL is a resolution symbol such as "A/RES/ES-11/7" or "S/RES/2774 (2025)";
ID is a roll call's id (shown in brackets). Where a symbol has several roll
calls (votes on paragraphs or amendments), the vote on the text as a whole is
shown and the others are named.`,
		run: runVotes,
	})
	register(&command{
		name: "countries", usage: "[--format table|csv]", summary: "the country table",
		run: runCountries,
	})
	register(&command{
		name: "builtin", usage: "[--remove]", summary: "load the built-in General Assembly history (or remove it)",
		help: `The built-in history is the public-domain (CC0) General Assembly record of
Erik Voeten's data as packaged by unvotes: every roll call 1946–2019 with its
votes and absences, plus the three votes of 24 February 2025 (A/RES/ES-11/7,
A/RES/ES-11/8, S/RES/2774 (2025)) and positions recorded that day. The desktop
app loads it into an empty database. Loading it into a database that holds
imports merges it as an import would. --remove deletes what only the built-in
data provided: roll calls that an import has also written, and the positions
you recorded, stay. For 2020 onward and the Security Council, import the UN
Digital Library files (see plenary help import).`,
		run: runBuiltin,
	})
	register(&command{
		name: "sample", usage: "[--remove]", summary: "the same as builtin",
		run: runBuiltin,
	})
}

func runImport(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	format := fs.String("format", "", "force the file format")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("no file or folder to import")
	}
	opt := data.ImportOptions{}
	if *format != "" {
		if opt.Format, err = ingest.ParseFormat(*format); err != nil {
			return usageError{err.Error()}
		}
	}
	if !*quiet && isTerminal(env.Stderr) {
		opt.Progress = func(p data.ImportProgress) {
			fmt.Fprintf(env.Stderr, "\r%-7s %5.1f%%", p.Phase, 100*p.Fraction())
		}
	}
	st, err := env.create()
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	rep, err := st.Import(ctx, paths, opt)
	if opt.Progress != nil {
		fmt.Fprint(env.Stderr, "\r              \r")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "imported %s (%d rows read in %.1fs)\n", strings.Join(rep.Sources, "; "), rep.Rows, time.Since(start).Seconds())
	fmt.Fprint(env.Stdout, rep.Summary())
	return nil
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func runInfo(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("info", flag.ContinueOnError)
	format := formatFlag(fs)
	out, err := parseWithOutput(env, fs, format, args)
	if err != nil {
		return err
	}
	st, err := env.read()
	if err != nil {
		return err
	}
	defer st.Close()
	info, err := st.Info(ctx)
	if err != nil {
		return err
	}
	out.row("body", "roll_calls", "votes", "first", "last")
	for _, b := range info.Bodies {
		out.row(b.Body, b.RollCalls, b.Votes, b.First, b.Last)
	}
	if err := out.flush(); err != nil {
		return err
	}
	if *format == "csv" {
		return nil
	}
	fmt.Fprintf(env.Stdout, "\ndatabase: %s\ncountries with votes: %d\npositions: %d\n", st.Path(), info.Countries, info.Positions)
	if info.Vetoes+info.VetoesFromVotes > 0 {
		fmt.Fprintf(env.Stdout, "vetoes: %d listed, %d read from the votes on failed drafts (see `plenary vetoes`)\n", info.Vetoes, info.VetoesFromVotes)
	}
	if sp := info.Speeches; sp.Count > 0 {
		fmt.Fprintf(env.Stdout, "speeches: %d, of %d states, %d–%d (see `plenary speeches`)\n", sp.Count, sp.States, sp.First, sp.Last)
	} else {
		fmt.Fprintln(env.Stdout, "speeches: none (import the UN General Debate Corpus: see `plenary help speeches`)")
	}
	if info.SampleOnly {
		fmt.Fprintln(env.Stdout, "only the built-in data is loaded: import the UN Digital Library files for what came after, with `plenary import FILE`")
	}
	if len(info.Imports) > 0 {
		fmt.Fprintf(env.Stdout, "imports:\n")
		for _, im := range info.Imports {
			fmt.Fprintf(env.Stdout, "  #%d %s %s (%s): %d roll calls added, %d updated; %d votes added, %d changed\n",
				im.ID, im.Finished, im.Dataset, im.Format, im.RollCalls.Added, im.RollCalls.Updated, im.Votes.Added, im.Votes.Changed)
			for _, f := range im.Files {
				fmt.Fprintf(env.Stdout, "      %s  %d bytes  sha256 %s\n", f.Name, f.Size, f.SHA256)
			}
		}
	}
	return nil
}

func runVotes(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("votes", flag.ContinueOnError)
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give one resolution symbol or roll-call id")
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
	rcs, err := st.FindRollCalls(ctx, pos[0])
	if err != nil {
		return err
	}
	if len(rcs) == 0 {
		return fmt.Errorf("no roll call %q in %s", pos[0], st.Path())
	}
	rc := rcs[0]
	votes, err := st.Votes(ctx, rc.ID)
	if err != nil {
		return err
	}
	var counted record.Totals
	for _, v := range votes {
		counted.Add(v.Vote)
	}
	if *format != "csv" {
		fmt.Fprintf(env.Stdout, "%s [%d]  %s  %s\n", rc.Label(), rc.ID, rc.Body.Name(), rc.Date)
		if rc.Title != "" {
			fmt.Fprintf(env.Stdout, "%s\n", rc.Title)
		}
		fmt.Fprintf(env.Stdout, "counted:   %d yes, %d no, %d abstain, %d non-voting\n", counted.Yes, counted.No, counted.Abstain, counted.NonVoting)
		if p := rc.Published; p != nil {
			fmt.Fprintf(env.Stdout, "published: %d yes, %d no, %d abstain, %d non-voting\n", p.Yes, p.No, p.Abstain, p.NonVoting)
		}
		if rc.Flags.Has(record.WithoutVote) {
			fmt.Fprintln(env.Stdout, "adopted without a vote: the recorded votes are nominal")
		}
		if len(rcs) > 1 {
			fmt.Fprintf(env.Stdout, "other roll calls on %s:", rc.Symbol)
			for _, o := range rcs[1:] {
				fmt.Fprintf(env.Stdout, " [%d] %s", o.ID, describeFlags(o.Flags))
			}
			fmt.Fprintln(env.Stdout)
		}
		fmt.Fprintln(env.Stdout)
	}
	out.row("iso3", "name", "vote")
	for _, v := range votes {
		iso3, name := countries.SeatOn(v.ISO3, rc.Date) // as the map of the vote names it
		if _, known := countries.ByISO3(v.ISO3); !known {
			name = v.Name // a code the registry does not know keeps the store's name
		}
		out.row(iso3, name, v.Vote.Code())
	}
	return out.flush()
}

func describeFlags(f record.Flags) string {
	var parts []string
	if f.Has(record.Amendment) {
		parts = append(parts, "amendment")
	}
	if f.Has(record.Paragraph) {
		parts = append(parts, "paragraph")
	}
	if len(parts) == 0 {
		return "(whole text)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func runCountries(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("countries", flag.ContinueOnError)
	out, err := parseWithOutput(env, fs, formatFlag(fs), args)
	if err != nil {
		return err
	}
	st, err := env.read()
	if err != nil {
		return err
	}
	defer st.Close()
	cs, err := st.Countries(ctx)
	if err != nil {
		return err
	}
	out.row("iso3", "iso2", "name", "un_name", "cow", "group", "status", "admitted", "ended", "successors", "votes")
	for _, c := range cs {
		cow := ""
		if c.COW != 0 {
			cow = fmt.Sprint(c.COW)
		}
		out.row(c.ISO3, c.ISO2, c.Name, c.UNName, cow, c.Group, c.Status, c.Admitted, c.Ended, strings.Join(c.Successors, " "), c.Votes)
	}
	return out.flush()
}

func runBuiltin(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("builtin", flag.ContinueOnError)
	remove := fs.Bool("remove", false, "remove what only the built-in data provided")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if !*remove {
		go data.Builtin() // decoded while the database opens
	}
	st, err := env.create()
	if err != nil {
		return err
	}
	defer st.Close()
	if *remove {
		n, err := st.RemoveBuiltin(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "removed the built-in data: %d roll calls and positions\n", n)
		return nil
	}
	start := time.Now()
	rep, err := st.LoadBuiltin(ctx, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "built-in history (%.1fs):\n%s", time.Since(start).Seconds(), rep.Summary())
	return nil
}
