package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"plenary/data/ingest"
	"plenary/data/merge"
	"plenary/data/record"
)

// ImportOptions tune an import.
type ImportOptions struct {
	Format   ingest.Format        // force a format instead of detecting it from the header
	Progress func(ImportProgress) // called from the importing goroutine; may be nil
	sample   bool
	serial   bool // read every file before writing anything (see importSources)
	// keepSource keeps the source each roll call names instead of the
	// batch's: the built-in history holds roll calls of several datasets.
	keepSource bool
}

// ImportProgress reports an import's progress: the files are read and
// validated (Phase "reading", bytes of the total), then what they hold is
// written (Phase "writing", roll calls of the total). When Streamed, the
// votes are written while the files are read, and little is left to do
// once they are.
type ImportProgress struct {
	Phase    string // "reading" or "writing"
	File     string
	Read     int64 // bytes read of all files
	Total    int64 // bytes of all files
	Rows     int64 // records read
	Written  int   // roll calls and positions written
	ToWrite  int
	Streamed bool
}

// Fraction is the share of the whole import done, for a progress bar.
// Reading counts for the first half and writing for the second, or, when
// the votes are written while they are read, reading for nearly all.
func (p ImportProgress) Fraction() float64 {
	read, written := 1.0, 1.0
	if p.Total > 0 {
		read = float64(p.Read) / float64(p.Total)
	}
	if p.ToWrite > 0 {
		written = float64(p.Written) / float64(p.ToWrite)
	}
	switch {
	case p.Streamed && p.Phase == "writing" && p.Read >= p.Total:
		return 0.95 + 0.05*written
	case p.Streamed:
		return 0.95 * read
	case p.Phase == "reading":
		return 0.5 * read
	case p.Phase == "writing":
		return 0.5 + 0.5*written
	}
	return 0
}

// Difference is a vote that the import changed: the sources disagree, and
// the later import wins.
type Difference struct {
	RollCall string // label of the roll call
	Country  string // ISO3
	Old, New record.Vote
}

func (d Difference) String() string {
	return fmt.Sprintf("%s: %s %s → %s", d.RollCall, d.Country, d.Old, d.New)
}

// TopicChange is a topic an import added to a stored roll call.
type TopicChange struct {
	RollCall, Topic, Source string
}

func (c TopicChange) String() string {
	return fmt.Sprintf("%s: topic %q from %s", c.RollCall, c.Topic, c.Source)
}

// Update is a stored roll call that the import changed: the fields that
// changed, old → new, and how many of its votes, with the dataset that
// changed it.
type Update struct {
	RollCall string // label of the roll call
	Fields   []merge.FieldChange
	Votes    int // votes added or changed (the changed ones are listed as differences)
	Source   string
}

func (u Update) String() string {
	var parts []string
	for _, f := range u.Fields {
		parts = append(parts, f.String())
	}
	if u.Votes > 0 {
		parts = append(parts, fmt.Sprintf("%d %s added or changed", u.Votes, record.Plural(u.Votes, "vote", "votes")))
	}
	return fmt.Sprintf("%s: %s (%s)", u.RollCall, strings.Join(parts, ", "), u.Source)
}

// Report says what an import did.
type Report struct {
	Sources     []string // dataset names
	Files       []string
	Rows        int64
	RollCalls   struct{ Added, Updated, Unchanged int }
	Votes       struct{ Added, Changed, Unchanged int }
	Positions   struct{ Added, Updated, Unchanged int }
	Vetoes      struct{ Added, Updated, Unchanged int }
	Speeches    struct{ Added, Updated, Unchanged int } // General Debate speeches (ImportSpeeches)
	Updates     []Update                                // the roll calls counted as updated, in the order of their ids
	Differences []Difference
	Topics      []TopicChange // topics added to roll calls already stored
	Warnings    []string
	Skipped     []string // files of a folder that were not imported, with the reason
	ImportID    int64    // the imports row; 0 when nothing changed
	Previously  string   // when nothing changed and the same files were imported before: when
}

