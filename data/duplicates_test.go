package data

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelperImportFile is a child of TestMillionsOfDuplicates: it imports
// PLENARY_REL_SRC into PLENARY_REL_DB and prints the report's figures and
// its warnings.
func TestHelperImportFile(t *testing.T) {
	helperMode(t, "importfile")
	s, err := Open(os.Getenv("PLENARY_REL_DB"), Options{})
	if err != nil {
		say("ERR open: %v", err)
		os.Exit(3)
	}
	defer s.Close()
	rep, err := s.Import(context.Background(), []string{os.Getenv("PLENARY_REL_SRC")}, ImportOptions{})
	if err != nil {
		say("ERR import: %v", err)
		os.Exit(3)
	}
	say("rows=%d rollcalls=%d votes=%d warnings=%d", rep.Rows, rep.RollCalls.Added, rep.Votes.Added, len(rep.Warnings))
	for _, w := range rep.Warnings {
		say("warning: %s", w)
	}
}

// TestMillionsOfDuplicates imports a file of 2,000,000 rows that all give
// the same country's vote on the same roll call (128 MB): the import keeps
// the one vote, keeps ten warnings and counts the rest in one line, peaks
// below 400 MB of memory (the child's peak resident set), and the
// database grows by the one vote and a short log entry.
func TestMillionsOfDuplicates(t *testing.T) {
	relSkipHeavy(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "duplicates.csv")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("body,symbol,date,country,vote,title\n")
	const n = 2_000_000
	for range n {
		w.WriteString("GA,A/RES/99/1,2030-01-01,FRA,Y,The same row once more and again\n")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if st, err := os.Stat(src); err == nil {
		t.Logf("%d rows, %d MB", n, st.Size()/1e6)
	}
	db := relBaseDB(t)
	size := func() int64 {
		var n int64
		for _, ext := range []string{"", "-wal"} {
			if st, err := os.Stat(db + ext); err == nil {
				n += st.Size()
			}
		}
		return n
	}
	before := size()
	p := relChild(t, "TestHelperImportFile", "PLENARY_REL_CHILD=importfile", "PLENARY_REL_DB="+db, "PLENARY_REL_SRC="+src)
	if err := p.wait(); err != nil {
		t.Fatalf("child: %v\n%q\n%s", err, p.output(), p.errb.String())
	}
	out := p.output()
	peak, ok := peakMiB(p.cmd.ProcessState)
	if !ok {
		t.Skip("this platform reports no peak resident set")
	}
	t.Logf("peak resident set %d MiB; database %d → %d bytes", peak, before, size())
	if peak > 400 {
		t.Errorf("the import peaked at %d MiB", peak)
	}
	if len(out) == 0 || out[0] != fmt.Sprintf("rows=%d rollcalls=1 votes=1 warnings=11", n) {
		t.Fatalf("report: %q", out)
	}
	var summary []string
	for _, l := range out {
		if strings.Contains(l, "more like this") {
			summary = append(summary, l)
		}
	}
	if len(summary) != 1 || !strings.Contains(summary[0], "… and 1,999,989 more like this: A/RES/99/1: FRA is listed twice") {
		t.Errorf("the warnings do not count the rest in one line: %q", out)
	}
	if grown := size() - before; grown > 64<<10 {
		t.Errorf("the database grew by %d bytes to keep one vote", grown)
	}
}
