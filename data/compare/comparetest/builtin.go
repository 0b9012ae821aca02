package comparetest

import (
	"context"
	"path/filepath"
	"testing"

	"plenary/data"
)

// Builtin is a fresh database holding only the built-in history (the
// General Assembly 1946–2019 and the sample); it needs no dataset.
func Builtin(tb testing.TB) *DB {
	tb.Helper()
	v, _ := fixtures.LoadOrStore("builtin", &fixture{})
	f := v.(*fixture)
	f.once.Do(func() { f.db, f.err = createBuiltin() })
	if f.err != nil {
		tb.Fatalf("building the built-in database: %v", f.err)
	}
	return f.db
}

func createBuiltin() (*DB, error) {
	d, err := tempDir()
	if err != nil {
		return nil, err
	}
	path := filepath.Join(d, "builtin.db")
	st, err := data.Open(path, data.Options{})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.LoadBuiltin(ctx, nil); err != nil {
		return nil, err
	}
	t, err := st.Table(ctx)
	if err != nil {
		return nil, err
	}
	imports, err := st.Imports(ctx)
	if err != nil {
		return nil, err
	}
	return &DB{Path: path, Table: t, Imports: imports}, nil
}
