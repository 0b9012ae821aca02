package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"plenary/data/ingest"
)

// finishImport checks that every file was read to the end, then
// finishes the write (finishWrite).
func (s *Store) finishImport(ctx context.Context, w *writer, meter *ingest.Meter, sources []ingest.Source, batches []*ingest.Batch, started time.Time) (*Report, error) {
	files := meter.Sums()
	if n := countFiles(sources); len(files) != n {
		return nil, fmt.Errorf("%d of %d files were read to the end", len(files), n)
	}
	return s.finishWrite(ctx, w, batches, files, started)
}

// finishWrite writes what is left, checks it, logs the write with the
// given files and commits; or, when nothing changed, leaves the
// transaction to roll back.
func (s *Store) finishWrite(ctx context.Context, w *writer, batches []*ingest.Batch, files []ingest.FileSum, started time.Time) (*Report, error) {
	rep := w.rep
	if err := w.writeRollCalls(); err != nil {
		return nil, s.importErr(ctx, err)
	}
	if err := w.flush(); err != nil {
		return nil, s.importErr(ctx, err)
	}
	if err := w.checkReferences(); err != nil {
		return nil, s.importErr(ctx, err)
	}
	if !rep.Changed() && w.claimed == 0 {
		rep.Previously = s.previousImport(ctx, files)
		return rep, nil // nothing to commit; the deferred rollback ends the transaction
	}
	if err := w.logImport(started, batches, files); err != nil {
		return nil, s.writeErr(err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := w.tx.Commit(); err != nil {
		return nil, s.writeErr(err)
	}
	return rep, nil
}

// importErr passes on a cancellation or a restart as it is, and makes a
// driver error readable.
func (s *Store) importErr(ctx context.Context, err error) error {
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, errRestart):
		return err
	}
	return s.writeErr(err)
}

// beginWriter opens an import's transaction and its writer. end closes
// them, rolling back whatever was not committed; call it when done.
func (s *Store) beginWriter(ctx context.Context, opt ImportOptions, rep *Report) (w *writer, end func(), err error) {
	conn, tx, err := s.beginImport(ctx)
	if err != nil {
		return nil, nil, s.writeErr(err)
	}
	if w, err = newWriter(ctx, conn, tx, s, opt, rep); err != nil {
		tx.Rollback()
		endImport(conn)
		return nil, nil, s.writeErr(err)
	}
	return w, func() {
		w.close()
		tx.Rollback()
		endImport(conn)
	}, nil
}

// beginImport starts an import's transaction on a connection of its own
// with SQLite's foreign-key enforcement off: the engine looks up both
// parents of every vote row inserted, a third of the time of a large
// import. The writer checks the references itself (checkReferences) before
// the transaction commits.
func (s *Store) beginImport(ctx context.Context) (*sql.Conn, *sql.Tx, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	// The pragma is a no-op inside a transaction, so it comes first.
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		endImport(conn)
		return nil, nil, err
	}
	// The transaction ends only by Commit or Rollback, on this goroutine:
	// database/sql would otherwise roll it back from another goroutine when
	// ctx is cancelled, and the votes written through the driver itself
	// (voteInserter) cannot tell.
	tx, err := conn.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		endImport(conn)
		return nil, nil, err
	}
	return conn, tx, nil
}

// endImport turns foreign-key enforcement back on and returns the
// connection to the pool; a connection on which that fails is closed
// instead, so that no other work ever runs without the check.
func endImport(conn *sql.Conn) {
	var on int
	if _, err := conn.ExecContext(context.Background(), "PRAGMA foreign_keys = ON"); err == nil {
		_ = conn.QueryRowContext(context.Background(), "PRAGMA foreign_keys").Scan(&on)
	}
	if on != 1 {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	conn.Close()
}

// writeErr makes a driver error met while writing readable.
func (s *Store) writeErr(err error) error { return describe(s.path, err, writing) }

// checkReferences does, once per import, the check that foreign-key
// enforcement would do for every row (see beginImport). Roll-call ids need
// none: each comes from a row this transaction read or inserted. Country
// ids all come from the store's copy of the country table, read when it
// opened, so each of those is checked against the table as it is now.
func (w *writer) checkReferences() error {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id FROM countries`)
	if err != nil {
		return err
	}
	have := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		have[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for iso, id := range w.s.countryID {
		if !have[id] {
			return fmt.Errorf("country %s (row %d) is no longer in the country table; reopen the database and import again", iso, id)
		}
	}
	return nil
}
