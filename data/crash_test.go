package data

// Crash safety and two processes: the test binary re-executes itself as a
// child process (TestHelper… with PLENARY_REL_CHILD set) that imports,
// saves positions or reads, and the parent kills it with SIGKILL or works
// on the same file at the same time.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"plenary/data/record"
)

// relFull is the state of the base database (relBaseDB) before and after
// importing the whole ../shared/data/unvotes set, computed once per test
// binary: the full import takes seconds.
type relFullState struct {
	once          sync.Once
	ok            bool
	before, after relSnapshot
	votes         [2]int // count of votes before, after
	rollCalls     [2]int
	countries     [2]int // countries with at least one vote
}

var relFull relFullState

// relFullImport returns relFull, importing the unvotes set the first time.
func relFullImport(t *testing.T) *relFullState {
	t.Helper()
	src := relUnvotes(t)
	relFull.once.Do(func() {
		path := relBaseDB(t)
		s := relOpen(t, path)
		defer s.Close()
		ctx := context.Background()
		counts := func(i int) {
			if err := s.db.QueryRow("SELECT count(*) FROM votes").Scan(&relFull.votes[i]); err != nil {
				t.Fatal(err)
			}
			if err := s.db.QueryRow("SELECT count(*) FROM roll_calls").Scan(&relFull.rollCalls[i]); err != nil {
				t.Fatal(err)
			}
			if err := s.db.QueryRow("SELECT count(DISTINCT country_id) FROM votes").Scan(&relFull.countries[i]); err != nil {
				t.Fatal(err)
			}
		}
		relFull.before = relDump(t, s.db)
		counts(0)
		start := time.Now()
		if _, err := s.Import(ctx, []string{src}, ImportOptions{}); err != nil {
			t.Fatalf("importing unvotes: %v", err)
		}
		t.Logf("reference import of unvotes: %.1fs", time.Since(start).Seconds())
		relFull.after = relDump(t, s.db)
		counts(1)
		relFull.ok = true
	})
	if !relFull.ok {
		t.Fatal("the reference import failed in an earlier test")
	}
	return &relFull
}

// relSkipHeavy skips the tests that import the whole unvotes set under
// -short, and under -race, which makes that import take minutes.
func relSkipHeavy(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skips the tests that import the whole unvotes set")
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" && s.Value == "true" {
				t.Skip("-race: the whole unvotes import takes minutes; these tests run without -race")
			}
		}
	}
}

// relUnvotes is the unvotes folder of the shared data.
func relUnvotes(t testing.TB) string {
	t.Helper()
	relSharedFile(t, "unvotes", "votes.csv")
	return filepath.Join(relShared(t), "unvotes")
}

// relChild starts the test binary as a helper process running the named
// TestHelper test, with env added; its stdout is read line by line into
// lines, which is closed at EOF.
type relProc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
	eof   chan struct{} // closed when stdout reaches its end
	mu    sync.Mutex
	all   []string
	errb  strings.Builder
}

func relChild(t *testing.T, test string, env ...string) *relProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1", "-test.timeout=180s")
	cmd.Env = append(append(os.Environ(), "CI="+os.Getenv("CI")), env...)
	p := &relProc{cmd: cmd, lines: make(chan string, 1<<16), eof: make(chan struct{})}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = &p.errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(p.eof)
		defer close(p.lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.all = append(p.all, line)
			p.mu.Unlock()
			select {
			case p.lines <- line:
			default: // nobody is waiting for lines; output() keeps them
			}
		}
	}()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.kill()
		}
	})
	return p
}

// wait waits for the child to exit, after reading all it wrote.
func (p *relProc) wait() error {
	select {
	case <-p.eof:
	case <-time.After(120 * time.Second):
		p.cmd.Process.Kill()
	}
	return p.cmd.Wait()
}

// kill kills the child with SIGKILL and waits for it.
func (p *relProc) kill() {
	p.cmd.Process.Kill()
	p.wait()
}

// output is every line the child has written so far.
func (p *relProc) output() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.all...)
}

// waitFor reads lines until one starts with prefix; false at EOF or after
// the timeout.
func (p *relProc) waitFor(prefix string, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				return false
			}
			if strings.HasPrefix(line, prefix) {
				return true
			}
		case <-deadline:
			return false
		}
	}
}

