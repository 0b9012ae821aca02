package safefile

import (
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// names lists a folder, so that a leftover temporary file shows.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	slices.Sort(out)
	return out
}

// database makes a real SQLite database in WAL mode with an open
// connection, so that its -wal and -shm companions exist as they do while
// Plenary runs.
func database(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(wal)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	return db
}

// tempDir is a fresh folder removed after the test, file by file:
// os.RemoveAll (behind t.TempDir) relies on a Windows 10 call that Wine,
// where the Windows build is tested, does not implement.
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "safefile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { removeTree(dir) })
	return dir
}

func removeTree(dir string) {
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			removeTree(p)
			continue
		}
		os.Chmod(p, 0o644) // Windows deletes no read-only file
		os.Remove(p)
	}
	os.Remove(dir)
}

// perm is the mode a file made with mode m shows: Windows keeps only the
// read-only attribute, which Go reports as 0444, and 0666 otherwise.
func perm(m os.FileMode) os.FileMode {
	if runtime.GOOS != "windows" {
		return m
	}
	if m&0o200 == 0 {
		return 0o444
	}
	return 0o666
}

// symlink makes a symbolic link, or reports false on Windows, where links
// need a privilege users do not have (and Wine half emulates them): the
// link rules are tested where links are part of daily use.
func symlink(t *testing.T, target, link string) bool {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Log("symbolic links not tested on Windows")
		return false
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	return true
}

func sum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A database, its companions, and links to either are never written, and
// nothing is left behind.
func TestRefusesDatabases(t *testing.T) {
	dir := tempDir(t)
	dbPath := filepath.Join(dir, "plenary.db")
	database(t, dbPath)
	before := sum(t, dbPath)
	link := filepath.Join(dir, "chart.png")
	linked := symlink(t, dbPath, link)
	// A database named like an export is still a database.
	csvDB := filepath.Join(dir, "mydata.csv")
	database(t, csvDB)
	wantLeft := names(t, dir)
	// Companions in another case are the same files on Windows and macOS.
	targets := []string{dbPath, csvDB, dbPath + "-wal", dbPath + "-shm", dbPath + "-journal", dbPath + "-WAL", csvDB + "-Shm"}
	if linked {
		targets = append(targets, link)
	}
	for _, p := range targets {
		err := Write(p, text("not a database\n"))
		if !errors.Is(err, ErrDatabase) {
			t.Errorf("%s: %v, want ErrDatabase", filepath.Base(p), err)
			continue
		}
		if !strings.Contains(err.Error(), p) {
			t.Errorf("%s: the error does not name the file: %v", filepath.Base(p), err)
		}
	}
	if sum(t, dbPath) != before {
		t.Error("the database changed")
	}
	if fi, err := os.Lstat(link); linked && (err != nil || fi.Mode()&os.ModeSymlink == 0) {
		t.Error("the link was replaced")
	}
	if got := names(t, dir); !slices.Equal(got, wantLeft) {
		t.Errorf("folder now %q, was %q", got, wantLeft)
	}
}

