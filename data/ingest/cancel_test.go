package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"plenary/data/ingest"
)

// lastReadFS serves files whose last read hands over the rest of the file
// together with io.EOF and cancels the import's context: from then on the
// parser works on what it has buffered, and only its own check of the
// context can stop it before the end of the file. The rest is held back
// until it is small, so that it always holds the file's 4,096th record.
type lastReadFS struct {
	files  map[string]string
	last   string // the file whose last read cancels
	cancel context.CancelFunc
}

func (f lastReadFS) Open(name string) (fs.File, error) {
	s, ok := f.files[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	r := &lastReadFile{data: s, name: name}
	if name == f.last {
		r.cancel = f.cancel
	}
	return r, nil
}

type lastReadFile struct {
	data, name string
	off        int
	cancel     context.CancelFunc
}

// tail is how much the last read hands over; the last 200 records of every
// file below fit in it.
const tail = 16 << 10

func (r *lastReadFile) Read(p []byte) (int, error) {
	rest := len(r.data) - r.off
	if rest > tail {
		n := copy(p, r.data[r.off:len(r.data)-tail])
		r.off += n
		return n, nil
	}
	if len(p) < rest {
		n := copy(p, r.data[r.off:])
		r.off += n
		return n, nil
	}
	n := copy(p, r.data[r.off:])
	r.off += n
	if r.cancel != nil {
		r.cancel()
	}
	return n, io.EOF
}

func (r *lastReadFile) Stat() (fs.FileInfo, error) { return fileInfo{r.name, int64(len(r.data))}, nil }
func (r *lastReadFile) Close() error               { return nil }

type fileInfo struct {
	name string
	size int64
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) Mode() fs.FileMode  { return 0o444 }
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }

// rows makes a file of a header and n records.
func rows(header string, n int, row func(i int) string) string {
	var b strings.Builder
	b.WriteString(header)
	for i := 1; i <= n; i++ {
		b.WriteString(row(i))
	}
	return b.String()
}

// TestEveryParserStopsWhenCancelled cancels the import while the last
// records of a file are parsed from the buffer: every parser, the last
// file of the unvotes set included, stops at the same record (the
// 4,096th) with the context's error instead of reading to the end.
func TestEveryParserStopsWhenCancelled(t *testing.T) {
	const n = 4200
	unvotesRollCalls := rows("rcid,session,date,unres\n", n, func(i int) string { return fmt.Sprintf("%d,1,1946-01-01,R/%d\n", i, i) })
	unvotesVotes := "rcid,country,country_code,vote\n1,France,FR,yes\n"
	for _, tc := range []struct {
		name   string
		format ingest.Format
		files  map[string]string
		order  []string
	}{
		{"undl", ingest.FormatUNDL, map[string]string{"u.csv": rows("undl_id,ms_code,ms_vote,resolution,date\n", n,
			func(i int) string { return fmt.Sprintf("%d,FRA,Y,A/RES/%d,2020-01-01\n", i, i) })}, nil},
		{"voeten", ingest.FormatVoeten, map[string]string{"v.csv": rows("rcid,ccode,vote\n", n,
			func(i int) string { return fmt.Sprintf("%d,220,1\n", i) })}, nil},
		{"plenary", ingest.FormatPlenary, map[string]string{"p.csv": rows("body,symbol,country,vote\n", n,
			func(i int) string { return fmt.Sprintf("GA,A/RES/%d,FRA,Y\n", i) })}, nil},
		{"roll calls", ingest.FormatRollCalls, map[string]string{"r.csv": rows("symbol,date,title\n", n,
			func(i int) string { return fmt.Sprintf("A/RES/%d,2020-01-01,t\n", i) })}, nil},
		{"positions", ingest.FormatPositions, map[string]string{"pos.csv": rows("country,date,topic,stance,summary\n", n,
			func(i int) string { return fmt.Sprintf("FRA,2020-01-01,t,neutral,%d\n", i) })}, nil},
		{"unvotes issues", ingest.FormatUnvotes, map[string]string{"roll_calls.csv": unvotesRollCalls, "votes.csv": unvotesVotes,
			"issues.csv": rows("rcid,issue\n", n, func(i int) string { return fmt.Sprintf("%d,hr\n", i) })},
			[]string{"roll_calls.csv", "votes.csv", "issues.csv"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := tc.order
			if files == nil {
				for name := range tc.files {
					files = append(files, name)
				}
			}
			// The same files, not cancelled, parse: the error below is the
			// cancellation's alone.
			src := ingest.Source{Format: tc.format, Files: files, FS: lastReadFS{files: tc.files}}
			if _, err := ingest.Parse(context.Background(), src, nil); err != nil {
				t.Fatalf("not cancelled: %v", err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			src.FS = lastReadFS{files: tc.files, last: files[len(files)-1], cancel: cancel}
			m := &ingest.Meter{}
			_, err := ingest.Parse(ctx, src, m)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("got %v; want the context's error", err)
			}
			// Records of the files before the last, then the cancelled file's
			// up to the check at its 4,096th.
			var before int64
			for _, f := range files[:len(files)-1] {
				before += int64(strings.Count(tc.files[f], "\n") - 1)
			}
			if got := m.Now().Rows; got != before+4096 {
				t.Errorf("read %d records; want %d: the parser did not stop at the check", got, before+4096)
			}
		})
	}
}
