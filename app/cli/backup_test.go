package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// asideFiles lists the databases restore moved aside (not their -wal and
// -shm companions, which opening one creates).
func asideFiles(db string) []string {
	all, _ := filepath.Glob(db + ".before-restore-*")
	var out []string
	for _, f := range all {
		if !strings.HasSuffix(f, "-wal") && !strings.HasSuffix(f, "-shm") {
			out = append(out, f)
		}
	}
	return out
}

// TestBackupRestoreCommands backs a database up with `plenary backup`,
// changes it, and brings it back with `plenary restore`.
func TestBackupRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plenary.db")
	backup := filepath.Join(dir, "saved.db")
	plenaryOK(t, "--db", db, "sample")
	info := func() string {
		return plenaryOK(t, "--db", db, "countries", "--format", "csv") +
			plenaryOK(t, "--db", db, "info", "--format", "csv")
	}
	before := info()

	out := plenaryOK(t, "--db", db, "backup", backup)
	if !strings.Contains(out, "backed up") || !strings.Contains(out, backup) {
		t.Errorf("backup said %q", out)
	}
	sum, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	// Never over an existing file.
	code, _, errs := plenary("--db", db, "backup", backup)
	if code != 1 || !strings.Contains(errs, "exists") {
		t.Errorf("second backup to the same file: exit %d, %q", code, errs)
	}
	if now, _ := os.ReadFile(backup); !bytes.Equal(now, sum) {
		t.Errorf("the second backup changed the first")
	}

	plenaryOK(t, "--db", db, "sample", "--remove")
	if info() == before {
		t.Fatal("removing the sample changed nothing")
	}
	out = plenaryOK(t, "--db", db, "restore", backup)
	if !strings.Contains(out, "restored") || !strings.Contains(out, "kept as "+db+".before-restore-") {
		t.Errorf("restore said %q", out)
	}
	if got := info(); got != before {
		t.Errorf("after restore:\n%s\nwant:\n%s", got, before)
	}
	aside := asideFiles(db)
	if len(aside) != 1 {
		t.Fatalf("files moved aside: %q", aside)
	}
	if strings.Contains(plenaryOK(t, "--db", aside[0], "--read-only", "info", "--format", "csv"), "SC") {
		t.Errorf("the database moved aside still has the sample's SC roll call")
	}

	// A file that is not a database is refused, and nothing changes.
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("not a database\n"), 0o644)
	code, _, errs = plenary("--db", db, "restore", notes)
	if code != 1 || !strings.Contains(errs, "not an SQLite database") {
		t.Errorf("restore of a text file: exit %d, %q", code, errs)
	}
	if got := info(); got != before {
		t.Errorf("a refused restore changed the database")
	}
	if aside2 := asideFiles(db); len(aside2) != 1 {
		t.Errorf("a refused restore moved the database aside: %q", aside2)
	}
}

// TestBackupRestoreUsage checks the commands' usage errors and help.
func TestBackupRestoreUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plenary.db")
	for _, args := range [][]string{
		{"--db", db, "backup"},
		{"--db", db, "backup", "a.db", "b.db"},
		{"--db", db, "restore"},
		{"--db", db, "--read-only", "restore", "x.db"},
	} {
		if code, _, errs := plenary(args...); code != 2 || !strings.Contains(errs, "usage:") {
			t.Errorf("plenary %s: exit %d, %q; want a usage error", strings.Join(args, " "), code, errs)
		}
	}
	// No database yet: nothing to back up, and none is created.
	if code, _, errs := plenary("--db", db, "backup", filepath.Join(dir, "b.db")); code != 1 || !strings.Contains(errs, "no database") {
		t.Errorf("backup without a database: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("backup created the database")
	}
	for _, name := range []string{"backup", "restore"} {
		out := plenaryOK(t, "help", name)
		if !strings.Contains(out, "usage: plenary [--db PATH] "+name+" FILE") {
			t.Errorf("help %s: %q", name, out)
		}
	}
	if out := plenaryOK(t, "help"); !strings.Contains(out, "backup") || !strings.Contains(out, "restore") {
		t.Errorf("the command list lacks backup or restore:\n%s", out)
	}
}
