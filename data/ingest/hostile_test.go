package ingest_test

// Hostile input at the parser level: what no file may do to Parse and Plan
// (exhaust memory, hang, panic, hide where the problem is), without a
// database. The same files through Store.Import are in
// plenary/data/reliability_test.go.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"plenary/data/ingest"
)

// TestSeedsParse checks that every fuzz seed is a valid file of its format
// and that the variants other programs write (byte-order mark, CRLF,
// semicolons) read as the same batch.
func TestSeedsParse(t *testing.T) {
	summary := func(b *ingest.Batch) string {
		var s strings.Builder
		for _, rc := range b.RollCalls {
			fmt.Fprintf(&s, "%s|%s|%s|%s|%v|%v|%v\n", rc.Body, rc.Symbol, rc.Date, rc.Title, rc.Topics, rc.Published, rc.Votes)
		}
		for _, p := range b.Positions {
			fmt.Fprintf(&s, "%+v\n", p.Position)
		}
		for _, v := range b.Vetoes {
			fmt.Fprintf(&s, "%+v %d\n", v.Veto, v.Seq)
		}
		return s.String()
	}
	for format, seeds := range seedsByFormat {
		for i, seed := range seeds {
			var want string
			for j, v := range variants(seed) {
				b, err := parseFS(t, format, []string{"seed.csv"}, []byte(v))
				if err != nil {
					t.Errorf("%s seed %d variant %d: %v", format, i, j, err)
					continue
				}
				if len(b.RollCalls)+len(b.Positions)+len(b.Vetoes) == 0 {
					t.Errorf("%s seed %d: nothing read", format, i)
				}
				if j == 0 {
					want = summary(b)
				} else if got := summary(b); got != want {
					t.Errorf("%s seed %d variant %d reads differently:\n%s\nwant\n%s", format, i, j, got, want)
				}
			}
		}
	}
	for j, v := range variants(seedUnvotesVotes) {
		if _, err := parseFS(t, ingest.FormatUnvotes, []string{"roll_calls.csv", "votes.csv", "issues.csv"},
			[]byte(seedUnvotesRollCalls), []byte(v), []byte(seedUnvotesIssues)); err != nil {
			t.Errorf("unvotes variant %d: %v", j, err)
		}
	}
}

// generated is a file of an in-memory file system whose content is made
// while it is read: a head, then n bytes of a repeating pattern, then a
// tail. It lets a test feed a parser 50 MB without holding 50 MB.
type generated struct {
	head, pattern, tail string
	n                   int64
	pos                 int64
	fail                error // returned once the pattern is half read, when set
	endless             bool
}

func (g *generated) Read(p []byte) (int, error) {
	h, n := int64(len(g.head)), g.n
	total := h + n + int64(len(g.tail))
	if g.endless {
		total = 1 << 62
	}
	if g.pos >= total {
		return 0, io.EOF
	}
	if g.fail != nil && g.pos >= h+n/2 {
		return 0, g.fail
	}
	k := 0
	for k < len(p) && g.pos < total {
		switch {
		case g.pos < h:
			p[k] = g.head[g.pos]
		case g.pos < h+n || g.endless:
			p[k] = g.pattern[(g.pos-h)%int64(len(g.pattern))]
		default:
			p[k] = g.tail[g.pos-h-n]
		}
		k++
		g.pos++
	}
	return k, nil
}

func (g *generated) Stat() (fs.FileInfo, error) { return nil, errors.ErrUnsupported }
func (g *generated) Close() error               { return nil }

// genFS serves one generated file.
type genFS struct{ f *generated }

func (g genFS) Open(name string) (fs.File, error) { return g.f, nil }

// peakHeap runs fn while sampling the heap each millisecond and returns how
// far the live heap rose.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapAlloc, ms.HeapAlloc
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	fn()
	close(stop)
	<-done
	return peak - base
}

