package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestOpenSpecialFiles: a FIFO or a device as the database, the backup or
// the place to restore to is refused at once, before it is opened, and
// left as it was; a missing file is created only when the caller may
// create, and an empty path is an error.
func TestOpenSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := makeFIFO(fifo); errors.Is(err, errors.ErrUnsupported) {
		t.Skip("no named pipes on this platform")
	} else if err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	backup := filepath.Join(dir, "good.db")
	s := relOpen(t, backup)
	s.Close()
	within := func(name string, fn func() error) error {
		t.Helper()
		done := make(chan error, 1)
		go func() { done <- fn() }()
		select {
		case err := <-done:
			return err
		case <-time.After(20 * time.Second):
			if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
				f.Close()
			}
			t.Fatalf("%s blocked on a FIFO", name)
			return nil
		}
	}
	for _, target := range []string{fifo, os.DevNull} {
		for _, opt := range []Options{{}, {ReadOnly: true}, {MustExist: true}} {
			err := within("Open", func() error {
				s, err := Open(target, opt)
				if err == nil {
					s.Close()
				}
				return err
			})
			if !errors.Is(err, ErrNotDatabase) {
				t.Errorf("Open(%s, %+v): %v; want ErrNotDatabase", target, opt, err)
			}
		}
		if err := within("CheckBackup", func() error { return CheckBackup(target) }); !errors.Is(err, ErrNotDatabase) {
			t.Errorf("CheckBackup(%s): %v", target, err)
		}
		if err := within("Restore", func() error { return Restore(backup, target) }); !errors.Is(err, ErrNotDatabase) {
			t.Errorf("Restore(good, %s): %v", target, err)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st, err)
	}

	missing := filepath.Join(dir, "no", "such", "folder", "x.db")
	for _, opt := range []Options{{MustExist: true}, {ReadOnly: true}} {
		if _, err := Open(missing, opt); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Open(missing, %+v): %v; want os.ErrNotExist", opt, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Error("opening a missing database created its folders")
	}
	if _, err := Open("", Options{}); err == nil {
		t.Error("Open accepted an empty path")
	}
	s = relOpen(t, missing)
	s.Close()
	if _, err := os.Stat(missing); err != nil {
		t.Errorf("Open without MustExist did not create the database: %v", err)
	}
}
