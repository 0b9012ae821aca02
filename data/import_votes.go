package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"

	"plenary/data/ingest"
)

// voteInserter inserts vote rows through the SQLite driver itself rather
// than database/sql: converting and checking each argument in database/sql
// costs a tenth of a large import, whose votes are all plain integers.
// It runs on the import's own connection, inside its transaction.
type voteInserter struct {
	ctx   context.Context // without cancellation, for the driver
	stop  context.Context // the import's, checked before each statement
	conn  *sql.Conn
	stmts map[int]driver.Stmt // by rows per statement
	args  []driver.NamedValue
}

func newVoteInserter(ctx context.Context, conn *sql.Conn) *voteInserter {
	// Without a Done channel the driver does not watch the context at
	// every statement; the import checks it between statements.
	return &voteInserter{ctx: context.WithoutCancel(ctx), stop: ctx, conn: conn, stmts: map[int]driver.Stmt{}}
}

// exec inserts rows of (roll call, country, vote) values, all int64.
func (v *voteInserter) exec(rows []any) error {
	n := len(rows) / 3
	if n == 0 {
		return nil
	}
	if err := v.stop.Err(); err != nil {
		return err
	}
	return v.conn.Raw(func(dc any) error {
		st := v.stmts[n]
		if st == nil {
			prep, ok := dc.(driver.ConnPrepareContext)
			if !ok {
				return fmt.Errorf("the SQLite driver cannot prepare statements")
			}
			q := `INSERT INTO votes (roll_call_id, country_id, vote) VALUES ` + strings.TrimSuffix(strings.Repeat("(?,?,?),", n), ",")
			var err error
			if st, err = prep.PrepareContext(v.ctx, q); err != nil {
				return err
			}
			v.stmts[n] = st
		}
		ex, ok := st.(driver.StmtExecContext)
		if !ok {
			return fmt.Errorf("the SQLite driver cannot execute statements")
		}
		args := v.args[:0]
		for i, x := range rows {
			args = append(args, driver.NamedValue{Ordinal: i + 1, Value: x})
		}
		v.args = args
		_, err := ex.ExecContext(v.ctx, args)
		return err
	})
}

// close closes the statements; the connection stays open.
func (v *voteInserter) close() {
	if len(v.stmts) == 0 {
		return
	}
	_ = v.conn.Raw(func(any) error {
		for _, st := range v.stmts {
			st.Close()
		}
		return nil
	})
	v.stmts = map[int]driver.Stmt{}
}

// queueVote adds a vote to the rows of the next INSERT, and returns the
// country's row id.
func (w *writer) queueVote(rcID int64, c ingest.Cast) (int64, error) {
	cid, ok := w.s.countryID[c.Country]
	if !ok {
		return 0, fmt.Errorf("country %s is not in the country table", c.Country)
	}
	w.pending = append(w.pending, rcID, cid, int64(c.Vote))
	if len(w.pending) == 3*votesPerInsert {
		if err := w.votes.exec(w.pending); err != nil {
			return 0, err
		}
		w.pending = w.pending[:0]
	}
	return cid, nil
}

// flush writes the votes still queued.
func (w *writer) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	err := w.votes.exec(w.pending)
	w.pending = w.pending[:0]
	return err
}
