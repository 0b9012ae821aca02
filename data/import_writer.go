package data

import (
	"context"
	"database/sql"
	"fmt"

	"plenary/data/ingest"
	"plenary/data/merge"
	"plenary/data/record"
)

// votesPerInsert is how many vote rows go into one INSERT statement. Many
// rows per statement cut the per-statement cost of the driver, which
// dominates a large import.
const votesPerInsert = 250

// writer applies parsed batches inside one transaction. Which stored roll
// call an incoming one is, and what the two give together, is decided by
// package merge on the index of stored roll calls; the writer stores the
// outcome through its statements and counts it in the report.
type writer struct {
	// ctx is for statements: it is never cancelled, so that SQLite never
	// interrupts one, which would roll the transaction back unseen; stop is
	// the import's context, checked between statements.
	ctx      context.Context
	stop     context.Context
	tx       *sql.Tx
	s        *Store
	opt      ImportOptions
	rep      *Report
	importID int64

	idx     *merge.Index
	st      *statements
	prog    progress
	votes   *voteInserter
	pending []any          // vote rows of the next INSERT
	added   map[int64]bool // roll calls this import created
	// orig holds, for every roll call an incoming one was merged into, its
	// content before the first merge; votesChanged how many votes of
	// each it added or changed. See writeRollCalls.
	orig         map[int64]record.RollCall
	votesChanged map[int64]int
	ballot       []ballotVote // reused for each roll call's ballot
	// claimed counts the built-in roll calls this import holds unchanged:
	// they lose their built-in mark, and the import is committed and
	// logged for them.
	claimed int

	// nextID is the id the next roll call gets: ids are given here, not by
	// SQLite, so that votes can be written before their roll call (see
	// stream).
	nextID int64
	// ids are the ids a streamed import gave the roll calls of the batch
	// as it met them; streamed are those of them whose votes were written
	// as they were read, each with the votes written so far.
	ids      map[*ingest.RollCall]int64
	streamed map[*ingest.RollCall]*streamedRollCall
}

func newWriter(ctx context.Context, conn *sql.Conn, tx *sql.Tx, s *Store, opt ImportOptions, rep *Report) (*writer, error) {
	w := &writer{ctx: context.WithoutCancel(ctx), stop: ctx, tx: tx, s: s, opt: opt, rep: rep, votes: newVoteInserter(ctx, conn),
		idx: merge.NewIndex(), added: map[int64]bool{}, orig: map[int64]record.RollCall{}, votesChanged: map[int64]int{}}
	w.prog.report = opt.Progress
	now := nowUTC()
	res, err := tx.ExecContext(w.ctx, `INSERT INTO imports (started, finished, format, dataset, app_version, sample) VALUES (?, ?, '', '', ?, ?)`,
		now, now, record.Version, opt.sample)
	if err != nil {
		return nil, err
	}
	if w.importID, err = res.LastInsertId(); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) + 1 FROM roll_calls`).Scan(&w.nextID); err != nil {
		return nil, err
	}
	if err := w.loadIndex(); err != nil {
		return nil, err
	}
	if w.st, err = prepareStatements(w.ctx, tx); err != nil {
		w.votes.close()
		return nil, err
	}
	return w, nil
}

// loadIndex reads every stored roll call into the index matching uses.
func (w *writer) loadIndex() error {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT `+rollCallColumns+` FROM roll_calls`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		rc, err := scanRollCall(rows)
		if err != nil {
			return err
		}
		w.idx.Add(rc)
	}
	return rows.Err()
}

func (w *writer) close() {
	w.votes.close()
	if w.st != nil {
		w.st.close()
	}
}

// apply writes one batch.
func (w *writer) apply(b *ingest.Batch) error {
	syms := merge.Symbols{}
	for _, rc := range b.RollCalls {
		syms.Count(&rc.RollCall)
	}
	for _, in := range b.RollCalls {
		if err := w.stop.Err(); err != nil {
			return err
		}
		if !w.opt.keepSource {
			in.Source = b.Dataset
		}
		if err := w.applyRollCall(in, syms.Unique(&in.RollCall)); err != nil {
			return err
		}
		w.prog.step()
	}
	if len(w.streamed) > 0 {
		// Votes were written for a roll call the batch does not hold.
		return errRestart
	}
	w.ids = nil
	for _, p := range b.Positions {
		if err := w.position(p); err != nil {
			return err
		}
		w.prog.step()
	}
	return w.vetoes(b)
}

// applyRollCall stores one incoming roll call: as new, as written while it
// was read, or merged into the stored one it matches.
func (w *writer) applyRollCall(in *ingest.RollCall, symbolUnique bool) error {
	// Every roll call takes the next id in the batch's order, used or not,
	// so that a streamed import and a plain one give the same.
	newID, ok := w.ids[in]
	if !ok {
		newID = w.nextID
		w.nextID++
	}
	if in.Link != "" && !record.WebLink(in.Link) {
		w.warn(in, notWebLink, in.Label(), in.Link)
	}
	id, warn := w.idx.Match(&in.RollCall, symbolUnique)
	if warn != "" {
		w.warn(in, "%s", warn)
	}
	switch st := w.streamed[in]; {
	case st != nil && id != 0:
		// Written as new while it was read, yet it matches a stored roll
		// call: only a plain import can merge the two.
		return errRestart
	case st != nil:
		delete(w.streamed, in)
		return w.insertStreamed(in, st)
	case id == 0:
		return w.insert(in, newID)
	}
	return w.update(id, in)
}

// warn adds a warning about an incoming roll call to the report.
func (w *writer) warn(in *ingest.RollCall, format string, args ...any) {
	w.warnAt(in.File, in.Line, format, args...)
}

// warnAt adds a warning about a line of a file.
func (w *writer) warnAt(file string, line int, format string, args ...any) {
	w.rep.Warnings = append(w.rep.Warnings, fmt.Sprintf("%s:%d: ", baseName(file), line)+fmt.Sprintf(format, args...))
}

// notWebLink is the warning for a link that is not opened (record.WebLink).
const notWebLink = "%s: the link %q is not an http or https address: it is kept, shown as text and never opened"
