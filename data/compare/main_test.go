package compare_test

import (
	"database/sql"
	"os"
	"sync"
	"testing"

	"plenary/data/compare"
	"plenary/data/compare/comparetest"

	_ "modernc.org/sqlite" // the tests query the imported databases directly
)

func TestMain(m *testing.M) { os.Exit(comparetest.Main(m)) }

var indexes sync.Map // *comparetest.DB -> *compare.Index

// indexOf builds a database's index once per test binary.
func indexOf(tb testing.TB, db *comparetest.DB) *compare.Index {
	tb.Helper()
	if ix, ok := indexes.Load(db); ok {
		return ix.(*compare.Index)
	}
	ix, err := compare.NewIndex(db.Table)
	if err != nil {
		tb.Fatal(err)
	}
	indexes.Store(db, ix)
	return ix
}

// sel selects or fails the test.
func sel(tb testing.TB, ix *compare.Index, f compare.Filter) *compare.Selection {
	tb.Helper()
	s, err := ix.Select(f)
	if err != nil {
		tb.Fatalf("Select(%+v): %v", f, err)
	}
	return s
}

// openSQL opens an imported database read-only with the SQLite driver,
// bypassing package data, for independent counts.
func openSQL(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}
