package data

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"plenary/data/record"
)

// TableYears reads the part of the table a filter bounded by dates can
// select: the roll calls of the years first to last (0 leaves a side
// open), and those whose date gives no year, which no date bound can
// exclude here. A chart of one year reads one year's ballots instead of
// eighty. Where the ballots cache is out of step for those roll calls it
// reads the whole table as Table does.
func (s *Store) TableYears(ctx context.Context, first, last int) (_ *record.Table, err error) {
	defer func() { err = explain(s.path, err) }()
	if first == 0 && last == 0 {
		return s.Table(ctx)
	}
	// A year is the date's first four characters: dates are stored as
	// YYYY-MM-DD, and a date that does not start with four digits is kept.
	lo, hi := "0000", "9999"
	if first > 0 {
		lo = strconv.Itoa(first)
	}
	if last > 0 {
		hi = strconv.Itoa(last)
	}
	if len(lo) != 4 || len(hi) != 4 {
		return s.Table(ctx)
	}
	where := `(substr(date, 1, 4) BETWEEN '` + lo + `' AND '` + hi + `' OR date NOT GLOB '[0-9][0-9][0-9][0-9]*')`
	var t *record.Table
	ok := false
	err = s.snapshot(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, `SELECT `+rollCallColumns+` FROM roll_calls WHERE `+where+` ORDER BY date, id`)
		if err != nil {
			return err
		}
		t = &record.Table{}
		rowOf := map[int64]int{}
		for rows.Next() {
			rc, err := scanRollCall(rows)
			if err != nil {
				rows.Close()
				return err
			}
			rowOf[rc.ID] = len(t.RollCalls)
			t.RollCalls = append(t.RollCalls, *rc)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		var want int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM votes WHERE roll_call_id IN (SELECT id FROM roll_calls WHERE `+where+`)`).Scan(&want); err != nil {
			return err
		}
		ballots, err := readBallots(ctx, q, `SELECT roll_call_id, votes FROM ballots WHERE roll_call_id IN (SELECT id FROM roll_calls WHERE `+where+`)`, rowOf)
		if err != nil || ballots == nil {
			return err
		}
		// The columns are the whole table's, every country with a vote,
		// so that "all countries" and a country without a vote in these
		// years mean what they mean on the whole table.
		used, err := votingCountries(ctx, q)
		if err != nil {
			return err
		}
		n, err := fillColumns(t, ballots, used, s.countryISO)
		ok = err == nil && n == want
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !ok {
		return s.Table(ctx)
	}
	return t, nil
}

// fillColumns lays ballots out as the dense table with a column for each
// country row id used, in ISO3 order, and returns the number of votes.
func fillColumns(t *record.Table, ballots map[int]string, used []bool, iso map[int64]string) (int, error) {
	var ids []int64
	for c, u := range used {
		if !u {
			continue
		}
		if _, known := iso[int64(c)]; !known {
			return 0, fmt.Errorf("a vote of unknown country %d", c)
		}
		ids = append(ids, int64(c))
	}
	sort.Slice(ids, func(i, j int) bool { return iso[ids[i]] < iso[ids[j]] })
	col := make([]int, len(used))
	t.Countries = make([]string, len(ids))
	for i, c := range ids {
		col[c] = i
		t.Countries[i] = iso[c]
	}
	nc := len(ids)
	flat := make([]record.Vote, len(t.RollCalls)*nc)
	t.Votes = make([][]record.Vote, len(t.RollCalls))
	for i := range t.Votes {
		t.Votes[i] = flat[i*nc : (i+1)*nc : (i+1)*nc]
	}
	n := 0
	for r, b := range ballots {
		var bad bool
		err := decodeBallot(b, func(c int64, v record.Vote) {
			if int(c) >= len(used) || !used[c] {
				bad = true
				return
			}
			t.Votes[r][col[c]] = v
			n++
		})
		if err != nil || bad {
			return 0, fmt.Errorf("a ballot out of step with the cache")
		}
	}
	return n, nil
}

// HasRollCalls reports whether the database holds any roll call, without
// reading one.
func (s *Store) HasRollCalls(ctx context.Context) (_ bool, err error) {
	defer func() { err = explain(s.path, err) }()
	var has bool
	err = s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM roll_calls)`).Scan(&has)
	return has, err
}
