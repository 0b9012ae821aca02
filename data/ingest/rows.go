package ingest

import (
	"context"
	"io/fs"
)

// rowFunc handles the current record of a table.
type rowFunc func(t *table) error

// eachRow is the read loop every parser shares: it opens a file, requires
// the columns need names (each a list of accepted spellings), lets setup
// find the columns it uses and return the function for a record, and hands
// it every record. Each record is counted in the batch and the meter, and
// ctx is checked every 4,096 records of the file, so that every parser
// stops alike when the import is cancelled. It returns how many records
// the file held.
func eachRow(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch, need [][]string, setup func(t *table) (rowFunc, error)) (int64, error) {
	if m == nil {
		m = &Meter{}
	}
	t, done, err := open(ctx, fsys, file, m)
	if err != nil {
		return 0, err
	}
	defer done()
	if t.twice != nil {
		return 0, t.twice
	}
	if err := t.require(need...); err != nil {
		return 0, err
	}
	row, err := setup(t)
	if err != nil {
		return 0, err
	}
	var rows int64
	for {
		ok, err := t.next()
		if err != nil || !ok {
			return rows, err
		}
		rows++
		b.Rows++
		m.rows.Add(1)
		if err := checkCtx(ctx, rows); err != nil {
			return rows, err
		}
		if err := row(t); err != nil {
			return rows, err
		}
	}
}

// checkCtx is called for every record; it looks at ctx every few thousand.
func checkCtx(ctx context.Context, rows int64) error {
	if rows&4095 == 0 {
		return ctx.Err()
	}
	return nil
}
