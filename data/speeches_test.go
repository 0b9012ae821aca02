package data_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"plenary/data"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/words"
)

// corpusDB is a database with the whole General Debate corpus imported,
// built once per test binary.
var corpusDB = struct {
	once sync.Once
	path string
	rep  *data.Report
	err  error
}{}

func corpus(t testing.TB) (string, *data.Report) {
	t.Helper()
	tgz := comparetest.Dataset(t, "ungdc/UNGDC_1946-2024.tgz")
	corpusDB.once.Do(func() {
		dir, err := os.MkdirTemp("", "plenary-speeches-")
		if err != nil {
			corpusDB.err = err
			return
		}
		corpusDB.path = filepath.Join(dir, "corpus.db")
		st, err := data.Open(corpusDB.path, data.Options{})
		if err != nil {
			corpusDB.err = err
			return
		}
		defer st.Close()
		corpusDB.rep, corpusDB.err = st.Import(context.Background(), []string{tgz}, data.ImportOptions{})
	})
	if corpusDB.err != nil {
		t.Fatal(corpusDB.err)
	}
	return corpusDB.path, corpusDB.rep
}

func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestImportSpeechCorpus imports the corpus as downloaded: every speech,
// the stray files skipped and counted, the speakers named from the
// spreadsheet beside the archive; importing it again changes no byte.
func TestImportSpeechCorpus(t *testing.T) {
	path, rep := corpus(t)
	if rep.Speeches.Added != 10952 || rep.Speeches.Updated != 0 {
		t.Fatalf("speeches %+v, want 10952 added", rep.Speeches)
	}
	if len(rep.Skipped) != 1 || !strings.HasPrefix(rep.Skipped[0], "9 hidden or stray files") {
		t.Errorf("skipped %q, want the 9 hidden and stray files counted", rep.Skipped)
	}
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ss, err := st.Speeches(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	perYear, named, eu := map[int]int{}, 0, 0
	for _, s := range ss {
		perYear[s.Year]++
		if s.Speaker != "" {
			named++
		}
		if s.Country == "EU" {
			eu++
		}
	}
	if perYear[2024] != 192 || perYear[1946] < 35 || perYear[1946] > 51 || eu != 14 {
		t.Errorf("2024: %d speeches (want 192), 1946: %d (want 35–51), EU: %d (want 14)", perYear[2024], perYear[1946], eu)
	}
	if named < 10000 {
		t.Errorf("%d speeches with a speaker, want the spreadsheet's ~10,900", named)
	}
	st.Close()

	before := fileSum(t, path)
	st, _ = data.Open(path, data.Options{})
	again, err := st.Import(context.Background(), []string{comparetest.Dataset(t, "ungdc/UNGDC_1946-2024.tgz")}, data.ImportOptions{})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed() || again.Speeches.Unchanged != 10952 || !strings.Contains(again.Summary(), "nothing changed") {
		t.Errorf("re-import: %+v\n%s", again.Speeches, again.Summary())
	}
	if fileSum(t, path) != before {
		t.Error("re-importing the same archive changed the database file")
	}
}

// TestIndexAgreesWithCounting: for each query, the speeches SQLite's index
// matches are exactly those in which package words counts a mention, read
// straight from the stored text: the two tokenize alike.
func TestIndexAgreesWithCounting(t *testing.T) {
	path, _ := corpus(t)
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	ss, _ := st.Speeches(ctx)
	ids := make([]int64, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	var queries []words.Query
	for _, s := range []string{"apartheid", "nuclear*", `"human rights"`, "Côte", "ukraine OR crimea", `"law of the sea"`} {
		q, err := words.ParseQuery(s)
		if err != nil {
			t.Fatal(err)
		}
		queries = append(queries, q)
	}
	counted := make([]map[int64]bool, len(queries))
	for i := range counted {
		counted[i] = map[int64]bool{}
	}
	err = st.SpeechTexts(ctx, ids, func(id int64, text string) error {
		for i, q := range queries {
			if q.Count(text) > 0 {
				counted[i][id] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		idx, err := st.MatchingIDs(ctx, q.FTS())
		if err != nil {
			t.Fatal(err)
		}
		diff := 0
		for id := range idx {
			if !counted[i][id] {
				diff++
			}
		}
		for id := range counted[i] {
			if !idx[id] {
				diff++
			}
		}
		if diff != 0 || len(idx) == 0 {
			t.Errorf("%s: the index matches %d speeches, counting finds %d, %d differ", q.Text, len(idx), len(counted[i]), diff)
		}
	}
	// A search over a selection keeps to it and ranks.
	sel, err := words.Select(ss, compare.Filter{Countries: []string{"USA", "SUN"}, From: "1960", To: "1990"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.SearchSpeeches(ctx, queries[0], sel, 5)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || len(res.Hits) != 5 {
		t.Fatalf("apartheid, USA and USSR 1960–1990: %d matches, %d hits", res.Total, len(res.Hits))
	}
	for i, h := range res.Hits {
		if h.Country != "USA" && h.Country != "RUS" || h.Year < 1960 || h.Year > 1990 || h.Matches == 0 ||
			!strings.Contains(strings.ToLower(h.Snippet.Match), "apartheid") || i > 0 && h.Rank < res.Hits[i-1].Rank {
			t.Errorf("hit %d: %+v", i, h)
		}
	}
}

// smallCorpus writes a two-speech corpus archive, with extra entries.
func smallCorpus(t *testing.T, path string, extra map[string]string) {
	t.Helper()
	ents := map[string]string{
		"TXT/Session 01 - 1946/ARG_01_1946.txt": "Peace and security.",
		"TXT/Session 79 - 2024/USA_79_2024.txt": "Climate change and peace.",
	}
	for k, v := range extra {
		ents[k] = v
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, body := range ents {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg})
		io.WriteString(tw, body)
	}
	tw.Close()
	gz.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSpeechImportNewRelease: a newer release adds its new speeches and
// replaces a corrected text, whose old words leave the index.
func TestSpeechImportNewRelease(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	dir := t.TempDir()
	v1, v2 := filepath.Join(dir, "v1.tgz"), filepath.Join(dir, "v2.tgz")
	smallCorpus(t, v1, nil)
	smallCorpus(t, v2, map[string]string{
		"TXT/Session 79 - 2024/USA_79_2024.txt": "Climate change and oceans.",
		"TXT/Session 79 - 2024/FRA_79_2024.txt": "La paix. Peace.",
	})
	if _, err := st.Import(ctx, []string{v1}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	rep, err := st.Import(ctx, []string{v2}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Speeches.Added != 1 || rep.Speeches.Updated != 1 || rep.Speeches.Unchanged != 1 {
		t.Fatalf("speeches %+v, want 1 added, 1 updated, 1 unchanged", rep.Speeches)
	}
	for q, want := range map[string]int{"peace": 2, "oceans": 1, "climate": 1} {
		ids, err := st.MatchingIDs(ctx, mustQuery(t, q).FTS())
		if err != nil || len(ids) != want {
			t.Errorf("%s: %d speeches (%v), want %d", q, len(ids), err, want)
		}
	}
	ss, _ := st.Speeches(ctx)
	if len(ss) != 3 {
		t.Errorf("%d speeches, want 3", len(ss))
	}
}

func mustQuery(t *testing.T, s string) words.Query {
	t.Helper()
	q, err := words.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestBadSpeechArchiveLeavesDatabase: an archive with a bad entry, or an
// import cancelled while writing, leaves every byte of the database as it
// was.
func TestBadSpeechArchiveLeavesDatabase(t *testing.T) {
	st, path := openTemp(t)
	ctx := context.Background()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tgz")
	smallCorpus(t, good, nil)
	if _, err := st.Import(ctx, []string{good}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	for name, extra := range map[string]map[string]string{
		"latin1":    {"TXT/Session 02 - 1947/FRA_02_1947.txt": "d\xe9l\xe9gation"},
		"layout":    {"TXT/Session 79 - 2024/GBR_79.txt": "x"},
		"traversal": {"../../x": "x"},
		"unknown":   {"TXT/Session 79 - 2024/QQQ_79_2024.txt": "x"},
	} {
		p := filepath.Join(dir, name+".tgz")
		smallCorpus(t, p, extra)
		if _, err := st.Import(ctx, []string{p}, data.ImportOptions{}); err == nil {
			t.Errorf("%s: imported", name)
		}
		if fileSum(t, path) != before {
			t.Fatalf("%s: the database changed", name)
		}
	}
	// Cancelled while writing.
	newer := filepath.Join(dir, "newer.tgz")
	smallCorpus(t, newer, map[string]string{"TXT/Session 79 - 2024/FRA_79_2024.txt": "La paix."})
	cctx, cancel := context.WithCancel(ctx)
	_, err := st.Import(cctx, []string{newer}, data.ImportOptions{Progress: func(p data.ImportProgress) {
		if p.Phase == "writing" {
			cancel()
		}
	}})
	if err != context.Canceled {
		t.Fatalf("cancelled import: %v", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("a cancelled import changed the database")
	}
}

// TestMatchSpeechesRanksAsOneQuery: the ranking split over two ranges of
// ids gives every match the rank and place that one query ordered by
// FTS5's rank gives it, read here on a connection of its own.
func TestMatchSpeechesRanksAsOneQuery(t *testing.T) {
	path, _ := corpus(t)
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := readOnlyDB(t, path)
	defer db.Close()
	ctx := context.Background()
	for _, s := range typicalSearches {
		q := mustQuery(t, s)
		got, err := st.MatchSpeeches(ctx, q.FTS())
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.QueryContext(ctx, `SELECT rowid, rank FROM speech_index WHERE speech_index MATCH ? ORDER BY rank, rowid`, q.FTS())
		if err != nil {
			t.Fatal(err)
		}
		var want []data.Ranked
		for rows.Next() {
			var r data.Ranked
			if err := rows.Scan(&r.ID, &r.Rank); err != nil {
				t.Fatal(err)
			}
			want = append(want, r)
		}
		rows.Close()
		if len(want) == 0 || len(got) != len(want) {
			t.Fatalf("%s: %d matches, one query finds %d", s, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: match %d is %+v, one query ranks %+v there", s, i, got[i], want[i])
			}
		}
	}
}
