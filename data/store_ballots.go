package data

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"unicode/utf8"

	"plenary/data/record"
)

// ballotVote is one vote of a ballot being encoded.
type ballotVote struct {
	country int64 // the country's row id
	vote    record.Vote
}

// encodeBallot writes a roll call's votes the way the ballots table holds
// them: per vote, the country's row id and the vote code as two code
// points — what SQL's char(country_id, vote) gives, so that SQL can rebuild
// the cache and Go can write it alike. The votes are sorted by country in
// place; they usually come sorted, which costs one pass to see.
func encodeBallot(votes []ballotVote) string {
	less := func(i, j int) bool { return votes[i].country < votes[j].country }
	if !sort.SliceIsSorted(votes, less) {
		sort.Slice(votes, less)
	}
	b := make([]byte, 0, 4*len(votes))
	for _, v := range votes {
		b = utf8.AppendRune(b, rune(v.country))
		b = utf8.AppendRune(b, rune(v.vote))
	}
	return string(b)
}

// ballotOf lists the votes of a map for encodeBallot.
func ballotOf(votes map[int64]record.Vote) []ballotVote {
	out := make([]ballotVote, 0, len(votes))
	for c, v := range votes {
		out = append(out, ballotVote{c, v})
	}
	return out
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
// it against the number of vote rows; ok is false when the cache is out of
// step. rowOf maps roll-call ids to rows.
func readVotes(ctx context.Context, q querier, t *record.Table, rowOf map[int64]int, iso map[int64]string) (ok bool, err error) {
	var want int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM votes`).Scan(&want); err != nil {
		return false, err
	}
	ballots, err := readBallots(ctx, q, `SELECT roll_call_id, votes FROM ballots`, rowOf)
	if err != nil || ballots == nil {
		return false, err
	}
	n, err := fillVotes(t, ballots, iso)
	return err == nil && n == want, nil
}

// readBallots reads (roll call id, ballot) rows into ballots by table row;
// nil when a roll call is not in rowOf.
func readBallots(ctx context.Context, q querier, query string, rowOf map[int64]int) (map[int]string, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ballots := make(map[int]string, len(rowOf))
	for rows.Next() {
		var id int64
		var b string
		if err := rows.Scan(&id, &b); err != nil {
			return nil, err
		}
		r, ok := rowOf[id]
		if !ok {
			return nil, rows.Err()
		}
		ballots[r] = b
	}
	return ballots, rows.Err()
}

// fillVotes lays ballots out as the dense table: a column for every country
// that has a vote, in ISO3 order. It returns the number of votes, or an
// error for a damaged ballot or an unknown country.
func fillVotes(t *record.Table, ballots map[int]string, iso map[int64]string) (int, error) {
	used := map[int64]bool{}
	for _, b := range ballots {
		if err := decodeBallot(b, func(c int64, _ record.Vote) { used[c] = true }); err != nil {
			return 0, err
		}
	}
	ids := make([]int64, 0, len(used))
	for c := range used {
		if _, known := iso[c]; !known {
			return 0, fmt.Errorf("a vote of unknown country %d", c)
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
	nc := len(t.Countries)
	flat := make([]record.Vote, len(t.RollCalls)*nc)
	t.Votes = make([][]record.Vote, len(t.RollCalls))
	for i := range t.Votes {
		t.Votes[i] = flat[i*nc : (i+1)*nc : (i+1)*nc]
	}
	n := 0
	for r, b := range ballots {
		decodeBallot(b, func(c int64, v record.Vote) { t.Votes[r][col[c]] = v; n++ })
	}
	return n, nil
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
