package data

// Reliability tests: hostile and broken input files go through Store.Import
// on a real database that already holds data, and must leave it exactly as
// it was; databases from elsewhere (damaged, foreign, newer, read-only) are
// refused with an *OpenError and never written. See docs/reliability.md.
//
// Helpers shared by crash_test.go and backup_test.go are prefixed rel.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"plenary/data/countries"
	"plenary/data/record"
	"plenary/data/safefile"
)

// relShared returns ../shared/data relative to the repository root (the
// folder with go.mod). Without it the test is skipped, or fails on CI.
func relShared(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's folder")
		}
		dir = parent
	}
	shared, err := filepath.Abs(filepath.Join(dir, "..", "shared", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(shared); err != nil || !st.IsDir() {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data not found at %s", shared)
		}
		t.Skipf("shared data not found at %s", shared)
	}
	return shared
}

// relSharedFile is a file of the shared data, which must exist.
func relSharedFile(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{relShared(t)}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data file missing: %v", err)
		}
		t.Skipf("shared data file missing: %v", err)
	}
	return p
}

// relOpen opens a database, failing the test on error.
func relOpen(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

// relBaseDB creates, in a new temporary folder, a closed database holding
// the built-in sample and ../shared/data/feb2025: the "real data" every
// hostile import must leave alone.
func relBaseDB(t testing.TB) string {
	t.Helper()
	feb := relSharedFile(t, "feb2025", "votes.csv")
	path := filepath.Join(t.TempDir(), "plenary.db")
	s := relOpen(t, path)
	defer s.Close()
	ctx := context.Background()
	if _, err := s.LoadSample(ctx); err != nil {
		t.Fatalf("LoadSample: %v", err)
	}
	if _, err := s.Import(ctx, []string{feb}, ImportOptions{}); err != nil {
		t.Fatalf("import feb2025: %v", err)
	}
	return path
}

// relCopyFile copies a closed database file.
func relCopyFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// relSnapshot is a logical dump of a database: every table's rows, in key
// order, hashed, with the row count of each table for messages.
type relSnapshot struct {
	Hash  string
	Count map[string]int
}

func (s relSnapshot) String() string {
	names := make([]string, 0, len(s.Count))
	for n := range s.Count {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%s=%d ", n, s.Count[n])
	}
	return b.String() + s.Hash[:12]
}

// relVolatile are the columns that record when something happened; they
// are masked so that two runs of the same imports dump the same.
var relVolatile = map[string]bool{"started": true, "finished": true, "created": true, "updated": true}

// relDump dumps every table of the database through SQL: each row of each
// table (in primary-key order, or by all columns) goes into one SHA-256.
func relDump(t testing.TB, db *sql.DB) relSnapshot {
	t.Helper()
	ctx := context.Background()
	// One read transaction: the dump is one snapshot even while others write.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	defer tx.Rollback()
	var tables []string
	rows, err := tx.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	h := sha256.New()
	snap := relSnapshot{Count: map[string]int{}}
	for _, table := range tables {
		type col struct {
			name string
			pk   int
		}
		var cols []col
		ci, err := tx.QueryContext(ctx, `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, table)
		if err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		for ci.Next() {
			var c col
			if err := ci.Scan(&c.name, &c.pk); err != nil {
				t.Fatal(err)
			}
			cols = append(cols, c)
		}
		ci.Close()
		var order []string
		pks := append([]col(nil), cols...)
		sort.SliceStable(pks, func(i, j int) bool { return pks[i].pk < pks[j].pk })
		for _, c := range pks {
			if c.pk > 0 {
				order = append(order, fmt.Sprintf("%q", c.name))
			}
		}
		if len(order) == 0 {
			for _, c := range cols {
				order = append(order, fmt.Sprintf("%q", c.name))
			}
		}
		fmt.Fprintf(h, "table %s\n", table)
		r, err := tx.QueryContext(ctx, fmt.Sprintf("SELECT * FROM %q ORDER BY %s", table, strings.Join(order, ", ")))
		if err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for r.Next() {
			if err := r.Scan(ptrs...); err != nil {
				t.Fatalf("dump %s: %v", table, err)
			}
			for i, v := range vals {
				if relVolatile[cols[i].name] {
					io.WriteString(h, "•\x1f")
					continue
				}
				switch v := v.(type) {
				case nil:
					io.WriteString(h, "\x00NULL\x1f")
				case []byte:
					fmt.Fprintf(h, "b%q\x1f", v)
				case string:
					fmt.Fprintf(h, "s%d:%s\x1f", len(v), v)
				default:
					fmt.Fprintf(h, "%T:%v\x1f", v, v)
				}
			}
			io.WriteString(h, "\n")
			n++
		}
		if err := r.Err(); err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		r.Close()
		snap.Count[table] = n
	}
	snap.Hash = hex.EncodeToString(h.Sum(nil))
	return snap
}

// relDumpFile opens the database at path (as the app would), checks it with
// PRAGMA integrity_check and dumps it.
func relDumpFile(t testing.TB, path string) relSnapshot {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("reopening %s: %v", path, err)
	}
	defer s.Close()
	relIntegrity(t, s.db)
	return relDump(t, s.db)
}

// relIntegrity runs PRAGMA integrity_check.
func relIntegrity(t testing.TB, db *sql.DB) {
	t.Helper()
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if len(out) != 1 || out[0] != "ok" {
		t.Fatalf("integrity_check: %q", out)
	}
}

// relFileSum is the SHA-256 of a file's bytes.
func relFileSum(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// relPeakHeap runs fn while sampling the heap every millisecond and returns
// how far the live heap rose above what it was before.
func relPeakHeap(fn func()) (peakGrowth uint64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	peak := base
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak {
				peak = m.HeapAlloc
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	<-done
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc > peak {
		peak = ms.HeapAlloc
	}
	return peak - base
}

// relWrite writes a test input file.
func relWrite(t testing.TB, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// relPlenaryCSV is a small Plenary long CSV with one new roll call, written
// with the separator and line end given; it holds non-ASCII text.
func relPlenaryCSV(symbol, sep, eol string) string {
	rows := [][]string{
		{"body", "symbol", "date", "title", "country", "vote"},
		{"GA", symbol, "2024-12-01", `"Réliabilité, test"`, "FRA", "Y"},
		{"GA", symbol, "2024-12-01", `"Réliabilité, test"`, "DEU", "N"},
		{"GA", symbol, "2024-12-01", `"Réliabilité, test"`, "Côte d'Ivoire", "A"},
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, sep) + eol)
	}
	return b.String()
}

// relCheckClean checks that a clean import stored the roll call of
// relPlenaryCSV exactly.
func relCheckClean(t *testing.T, s *Store, symbol string) {
	t.Helper()
	ctx := context.Background()
	rcs, err := s.FindRollCalls(ctx, symbol)
	if err != nil || len(rcs) != 1 {
		t.Fatalf("FindRollCalls(%s) = %d roll calls, %v", symbol, len(rcs), err)
	}
	rc := rcs[0]
	if rc.Title != "Réliabilité, test" || rc.Date != "2024-12-01" || rc.Body != record.GA {
		t.Fatalf("stored roll call %+v", rc)
	}
	votes, err := s.Votes(ctx, rc.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]record.Vote{}
	for _, v := range votes {
		got[v.ISO3] = v.Vote
	}
	want := map[string]record.Vote{"FRA": record.Yes, "DEU": record.No, "CIV": record.Abstain}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("votes = %v, want %v", got, want)
	}
}

// TestHostileFiles imports broken and hostile files into a database that
// holds the sample and feb2025: each is either refused with an error that
// names the file and line, leaving every table as it was, or imported
// cleanly.
func TestHostileFiles(t *testing.T) {
	base := relBaseDB(t)
	s := relOpen(t, base)
	defer s.Close()
	ctx := context.Background()
	before := relDump(t, s.db)
	dir := t.TempDir()

	header := "body,symbol,date,title,country,vote\n"
	row := func(i int) string { return fmt.Sprintf("GA,A/RES/79/%d,2024-12-01,\"Title, %d\",FRA,Y\n", 950+i, i) }
	latin1 := []byte(header + row(1) + "GA,A/RES/79/952,2024-12-01,R\xe9liabilit\xe9,C\xf4te d'Ivoire,Y\n")

	bigLine := func(name string, quoted bool) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		io.WriteString(f, header+row(1)+"GA,A/RES/79/953,2024-12-01,")
		if quoted {
			io.WriteString(f, `"`)
		}
		chunk := bytes.Repeat([]byte("x"), 1<<20)
		if quoted {
			// A quoted field may span lines: 50 MB in lines of 80 bytes.
			for i := 79; i < len(chunk); i += 80 {
				chunk[i] = '\n'
			}
		}
		for range 50 {
			f.Write(chunk)
		}
		if quoted {
			io.WriteString(f, `"`)
		}
		io.WriteString(f, ",FRA,Y\n")
		return p
	}
	wide := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "c%d", i)
		}
		return b.String() + "\n"
	}
	sampleVotes, err := os.ReadFile(filepath.Join("..", "assets", "sample", "votes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	q := bytes.Index(sampleVotes, []byte(`"Advancing`))
	if q < 0 {
		t.Fatal("sample votes.csv has no quoted title to cut")
	}
	truncated := sampleVotes[:q+15]

	cases := []struct {
		name string
		path func() string
		// want are substrings of the error after the file's name; nil means
		// the file must import cleanly.
		want []string
		// memory: measure the heap while importing and bound its growth.
		memory bool
	}{
		{name: "empty", path: func() string { return relWrite(t, dir, "empty.csv", nil) }, want: []string{"empty"}},
		{name: "header_only", path: func() string { return relWrite(t, dir, "header.csv", []byte(header)) }, want: []string{"no rows"}},
		{name: "truncated_in_quoted_field", path: func() string { return relWrite(t, dir, "truncated.csv", truncated) },
			want: []string{":2:", "quote", "truncated"}},
		{name: "field_50MB", path: func() string { return bigLine("big.csv", false) }, want: []string{":3", "longer than"}, memory: true},
		{name: "field_50MB_quoted_multiline", path: func() string { return bigLine("bigq.csv", true) }, want: []string{":3", "longer than"}, memory: true},
		{name: "header_100000_columns", path: func() string { return relWrite(t, dir, "wideheader.csv", []byte(wide(100000)+wide(100000))) },
			want: []string{":1", "100000 columns"}},
		{name: "row_100000_columns", path: func() string { return relWrite(t, dir, "widerow.csv", []byte(header+row(1)+wide(100000))) },
			want: []string{":3:", "100000 fields where the header has 6"}},
		{name: "nul_bytes", path: func() string {
			return relWrite(t, dir, "nul.csv", []byte(header+row(1)+"GA,A/RES/79/955,2024-12-01,a\x00b,FRA,Y\n"))
		}, want: []string{":3:4:", "NUL"}},
		{name: "nul_file", path: func() string { return relWrite(t, dir, "zeros.csv", make([]byte, 1<<16)) }, want: []string{":1"}},
		{name: "latin1", path: func() string { return relWrite(t, dir, "latin1.csv", latin1) }, want: []string{":3:4:", "UTF-8", "Latin-1"}},
		{name: "bom", path: func() string {
			return relWrite(t, dir, "bom.csv", []byte("\ufeff"+relPlenaryCSV("A/RES/79/901", ",", "\n")))
		}},
		{name: "crlf", path: func() string { return relWrite(t, dir, "crlf.csv", []byte(relPlenaryCSV("A/RES/79/902", ",", "\r\n"))) }},
		{name: "semicolon", path: func() string {
			return relWrite(t, dir, "semicolon.csv", []byte(relPlenaryCSV("A/RES/79/903", ";", "\n")))
		}},
		{name: "tab", path: func() string { return relWrite(t, dir, "tab.tsv", []byte(relPlenaryCSV("A/RES/79/904", "\t", "\n"))) }},
		{name: "bom_crlf_semicolon", path: func() string {
			return relWrite(t, dir, "all.csv", []byte("\ufeff"+relPlenaryCSV("A/RES/79/905", ";", "\r\n")))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.path()
			var rep *Report
			var err error
			run := func() { rep, err = s.Import(ctx, []string{p}, ImportOptions{}) }
			if tc.memory {
				growth := relPeakHeap(run)
				t.Logf("peak heap growth while importing %s: %.1f MiB", filepath.Base(p), float64(growth)/(1<<20))
				if growth > 16<<20 {
					t.Errorf("the heap grew by %.1f MiB importing a 50 MB field; want < 16 MiB", float64(growth)/(1<<20))
				}
			} else {
				run()
			}
			if tc.want == nil {
				if err != nil {
					t.Fatalf("import failed: %v", err)
				}
				if len(rep.Warnings) > 0 {
					t.Errorf("warnings: %q", rep.Warnings)
				}
				sym := "A/RES/79/" + map[string]string{"bom": "901", "crlf": "902", "semicolon": "903", "tab": "904", "bom_crlf_semicolon": "905"}[tc.name]
				relCheckClean(t, s, sym)
				before = relDump(t, s.db) // the new state is the baseline of the next case
				return
			}
			if err == nil {
				before = relDump(t, s.db) // keep the next cases apart
				t.Fatalf("imported a broken file: %s", rep.Summary())
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, p) {
				t.Errorf("error %q does not start with the file's path", msg)
			}
			rest := strings.TrimPrefix(msg, p)
			for _, w := range tc.want {
				if !strings.Contains(rest, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
			if len(msg) > 600 {
				t.Errorf("error message of %d bytes: %.200q…", len(msg), msg)
			}
			if after := relDump(t, s.db); after.Hash != before.Hash {
				t.Errorf("the failed import changed the database:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// TestHostileSameFileTwiceAtOnce imports the same file from two goroutines
// at once, through one store and through two: both finish without "database
// is locked", and the result equals one import.
func TestHostileSameFileTwiceAtOnce(t *testing.T) {
	file := relSharedFile(t, "unga2025", "votes.csv")
	ctx := context.Background()
	ref := relBaseDB(t)
	rs := relOpen(t, ref)
	if _, err := rs.Import(ctx, []string{file}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	want := relDump(t, rs.db)
	rs.Close()
	for _, two := range []bool{false, true} {
		name := "one_store"
		if two {
			name = "two_stores"
		}
		t.Run(name, func(t *testing.T) {
			path := relBaseDB(t)
			s1 := relOpen(t, path)
			defer s1.Close()
			s2 := s1
			if two {
				s2 = relOpen(t, path)
				defer s2.Close()
			}
			var wg sync.WaitGroup
			reps := make([]*Report, 2)
			errs := make([]error, 2)
			start := make(chan struct{})
			for i, s := range []*Store{s1, s2} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					reps[i], errs[i] = s.Import(ctx, []string{file}, ImportOptions{})
				}()
			}
			close(start)
			wg.Wait()
			changed := 0
			for i, err := range errs {
				if err != nil {
					t.Fatalf("import %d: %v", i, err)
				}
				if reps[i].Changed() {
					changed++
				}
			}
			if changed != 1 {
				t.Errorf("%d of the two imports changed the database; want exactly 1", changed)
			}
			if got := relDump(t, s1.db); got.Hash != want.Hash {
				t.Errorf("after two imports at once:\n got %v\nwant %v (one import)", got, want)
			}
		})
	}
}

// TestHostileUnreadableFolder imports folders holding files that cannot be
// read. As root, chmod 000 does not stop reads, so a dangling symbolic
// link, a FIFO and a link to /proc/self/mem (whose first read fails with
// EIO) stand in for unreadable files; chmod 000 is tested only as non-root.
func TestHostileUnreadableFolder(t *testing.T) {
	base := relBaseDB(t)
	s := relOpen(t, base)
	defer s.Close()
	ctx := context.Background()
	good := relPlenaryCSV("A/RES/79/911", ",", "\n")

	type result struct {
		rep *Report
		err error
	}
	importWithin := func(t *testing.T, paths ...string) (*Report, error) {
		t.Helper()
		ch := make(chan result, 1)
		go func() {
			rep, err := s.Import(ctx, paths, ImportOptions{})
			ch <- result{rep, err}
		}()
		select {
		case r := <-ch:
			return r.rep, r.err
		case <-time.After(30 * time.Second):
			t.Fatal("the import hangs")
		}
		return nil, nil
	}
	cases := []struct {
		name string
		make func(t *testing.T, dir string) string // returns the bad file
		skip func() string
	}{
		{"dangling_symlink", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "dangling.csv")
			if err := os.Symlink(filepath.Join(dir, "gone.csv"), p); err != nil {
				t.Fatal(err)
			}
			return p
		}, nil},
		{"fifo", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "fifo.csv")
			if err := makeFIFO(p); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return p
		}, nil},
		{"read_fails_eio", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "eio.csv")
			if err := os.Symlink("/proc/self/mem", p); err != nil {
				t.Fatal(err)
			}
			return p
		}, func() string {
			if _, err := os.Stat("/proc/self/mem"); err != nil {
				return "no /proc/self/mem"
			}
			return ""
		}},
		{"chmod_000", func(t *testing.T, dir string) string {
			return relWrite(t, dir, "secret.csv", []byte(good))
		}, func() string {
			if os.Geteuid() == 0 {
				return "running as root, where chmod 000 does not stop reads (the other cases stand in)"
			}
			return ""
		}},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip != nil {
				if why := tc.skip(); why != "" {
					t.Skip(why)
				}
			}
			dir := t.TempDir()
			sym := fmt.Sprintf("A/RES/79/%d", 920+i)
			relWrite(t, dir, "good.csv", []byte(relPlenaryCSV(sym, ",", "\n")))
			bad := tc.make(t, dir)
			if tc.name == "chmod_000" {
				os.Chmod(bad, 0)
			}
			before := relDump(t, s.db)

			// The bad file named on its own: a clear error naming it.
			if tc.name != "chmod_000" || os.Geteuid() != 0 {
				_, err := importWithin(t, bad)
				if err == nil {
					t.Errorf("importing %s alone succeeded", filepath.Base(bad))
				} else if !strings.Contains(err.Error(), bad) {
					t.Errorf("error %q does not name %s", err, bad)
				} else {
					t.Logf("alone: %v", err)
				}
				if after := relDump(t, s.db); after.Hash != before.Hash {
					t.Fatalf("a failed import changed the database")
				}
			}

			// The folder: an error naming the bad file with nothing
			// imported, or the good file imported and the bad one skipped
			// (a FIFO is not a file and may be passed over silently).
			rep, err := importWithin(t, dir)
			switch {
			case err != nil:
				if !strings.Contains(err.Error(), filepath.Base(bad)) {
					t.Errorf("error %q does not name %s", err, filepath.Base(bad))
				}
				if after := relDump(t, s.db); after.Hash != before.Hash {
					t.Errorf("a failed import changed the database")
				}
				t.Logf("folder: %v", err)
			default:
				relCheckClean(t, s, sym)
				if tc.name != "fifo" && !strings.Contains(strings.Join(rep.Skipped, "\n"), filepath.Base(bad)) {
					t.Errorf("the report does not say %s was skipped: %q", filepath.Base(bad), rep.Skipped)
				}
				t.Logf("folder: imported; skipped %q", rep.Skipped)
			}
		})
	}
}

// TestOpenForeignFiles opens files that are not a healthy Plenary database:
// each gives an *OpenError with a hint, never a panic, and the file's bytes
// are unchanged.
func TestOpenForeignFiles(t *testing.T) {
	base := relBaseDB(t)
	dir := t.TempDir()
	ctx := context.Background()

	corrupt := func(t *testing.T) string {
		p := filepath.Join(dir, "corrupt.db")
		relCopyFile(t, base, p)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// Overwrite the middle third with a byte pattern, as a broken disk
		// or a half-finished copy would.
		for i := len(b) / 3; i < 2*len(b)/3; i++ {
			b[i] = byte(i * 7)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	newer := func(t *testing.T) string {
		p := filepath.Join(dir, "newer.db")
		relCopyFile(t, base, p)
		db, err := sql.Open("sqlite", "file:"+p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		return p
	}
	other := func(t *testing.T) string {
		p := filepath.Join(dir, "other.db")
		db, err := sql.Open("sqlite", "file:"+p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me')"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		return p
	}
	cases := []struct {
		name string
		make func(t *testing.T) string
		want error
	}{
		{"corrupt", corrupt, ErrCorrupt},
		{"not_sqlite", func(t *testing.T) string {
			return relWrite(t, dir, "notes.txt", []byte("Dear diary,\nthis is not a database.\n"))
		}, ErrNotDatabase},
		{"sqlite_magic_then_garbage", func(t *testing.T) string {
			return relWrite(t, dir, "garbage.db", append([]byte(safefile.SQLiteHeader), bytes.Repeat([]byte{0xA5}, 8192)...))
		}, ErrCorrupt},
		{"other_programs_sqlite", other, ErrNotDatabase},
		{"newer_schema", newer, ErrNewerSchema},
		{"folder", func(t *testing.T) string {
			p := filepath.Join(dir, "folder.db")
			os.Mkdir(p, 0o755)
			return p
		}, ErrNotDatabase},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.make(t)
			sum := ""
			if st, _ := os.Stat(p); !st.IsDir() {
				sum = relFileSum(t, p)
			}
			for _, ro := range []bool{false, true} {
				s, err := Open(p, Options{ReadOnly: ro})
				if err == nil {
					s.Close()
					t.Fatalf("Open(ReadOnly=%v) accepted it", ro)
				}
				var oe *OpenError
				if !errors.As(err, &oe) {
					t.Fatalf("Open(ReadOnly=%v): %T %v, want *OpenError", ro, err, err)
				}
				if !errors.Is(err, tc.want) {
					t.Errorf("Open(ReadOnly=%v): %v, want %v", ro, err, tc.want)
				}
				if oe.Hint == "" || oe.Path != p {
					t.Errorf("OpenError without hint or path: %+v", oe)
				}
				t.Logf("ReadOnly=%v: %v", ro, err)
			}
			if err := CheckBackup(p); err == nil {
				t.Errorf("CheckBackup accepted it")
			}
			if sum != "" && relFileSum(t, p) != sum {
				t.Errorf("the file's bytes changed")
			}
		})
	}
	// A healthy database opens read-only for reading and refuses writes.
	t.Run("read_only", func(t *testing.T) {
		p := filepath.Join(dir, "ro.db")
		relCopyFile(t, base, p)
		sum := relFileSum(t, p)
		s, err := Open(p, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("Open read-only: %v", err)
		}
		defer s.Close()
		info, err := s.Info(ctx)
		if err != nil || info.Empty() {
			t.Fatalf("Info: %v, %+v", err, info)
		}
		if _, err := s.Table(ctx); err != nil {
			t.Fatalf("Table: %v", err)
		}
		feb := relSharedFile(t, "feb2025", "votes.csv")
		if _, err := s.Import(ctx, []string{feb}, ImportOptions{}); !errors.Is(err, ErrReadOnly) {
			t.Errorf("Import: %v, want ErrReadOnly", err)
		}
		if _, err := s.SavePosition(ctx, record.Position{Country: "FRA", Date: "2025-01-01", Topic: "t", Stance: "supports", Summary: "s"}); !errors.Is(err, ErrReadOnly) {
			t.Errorf("SavePosition: %v, want ErrReadOnly", err)
		}
		if err := s.DeletePosition(ctx, 1); !errors.Is(err, ErrReadOnly) {
			t.Errorf("DeletePosition: %v, want ErrReadOnly", err)
		}
		if _, err := s.LoadSample(ctx); !errors.Is(err, ErrReadOnly) {
			t.Errorf("LoadSample: %v, want ErrReadOnly", err)
		}
		if _, err := s.RemoveSample(ctx); !errors.Is(err, ErrReadOnly) {
			t.Errorf("RemoveSample: %v, want ErrReadOnly", err)
		}
		if _, err := s.db.ExecContext(ctx, "DELETE FROM positions"); err == nil {
			t.Errorf("the read-only connection accepted a DELETE")
		}
		s.Close()
		if relFileSum(t, p) != sum {
			t.Errorf("the file's bytes changed")
		}
	})
	// Without root, a file without write permission is refused with
	// ErrReadOnly rather than half-opened.
	t.Run("chmod_0444", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root, where chmod 0444 does not stop writes (read_only covers Options{ReadOnly: true})")
		}
		p := filepath.Join(dir, "perm.db")
		relCopyFile(t, base, p)
		os.Chmod(p, 0o444)
		sum := relFileSum(t, p)
		s, err := Open(p, Options{})
		if err == nil {
			_, err = s.SavePosition(ctx, record.Position{Country: "FRA", Date: "2025-01-01", Topic: "t", Stance: "supports", Summary: "s"})
			s.Close()
		}
		if err == nil {
			t.Fatal("wrote to a read-only file")
		}
		if relFileSum(t, p) != sum {
			t.Errorf("the file's bytes changed")
		}
	})
	// A missing file opened read-only is not created.
	t.Run("missing_read_only", func(t *testing.T) {
		p := filepath.Join(dir, "missing.db")
		if _, err := Open(p, Options{ReadOnly: true}); err == nil {
			t.Fatal("opened a missing file read-only")
		}
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the missing file was created")
		}
	})
}

// TestTableIsOneSnapshot reads the Table in a loop while another
// connection commits one small import after another: every Table must be
// one committed state (each roll call's row holds exactly its own votes),
// never roll calls of one state with the votes of the next.
func TestTableIsOneSnapshot(t *testing.T) {
	path := relBaseDB(t)
	w := relOpen(t, path)
	defer w.Close()
	r := relOpen(t, path)
	defer r.Close()
	ctx := context.Background()
	initial, err := r.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// What each roll call's row must hold, by roll-call label and country.
	expect := map[string]map[string]record.Vote{}
	for i, rc := range initial.RollCalls {
		m := map[string]record.Vote{}
		for j, v := range initial.Votes[i] {
			if v != record.None {
				m[initial.Countries[j]] = v
			}
		}
		expect[rc.Label()] = m
	}
	members := countries.Members("2025-01-01")
	codes := []string{"Y", "N", "A", "X"}
	const commits = 150
	var exmu sync.Mutex
	for k := range commits {
		m := map[string]record.Vote{}
		for idx, iso := range members {
			v, _ := record.ParseVote(codes[(k+idx)%4])
			m[iso] = v
		}
		expect[fmt.Sprintf("A/RES/80/%d", 900+k)] = m
	}
	var stop atomic.Bool
	var reads, mixes int
	var firstMix string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for !stop.Load() {
			tab, err := r.Table(ctx)
			if err != nil {
				t.Errorf("Table: %v", err)
				return
			}
			reads++
			exmu.Lock()
			for i, rc := range tab.RollCalls {
				want := expect[rc.Label()]
				got := map[string]record.Vote{}
				for j, v := range tab.Votes[i] {
					if v != record.None {
						got[tab.Countries[j]] = v
					}
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					mixes++
					if firstMix == "" {
						firstMix = fmt.Sprintf("the row of %s holds other votes than its own (%d cells, want %d; table of %d roll calls, %d countries)",
							rc.Label(), len(got), len(want), len(tab.RollCalls), len(tab.Countries))
					}
					break
				}
			}
			exmu.Unlock()
		}
	}()
	dir := t.TempDir()
	for k := range commits {
		var b strings.Builder
		b.WriteString("body,symbol,date,country,vote\n")
		for idx, iso := range members {
			fmt.Fprintf(&b, "GA,A/RES/80/%d,2025-06-01,%s,%s\n", 900+k, iso, codes[(k+idx)%4])
		}
		p := relWrite(t, dir, fmt.Sprintf("rc%d.csv", k), []byte(b.String()))
		if _, err := w.Import(ctx, []string{p}, ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	<-done
	t.Logf("%d tables read during %d commits", reads, commits)
	if mixes > 0 {
		t.Errorf("%d of %d tables mixed two states; first: %s", mixes, reads, firstMix)
	}
}

// TestImportRestoresForeignKeys checks that the connection an import runs
// on (with foreign-key enforcement off, see beginImport) goes back to the
// pool with enforcement on, whether the import succeeds, fails or is
// cancelled; and that a successful import leaves no dangling reference.
func TestImportRestoresForeignKeys(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "fk.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// One connection: the import's is the one every later query gets.
	s.db.SetMaxOpenConns(1)
	ctx := context.Background()
	check := func(when string) {
		t.Helper()
		var on int
		if err := s.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&on); err != nil {
			t.Fatal(err)
		}
		if on != 1 {
			t.Errorf("after %s: foreign_keys = %d on the pooled connection", when, on)
		}
		var dangling int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&dangling); err != nil {
			t.Fatal(err)
		}
		if dangling != 0 {
			t.Errorf("after %s: %d rows refer to rows that do not exist", when, dangling)
		}
	}
	if _, err := s.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	check("a successful import")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("body,symbol,date,country,vote\nGA,A/RES/1/1,1946-01-01,FRA,Y\nGA,A/RES/1/1,1946-01-01,FRA,maybe\n"), 0o644)
	if _, err := s.Import(ctx, []string{bad}, ImportOptions{}); err == nil {
		t.Fatal("a bad vote code was accepted")
	}
	check("a failed import")
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("body,symbol,date,country,vote\nGA,A/RES/1/1,1946-01-01,FRA,Y\n"), 0o644)
	cctx, cancel := context.WithCancel(ctx)
	_, err = s.Import(cctx, []string{good}, ImportOptions{Progress: func(p ImportProgress) {
		if p.Phase == "writing" {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
	check("a cancelled import")
	if _, err := s.RemoveSample(ctx); err != nil {
		t.Fatal(err)
	}
	var votes int
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM votes").Scan(&votes)
	if votes != 0 {
		t.Errorf("%d votes left after removing the sample: the cascade did not run", votes)
	}
}
