package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// relExec runs statements on a file with a plain connection, as another
// program would.
func relExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// relPragma reads an integer pragma of a closed file.
func relPragma(t *testing.T, path, name string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestForeignFilesNeverWritten: files that look like Plenary's by their
// table names or schema version, but are not, are refused read-write and
// read-only with the error the window and the commands show, and their
// bytes stay as they were; a Plenary database with a schema version of -1
// is refused as damaged instead of crashing every command.
func TestForeignFilesNeverWritten(t *testing.T) {
	base := relBaseDB(t)
	dir := t.TempDir()
	plenaryCopy := func(name string, stmts ...string) func(t *testing.T) string {
		return func(t *testing.T) string {
			p := filepath.Join(dir, name)
			relCopyFile(t, base, p)
			relExec(t, p, stmts...)
			return p
		}
	}
	cases := []struct {
		name string
		make func(t *testing.T) string
		want error
	}{
		{"our_tables_votes_with_an_extra_column", func(t *testing.T) string {
			p := filepath.Join(dir, "lookalike.db")
			relExec(t, p,
				`CREATE TABLE countries (id INTEGER PRIMARY KEY, iso3 TEXT)`,
				`CREATE TABLE roll_calls (id INTEGER PRIMARY KEY, symbol TEXT)`,
				`CREATE TABLE votes (roll_call_id INTEGER, country_id INTEGER, vote INTEGER, weight REAL)`,
				`INSERT INTO countries VALUES (1, 'FRA')`, `INSERT INTO roll_calls VALUES (1, 'R/1')`,
				`INSERT INTO votes VALUES (1, 1, 1, 0.5)`, `PRAGMA user_version = 2`)
			return p
		}, ErrNotDatabase},
		{"plenary_schema_another_programs_id", plenaryCopy("other-id.db", "PRAGMA application_id = 1234"), ErrNotDatabase},
		{"plenary_schema_one_more_table_no_id", plenaryCopy("extra-table.db",
			"PRAGMA application_id = 0", "CREATE TABLE notes (text TEXT)", "INSERT INTO notes VALUES ('keep me')"), ErrNotDatabase},
		{"plenary_user_version_minus_one", plenaryCopy("minus-one.db", "PRAGMA user_version = -1"), ErrCorrupt},
		{"earlier_plenary_user_version_minus_one", plenaryCopy("minus-one-noid.db", "PRAGMA application_id = 0", "PRAGMA user_version = -1"), ErrNotDatabase},
		{"plenary_user_version_zero_with_tables", plenaryCopy("zero.db", "PRAGMA user_version = 0"), ErrCorrupt},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.make(t)
			sum := relFileSum(t, p)
			for _, ro := range []bool{false, true} {
				s, err := Open(p, Options{ReadOnly: ro})
				if err == nil {
					s.Close()
					t.Fatalf("Open(ReadOnly=%v) accepted it", ro)
				}
				var oe *OpenError
				if !errors.As(err, &oe) || !errors.Is(err, tc.want) || oe.Hint == "" {
					t.Errorf("Open(ReadOnly=%v): %v; want an *OpenError with a hint for %v", ro, err, tc.want)
				}
			}
			if err := CheckBackup(p); err == nil {
				t.Error("CheckBackup accepted it")
			}
			if relFileSum(t, p) != sum {
				t.Error("the file's bytes changed")
			}
		})
	}
}

// TestApplicationID: every database Plenary creates carries its
// application id; a database of an earlier Plenary (no id, one of the
// schemas Plenary wrote) is upgraded and stamped when opened for writing,
// and read as it is, unchanged, when opened read-only.
func TestApplicationID(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	fresh := filepath.Join(dir, "new.db")
	s := relOpen(t, fresh)
	s.Close()
	if id := relPragma(t, fresh, "application_id"); id != applicationID {
		t.Fatalf("a new database has application_id %#x", id)
	}
	for v := 1; v <= SchemaVersion; v++ {
		t.Run(fmt.Sprintf("earlier_version_%d", v), func(t *testing.T) {
			p := filepath.Join(dir, fmt.Sprintf("v%d.db", v))
			relExec(t, p, append(append([]string(nil), migrations[:v]...),
				`INSERT INTO imports (id, started, finished, format, dataset, app_version) VALUES (7, 'then', 'then', 'csv', 'kept', '0.1')`,
				fmt.Sprintf("PRAGMA user_version = %d", v))...)
			if v == SchemaVersion {
				sum := relFileSum(t, p)
				s, err := Open(p, Options{ReadOnly: true})
				if err != nil {
					t.Fatalf("read-only: %v", err)
				}
				if _, err := s.Info(ctx); err != nil {
					t.Errorf("Info: %v", err)
				}
				s.Close()
				if relFileSum(t, p) != sum {
					t.Error("opening read-only changed the file")
				}
			}
			s := relOpen(t, p)
			var dataset string
			err := s.db.QueryRow(`SELECT dataset FROM imports WHERE id = 7`).Scan(&dataset)
			s.Close()
			if err != nil || dataset != "kept" {
				t.Errorf("the earlier import log: %q, %v", dataset, err)
			}
			if id, uv := relPragma(t, p, "application_id"), relPragma(t, p, "user_version"); id != applicationID || uv != SchemaVersion {
				t.Errorf("after opening: application_id %#x, user_version %d", id, uv)
			}
		})
	}
	// A file that is nothing yet (as sqlite3 leaves it) becomes a new one.
	empty := filepath.Join(dir, "empty.db")
	relExec(t, empty, "VACUUM")
	s = relOpen(t, empty)
	s.Close()
	if _, err := os.Stat(empty); err != nil || relPragma(t, empty, "application_id") != applicationID {
		t.Errorf("an empty SQLite file did not become a Plenary database")
	}
}