// TestHostileBigFields feeds every parser a 50 MB field, on one line and
// as a quoted field spanning lines: each stops with an error at the line
// where the field starts, with a bounded heap.
func TestHostileBigFields(t *testing.T) {
	heads := map[ingest.Format]string{
		ingest.FormatUNDL:      "undl_id,ms_code,ms_vote,date,resolution,title\n1,FRA,Y,2024-01-01,A/RES/1/1,",
		ingest.FormatVoeten:    "rcid,vote,ccode,unres\n3,1,2,",
		ingest.FormatPlenary:   "body,symbol,country,vote,title\nGA,A/RES/1/1,FRA,Y,",
		ingest.FormatRollCalls: "symbol,date,title\nA/RES/1/1,2024-01-01,",
		ingest.FormatPositions: "country,date,topic,stance,summary\nFRA,2024-01-01,t,supports,",
		ingest.FormatVetoes:    "date,draft,member_veto1,agenda_item\n2022-07-08,S/2022/538,Russia,",
		ingest.FormatFailed:    "draft_seq,year,voting_on,country_iso3,vote,note\n1,2022,S/2022/538,RUS,N,",
	}
	for format, head := range heads {
		for _, quoted := range []bool{false, true} {
			name := fmt.Sprintf("%s/quoted=%v", format, quoted)
			t.Run(name, func(t *testing.T) {
				g := &generated{head: head, pattern: "x", tail: "\n", n: 50 << 20}
				if quoted {
					g.head += `"`
					g.pattern = strings.Repeat("y", 79) + "\n"
					g.tail = "\"\n"
				}
				var err error
				growth := peakHeap(func() {
					_, err = parseWithin(t, ingest.Source{Format: format, Files: []string{"big.csv"}, Size: 50 << 20, FS: genFS{g}})
				})
				t.Logf("peak heap growth %.1f MiB: %v", float64(growth)/(1<<20), err)
				var ie *ingest.Error
				if !errors.As(err, &ie) || ie.File != "big.csv" || ie.Line != 2 || !strings.Contains(ie.Msg, "longer than") {
					t.Errorf("error %v; want big.csv:2: … longer than …", err)
				}
				if growth > 16<<20 {
					t.Errorf("the heap grew by %.1f MiB for a 50 MB field; want < 16 MiB", float64(growth)/(1<<20))
				}
				if g.pos > 8<<20 {
					t.Errorf("read %d MiB before giving up", g.pos>>20)
				}
			})
		}
	}
	// The unvotes tables too.
	g := &generated{head: "rcid,session,date,unres,descr\n3,1,1946-01-01,R/1/66,\"", pattern: "z\n", tail: "\"\n", n: 50 << 20}
	fsys := fstest.MapFS{"votes.csv": {Data: []byte(seedUnvotesVotes)}}
	_, err := parseWithin(t, ingest.Source{Format: ingest.FormatUnvotes, Files: []string{"roll_calls.csv", "votes.csv"},
		FS: mergedFS{fsys, map[string]*generated{"roll_calls.csv": g}}})
	if err == nil || !strings.Contains(err.Error(), "roll_calls.csv:2") {
		t.Errorf("unvotes roll_calls.csv with a 50 MB field: %v", err)
	}
}

// mergedFS serves generated files over a MapFS.
type mergedFS struct {
	fstest.MapFS
	gen map[string]*generated
}

func (m mergedFS) Open(name string) (fs.File, error) {
	if g, ok := m.gen[name]; ok {
		return g, nil
	}
	return m.MapFS.Open(name)
}

// TestHostileQuoteTrap checks that the record-length guard, which counts
// quotes, does not misreport a stray quote in an unquoted field: the error
// is the quote, on its line, even when megabytes follow.
func TestHostileQuoteTrap(t *testing.T) {
	head := "body,symbol,country,vote,title\nGA,A/RES/1/1,FRA,Y,plain\nGA,A/RES/1/2,FRA,Y,a 5\" disk\n"
	g := &generated{head: head, pattern: "GA,A/RES/1/3,DEU,N,row\n", n: 4 << 20}
	_, err := parseWithin(t, ingest.Source{Format: ingest.FormatPlenary, Files: []string{"trap.csv"}, FS: genFS{g}})
	if err == nil || !strings.HasPrefix(err.Error(), "trap.csv:3:") || !strings.Contains(err.Error(), "quote") {
		t.Errorf("error %v; want trap.csv:3:…: a quote …", err)
	}
	// Doubled quotes inside quoted fields are text, and long files of them
	// read normally.
	g = &generated{head: "body,symbol,country,vote,title\n", pattern: "GA,A/RES/1/3,DEU,N,\"say \"\"no\"\"\nor \"\"yes\"\"\"\n", n: 2 << 20}
	g.n -= g.n % int64(len(g.pattern))
	b, err := parseWithin(t, ingest.Source{Format: ingest.FormatPlenary, Files: []string{"quotes.csv"}, FS: genFS{g}})
	if err != nil || len(b.RollCalls) != 1 || b.RollCalls[0].Title != "say \"no\"\nor \"yes\"" {
		t.Errorf("a file of quoted fields: %v", err)
	}
}

// TestHostileReadError checks that a file whose read fails half-way gives
// an error naming the file and the line reached.
func TestHostileReadError(t *testing.T) {
	g := &generated{head: "body,symbol,country,vote\n", pattern: "GA,A/RES/1/1,FRA,Y\n", n: 1 << 20, fail: syscall.EIO}
	_, err := parseWithin(t, ingest.Source{Format: ingest.FormatPlenary, Files: []string{"disk.csv"}, FS: genFS{g}})
	var ie *ingest.Error
	if !errors.As(err, &ie) || ie.File != "disk.csv" || ie.Line < 2 || !strings.Contains(ie.Msg, "input/output error") {
		t.Errorf("error %v; want disk.csv:LINE: read error: input/output error", err)
	}
}