// A read-only file is refused: its content and mode stay as they were.
func TestRefusesReadOnly(t *testing.T) {
	dir := tempDir(t)
	p := filepath.Join(dir, "chart.csv")
	if err := os.WriteFile(p, []byte("old\n"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := Write(p, text("new\n"))
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("%v, want ErrReadOnly", err)
	}
	st, _ := os.Stat(p)
	if st.Mode().Perm() != perm(0o444) || sum(t, p) != "old\n" {
		t.Errorf("mode %v content %q", st.Mode().Perm(), sum(t, p))
	}
	if got := names(t, dir); !slices.Equal(got, []string{"chart.csv"}) {
		t.Errorf("leftovers %q", got)
	}
}

// Modes: a new file is 0644, a replaced one keeps its mode; a link keeps
// pointing at the new content, also a link whose target does not exist.
func TestModesAndLinks(t *testing.T) {
	dir := tempDir(t)
	p := filepath.Join(dir, "a.svg")
	if err := Write(p, text("1")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != perm(0o644) {
		t.Errorf("new file mode %v", st.Mode().Perm())
	}
	os.Chmod(p, 0o600)
	if err := Write(p, text("2")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != perm(0o600) || sum(t, p) != "2" {
		t.Errorf("mode %v content %q", st.Mode().Perm(), sum(t, p))
	}
	link := filepath.Join(dir, "l.svg")
	if !symlink(t, "a.svg", link) {
		return
	}
	if err := Write(link, text("3")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 || sum(t, p) != "3" {
		t.Errorf("link replaced or target not written: %q", sum(t, p))
	}
	dangling := filepath.Join(dir, "d.svg")
	os.Symlink("new.svg", dangling)
	if err := Write(dangling, text("4")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(dangling); fi.Mode()&os.ModeSymlink == 0 || sum(t, filepath.Join(dir, "new.svg")) != "4" {
		t.Error("a dangling link did not lead to a new file")
	}
}

// A failing writer, a missing folder, a folder as target: a clear error, the
// old content, and no temporary file.
func TestFailuresLeaveNothing(t *testing.T) {
	dir := tempDir(t)
	p := filepath.Join(dir, "out.csv")
	os.WriteFile(p, []byte("old"), 0o644)
	boom := errors.New("boom")
	if err := Write(p, func(w io.Writer) error { io.WriteString(w, strings.Repeat("x", 1<<20)); return boom }); !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "no", "x.csv"): "does not exist",
		filepath.Join(p, "x.csv"):         "not a folder",
		dir:                               "folder",
		"":                                "no file name",
	} {
		err := Write(path, text("x"))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", path, err, want)
		}
	}
	if sum(t, p) != "old" {
		t.Error("a failed write changed the file")
	}
	if got := names(t, dir); !slices.Equal(got, []string{"out.csv"}) {
		t.Errorf("leftovers %q", got)
	}
}

// Names with spaces and letters beyond ASCII, absolute (with a drive
// letter on Windows) and relative: a new file is made and an existing one
// replaced, nothing else appears in the folder.
func TestNames(t *testing.T) {
	dir := filepath.Join(tempDir(t), "Données 2025 – ООН")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "Accord à l'ONU (vote) 東京.csv")
	for _, content := range []string{"first\n", "second\n"} {
		if err := Write(p, text(content)); err != nil {
			t.Fatal(err)
		}
		if got := sum(t, p); got != content {
			t.Errorf("content %q, want %q", got, content)
		}
	}
	if runtime.GOOS == "windows" && (len(p) < 2 || p[1] != ':') {
		t.Errorf("%s: no drive letter", p)
	}
	t.Chdir(dir)
	if err := Write("relative é.svg", text("3")); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"Accord à l'ONU (vote) 東京.csv", "relative é.svg"}) {
		t.Errorf("folder holds %q", got)
	}
}

// A file open in another program while it is replaced: on Unix the reader
// goes on reading the old content whole while the name shows the new; on
// Windows, where an open file cannot be replaced, the error says so and
// the file is unchanged. Either way nothing is left behind.
func TestReplaceOpenFile(t *testing.T) {
	dir := tempDir(t)
	p := filepath.Join(dir, "chart.csv")
	old := strings.Repeat("old line\n", 1000)
	if err := os.WriteFile(p, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 9)
	if _, err := io.ReadFull(r, head); err != nil {
		t.Fatal(err)
	}
	err = Write(p, text("new\n"))
	rest, rerr := io.ReadAll(r)
	r.Close()
	if rerr != nil || string(head)+string(rest) != old {
		t.Errorf("the reader saw %d bytes of a changed file (%v)", len(head)+len(rest), rerr)
	}
	if runtime.GOOS == "windows" {
		if err == nil || !strings.Contains(err.Error(), "another program has the file open") {
			t.Errorf("%v, want that another program has the file open", err)
		}
		if sum(t, p) != old {
			t.Error("the file changed")
		}
	} else if err != nil || sum(t, p) != "new\n" {
		t.Errorf("%v, content %q", err, sum(t, p))
	}
	if got := names(t, dir); !slices.Equal(got, []string{"chart.csv"}) {
		t.Errorf("leftovers %q", got)
	}
}
