package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"plenary/data/record"
	"plenary/data/safefile"
)

// relDumpReadOnly dumps a database opened read-only, as a backup must be
// opened to leave it unchanged.
func relDumpReadOnly(t *testing.T, path string) relSnapshot {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("opening %s read-only: %v", path, err)
	}
	defer s.Close()
	relIntegrity(t, s.db)
	return relDump(t, s.db)
}

// relDirNames lists a folder.
func relDirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// TestBackupWhileImporting backs the database up while another goroutine
// imports the full unvotes set: the import is not disturbed, and the
// backup passes CheckBackup and holds one consistent state (before or after
// the import, never a part of it).
func TestBackupWhileImporting(t *testing.T) {
	relSkipHeavy(t)
	full := relFullImport(t)
	src := relUnvotes(t)
	path := relBaseDB(t)
	s := relOpen(t, path)
	defer s.Close()
	ctx := context.Background()
	dir := t.TempDir()
	writing := make(chan struct{})
	var once bool
	errc := make(chan error, 1)
	go func() {
		_, err := s.Import(ctx, []string{src}, ImportOptions{Progress: func(p ImportProgress) {
			if p.Phase == "writing" && !once {
				once = true
				close(writing)
			}
		}})
		errc <- err
	}()
	select {
	case <-writing:
	case err := <-errc:
		t.Fatalf("the import ended before writing: %v", err)
	}
	during := filepath.Join(dir, "during.db")
	start := time.Now()
	if err := s.Backup(ctx, during); err != nil {
		t.Fatalf("backup during the import: %v", err)
	}
	t.Logf("backup during the import: %.2fs", time.Since(start).Seconds())
	if err := <-errc; err != nil {
		t.Fatalf("the import failed while a backup ran: %v", err)
	}
	after := filepath.Join(dir, "after.db")
	if err := s.Backup(ctx, after); err != nil {
		t.Fatalf("backup after the import: %v", err)
	}
	for _, b := range []string{during, after} {
		sum := relFileSum(t, b)
		if err := CheckBackup(b); err != nil {
			t.Fatalf("CheckBackup(%s): %v", filepath.Base(b), err)
		}
		got := relDumpReadOnly(t, b)
		switch {
		case got.Hash == full.before.Hash:
			t.Logf("%s: the state before the import", filepath.Base(b))
		case got.Hash == full.after.Hash:
			t.Logf("%s: the state after the import", filepath.Base(b))
		default:
			t.Errorf("%s is neither before nor after the import: %v", filepath.Base(b), got)
		}
		if b == after && got.Hash != full.after.Hash {
			t.Errorf("the backup taken after the import lacks it")
		}
		if relFileSum(t, b) != sum {
			t.Errorf("checking and reading %s changed it", filepath.Base(b))
		}
	}
	if names := relDirNames(t, dir); strings.Join(names, " ") != "after.db during.db" {
		t.Errorf("the backup folder holds %q; want only the two backups", names)
	}
}

// TestBackupRefuses checks that a backup never overwrites a file, and says
// why when it cannot be written, leaving nothing behind.
func TestBackupRefuses(t *testing.T) {
	path := relBaseDB(t)
	s := relOpen(t, path)
	defer s.Close()
	ctx := context.Background()
	dir := t.TempDir()
	existing := relWrite(t, dir, "existing.db", []byte("precious"))
	if err := s.Backup(ctx, existing); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("backup over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "precious" {
		t.Errorf("the existing file was changed")
	}
	if err := s.Backup(ctx, path); err == nil {
		t.Errorf("backup onto the database itself succeeded")
	}
	if err := s.Backup(ctx, filepath.Join(dir, "missing", "b.db")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("backup into a missing folder: %v", err)
	}
	if err := s.Backup(ctx, filepath.Join(existing, "b.db")); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("backup under a file: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Backup(cancelled, filepath.Join(dir, "cancelled.db")); err == nil {
		t.Errorf("a cancelled backup succeeded")
	}
	if names := relDirNames(t, dir); strings.Join(names, " ") != "existing.db" {
		t.Errorf("failed backups left %q", names)
	}
	// A read-only store can be backed up.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Backup(ctx, filepath.Join(dir, "ro.db")); err != nil {
		t.Errorf("backup of a read-only store: %v", err)
	}
}