// Changed reports whether the import changed anything in the database.
func (r *Report) Changed() bool {
	return r.RollCalls.Added+r.RollCalls.Updated+r.Votes.Added+r.Votes.Changed+r.Positions.Added+r.Positions.Updated+
		r.Vetoes.Added+r.Vetoes.Updated+r.Speeches.Added+r.Speeches.Updated > 0
}

// Summary is the report in a few lines, for the CLI and the GUI.
func (r *Report) Summary() string {
	var b strings.Builder
	if sp := r.Speeches; sp.Added+sp.Updated+sp.Unchanged > 0 {
		fmt.Fprintf(&b, "speeches: %d added, %d updated, %d unchanged\n", sp.Added, sp.Updated, sp.Unchanged)
	} else {
		fmt.Fprintf(&b, "roll calls: %d added, %d updated, %d unchanged\n", r.RollCalls.Added, r.RollCalls.Updated, r.RollCalls.Unchanged)
		fmt.Fprintf(&b, "votes: %d added, %d changed, %d unchanged\n", r.Votes.Added, r.Votes.Changed, r.Votes.Unchanged)
	}
	if r.Positions.Added+r.Positions.Updated+r.Positions.Unchanged > 0 {
		fmt.Fprintf(&b, "positions: %d added, %d updated, %d unchanged\n", r.Positions.Added, r.Positions.Updated, r.Positions.Unchanged)
	}
	if r.Vetoes.Added+r.Vetoes.Updated+r.Vetoes.Unchanged > 0 {
		fmt.Fprintf(&b, "vetoes: %d added, %d updated, %d unchanged\n", r.Vetoes.Added, r.Vetoes.Updated, r.Vetoes.Unchanged)
	}
	if !r.Changed() {
		b.WriteString("nothing changed: everything in these files is already in the database")
		if r.Previously != "" {
			b.WriteString(" (same files imported " + r.Previously + ")")
		}
		b.WriteString("\n")
	}
	writeList(&b, "%d roll calls updated:\n", r.Updates)
	writeList(&b, "%d votes differ from an earlier import (this import wins):\n", r.Differences)
	writeList(&b, "%d topics added to roll calls already stored (each dataset's topics are kept):\n", r.Topics)
	writeList(&b, "%d warnings:\n", r.Warnings)
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "skipped %s\n", s)
	}
	return b.String()
}

// reportItems is how many items of a list a report shows.
const reportItems = 20

// writeList writes a heading with the number of items, then the first
// reportItems items and how many more there are.
func writeList[T any](b *strings.Builder, heading string, items []T) {
	n := len(items)
	if n == 0 {
		return
	}
	fmt.Fprintf(b, heading, n)
	for i, it := range items {
		if i == reportItems {
			fmt.Fprintf(b, "  … and %d more\n", n-reportItems)
			break
		}
		fmt.Fprintf(b, "  %v\n", it)
	}
}

// Import reads the files and folders at paths and writes what they hold in
// one transaction, which commits only once every file has been read to the
// end and validated: any error, or a cancelled ctx, leaves the database as
// it was.
func (s *Store) Import(ctx context.Context, paths []string, opt ImportOptions) (*Report, error) {
	if s.readOnly {
		return nil, ErrReadOnly
	}
	if speeches, err := speechPaths(paths); err != nil || speeches {
		if err != nil {
			return nil, err
		}
		return s.ImportSpeeches(ctx, paths, opt)
	}
	sources, warns, err := ingest.Plan(paths, opt.Format)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	for _, w := range warns {
		rep.Skipped = append(rep.Skipped, w.String())
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("%s: no file Plenary can import", strings.Join(paths, ", "))
	}
	return s.importSources(ctx, sources, opt, rep)
}

// speechPaths reports whether the paths are the General Debate corpus
// (see ingest.IsSpeechPath); the corpus and vote files go in imports of
// their own.
func speechPaths(paths []string) (bool, error) {
	n := 0
	for _, p := range paths {
		if ingest.IsSpeechPath(p) {
			n++
		}
	}
	if n > 0 && n < len(paths) {
		return false, fmt.Errorf("%s: import the General Debate corpus on its own, apart from vote and position files", strings.Join(paths, ", "))
	}
	return n > 0, nil
}

