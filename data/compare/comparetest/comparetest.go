// Package comparetest gives the tests of the comparison code real data:
// databases with the shared datasets imported, built once per test binary
// because importing the unvotes history takes seconds, and shared by every
// test and benchmark of that binary.
//
// The datasets are never copied into the repository; they are read from
// ../shared/data next to the repository root. When that folder is missing
// the tests are skipped, except on CI (CI=true), where a missing dataset
// must fail the build rather than silently test nothing.
package comparetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"plenary/data"
	"plenary/data/record"
)

// DB is an imported database: its file (for tests that open it with SQL or
// hand it to the CLI) and its dense table.
type DB struct {
	Path  string
	Table *record.Table
	// Imports is the store's import log, for chart footers.
	Imports []record.ImportInfo
	// Positions are the recorded positions (the sample's, where loaded).
	Positions []record.Position
}

// Root is the repository root: the nearest folder above the working
// directory that holds go.mod.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("no go.mod above the working directory")
		}
		dir = up
	}
}

// Dataset returns the path of a file or folder under ../shared/data (for
// example "unvotes" or "unsc/sc_votes_1992_2026.csv"). It skips the test
// when it is missing, or fails it when CI=true.
func Dataset(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Root(tb), "..", "shared", "data", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("dataset %s is missing (CI=true): %v", rel, err)
		}
		tb.Skipf("dataset %s is missing: %v", rel, err)
	}
	return p
}

// fixture is one database built at most once per test binary.
type fixture struct {
	once sync.Once
	db   *DB
	err  error
}

var (
	fixtures   sync.Map // name -> *fixture
	dirOnce    sync.Once
	dir        string
	dirErr     error
	dirPrefix  = "plenary-comparetest-"
	cleanMutex sync.Mutex
)

// Unvotes is a database holding the unvotes General Assembly history
// (6,203 roll calls, 1946–2020).
func Unvotes(tb testing.TB) *DB {
	tb.Helper()
	return build(tb, "unvotes", []string{Dataset(tb, "unvotes")}, false)
}

// Council is a database holding the Security Council votes 1992–2026.
func Council(tb testing.TB) *DB {
	tb.Helper()
	return build(tb, "council", []string{Dataset(tb, "unsc/sc_votes_1992_2026.csv")}, false)
}

// Full is a database holding everything the app is benchmarked on: the
// unvotes history, the Security Council votes and the 2025 General
// Assembly votes (about 8,500 roll calls).
func Full(tb testing.TB) *DB {
	tb.Helper()
	return build(tb, "full", []string{Dataset(tb, "unvotes"), Dataset(tb, "unsc/sc_votes_1992_2026.csv"), Dataset(tb, "unga2025")}, false)
}

// History is Full with Voeten's absences merged in: the whole history
// the window is measured on (unvotes, Voeten, the Security Council and the
// 2025 General Assembly votes), every absence a non-voting cell.
func History(tb testing.TB) *DB {
	tb.Helper()
	return build(tb, "history", []string{Dataset(tb, "unvotes"), Dataset(tb, "voeten"), Dataset(tb, "unsc/sc_votes_1992_2026.csv"), Dataset(tb, "unga2025")}, false)
}

// Recent is a small database that still has both bodies: the Security
// Council votes 1992–2026 and the General Assembly votes of 2025 (about
// 2,300 roll calls), with the list of the Council's vetoes. It imports in
// well under a second, for tests that run the command line many times.
func Recent(tb testing.TB) *DB {
	tb.Helper()
	return build(tb, "recent", []string{Dataset(tb, "unsc/sc_votes_1992_2026.csv"), Dataset(tb, "unga2025"), Dataset(tb, "unsc/vetoes.csv")}, false)
}

// Sample is a fresh database holding only the built-in sample (the votes
// of 24 February 2025); it needs no dataset.
func Sample(tb testing.TB) *DB {
	tb.Helper()
	return build(tb, "sample", nil, true)
}

func build(tb testing.TB, name string, paths []string, sample bool) *DB {
	tb.Helper()
	v, _ := fixtures.LoadOrStore(name, &fixture{})
	f := v.(*fixture)
	f.once.Do(func() { f.db, f.err = create(name, paths, sample) })
	if f.err != nil {
		tb.Fatalf("building the %s database: %v", name, f.err)
	}
	return f.db
}

func create(name string, paths []string, sample bool) (*DB, error) {
	d, err := tempDir()
	if err != nil {
		return nil, err
	}
	path := filepath.Join(d, name+".db")
	st, err := data.Open(path, data.Options{})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	ctx := context.Background()
	if sample {
		if _, err := st.LoadSample(ctx); err != nil {
			return nil, err
		}
	}
	if len(paths) > 0 {
		if _, err := st.Import(ctx, paths, data.ImportOptions{}); err != nil {
			return nil, err
		}
	}
	t, err := st.Table(ctx)
	if err != nil {
		return nil, err
	}
	imports, err := st.Imports(ctx)
	if err != nil {
		return nil, err
	}
	positions, err := st.Positions(ctx)
	if err != nil {
		return nil, err
	}
	return &DB{Path: path, Table: t, Imports: imports, Positions: positions}, nil
}

// tempDir is this process's folder for the fixture databases. Its name
// carries the process id so that the next test run can remove folders
// whose process has ended: without a TestMain nothing else could.
func tempDir() (string, error) {
	dirOnce.Do(func() {
		removeStale()
		dir, dirErr = os.MkdirTemp("", dirPrefix+strconv.Itoa(os.Getpid())+"-")
	})
	return dir, dirErr
}

// Cleanup removes this process's fixture databases. A TestMain calls it
// after m.Run; packages without one leave the folder to removeStale.
func Cleanup() {
	cleanMutex.Lock()
	defer cleanMutex.Unlock()
	if dir != "" {
		os.RemoveAll(dir)
	}
}

// Main runs the tests and removes the fixture databases afterwards; call it
// from a TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	Cleanup()
	return code
}

// removeStale deletes fixture folders left by test processes that have
// ended.
func removeStale() {
	ents, err := os.ReadDir(os.TempDir())
	if err != nil {
		return
	}
	for _, e := range ents {
		rest, ok := strings.CutPrefix(e.Name(), dirPrefix)
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 || alive(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
	}
}

// alive reports whether a process runs; when in doubt (a system where
// signal 0 cannot be sent) it says yes, so no live folder is removed.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}

// String describes the database for failure messages.
func (d *DB) String() string {
	return fmt.Sprintf("%s (%d roll calls, %d countries)", d.Path, len(d.Table.RollCalls), len(d.Table.Countries))
}

// Continuous is a database holding the General Assembly history without
// a gap: the unvotes history to January 2020, the UN Digital Library's
// roll calls of 2020 to August 2025 (both bodies), the 2025 General
// Assembly votes and the Security Council votes 1992–2026.
func Continuous(tb testing.TB) *DB {
	tb.Helper()
	return build(tb, "continuous", []string{Dataset(tb, "unvotes"), Dataset(tb, "undl_2020_2025"),
		Dataset(tb, "unga2025"), Dataset(tb, "unsc/sc_votes_1992_2026.csv")}, false)
}
