package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"plenary/data/words"
)

// Speeches lists every stored speech without its text, by year and
// country (the order words.Select returns), then session and code. The
// list is kept between calls, since every search starts from it, while
// the last speech and the last import stay the same: speeches are only
// ever written by an import, which logs itself (another process's too),
// and both are the ends of a primary key, read without a scan.
func (s *Store) Speeches(ctx context.Context) (_ []words.Speech, err error) {
	defer func() { err = explain(s.path, err) }()
	var key [2]int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT max(id) FROM speeches), 0), coalesce((SELECT max(id) FROM imports), 0)`).Scan(&key[0], &key[1]); err != nil {
		return nil, err
	}
	if c := s.speechList.Load(); c != nil && c.key == key {
		return c.list, nil
	}
	list, err := s.readSpeeches(ctx)
	if err != nil {
		return nil, err
	}
	s.speechList.Store(&speechList{key: key, list: list})
	return list, nil
}

// speechList is the cached list of Speeches.
type speechList struct {
	key  [2]int64
	list []words.Speech
}

func (s *Store) readSpeeches(ctx context.Context) ([]words.Speech, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, country, session, year, words, speaker, post, file FROM speeches ORDER BY year, country, session, code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []words.Speech
	for rows.Next() {
		var sp words.Speech
		if err := rows.Scan(&sp.ID, &sp.Country, &sp.Session, &sp.Year, &sp.Words, &sp.Speaker, &sp.Post, &sp.File); err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// SpeechText is one speech's text.
func (s *Store) SpeechText(ctx context.Context, id int64) (text string, err error) {
	defer func() { err = explain(s.path, err) }()
	err = s.db.QueryRowContext(ctx, `SELECT text FROM speech_texts WHERE id = ?`, id).Scan(&text)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("no speech %d in %s", id, s.path)
	}
	return text, err
}

// Ranked is a speech the index matched, with FTS5's bm25 rank (lower is a
// better match).
type Ranked struct {
	ID   int64
	Rank float64
}

// MatchSpeeches asks the full-text index which speeches match an FTS5
// query (words.Query.FTS), best first (ties by id). It reads only the
// index.
//
// Ranking is the cost of a search when a word or phrase is in nearly
// every speech, so it is split: each half of the ids is ranked on its own
// connection, on its own core. bm25's weights come from the whole table
// whatever the rowid range (FTS5 counts a phrase's documents over all
// rows), so the halves' ranks are the ranks of one query. They are sorted
// here rather than by ORDER BY rank, which has FTS5 sort through SQLite's
// sorter and takes as long again as the ranking.
func (s *Store) MatchSpeeches(ctx context.Context, fts string) (_ []Ranked, err error) {
	defer func() { err = ftsErr(s.path, fts, err) }()
	// Each bound its own query: min and max in one are a scan of the
	// texts, apart they are the ends of the primary key.
	var lo, hi int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT min(id) FROM speech_texts), 0), coalesce((SELECT max(id) FROM speech_texts), 0)`).Scan(&lo, &hi); err != nil {
		return nil, err
	}
	mid := lo + (hi-lo)/2
	var upper []Ranked
	var upperErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		upper, upperErr = s.rankRange(ctx, fts, mid+1, hi)
	}()
	out, err := s.rankRange(ctx, fts, lo, mid)
	<-done
	if err == nil {
		err = upperErr
	}
	if err != nil {
		return nil, err
	}
	out = append(out, upper...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rank != out[j].Rank {
			return out[i].Rank < out[j].Rank
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// rankRange ranks the matches whose ids are in [lo, hi], unsorted.
func (s *Store) rankRange(ctx context.Context, fts string, lo, hi int64) ([]Ranked, error) {
	if lo > hi {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, bm25(speech_index) FROM speech_index WHERE speech_index MATCH ? AND rowid BETWEEN ? AND ?`, fts, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Ranked
	for rows.Next() {
		var r Ranked
		if err := rows.Scan(&r.ID, &r.Rank); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// MatchingIDs is the set of speeches that match an FTS5 query, unranked,
// which the index answers faster than a ranking.
func (s *Store) MatchingIDs(ctx context.Context, fts string) (_ map[int64]bool, err error) {
	defer func() { err = ftsErr(s.path, fts, err) }()
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM speech_index WHERE speech_index MATCH ?`, fts)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// SpeechTexts calls fn with the text of each of the speeches ids, in id
// order. The ids lead the join (CROSS JOIN fixes the order), so that each
// text is one lookup and never a scan of the corpus.
func (s *Store) SpeechTexts(ctx context.Context, ids []int64, fn func(id int64, text string) error) (err error) {
	defer func() { err = explain(s.path, err) }()
	if len(ids) == 0 {
		return nil
	}
	sorted := append([]int64(nil), ids...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	list, _ := json.Marshal(sorted)
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, t.text FROM json_each(?) AS j CROSS JOIN speech_texts AS t ON t.id = j.value`, string(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		if err := fn(id, text); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ftsErr words an error of the index: a query FTS5 refuses is the user's
// to fix, anything else is the database's.
func ftsErr(path, fts string, err error) error {
	if err == nil {
		return nil
	}
	if msg := err.Error(); strings.Contains(msg, "fts5") || strings.Contains(msg, "syntax error") {
		return fmt.Errorf("the search %s cannot be run: %v", fts, err)
	}
	return explain(path, err)
}

// Hit is one speech a search found.
type Hit struct {
	words.Speech
	Rank    float64 // FTS5's bm25: lower is a better match
	Matches int     // mentions of the query's phrases (words.Query.Count)
	Snippet words.Passage
}

// SpeechSearch is a search's outcome.
type SpeechSearch struct {
	Total int   // selected speeches that match
	Hits  []Hit // the best limit of them, best first
}

// SnippetWords is how many words a snippet shows on either side of the
// mention.
const SnippetWords = 12

// SearchSpeeches runs a query over the selected speeches (words.Select):
// the index finds and ranks the matches, and the best limit (all when
// limit is 0) get their mentions counted and a snippet.
func (s *Store) SearchSpeeches(ctx context.Context, q words.Query, sel []words.Speech, limit int) (*SpeechSearch, error) {
	ranked, err := s.MatchSpeeches(ctx, q.FTS())
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*words.Speech, len(sel))
	for i := range sel {
		byID[sel[i].ID] = &sel[i]
	}
	out := &SpeechSearch{}
	var ids []int64
	for _, r := range ranked {
		sp, ok := byID[r.ID]
		if !ok {
			continue
		}
		out.Total++
		if limit == 0 || len(out.Hits) < limit {
			out.Hits = append(out.Hits, Hit{Speech: *sp, Rank: r.Rank})
			ids = append(ids, r.ID)
		}
	}
	at := make(map[int64]int, len(out.Hits))
	for i, h := range out.Hits {
		at[h.ID] = i
	}
	err = s.workTexts(ctx, ids, func(id int64, text string) {
		h := &out.Hits[at[id]]
		h.Matches = q.Count(text)
		h.Snippet = q.Snippet(text, SnippetWords)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CountMentions counts the query's mentions in every selected speech: the
// index says which match, and those are counted in their text (the others
// count 0, with their words). The counts are in the order of sel.
func (s *Store) CountMentions(ctx context.Context, q words.Query, sel []words.Speech) ([]words.Count, error) {
	match, err := s.MatchingIDs(ctx, q.FTS())
	if err != nil {
		return nil, err
	}
	out := make([]words.Count, len(sel))
	at := make(map[int64]int, len(sel))
	var ids []int64
	for i, sp := range sel {
		out[i].Speech = sp
		if match[sp.ID] {
			at[sp.ID] = i
			ids = append(ids, sp.ID)
		}
	}
	err = s.workTexts(ctx, ids, func(id int64, text string) {
		out[at[id]].Matches = q.Count(text)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// workTexts calls work with the text of each of the speeches ids, on
// other goroutines: reading the texts is SQLite's work and scanning them
// the caller's, so the cores share both. work may run for two ids at
// once, never twice for one; workTexts returns when every call has
// returned.
func (s *Store) workTexts(ctx context.Context, ids []int64, work func(id int64, text string)) error {
	type job struct {
		id   int64
		text string
	}
	jobs := make(chan job, 16)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				work(j.id, j.text)
			}
		}()
	}
	err := s.SpeechTexts(ctx, ids, func(id int64, text string) error {
		jobs <- job{id, text}
		return ctx.Err()
	})
	close(jobs)
	wg.Wait()
	return err
}
