package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// engineErrors provokes, on real SQLite files, the errors the store
// explains, and returns them by name.
func engineErrors(t *testing.T) map[string]error {
	t.Helper()
	dir := t.TempDir()
	open := func(name string, params ...string) *sql.DB {
		db, err := sql.Open("sqlite", dsn(filepath.Join(dir, name), params...))
		if err != nil {
			t.Fatal(err)
		}
		db.SetMaxOpenConns(1)
		t.Cleanup(func() { db.Close() })
		return db
	}
	exec := func(db *sql.DB, stmts ...string) {
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	got := map[string]error{}
	db := open("plain.db", "_pragma=foreign_keys(1)")
	exec(db, "CREATE TABLE p (id INTEGER PRIMARY KEY)", "CREATE TABLE c (p INTEGER REFERENCES p(id))",
		"CREATE TABLE u (x TEXT UNIQUE)", "INSERT INTO u VALUES ('a')", "CREATE TABLE n (x INTEGER)", "INSERT INTO n VALUES ('many')")
	_, got["foreign key"] = db.Exec("INSERT INTO c VALUES (42)")
	_, got["no such table"] = db.Exec("SELECT * FROM nowhere")
	var n int
	got["scan"] = db.QueryRow("SELECT x FROM n").Scan(&n)
	_, got["unique"] = db.Exec("INSERT INTO u VALUES ('a')")
	_, got["syntax"] = db.Exec("SELEKT 1")

	if err := os.WriteFile(filepath.Join(dir, "text.db"), []byte(strings.Repeat("not a database at all\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, got["not a database"] = open("text.db").Exec("SELECT count(*) FROM sqlite_schema")

	full := open("full.db")
	exec(full, "CREATE TABLE b (x BLOB)", "PRAGMA max_page_count = 4")
	_, got["full"] = full.Exec("INSERT INTO b VALUES (zeroblob(1000000))")

	_, got["read-only"] = open("plain.db", "mode=ro").Exec("CREATE TABLE z (x)")

	holder := open("busy.db")
	exec(holder, "CREATE TABLE t (x)")
	ctx := context.Background()
	conn, err := holder.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	_, got["busy"] = open("busy.db", "_pragma=busy_timeout(0)").Exec("INSERT INTO t VALUES (1)")
	conn.ExecContext(ctx, "ROLLBACK")

	for k, err := range got {
		if err == nil {
			t.Fatalf("%s: the engine gave no error", k)
		}
	}
	// Words with no code behind them, as database/sql and the driver
	// report some failures.
	got["out of memory"] = errors.New("out of memory")
	got["disk I/O error"] = errors.New("disk I/O error")
	got["canceled"] = fmt.Errorf("reading: %w", context.Canceled)
	got["explained"] = &OpenError{Path: "x.db", Err: ErrCorrupt}
	return got
}

// TestClassify: each engine error is taken for what it means.
func TestClassify(t *testing.T) {
	errs := engineErrors(t)
	for _, c := range []struct {
		name string
		want failure
	}{
		{"foreign key", failDamaged},
		{"no such table", failDamaged},
		{"scan", failDamaged},
		{"not a database", failDamaged},
		{"full", failDiskFull},
		{"out of memory", failNoMemory},
		{"read-only", failReadOnly},
		{"busy", failBusy},
		{"disk I/O error", failIO},
		{"unique", failOther},
		{"syntax", failOther},
		{"canceled", failSettled},
		{"explained", failSettled},
	} {
		if got := classify(errs[c.name]); got != c.want {
			t.Errorf("%s: classify(%q) = %d, want %d", c.name, errs[c.name], got, c.want)
		}
	}
}

// TestDescribe: the same error is told as each phase needs — an
// *OpenError with the way forward when opening, the kinds the UI tests
// with errors.Is when reading or writing, the disk's state for a backup,
// and the engine's own error where the store has nothing to add.
func TestDescribe(t *testing.T) {
	errs := engineErrors(t)
	const path = "/tmp/x.db"
	isOpenErr := func(err error) bool { var oe *OpenError; return errors.As(err, &oe) && oe.Path == path }
	hint := func(err error) string {
		var oe *OpenError
		if errors.As(err, &oe) {
			return oe.Hint
		}
		return ""
	}
	for _, c := range []struct {
		name  string
		ph    phase
		check func(orig, got error) bool
		want  string
	}{
		{"not a database", opening, func(_, e error) bool { return errors.Is(e, ErrCorrupt) && hint(e) == hintDamaged }, "ErrCorrupt, restore a backup"},
		{"foreign key", reading, func(_, e error) bool {
			return errors.Is(e, ErrCorrupt) && isOpenErr(e) && !strings.HasPrefix(e.(*OpenError).Err.Error(), "FOREIGN KEY")
		}, "ErrCorrupt, the engine's words after the explanation"},
		{"scan", writing, func(_, e error) bool { return errors.Is(e, ErrCorrupt) }, "ErrCorrupt"},
		{"foreign key", backingUp, func(o, e error) bool { return e == o }, "unchanged"},
		{"full", opening, func(_, e error) bool { return errors.Is(e, ErrDiskFull) && hint(e) == hintDiskFull }, "ErrDiskFull, free some space"},
		{"full", writing, func(_, e error) bool { return errors.Is(e, ErrDiskFull) && isOpenErr(e) }, "ErrDiskFull"},
		{"full", backingUp, func(o, e error) bool { return errors.Is(e, o) && strings.HasPrefix(e.Error(), "the disk is full: ") }, "the disk is full"},
		{"disk I/O error", backingUp, func(o, e error) bool { return errors.Is(e, o) && strings.Contains(e.Error(), "is the disk full?") }, "is the disk full?"},
		{"disk I/O error", reading, func(_, e error) bool { return isOpenErr(e) && hint(e) == hintIO }, "check the disk"},
		{"out of memory", reading, func(_, e error) bool { return errors.Is(e, ErrNoMemory) }, "ErrNoMemory"},
		{"read-only", opening, func(_, e error) bool { return errors.Is(e, ErrReadOnly) && hint(e) == hintReadOnly }, "ErrReadOnly, open it read-only"},
		{"read-only", writing, func(_, e error) bool { return errors.Is(e, ErrReadOnly) && strings.HasPrefix(e.Error(), path+": ") }, "ErrReadOnly"},
		{"read-only", reading, func(o, e error) bool { return e == o }, "unchanged"},
		{"busy", opening, func(o, e error) bool { return errors.Is(e, o) && hint(e) == hintBusy }, "another program holds it"},
		{"busy", writing, func(o, e error) bool { return errors.Is(e, o) && e.Error() == path+": "+o.Error() }, "the path and the engine's words"},
		{"unique", opening, func(o, e error) bool { return errors.Is(e, o) && isOpenErr(e) && hint(e) == "" }, "an *OpenError without a hint"},
		{"unique", reading, func(o, e error) bool { return e == o }, "unchanged"},
		{"syntax", writing, func(o, e error) bool { return errors.Is(e, o) && e.Error() == path+": "+o.Error() }, "the path and the engine's words"},
		{"canceled", writing, func(o, e error) bool { return e == o }, "unchanged"},
		{"canceled", opening, func(o, e error) bool { return errors.Is(e, context.Canceled) && isOpenErr(e) }, "an *OpenError around the cancellation"},
		{"explained", writing, func(o, e error) bool { return e == o }, "unchanged"},
		{"explained", opening, func(o, e error) bool { return e == o }, "unchanged"},
	} {
		orig := errs[c.name]
		if got := describe(path, orig, c.ph); !c.check(orig, got) {
			t.Errorf("%s in phase %d: %v; want %s", c.name, c.ph, got, c.want)
		}
	}
	if describe(path, nil, reading) != nil || describe(path, nil, writing) != nil {
		t.Error("no error became one")
	}
}