// TestRestoreRoundTrip backs up, changes the database, restores: the
// database equals the backup again, the replaced one is kept aside (with
// the changes its -wal file held), and a stale -wal is not replayed into
// the restored file.
func TestRestoreRoundTrip(t *testing.T) {
	path := relBaseDB(t)
	dir := t.TempDir()
	ctx := context.Background()
	s := relOpen(t, path)
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	saved := relDump(t, s.db)
	// The backup is one self-contained file: rollback journal, not WAL
	// (header bytes 18 and 19 are 1).
	if head, err := os.ReadFile(backup); err != nil || len(head) < 100 || head[18] != 1 || head[19] != 1 {
		t.Errorf("the backup is not in rollback-journal mode (header %v)", head[16:20])
	}
	if _, err := s.RemoveSample(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePosition(ctx, record.Position{Country: "FRA", Date: "2025-03-01", Topic: "Backups", Stance: record.Supports, Summary: "after the backup"}); err != nil {
		t.Fatal(err)
	}
	changed := relDump(t, s.db)
	if changed.Hash == saved.Hash {
		t.Fatal("the changes did not change the dump")
	}
	// Leave the database as a crash would: committed changes still in the
	// -wal file. Copy both files while the store is open.
	crashed := filepath.Join(dir, "crashed.db")
	relCopyFile(t, path, crashed)
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("no -wal file while open: %v", err)
	}
	relCopyFile(t, path+"-wal", crashed+"-wal")
	s.Close()

	for _, target := range []string{path, crashed} {
		aside, err := RestoreAside(backup, target)
		if err != nil {
			t.Fatalf("Restore into %s: %v", filepath.Base(target), err)
		}
		if !strings.HasPrefix(aside, target+".before-restore-") {
			t.Errorf("the old database was moved to %q", aside)
		}
		if _, err := os.Stat(target + "-wal"); err == nil {
			t.Errorf("a -wal file is left beside the restored %s", filepath.Base(target))
		}
		if got := relDumpReadOnly(t, target); got.Hash != saved.Hash {
			t.Errorf("restored %s = %v, want the backup %v", filepath.Base(target), got, saved)
		}
		if got := relDumpReadOnly(t, aside); got.Hash != changed.Hash {
			t.Errorf("the database moved aside = %v, want the changed one %v", got, changed)
		}
		s := relOpen(t, target)
		if _, err := s.SavePosition(ctx, record.Position{Country: "DEU", Date: "2025-03-02", Topic: "Backups", Stance: record.Neutral, Summary: "restored"}); err != nil {
			t.Errorf("writing to the restored database: %v", err)
		}
		s.Close()
	}
	// Restoring into a new place works too, with nothing to move aside.
	fresh := filepath.Join(dir, "new", "plenary.db")
	if aside, err := RestoreAside(backup, fresh); err != nil || aside != "" {
		t.Fatalf("restore into a new place: %q, %v", aside, err)
	}
	if got := relDumpReadOnly(t, fresh); got.Hash != saved.Hash {
		t.Errorf("restored = %v, want %v", got, saved)
	}
	if err := Restore(backup, backup); err == nil {
		t.Errorf("restoring a backup onto itself succeeded")
	}
}

// TestRestoreRefuses checks that Restore refuses what is not a good backup
// and then changes nothing.
func TestRestoreRefuses(t *testing.T) {
	path := relBaseDB(t)
	dir := t.TempDir()
	sum := relFileSum(t, path)
	corrupt := filepath.Join(dir, "corrupt.db")
	relCopyFile(t, path, corrupt)
	b, _ := os.ReadFile(corrupt)
	for i := len(b) / 3; i < 2*len(b)/3; i++ {
		b[i] = 0x5a
	}
	os.WriteFile(corrupt, b, 0o644)
	cases := map[string]string{
		"text":    relWrite(t, dir, "notes.csv", []byte("body,symbol\nGA,A/RES/1/1\n")),
		"empty":   relWrite(t, dir, "empty.db", nil),
		"missing": filepath.Join(dir, "missing.db"),
		"corrupt": corrupt,
		"folder":  dir,
	}
	for name, src := range cases {
		err := Restore(src, path)
		if err == nil {
			t.Errorf("%s: restored", name)
			continue
		}
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Hint == "" {
			t.Errorf("%s: %v is not an *OpenError with a hint", name, err)
		}
		t.Logf("%s: %v", name, err)
	}
	if relFileSum(t, path) != sum {
		t.Errorf("a refused restore changed the database")
	}
	if matches, _ := filepath.Glob(path + ".before-restore-*"); len(matches) > 0 {
		t.Errorf("a refused restore moved the database aside: %q", matches)
	}
}

