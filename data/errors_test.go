package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamageExplained: a Plenary database damaged by hand — a table
// dropped, a vote that refers to no roll call, text in an integer column —
// gives an error that says the database is damaged and to restore a
// backup, never the engine's words alone; and nothing is written.
func TestDamageExplained(t *testing.T) {
	base := relBaseDB(t)
	dir := t.TempDir()
	ctx := context.Background()
	damaged := func(name string, stmts ...string) string {
		p := filepath.Join(dir, name)
		relCopyFile(t, base, p)
		relExec(t, p, stmts...)
		return p
	}
	raw := []string{"SQL logic error", "FOREIGN KEY", "Scan error", "constraint failed"}
	check := func(t *testing.T, err error) {
		t.Helper()
		var oe *OpenError
		if !errors.Is(err, ErrCorrupt) || !errors.As(err, &oe) || !strings.Contains(oe.Hint, "restore a backup") {
			t.Fatalf("%v; want ErrCorrupt with the way forward", err)
		}
		for _, r := range raw {
			if strings.HasPrefix(oe.Err.Error(), r) {
				t.Errorf("the error leads with the engine's words: %v", err)
			}
		}
	}
	t.Run("table_dropped", func(t *testing.T) {
		p := damaged("dropped.db", "DROP TABLE positions")
		sum := relFileSum(t, p)
		for _, ro := range []bool{false, true} {
			_, err := Open(p, Options{ReadOnly: ro})
			check(t, err)
		}
		if relFileSum(t, p) != sum {
			t.Error("the file changed")
		}
	})
	t.Run("orphan_vote", func(t *testing.T) {
		p := damaged("orphan.db", "PRAGMA foreign_keys = OFF",
			"INSERT INTO votes (roll_call_id, country_id, vote) VALUES (999999, (SELECT min(id) FROM countries), 1)")
		s := relOpen(t, p)
		defer s.Close()
		_, err := s.Table(ctx)
		check(t, err)
	})
	t.Run("text_in_integer_column", func(t *testing.T) {
		p := damaged("text.db", "UPDATE roll_calls SET flags = 'many' WHERE id = (SELECT min(id) FROM roll_calls)")
		s := relOpen(t, p)
		defer s.Close()
		_, err := s.Table(ctx)
		check(t, err)
		_, err = s.FindRollCalls(ctx, "#1")
		if err != nil {
			check(t, err)
		}
	})
}

// TestHelperDiskFull is the child of TestDiskFullExplained: under a file
// size limit (RLIMIT_FSIZE) standing in for a full disk, it imports
// PLENARY_REL_SRC into PLENARY_REL_DB, then opens it read-only (which
// needs a -shm file of 32 KiB) and reads Info, and reports both errors.
func TestHelperDiskFull(t *testing.T) {
	helperMode(t, "diskfull")
	path := os.Getenv("PLENARY_REL_DB")
	s, err := Open(path, Options{})
	if err != nil {
		say("ERR open: %v", err)
		os.Exit(3)
	}
	if err := limitFileSize(256 << 10); err != nil {
		say("ERR setrlimit: %v", err)
		os.Exit(3)
	}
	_, err = s.Import(context.Background(), []string{os.Getenv("PLENARY_REL_SRC")}, ImportOptions{})
	say("import: %v", err)
	s.Close()
	for _, ext := range []string{"-wal", "-shm"} {
		os.Remove(path + ext)
	}
	limitFileSize(16 << 10)
	s, err = Open(path, Options{ReadOnly: true})
	if err == nil {
		_, err = s.Info(context.Background())
		s.Close()
	}
	say("read-only info: %v", err)
}

// TestDiskFullExplained: an import and a read-only read on a full disk
// (a file size limit in a child process) fail saying the disk is full and
// what to do, not with the engine's "disk I/O error" codes, and the
// database holds what it held.
func TestDiskFullExplained(t *testing.T) {
	path := relBaseDB(t)
	before := relDumpFile(t, path)
	p := relChild(t, "TestHelperDiskFull", "PLENARY_REL_CHILD=diskfull", "PLENARY_REL_DB="+path,
		"PLENARY_REL_SRC="+relSharedFile(t, "unga2025", "votes.csv"))
	if err := p.wait(); err != nil {
		t.Fatalf("child: %v\n%q\n%s", err, p.output(), p.errb.String())
	}
	results := map[string]string{}
	for _, l := range p.output() {
		if strings.HasPrefix(l, "ERR") {
			t.Fatalf("child: %s", l)
		}
		if k, v, ok := strings.Cut(l, ": "); ok {
			results[k] = v
		}
	}
	for _, k := range []string{"import", "read-only info"} {
		v, ok := results[k]
		switch {
		case !ok:
			t.Errorf("%s: no result in %q", k, p.output())
		case v == "<nil>":
			t.Errorf("%s succeeded despite the file size limit", k)
		case !strings.Contains(v, "disk is full") || strings.Contains(v, "(778)") || strings.Contains(v, "(4874)"):
			t.Errorf("%s: %q does not say the disk is full, or shows the engine's code", k, v)
		default:
			t.Logf("%s: %s", k, v)
		}
	}
	if after := relDumpFile(t, path); after.Hash != before.Hash {
		t.Errorf("the database changed: %v → %v", before, after)
	}
}
