package data

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelperReadOnlyFolder is the child of TestReadOnlyFolder: it opens
// PLENARY_REL_DB read-only, reads Info and the Table, and reports.
func TestHelperReadOnlyFolder(t *testing.T) {
	helperMode(t, "rofolder")
	s, err := Open(os.Getenv("PLENARY_REL_DB"), Options{ReadOnly: true})
	if err != nil {
		say("open: %v", err)
		return
	}
	defer s.Close()
	info, err := s.Info(context.Background())
	if err != nil {
		say("info: %v", err)
		return
	}
	tab, err := s.Table(context.Background())
	if err != nil {
		say("table: %v", err)
		return
	}
	say("read %d bodies, %d roll calls", len(info.Bodies), len(tab.RollCalls))
}

// TestReadOnlyFolder opens a database read-only from a folder the reader
// cannot write (as another user, when the tests run as root): it reads
// without creating a -shm or -wal file, and the bytes stay as they were;
// a database whose latest changes are still in its -wal file is refused
// with the way forward rather than read without them.
func TestReadOnlyFolder(t *testing.T) {
	base := relBaseDB(t)
	root := t.TempDir()
	dir := filepath.Join(root, "shared")
	os.Mkdir(dir, 0o755)
	os.Chmod(root, 0o755)
	os.Chmod(filepath.Dir(root), 0o755) // the test's own temporary folder
	for p := filepath.Dir(filepath.Dir(root)); p != "/"; p = filepath.Dir(p) {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm()&0o005 != 0o005 {
			t.Fatalf("%s cannot be entered by another user; the test needs a temporary folder that can", p)
		}
	}
	bin := filepath.Join(root, "data.test")
	copyExec(t, os.Args[0], bin)
	db := filepath.Join(dir, "plenary.db")
	relCopyFile(t, base, db)
	run := func() string {
		t.Helper()
		cmd := exec.Command(bin, "-test.run=^TestHelperReadOnlyFolder$", "-test.count=1")
		cmd.Env = append(os.Environ(), "PLENARY_REL_CHILD=rofolder", "PLENARY_REL_DB="+db, "HOME="+root, "GOCACHE="+root)
		if os.Geteuid() == 0 {
			runAsNobody(cmd)
		} else {
			os.Chmod(dir, 0o555)
			defer os.Chmod(dir, 0o755)
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		return string(out)
	}
	sum := relFileSum(t, db)
	if out := run(); !strings.Contains(out, "read 2 bodies") {
		t.Errorf("reading from a folder that cannot be written: %s", out)
	}
	if names := relDirNames(t, dir); strings.Join(names, " ") != "plenary.db" {
		t.Errorf("the folder holds %q", names)
	}
	if relFileSum(t, db) != sum {
		t.Error("the database changed")
	}

	// Latest changes still in the -wal file (copied while a writer holds
	// them there): refused, not read stale.
	s := relOpen(t, base)
	if _, err := s.db.Exec("PRAGMA wal_autocheckpoint = 0"); err != nil {
		t.Fatal(err)
	}
	conn, _ := s.db.Conn(context.Background())
	conn.ExecContext(context.Background(), "PRAGMA wal_autocheckpoint = 0")
	if _, err := conn.ExecContext(context.Background(), "DELETE FROM positions"); err != nil {
		t.Fatal(err)
	}
	relCopyFile(t, base, db)
	relCopyFile(t, base+"-wal", db+"-wal")
	conn.Close()
	s.Close()
	if out := run(); !strings.Contains(out, "-wal file") || !strings.Contains(out, "open: ") {
		t.Errorf("a database with changes in its -wal file: %s", out)
	}
}

// copyExec copies an executable.
func copyExec(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