// TestWriteFileAtomic checks the safe writer as the store uses it: a complete file or the old
// one, never a part, and a clear error without leftovers when the folder is
// missing, is a file, or cannot be written.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := safefile.Write(p, write("one\n")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", st.Mode().Perm())
	}
	os.Chmod(p, 0o600)
	if err := safefile.Write(p, write("two\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two\n" {
		t.Errorf("content %q", b)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file's mode became %v", st.Mode().Perm())
	}
	// A symbolic link stays a link to the new content.
	link := filepath.Join(dir, "link.csv")
	os.Symlink(p, link)
	if err := safefile.Write(link, write("two\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	os.Remove(link)
	// A failing writer leaves the old file.
	boom := errors.New("boom")
	err := safefile.Write(p, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial ", 100000))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("the writer's error was not returned: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two\n" {
		t.Errorf("a failed write changed the file: %.20q", b)
	}
	if names := relDirNames(t, dir); strings.Join(names, " ") != "out.csv" {
		t.Errorf("leftovers: %q", names)
	}

	bad := []struct {
		name, path, want string
		skip             func() string
	}{
		{"missing_folder", filepath.Join(dir, "no", "such", "out.csv"), "does not exist", nil},
		{"file_as_folder", filepath.Join(p, "out.csv"), "not a folder", nil},
		{"folder_as_file", dir, "folder", nil},
		{"read_only_folder", "", "", nil},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			path, want := tc.path, tc.want
			if tc.name == "read_only_folder" {
				if os.Geteuid() != 0 {
					ro := filepath.Join(dir, "ro")
					os.Mkdir(ro, 0o555)
					defer os.Chmod(ro, 0o755)
					path, want = filepath.Join(ro, "out.csv"), "permission"
				} else {
					// As root, only the kernel refuses: /sys is not writable
					// (or /proc, where no file can be created).
					path, want = "/sys/plenary-reliability-test.csv", "cannot write"
					if f, err := os.CreateTemp("/sys", "probe"); err == nil {
						f.Close()
						os.Remove(f.Name())
						t.Skip("running as root and /sys is writable here")
					}
				}
			}
			err := safefile.Write(path, write("data\n"))
			if err == nil {
				t.Fatal("succeeded")
			}
			if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q lacks %q or the path", err, want)
			}
			t.Logf("%v", err)
		})
	}
	if names := relDirNames(t, dir); strings.Join(names, " ") != "out.csv" {
		t.Errorf("leftovers: %q", names)
	}
}

// TestHelperFullDisk is the child of TestWriteFileAtomicDiskFull: with a
// file size limit of 48 KiB (RLIMIT_FSIZE), it writes an export of 1 MiB
// and a backup of a larger database, and reports the errors.
func TestHelperFullDisk(t *testing.T) {
	helperMode(t, "fulldisk")
	s, err := Open(os.Getenv("PLENARY_REL_DB"), Options{ReadOnly: true})
	if err != nil {
		say("ERR open: %v", err)
		os.Exit(3)
	}
	defer s.Close()
	if err := limitFileSize(48 << 10); err != nil {
		say("ERR setrlimit: %v", err)
		os.Exit(3)
	}
	dir := os.Getenv("PLENARY_REL_DIR")
	err = safefile.Write(filepath.Join(dir, "new.csv"), func(w io.Writer) error {
		for i := range 1 << 14 {
			fmt.Fprintf(w, "row %060d\n", i) // errors are sticky: Flush reports them
		}
		return nil
	})
	say("export new: %v", err)
	err = safefile.Write(filepath.Join(dir, "old.csv"), func(w io.Writer) error {
		_, err := w.Write(make([]byte, 1<<20))
		return err
	})
	say("export old: %v", err)
	err = s.Backup(context.Background(), filepath.Join(dir, "backup.db"))
	say("backup: %v", err)
}

// TestWriteFileAtomicDiskFull simulates a full disk with a file size limit
// in a child process: exports and backups fail with a message that says
// the disk is full, and leave no file (an old file stays as it was).
func TestWriteFileAtomicDiskFull(t *testing.T) {
	path := relBaseDB(t)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() <= 64<<10 {
		t.Fatalf("the base database has %d bytes; the test needs more than 64 KiB", st.Size())
	}
	dir := t.TempDir()
	relWrite(t, dir, "old.csv", []byte("old\n"))
	p := relChild(t, "TestHelperFullDisk", "PLENARY_REL_CHILD=fulldisk", "PLENARY_REL_DB="+path, "PLENARY_REL_DIR="+dir)
	if err := p.wait(); err != nil {
		t.Fatalf("child: %v\n%q\n%s", err, p.output(), p.errb.String())
	}
	out := p.output()
	results := map[string]string{}
	for _, l := range out {
		if strings.HasPrefix(l, "ERR") {
			t.Fatalf("child: %s", l)
		}
		if k, v, ok := strings.Cut(l, ": "); ok {
			results[k] = v
		}
	}
	for _, k := range []string{"export new", "export old", "backup"} {
		v, ok := results[k]
		switch {
		case !ok:
			t.Errorf("%s: no result in %q", k, out)
		case v == "<nil>":
			t.Errorf("%s succeeded despite the file size limit", k)
		case !strings.Contains(v, "disk is full") && !strings.Contains(v, "is the disk full?"):
			t.Errorf("%s: %q does not say the disk is full", k, v)
		default:
			t.Logf("%s: %s", k, v)
		}
	}
	if names := relDirNames(t, dir); strings.Join(names, " ") != "old.csv" {
		t.Errorf("the failed writes left %q", names)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "old.csv")); string(b) != "old\n" {
		t.Errorf("old.csv changed: %.20q", b)
	}
}

