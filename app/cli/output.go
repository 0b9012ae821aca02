package cli

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"plenary/data/record"
)

// output writes rows either as an aligned table for people or as CSV for
// scripts and spreadsheets.
type output struct {
	csv *csv.Writer
	tw  *tabwriter.Writer
}

func newOutput(w io.Writer, format string) (*output, error) {
	switch format {
	case "", "table":
		return &output{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}, nil
	case "csv":
		return &output{csv: csv.NewWriter(w)}, nil
	}
	return nil, usagef("unknown --format %q (table or csv)", format)
}

// row writes one row. CSV cells that a spreadsheet would run as a formula
// are escaped with a leading quote.
func (o *output) row(cells ...any) {
	s := make([]string, len(cells))
	for i, c := range cells {
		s[i] = fmt.Sprint(c)
	}
	if o.csv != nil {
		for i := range s {
			s[i] = record.SafeCell(s[i])
		}
		o.csv.Write(s)
		return
	}
	fmt.Fprintln(o.tw, strings.Join(s, "\t"))
}

func (o *output) flush() error {
	if o.csv != nil {
		o.csv.Flush()
		return o.csv.Error()
	}
	return o.tw.Flush()
}

// formatFlag adds the --format flag of a command that prints a table, or
// CSV.
func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", "table", "table or csv")
}

// parseWithOutput parses a command's args into fs and opens the output
// that its --format flag, format, names.
func parseWithOutput(env *Env, fs *flag.FlagSet, format *string, args []string) (*output, error) {
	if _, err := parse(fs, args); err != nil {
		return nil, err
	}
	return newOutput(env.Stdout, *format)
}
