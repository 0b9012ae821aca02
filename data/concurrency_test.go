package data

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHelperOpenRead is a child of TestManyReaders: it opens the database
// as a command does (read-write, every third time read-only), reads Info
// and the Table, and closes it, PLENARY_REL_RUNS times, and with
// PLENARY_REL_UNTIL_EOF set also until its standard input is closed; it
// prints one "ERR" line per failure and "done N" at the end.
func TestHelperOpenRead(t *testing.T) {
	helperMode(t, "openread")
	path := os.Getenv("PLENARY_REL_DB")
	runs, _ := strconv.Atoi(os.Getenv("PLENARY_REL_RUNS"))
	stop := make(chan struct{})
	if os.Getenv("PLENARY_REL_UNTIL_EOF") != "" {
		go func() {
			io.Copy(io.Discard, os.Stdin)
			close(stop)
		}()
	} else {
		close(stop)
	}
	ctx := context.Background()
	n := 0
	for ; n < runs || !closed(stop); n++ {
		s, err := Open(path, Options{ReadOnly: n%3 == 2})
		if err != nil {
			say("ERR open: %v", err)
			continue
		}
		if _, err := s.Info(ctx); err != nil {
			say("ERR info: %v", err)
		}
		if _, err := s.Table(ctx); err != nil {
			say("ERR table: %v", err)
		}
		s.Close()
	}
	say("done %d", n)
}

func closed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// TestManyReaders starts 10 processes at once, each opening and reading a
// database 30 times, first on a closed database in rollback-journal mode
// (no -wal or -shm file yet, as after a restore), then while this process imports the full unvotes
// set into it: no read may fail, with "database is locked" or otherwise.
func TestManyReaders(t *testing.T) {
	relSkipHeavy(t)
	path := relBaseDB(t)
	// As a restored backup of an earlier Plenary is: in rollback-journal
	// mode, which the first process to open it read-write turns to WAL
	// while the others wait, and without the application id, which they
	// all stamp.
	relExec(t, path, "PRAGMA journal_mode = DELETE", "PRAGMA application_id = 0")
	for _, ext := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + ext); err == nil {
			t.Fatalf("%s is left after closing", path+ext)
		}
	}
	readers := func(env ...string) []*relProc {
		var ps []*relProc
		for range 10 {
			ps = append(ps, relChild(t, "TestHelperOpenRead", append(env, "PLENARY_REL_CHILD=openread", "PLENARY_REL_DB="+path, "PLENARY_REL_RUNS=30")...))
		}
		return ps
	}
	check := func(phase string, ps []*relProc) {
		var wg sync.WaitGroup
		for _, p := range ps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := p.wait(); err != nil {
					t.Errorf("%s: a reader failed: %v\n%s", phase, err, p.errb.String())
				}
			}()
		}
		wg.Wait()
		failed, runs := 0, 0
		for _, p := range ps {
			done := false
			for _, l := range p.output() {
				var n int
				if _, err := fmt.Sscanf(l, "done %d", &n); err == nil {
					done = true
					runs += n
				}
				if strings.HasPrefix(l, "ERR") {
					failed++
					if failed <= 5 {
						t.Errorf("%s: %s", phase, l)
					}
				}
			}
			if !done {
				t.Errorf("%s: a reader did not finish: %q", phase, p.output())
			}
		}
		if failed > 0 {
			t.Errorf("%s: %d of %d runs failed", phase, failed, runs)
		}
		t.Logf("%s: %d runs", phase, runs)
	}
	check("closed database", readers())

	s := relOpen(t, path)
	defer s.Close()
	ps := readers("PLENARY_REL_UNTIL_EOF=1")
	start := time.Now()
	_, err := s.Import(context.Background(), []string{relUnvotes(t)}, ImportOptions{})
	for _, p := range ps {
		p.stdin.Close()
	}
	if err != nil {
		t.Fatalf("import while 10 processes read: %v", err)
	}
	t.Logf("import while reading: %.1fs", time.Since(start).Seconds())
	check("during an import", ps)
}