// TestHelperBackup is the child of TestBackupLeftoversCleaned: it backs up
// PLENARY_REL_DB to PLENARY_REL_DEST.
func TestHelperBackup(t *testing.T) {
	helperMode(t, "backup")
	s, err := Open(os.Getenv("PLENARY_REL_DB"), Options{ReadOnly: true})
	if err != nil {
		say("ERR open: %v", err)
		os.Exit(3)
	}
	defer s.Close()
	say("started")
	say("backup: %v", s.Backup(context.Background(), os.Getenv("PLENARY_REL_DEST")))
}

// TestBackupLeftoversCleaned kills a backup of the full unvotes set while
// it writes: it leaves its hidden temporary copy (and journal) behind, and
// the next backup into that folder removes them, while the temporary file
// of a backup still running is left alone.
func TestBackupLeftoversCleaned(t *testing.T) {
	relSkipHeavy(t)
	path := relBaseDB(t)
	s := relOpen(t, path)
	if _, err := s.Import(context.Background(), []string{relUnvotes(t)}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := t.TempDir()
	killed := false
	for attempt := 0; attempt < 5 && !killed; attempt++ {
		p := relChild(t, "TestHelperBackup", "PLENARY_REL_CHILD=backup", "PLENARY_REL_DB="+path,
			"PLENARY_REL_DEST="+filepath.Join(dir, fmt.Sprintf("killed-%d.db", attempt)))
		if !p.waitFor("started", 30*time.Second) {
			t.Fatalf("the backup did not start: %q", p.output())
		}
		// Kill it once its temporary copy has grown past 1 MB.
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline) && !killed; time.Sleep(2 * time.Millisecond) {
			for _, n := range relDirNames(t, dir) {
				if st, err := os.Stat(filepath.Join(dir, n)); err == nil && strings.Contains(n, ".tmp-") && st.Size() > 1<<20 {
					p.kill()
					killed = true
					break
				}
			}
		}
		if !killed {
			p.wait()
			for _, n := range relDirNames(t, dir) {
				os.Remove(filepath.Join(dir, n))
			}
		}
	}
	if !killed {
		t.Fatal("could not kill a backup while it wrote")
	}
	left := relDirNames(t, dir)
	t.Logf("after the kill: %q", left)
	if len(left) == 0 {
		t.Fatal("the killed backup left nothing to clean")
	}
	// A temporary file in use by a running backup (locked) is kept.
	s = relOpen(t, path)
	defer s.Close()
	busy, err := os.CreateTemp(dir, ".busy.db.tmp-*")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busy.WriteString(safefile.SQLiteHeader)
	lockFile(busy)
	if err := s.Backup(context.Background(), filepath.Join(dir, "next.db")); err != nil {
		t.Fatal(err)
	}
	if names := strings.Join(relDirNames(t, dir), " "); names != filepath.Base(busy.Name())+" next.db" {
		t.Errorf("after the next backup the folder holds %q", names)
	}
}

// TestRestoreWhileImporting starts an import of the full unvotes set in
// another process and restores a backup meanwhile: the restore is refused,
// saying another program has the database open, and changes nothing; the
// import ends in the database, not in a file moved aside; once it is done
// the restore goes through.
func TestRestoreWhileImporting(t *testing.T) {
	relSkipHeavy(t)
	path := relBaseDB(t)
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	s := relOpen(t, path)
	if err := s.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	full := relFullImport(t)
	p := relChild(t, "TestHelperImport", "PLENARY_REL_CHILD=import", "PLENARY_REL_DB="+path, "PLENARY_REL_SRC="+relUnvotes(t))
	if !p.waitFor("opened", 30*time.Second) {
		t.Fatalf("the import did not start: %q %s", p.output(), p.errb.String())
	}
	aside, err := RestoreAside(backup, path)
	if !errors.Is(err, errInUse) || aside != "" {
		t.Errorf("restore during an import: %q, %v; want it refused", aside, err)
	}
	if err := p.wait(); err != nil || !slices.Contains(p.output(), "done") {
		t.Fatalf("the import: %v %q\n%s", err, p.output(), p.errb.String())
	}
	if got := relDumpFile(t, path); got.Count["votes"] != full.votes[1] {
		t.Errorf("after the import the database holds %d votes; want %d", got.Count["votes"], full.votes[1])
	}
	if names := relDirNames(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("beside the database: %q", names)
	}
	if _, err := RestoreAside(backup, path); err != nil {
		t.Errorf("restore once the import is done: %v", err)
	}
}
