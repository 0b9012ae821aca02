package cli_test

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadCommandsNeverCreate: a command that only reads, given a database
// that does not exist, fails naming it and the way forward, and creates
// neither the file nor its folders; an empty --db is a usage error; the
// commands that write create the database.
func TestReadCommandsNeverCreate(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nonexistent", "dir", "x.db")
	for _, args := range [][]string{
		{"info"}, {"votes", "A/RES/1/1"}, {"countries"}, {"agreement", "--countries", "FRA,DEU"},
		{"abstentions"}, {"backup", filepath.Join(dir, "b.db")}, {"--read-only", "info"},
	} {
		full := append([]string{"--db", missing}, args...)
		if args[0] == "--read-only" {
			full = append([]string{"--read-only", "--db", missing}, args[1:]...)
		}
		code, _, errs := plenary(full...)
		if code != 1 || !strings.Contains(errs, "no database") || !strings.Contains(errs, missing) {
			t.Errorf("plenary %s: exit %d, %q; want an error naming the missing database", strings.Join(full, " "), code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "nonexistent")); err == nil {
		t.Fatal("a read command created the database's folders")
	}
	for _, args := range [][]string{{"--db", "", "info"}, {"--db=", "countries"}} {
		if code, _, errs := plenary(args...); code != 2 || !strings.Contains(errs, "--db needs") {
			t.Errorf("plenary %q: exit %d, %q; want a usage error", args, code, errs)
		}
	}
	created := filepath.Join(dir, "new", "plenary.db")
	plenaryOK(t, "--db", created, "sample")
	if out := plenaryOK(t, "--db", created, "info"); !strings.Contains(out, "GA") {
		t.Errorf("info after sample: %q", out)
	}
}

// TestFIFOAsDatabase: a named pipe given as the database is refused at
// once by every command instead of blocking on the open.
func TestFIFOAsDatabase(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.db")
	if err := makeFIFO(fifo); errors.Is(err, errors.ErrUnsupported) {
		t.Skip("no named pipes on this platform")
	} else if err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	for _, args := range [][]string{{"info"}, {"sample"}, {"backup", fifo + ".bak"}, {"--read-only", "info"}} {
		done := make(chan struct{})
		var code int
		var errs string
		go func() {
			code, _, errs = plenary(append([]string{"--db", fifo}, args...)...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			// Unblock the open so that the test binary can end.
			if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
				f.Close()
			}
			t.Fatalf("plenary %s on a FIFO did not return", strings.Join(args, " "))
		}
		if code != 1 || !strings.Contains(errs, "not a regular file") {
			t.Errorf("plenary %s on a FIFO: exit %d, %q", strings.Join(args, " "), code, errs)
		}
	}
}

// TestForeignDatabaseUntouched: an SQLite file of another program that
// has tables named like Plenary's (votes with a column of its own) and a
// schema version Plenary used is refused by every command, and its bytes
// stay as they were.
func TestForeignDatabaseUntouched(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "other.db")
	conn, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE countries (id INTEGER PRIMARY KEY, iso3 TEXT)`,
		`CREATE TABLE roll_calls (id INTEGER PRIMARY KEY, symbol TEXT)`,
		`CREATE TABLE votes (roll_call_id INTEGER, country_id INTEGER, vote INTEGER, weight REAL)`,
		`INSERT INTO votes VALUES (1, 1, 1, 0.5)`, `PRAGMA user_version = 2`,
	} {
		if _, err := conn.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	votes := filepath.Join(dir, "votes.csv")
	os.WriteFile(votes, []byte("body,symbol,date,country,vote\nGA,A/RES/1/1,2020-01-01,FRA,Y\n"), 0o644)
	for _, args := range [][]string{{"info"}, {"import", votes}, {"sample"}, {"backup", filepath.Join(dir, "b.db")}, {"--read-only", "info"}} {
		code, _, errs := plenary(append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errs, "not a Plenary database") {
			t.Errorf("plenary %s: exit %d, %q", strings.Join(args, " "), code, errs)
		}
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("the file's bytes changed")
	}
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(db + ext); err == nil {
			t.Errorf("%s was created", db+ext)
		}
	}
}