// errRestart says that a streamed import found something the serial one
// must handle; it is never returned to callers.
var errRestart = errors.New("the import must be redone reading every file first")

// importSources writes the sources in one transaction. It streams: votes
// are written while the files are read, which on a large file hides the
// reading almost entirely. Should the streamed import find that a roll
// call it wrote as new matches a stored one after all (see writer.stream),
// it is rolled back and done again the plain way: every file read and
// validated first, then everything written.
func (s *Store) importSources(ctx context.Context, sources []ingest.Source, opt ImportOptions, rep *Report) (*Report, error) {
	if !opt.serial {
		fresh := *rep
		r, err := s.importStreamed(ctx, sources, opt, &fresh)
		if !errors.Is(err, errRestart) {
			return r, err
		}
	}
	return s.importParsed(ctx, sources, opt, rep)
}

func totalSize(sources []ingest.Source) int64 {
	var total int64
	for _, src := range sources {
		total += src.Size
	}
	return total
}

// importStreamed writes each source while it is read.
func (s *Store) importStreamed(ctx context.Context, sources []ingest.Source, opt ImportOptions, rep *Report) (*Report, error) {
	meter := &ingest.Meter{Total: totalSize(sources)}
	w, end, err := s.beginWriter(ctx, opt, rep)
	if err != nil {
		return nil, err
	}
	defer end()
	started := time.Now().UTC()
	var batches []*ingest.Batch
	for _, src := range sources {
		b, err := w.stream(src, meter)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, err // a file's error, or a write error made readable
		}
		if testStreamed != nil {
			testStreamed(w)
		}
		batches = append(batches, b)
		rep.add(b)
		w.prog.toWrite += len(b.RollCalls) + len(b.Positions)
		if err := w.apply(b); err != nil {
			return nil, s.importErr(ctx, err)
		}
	}
	return s.finishImport(ctx, w, meter, sources, batches, started)
}

// importParsed reads and validates every file, then writes.
func (s *Store) importParsed(ctx context.Context, sources []ingest.Source, opt ImportOptions, rep *Report) (*Report, error) {
	meter := &ingest.Meter{Total: totalSize(sources)}
	if opt.Progress != nil {
		last := time.Time{}
		meter.OnRead = func(p ingest.Progress) {
			// Bound the callback rate: a GUI redraw per 64 KiB is plenty.
			if now := time.Now(); now.Sub(last) > 50*time.Millisecond || p.Read == p.Total {
				last = now
				opt.Progress(ImportProgress{Phase: "reading", File: p.File, Read: p.Read, Total: p.Total, Rows: p.Rows})
			}
		}
	}
	var batches []*ingest.Batch
	for _, src := range sources {
		b, err := ingest.Parse(ctx, src, meter)
		if err != nil {
			return nil, err
		}
		batches = append(batches, b)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w, end, err := s.beginWriter(ctx, opt, rep)
	if err != nil {
		return nil, err
	}
	defer end()
	for _, b := range batches {
		w.prog.toWrite += len(b.RollCalls) + len(b.Positions)
	}
	started := time.Now().UTC()
	for _, b := range batches {
		rep.add(b)
		if err := w.apply(b); err != nil {
			return nil, s.importErr(ctx, err)
		}
	}
	return s.finishImport(ctx, w, meter, sources, batches, started)
}

// add notes a batch in the report.
func (r *Report) add(b *ingest.Batch) {
	r.Sources = append(r.Sources, b.Dataset)
	r.Files = append(r.Files, b.Files...)
	r.Rows += b.Rows
	for _, wn := range b.Warnings {
		r.Warnings = append(r.Warnings, wn.String())
	}
}

func countFiles(sources []ingest.Source) int {
	n := 0
	for _, src := range sources {
		n += len(src.Files)
	}
	return n
}