// helperMode reports whether this process is the helper named mode, and
// skips the test otherwise.
func helperMode(t *testing.T, mode string) {
	if os.Getenv("PLENARY_REL_CHILD") != mode {
		t.Skip("helper process of the reliability tests; runs only when started by them")
	}
}

// say writes a line to the parent at once.
func say(format string, args ...any) {
	fmt.Fprintf(os.Stdout, format+"\n", args...)
}

// TestHelperImport is the child of TestCrashDuringImport: it imports
// PLENARY_REL_SRC into PLENARY_REL_DB and tells the parent each phase.
func TestHelperImport(t *testing.T) {
	helperMode(t, "import")
	s, err := Open(os.Getenv("PLENARY_REL_DB"), Options{})
	if err != nil {
		say("ERR open: %v", err)
		os.Exit(3)
	}
	say("opened")
	var phase string
	opt := ImportOptions{Progress: func(p ImportProgress) {
		if p.Phase != phase {
			phase = p.Phase
			say("phase %s", phase)
		}
		if p.Phase == "writing" && p.ToWrite > 0 && p.Written == p.ToWrite {
			say("written") // what remains: the last votes, the import log, COMMIT
		}
	}}
	if _, err := s.Import(context.Background(), []string{os.Getenv("PLENARY_REL_SRC")}, opt); err != nil {
		say("ERR import: %v", err)
		os.Exit(3)
	}
	say("done")
	s.Close()
}

// TestCrashDuringImport kills an import of the full unvotes set (into a
// database that holds the sample and feb2025) with SIGKILL at several
// points, reopens the database and checks it: PRAGMA integrity_check is ok
// and the content equals the state before the import or after the whole
// import, never a mix.
func TestCrashDuringImport(t *testing.T) {
	relSkipHeavy(t)
	full := relFullImport(t)
	src := relUnvotes(t)
	points := []struct {
		name  string
		after time.Duration // kill this long after start…
		phase string        // …or as soon as the child says this
		want  string        // "before" or "after" when only one is right
	}{
		{name: "after_0.3s", after: 300 * time.Millisecond},
		{name: "after_1s", after: time.Second},
		{name: "after_2s", after: 2 * time.Second},
		{name: "writing_started", phase: "phase writing", want: "before"},
		{name: "during_commit", phase: "written"},
		{name: "after_commit", phase: "done", want: "after"}, // committed, not yet checkpointed or closed
	}
	outcomes := map[string]int{}
	for _, pt := range points {
		t.Run(pt.name, func(t *testing.T) {
			path := relBaseDB(t)
			p := relChild(t, "TestHelperImport", "PLENARY_REL_CHILD=import", "PLENARY_REL_DB="+path, "PLENARY_REL_SRC="+src)
			if !p.waitFor("opened", 30*time.Second) {
				t.Fatalf("the child did not open the database: %q %s", p.output(), p.errb.String())
			}
			if pt.phase != "" {
				if !p.waitFor(pt.phase, 60*time.Second) {
					t.Fatalf("the child never said %q: %q", pt.phase, p.output())
				}
			} else {
				time.Sleep(pt.after)
			}
			p.kill()
			out := p.output()
			last := ""
			if len(out) > 0 {
				last = out[len(out)-1]
			}
			for _, l := range out {
				if strings.HasPrefix(l, "ERR") {
					t.Fatalf("the child failed before the kill: %s", l)
				}
			}
			got := relDumpFile(t, path)
			state := ""
			switch got.Hash {
			case full.before.Hash:
				state = "before"
			case full.after.Hash:
				state = "after"
			default:
				t.Fatalf("after the crash the database is neither before nor after the import:\n got    %v\n before %v\n after  %v",
					got, full.before, full.after)
			}
			outcomes[state]++
			t.Logf("killed (last said %q): the database is as %s the import", last, state)
			if pt.want != "" && state != pt.want {
				t.Errorf("the database is as %s the import; want %s", state, pt.want)
			}
		})
	}
	t.Logf("outcomes: %v", outcomes)
}

// relQuote is the quote the position child writes for row i at version v:
// long enough to span several database pages, and checkable.
func relQuote(i, v int) string {
	return strings.Repeat(fmt.Sprintf("%d.%d|", i, v), 600)
}

