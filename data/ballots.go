package data

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"plenary/data/record"
)

// encodeBallot writes a roll call's votes the way the ballots table holds
// them: per vote, the country's row id and the vote code as two code
// points — what SQL's char(country_id, vote) gives, so that SQL can rebuild
// the cache and Go can write it alike.
func encodeBallot(votes map[int64]record.Vote) string {
	ids := make([]int64, 0, len(votes))
	for id := range votes {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var b strings.Builder
	b.Grow(4 * len(ids))
	for _, id := range ids {
		b.WriteRune(rune(id))
		b.WriteRune(rune(votes[id]))
	}
	return b.String()
}

// decodeBallot calls fn for each vote of an encoded ballot.
func decodeBallot(s string, fn func(countryID int64, v record.Vote)) error {
	for len(s) > 0 {
		c, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		v, m := utf8.DecodeRuneInString(s)
		if c == utf8.RuneError || v == utf8.RuneError || m == 0 {
			return fmt.Errorf("a damaged ballot")
		}
		s = s[m:]
		fn(int64(c), record.Vote(v))
	}
	return nil
}

// RebuildBallots writes the ballots cache again from the votes table. The
// store does it by itself when it finds the cache out of step.
func (s *Store) RebuildBallots(ctx context.Context) error {
	if s.readOnly {
		return ErrReadOnly
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeErr(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, rebuildBallots); err != nil {
		return s.writeErr(err)
	}
	return tx.Commit()
}

// readVotes fills t.Votes (and t.Countries) from the ballots cache, checking
// it against the number of vote rows. rowOf maps roll-call ids to rows.
func readVotes(ctx context.Context, q querier, t *record.Table, rowOf map[int64]int, iso map[int64]string) (ok bool, err error) {
	var want int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM votes`).Scan(&want); err != nil {
		return false, err
	}
	rows, err := q.QueryContext(ctx, `SELECT roll_call_id, votes FROM ballots`)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	type cell struct {
		row     int
		country int64
		v       record.Vote
	}
	cells := make([]cell, 0, want)
	used := map[int64]bool{}
	for rows.Next() {
		var id int64
		var b string
		if err := rows.Scan(&id, &b); err != nil {
			return false, err
		}
		r, ok := rowOf[id]
		if !ok {
			return false, nil
		}
		if err := decodeBallot(b, func(c int64, v record.Vote) {
			cells = append(cells, cell{r, c, v})
			used[c] = true
		}); err != nil {
			return false, nil
		}
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	if len(cells) != want {
		return false, nil
	}
	ids := make([]int64, 0, len(used))
	for c := range used {
		if _, known := iso[c]; !known {
			return false, nil
		}
		ids = append(ids, c)
	}
	sort.Slice(ids, func(i, j int) bool { return iso[ids[i]] < iso[ids[j]] })
	col := make(map[int64]int, len(ids))
	t.Countries = t.Countries[:0]
	for i, c := range ids {
		col[c] = i
		t.Countries = append(t.Countries, iso[c])
	}
	n := len(t.Countries)
	flat := make([]record.Vote, len(t.RollCalls)*n)
	t.Votes = make([][]record.Vote, len(t.RollCalls))
	for i := range t.Votes {
		t.Votes[i] = flat[i*n : (i+1)*n : (i+1)*n]
	}
	for _, c := range cells {
		t.Votes[c.row][col[c.country]] = c.v
	}
	return true, nil
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
