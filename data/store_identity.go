package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// applicationID is the SQLite application_id ("Plny") stamped in every
// database Plenary writes: a file carrying another id, or none and a
// schema that is not exactly one Plenary wrote, belongs to someone else
// and is never written.
const applicationID = 0x506c6e79

// identity is what Plenary makes of an existing SQLite file.
type identity int

const (
	identityEmpty   identity = iota // no schema at all: nothing to lose, it becomes a new database
	identityOurs                    // stamped with applicationID
	identityEarlier                 // written by a Plenary from before the stamp: its schema is exactly one of ours
)

// identify tells whether the file behind db is a Plenary database, and
// of which schema version, by reading only; otherwise it returns the
// *OpenError to show.
func identify(ctx context.Context, db *sql.DB, path string) (identity, int, error) {
	var app, v int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return 0, 0, openErr(path, err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, 0, openErr(path, err)
	}
	switch {
	case app == applicationID && (v < 0 || v == 0 && !emptySchema(ctx, db)):
		return 0, 0, &OpenError{Path: path, Err: ErrCorrupt,
			Hint: fmt.Sprintf("its schema version (%d) is not one Plenary ever wrote: restore a backup (plenary restore FILE), or move the file aside and start a fresh database", v)}
	case app == applicationID && v > SchemaVersion:
		return 0, 0, &OpenError{Path: path, Err: ErrNewerSchema,
			Hint: fmt.Sprintf("its schema is version %d, this Plenary knows up to %d: update Plenary, or open another database with --db", v, SchemaVersion)}
	case app == applicationID:
		return identityOurs, v, sameSchema(ctx, db, path, v)
	case app == 0 && v == 0 && emptySchema(ctx, db):
		return identityEmpty, 0, nil
	case app == 0 && v >= 1 && v <= SchemaVersion:
		have, err := schemaOf(ctx, db)
		if err != nil {
			return 0, 0, openErr(path, err)
		}
		want, err := schemaAt(v)
		if err != nil {
			return 0, 0, &OpenError{Path: path, Err: err}
		}
		if have == want {
			return identityEarlier, v, nil
		}
	}
	return 0, 0, &OpenError{Path: path, Err: ErrNotDatabase,
		Hint: "it is an SQLite file of another program; Plenary will not change it: choose another file with --db"}
}

// sameSchema checks that a Plenary database still has every table its
// schema version says: one dropped is damage, which would otherwise
// surface later as "no such table" in the middle of a command. The
// stamp vouches for the rest.
func sameSchema(ctx context.Context, db *sql.DB, path string, v int) error {
	if v < 1 {
		return nil
	}
	have, err := tablesOf(ctx, db)
	if err != nil {
		return openErr(path, err)
	}
	want, err := tablesAt(v)
	if err != nil {
		return &OpenError{Path: path, Err: err}
	}
	for _, t := range want {
		if !slices.Contains(have, t) {
			return &OpenError{Path: path, Err: fmt.Errorf("%w: its table %s is missing", ErrCorrupt, t), Hint: hintDamaged}
		}
	}
	return nil
}

// tablesOf lists a database's tables.
func tablesOf(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func emptySchema(ctx context.Context, db *sql.DB) bool {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n)
	return err == nil && n == 0
}

// schemaOf is a file's schema as one string: every table, index, view
// and trigger with the text that created it, leaving the engine's own
// (sqlite_stat1 and the like), which come and go.
func schemaOf(ctx context.Context, q querier) (string, error) {
	rows, err := q.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY type, name`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, tbl, text string
		if err := rows.Scan(&typ, &name, &tbl, &text); err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%s %s %s\n%s\n", typ, name, tbl, text)
	}
	return b.String(), rows.Err()
}

// builtSchemas are the schemas Plenary writes and their tables, by
// version (index 0 unused).
type builtSchemas struct {
	text   []string
	tables [][]string
}

// schemas are built once by running the migrations on an empty database
// in memory.
var schemas = sync.OnceValues(func() (*builtSchemas, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx) // one connection: each holds its own memory database
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	out := &builtSchemas{text: make([]string, len(migrations)+1), tables: make([][]string, len(migrations)+1)}
	for v, m := range migrations {
		if _, err := conn.ExecContext(ctx, m); err != nil {
			return nil, fmt.Errorf("building schema version %d: %w", v+1, err)
		}
		if out.text[v+1], err = schemaOf(ctx, conn); err != nil {
			return nil, err
		}
		if out.tables[v+1], err = tablesOf(ctx, conn); err != nil {
			return nil, err
		}
	}
	return out, nil
})

// schemaAt is the schema of version v.
func schemaAt(v int) (string, error) {
	all, err := schemas()
	if err != nil {
		return "", err
	}
	return all.text[v], nil
}

// currentTables are the tables of SchemaVersion, in name order, as the
// migrations make them (TestCurrentTables compares them with a database
// the migrations build). They are written out so that opening a current
// database, which checks that none of its tables is missing, does not
// first build every schema in memory: some 5 ms, a sixth of a short
// command's whole run.
var currentTables = []string{
	"ballots", "countries", "country_names", "estimates", "import_files", "imports", "meta",
	"positions", "roll_call_topics", "roll_calls", "speech_index", "speech_index_config",
	"speech_index_data", "speech_index_docsize", "speech_index_idx", "speech_texts", "speeches",
	"vetoes", "votes",
}

// tablesAt are the tables of version v.
func tablesAt(v int) ([]string, error) {
	if v == SchemaVersion {
		return currentTables, nil
	}
	all, err := schemas()
	if err != nil {
		return nil, err
	}
	return all.tables[v], nil
}