// TestHelperSavePositions is the child of TestCrashWhileSavingPositions: it
// adds positions and updates earlier ones until killed, saying each one
// once it is saved.
func TestHelperSavePositions(t *testing.T) {
	helperMode(t, "positions")
	s, err := Open(os.Getenv("PLENARY_REL_DB"), Options{})
	if err != nil {
		say("ERR open: %v", err)
		os.Exit(3)
	}
	say("opened")
	ctx := context.Background()
	ids := map[int]int64{}
	isos := []string{"FRA", "DEU", "BRA", "IND", "ZAF", "JPN"}
	for i := 1; i < 1_000_000; i++ {
		p := record.Position{Country: isos[i%len(isos)], Date: "2025-03-01", Topic: "Crash safety", Stance: record.Supports,
			Summary: fmt.Sprintf("crash test %d", i), Quote: relQuote(i, 0), Source: "v0"}
		id, err := s.SavePosition(ctx, p)
		if err != nil {
			say("ERR save: %v", err)
			os.Exit(3)
		}
		ids[i] = id
		say("saved %d %d", i, 0)
		if i%3 == 0 {
			j := i / 2
			p.ID, p.Country, p.Summary = ids[j], isos[j%len(isos)], fmt.Sprintf("crash test %d", j)
			p.Quote, p.Source = relQuote(j, i), fmt.Sprintf("v%d", i)
			if _, err := s.SavePosition(ctx, p); err != nil {
				say("ERR update: %v", err)
				os.Exit(3)
			}
			say("saved %d %d", j, i)
		}
	}
}

// TestCrashWhileSavingPositions kills a process that saves positions in a
// loop: every position it reported saved is there, every row is complete
// (its quote matches its version), and integrity_check is ok.
func TestCrashWhileSavingPositions(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, after := range []time.Duration{150 * time.Millisecond, 800 * time.Millisecond} {
		t.Run(after.String(), func(t *testing.T) {
			path := relBaseDB(t)
			p := relChild(t, "TestHelperSavePositions", "PLENARY_REL_CHILD=positions", "PLENARY_REL_DB="+path)
			if !p.waitFor("opened", 30*time.Second) {
				t.Fatalf("the child did not open the database: %q %s", p.output(), p.errb.String())
			}
			time.Sleep(after)
			p.kill()
			acked := map[int]int{} // row -> newest version the child reported saved
			for _, l := range p.output() {
				if strings.HasPrefix(l, "ERR") {
					t.Fatalf("the child failed: %s", l)
				}
				var i, v int
				if n, _ := fmt.Sscanf(l, "saved %d %d", &i, &v); n == 2 {
					acked[i] = max(acked[i], v)
				}
			}
			if len(acked) == 0 {
				t.Fatalf("the child saved nothing before the kill: %q", p.output())
			}
			s := relOpen(t, path)
			defer s.Close()
			relIntegrity(t, s.db)
			rows, err := s.db.Query(`SELECT summary, quote, source FROM positions WHERE summary LIKE 'crash test %'`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			stored := map[int]int{}
			for rows.Next() {
				var sum, quote, source string
				if err := rows.Scan(&sum, &quote, &source); err != nil {
					t.Fatal(err)
				}
				i, err1 := strconv.Atoi(strings.TrimPrefix(sum, "crash test "))
				v, err2 := strconv.Atoi(strings.TrimPrefix(source, "v"))
				if err1 != nil || err2 != nil || quote != relQuote(i, v) {
					t.Fatalf("incomplete row: %q, source %q, quote of %d bytes", sum, source, len(quote))
				}
				stored[i] = v
			}
			for i, v := range acked {
				got, ok := stored[i]
				if !ok {
					t.Errorf("position %d was reported saved but is gone", i)
				} else if got < v {
					t.Errorf("position %d: version %d was reported saved, the database has %d", i, v, got)
				}
			}
			t.Logf("%d positions reported saved, %d in the database after the kill", len(acked), len(stored))
		})
	}
}

// TestHelperReader is the child of TestTwoProcesses: until its stdin
// closes it opens the database, reads Info, a count and the Table, and
// reports what it saw.
func TestHelperReader(t *testing.T) {
	helperMode(t, "reader")
	path := os.Getenv("PLENARY_REL_DB")
	stop := make(chan struct{})
	go func() {
		io.Copy(io.Discard, os.Stdin)
		close(stop)
	}()
	ctx := context.Background()
	for n := 0; ; n++ {
		select {
		case <-stop:
			say("stopped")
			return
		default:
		}
		s, err := Open(path, Options{ReadOnly: n%2 == 1})
		if err != nil {
			say("ERR open: %v", err)
			continue
		}
		info, err := s.Info(ctx)
		if err != nil {
			say("ERR info: %v", err)
			s.Close()
			continue
		}
		iv, ir := 0, 0
		for _, b := range info.Bodies {
			iv += b.Votes
			ir += b.RollCalls
		}
		var count int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM votes").Scan(&count); err != nil {
			say("ERR count: %v", err)
			s.Close()
			continue
		}
		// The table twice per open, as the app recomputes charts.
		for range 2 {
			tab, err := s.Table(ctx)
			if err != nil {
				say("ERR table: %v", err)
				break
			}
			cells := 0
			for _, row := range tab.Votes {
				for _, v := range row {
					if v != record.None {
						cells++
					}
				}
			}
			say("read info=%d/%d count=%d table=%d/%d/%d", iv, ir, count, len(tab.RollCalls), cells, len(tab.Countries))
		}
		s.Close()
	}
}