// TestHostileEndlessInput cancels the parse of a file that never ends: it
// returns the context's error promptly.
func TestHostileEndlessInput(t *testing.T) {
	g := &generated{head: "body,symbol,country,vote\n", pattern: "GA,A/RES/1/1,FRA,Y\n", endless: true}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := ingest.Parse(ctx, ingest.Source{Format: ingest.FormatPlenary, Files: []string{"endless.csv"}, FS: genFS{g}}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v; want the context's", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v to stop", d)
	}
}

// TestHostileManyColumns: a header or a row of 100,000 columns is refused
// at its line.
func TestHostileManyColumns(t *testing.T) {
	wide := strings.Repeat("c,", 99999) + "c\n"
	for name, in := range map[string]string{
		"header": wide + wide,
		"row":    "body,symbol,country,vote\nGA,A/RES/1/1,FRA,Y\n" + wide,
	} {
		_, err := parseWithin(t, ingest.Source{Format: ingest.FormatPlenary, Files: []string{"wide.csv"},
			FS: fstest.MapFS{"wide.csv": {Data: []byte(in)}}})
		want := map[string]string{"header": "wide.csv:1: the header has 100000 columns", "row": "wide.csv:3:5: 100000 fields where the header has 4"}[name]
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: %v; want %s…", name, err, want)
		}
	}
}

// TestHostilePlanSpecialFiles: Plan neither hangs on a FIFO nor follows a
// dangling link silently.
func TestHostilePlanSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := makeFIFO(fifo); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	dangling := filepath.Join(dir, "gone.csv")
	os.Symlink(filepath.Join(dir, "nowhere.csv"), dangling)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, _, err := ingest.Plan([]string{fifo}, ""); err == nil || !strings.Contains(err.Error(), "pipe.csv: not a regular file") {
			t.Errorf("Plan(fifo): %v", err)
		}
		if _, _, err := ingest.Plan([]string{fifo}, ingest.FormatPlenary); err == nil {
			t.Errorf("Plan(fifo, --format plenary) succeeded")
		}
		if _, _, err := ingest.Plan([]string{dangling}, ""); err == nil || !strings.Contains(err.Error(), "gone.csv") {
			t.Errorf("Plan(dangling link): %v", err)
		}
		if _, _, err := ingest.Plan([]string{dir}, ""); err == nil || !strings.Contains(err.Error(), "gone.csv") {
			t.Errorf("Plan(folder with a dangling link): %v", err)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Plan hangs on a FIFO")
	}
}

// TestHostileFormatsCrossed feeds each seed to every other parser: a file
// of another layout gives an error naming a line, or valid records, never
// a panic.
func TestHostileFormatsCrossed(t *testing.T) {
	for from, seeds := range seedsByFormat {
		for _, seed := range seeds {
			for to := range seedsByFormat {
				if to == from {
					continue
				}
				if b, err := parseFS(t, to, []string{"x.csv"}, []byte(seed)); err == nil {
					t.Logf("a %s file reads as %s: %d roll calls, %d positions", from, to, len(b.RollCalls), len(b.Positions))
				}
			}
		}
	}
}

// TestHostilePlanFolderLinks: a link to a folder inside an imported folder
// ("up -> ..") is not followed into the folders beside it, and is named in
// a warning; a linked file is read, and a linked folder named by the user
// is walked.
func TestHostilePlanFolderLinks(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "in")
	beside := filepath.Join(root, "beside")
	for _, d := range []string{in, beside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	votes := "body,symbol,date,country,vote\nGA,A/RES/1/1,2020-01-01,FRA,Y\n"
	os.WriteFile(filepath.Join(in, "mine.csv"), []byte(votes), 0o644)
	os.WriteFile(filepath.Join(beside, "theirs.csv"), []byte(votes), 0o644)
	os.Symlink("..", filepath.Join(in, "up"))
	os.Symlink(beside, filepath.Join(in, "next"))
	os.Symlink(filepath.Join(beside, "theirs.csv"), filepath.Join(in, "linked.csv"))
	srcs, warns, err := ingest.Plan([]string{in}, "")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, s := range srcs {
		files = append(files, s.Files...)
	}
	want := []string{filepath.Join(in, "linked.csv"), filepath.Join(in, "mine.csv")}
	if strings.Join(files, " ") != strings.Join(want, " ") {
		t.Errorf("planned %q; want %q", files, want)
	}
	skipped := 0
	for _, w := range warns {
		if strings.Contains(w.Msg, "link to a folder") {
			skipped++
		}
	}
	if skipped != 2 {
		t.Errorf("warnings %v; want the two folder links named", warns)
	}
	srcs, _, err = ingest.Plan([]string{filepath.Join(in, "next")}, "")
	if err != nil || len(srcs) != 1 {
		t.Errorf("a linked folder named by the user: %v, %v", srcs, err)
	}
}