// TestTwoProcesses runs a reader process while this one imports the full
// unvotes set into the same file: neither side meets "database is locked",
// and every read sees the data before or after the import, never a mix.
func TestTwoProcesses(t *testing.T) {
	relSkipHeavy(t)
	full := relFullImport(t)
	src := relUnvotes(t)
	path := relBaseDB(t)
	s := relOpen(t, path)
	defer s.Close()
	p := relChild(t, "TestHelperReader", "PLENARY_REL_CHILD=reader", "PLENARY_REL_DB="+path)
	if !p.waitFor("read ", 30*time.Second) {
		t.Fatalf("the reader did not start: %q %s", p.output(), p.errb.String())
	}
	start := time.Now()
	if _, err := s.Import(context.Background(), []string{src}, ImportOptions{}); err != nil {
		t.Fatalf("import while another process reads: %v", err)
	}
	t.Logf("import while reading: %.1fs", time.Since(start).Seconds())
	// Let the reader see the new state a few times, then stop it.
	after := fmt.Sprintf("read info=%d/", full.votes[1])
	seen := 0
	deadline := time.After(60 * time.Second)
wait:
	for seen < 1 {
		select {
		case l, ok := <-p.lines:
			if !ok {
				break wait
			}
			if strings.HasPrefix(l, after) {
				seen++
			}
		case <-deadline:
			break wait
		}
	}
	p.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- p.wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("reader: %v\n%s", err, p.errb.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the reader did not stop")
	}
	if seen == 0 {
		t.Errorf("the reader never saw the imported data")
	}
	states := map[string]int{}
	for _, l := range p.output() {
		if strings.HasPrefix(l, "ERR") {
			t.Errorf("reader: %s", l)
			continue
		}
		var iv, ir, count, tr, tc, tn int
		if n, _ := fmt.Sscanf(l, "read info=%d/%d count=%d table=%d/%d/%d", &iv, &ir, &count, &tr, &tc, &tn); n != 6 {
			continue
		}
		for i, name := range []string{"before", "after"} {
			if iv == full.votes[i] && ir == full.rollCalls[i] {
				states["info "+name]++
			}
			if count == full.votes[i] {
				states["count "+name]++
			}
			if tr == full.rollCalls[i] && tc == full.votes[i] && tn == full.countries[i] {
				states["table "+name]++
			}
		}
		okInfo := (iv == full.votes[0] && ir == full.rollCalls[0]) || (iv == full.votes[1] && ir == full.rollCalls[1])
		okCount := count == full.votes[0] || count == full.votes[1]
		okTable := (tr == full.rollCalls[0] && tc == full.votes[0] && tn == full.countries[0]) ||
			(tr == full.rollCalls[1] && tc == full.votes[1] && tn == full.countries[1])
		if !okInfo || !okCount || !okTable {
			t.Errorf("a read saw a mix: %s (before: %d votes, %d roll calls, %d countries; after: %d, %d, %d)", l,
				full.votes[0], full.rollCalls[0], full.countries[0], full.votes[1], full.rollCalls[1], full.countries[1])
		}
	}
	t.Logf("reads: %v", states)
}
