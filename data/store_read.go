package data

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"plenary/data/record"
)

// BodyInfo summarises what the database holds for one body.
type BodyInfo struct {
	Body        record.Body
	RollCalls   int
	Votes       int
	First, Last string // dates
}

// Info is what the database holds: the status bar and `plenary info`.
type Info struct {
	Bodies    []BodyInfo
	Countries int // countries with at least one vote
	Positions int
	// Vetoes are the vetoes of the veto lists, VetoesFromVotes those read
	// from the member votes of failed drafts (which a list may give too).
	Vetoes, VetoesFromVotes int
	Imports                 []record.ImportInfo
	SampleOnly              bool // everything there is comes from the built-in data (the history and the sample)
	Speeches                SpeechInfo
}

// SpeechInfo counts the stored General Debate speeches.
type SpeechInfo struct {
	Count       int
	States      int // the codes they are filed under (the EU among them)
	First, Last int // years; 0 when there are none
}

// Info summarises the database.
func (s *Store) Info(ctx context.Context) (_ *Info, err error) {
	defer func() { err = explain(s.path, err) }()
	// Every number comes from the same snapshot, even while another process
	// commits an import.
	var in *Info
	err = s.snapshot(ctx, func(q querier) (err error) {
		in, err = info(ctx, q)
		return err
	})
	return in, err
}

func info(ctx context.Context, q querier) (*Info, error) {
	info := &Info{}
	nonSample, err := countRollCalls(ctx, q, info)
	if err != nil {
		return nil, err
	}
	var ownPositions int // those the user recorded, not the sample's
	if err := q.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE sample = 0) FROM positions`).Scan(&info.Positions, &ownPositions); err != nil {
		return nil, err
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE roll_call = ''), count(*) FILTER (WHERE roll_call != '') FROM vetoes`).Scan(&info.Vetoes, &info.VetoesFromVotes); err != nil {
		return nil, err
	}
	sp := &info.Speeches
	if err := q.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT country), coalesce(min(year), 0), coalesce(max(year), 0) FROM speeches`).Scan(&sp.Count, &sp.States, &sp.First, &sp.Last); err != nil {
		return nil, err
	}
	if info.Imports, err = imports(ctx, q); err != nil {
		return nil, err
	}
	nonSample += ownPositions
	total := info.Positions
	for _, b := range info.Bodies {
		total += b.RollCalls
	}
	info.SampleOnly = total > 0 && nonSample == 0
	return info, nil
}

// countRollCalls fills in each body's roll calls, votes and dates and the
// countries with a vote, and counts the roll calls that are not the
// built-in data's. SQLite sums what it can itself (a ballot holds two
// characters per vote, so its length counts them); only the countries
// with a vote need the ballots read here.
func countRollCalls(ctx context.Context, q querier, info *Info) (nonSample int, err error) {
	rows, err := q.QueryContext(ctx, `SELECT r.body, count(*), coalesce(min(nullif(r.date, '')), ''), coalesce(max(r.date), ''),
		coalesce(sum(length(b.votes)), 0) / 2, count(*) FILTER (WHERE r.flags & ? = 0)
		FROM roll_calls r LEFT JOIN ballots b ON b.roll_call_id = r.id GROUP BY r.body ORDER BY r.body`, int(record.Sample))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var b BodyInfo
		var body string
		var n int
		if err := rows.Scan(&body, &b.RollCalls, &b.First, &b.Last, &b.Votes, &n); err != nil {
			return 0, err
		}
		b.Body = record.Body(body)
		info.Bodies = append(info.Bodies, b)
		nonSample += n
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	used, err := votingCountries(ctx, q)
	if err != nil {
		return 0, err
	}
	for _, u := range used {
		if u {
			info.Countries++
		}
	}
	return nonSample, nil
}

// votingCountries reports which countries (by row id) have a vote in any
// ballot.
func votingCountries(ctx context.Context, q querier) ([]bool, error) {
	n, err := votesPerCountry(ctx, q)
	used := make([]bool, len(n))
	for c, v := range n {
		used[c] = v > 0
	}
	return used, err
}

// votesPerCountry counts every country's votes (by country row id) in the
// ballots: pairs of a country's row id and its vote, each a UTF-8 rune,
// read as raw bytes. Most ids and every vote are single bytes, read
// without decoding.
func votesPerCountry(ctx context.Context, q querier) ([]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT votes FROM ballots`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var n []int
	var ballot sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&ballot); err != nil {
			return nil, err
		}
		for b := ballot; len(b) > 0; {
			c, k := rune(b[0]), 1
			if c >= utf8.RuneSelf {
				c, k = utf8.DecodeRune(b)
			}
			b = b[k:]
			if len(b) == 0 || c == utf8.RuneError {
				return nil, fmt.Errorf("a damaged ballot")
			}
			v, m := rune(b[0]), 1
			if v >= utf8.RuneSelf {
				v, m = utf8.DecodeRune(b)
			}
			if v == utf8.RuneError {
				return nil, fmt.Errorf("a damaged ballot")
			}
			b = b[m:]
			for int(c) >= len(n) {
				n = append(n, 0)
			}
			n[c]++
		}
	}
	return n, rows.Err()
}

// Empty reports whether the database holds no roll calls and no positions.
func (i *Info) Empty() bool {
	return len(i.Bodies) == 0 && i.Positions == 0
}

// Imports lists the import log, newest first.
func (s *Store) Imports(ctx context.Context) (_ []record.ImportInfo, err error) {
	defer func() { err = explain(s.path, err) }()
	return imports(ctx, s.db)
}

func imports(ctx context.Context, q querier) ([]record.ImportInfo, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, finished, format, dataset, app_version, sample, roll_calls_added, roll_calls_updated,
		roll_calls_unchanged, votes_added, votes_changed, votes_unchanged, warnings FROM imports ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	var out []record.ImportInfo
	for rows.Next() {
		var im record.ImportInfo
		var warnings string
		if err := rows.Scan(&im.ID, &im.Finished, &im.Format, &im.Dataset, &im.AppVersion, &im.Sample, &im.RollCalls.Added, &im.RollCalls.Updated,
			&im.RollCalls.Unchanged, &im.Votes.Added, &im.Votes.Changed, &im.Votes.Unchanged, &warnings); err != nil {
			rows.Close()
			return nil, err
		}
		if warnings != "" {
			im.Warnings = strings.Count(warnings, "\n") + 1
		}
		out = append(out, im)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		fr, err := q.QueryContext(ctx, `SELECT name, size, sha256 FROM import_files WHERE import_id = ? ORDER BY name`, out[i].ID)
		if err != nil {
			return nil, err
		}
		for fr.Next() {
			var f record.ImportFile
			if err := fr.Scan(&f.Name, &f.Size, &f.SHA256); err != nil {
				fr.Close()
				return nil, err
			}
			out[i].Files = append(out[i].Files, f)
		}
		fr.Close()
	}
	return out, nil
}

// FindRollCalls returns the roll calls with a symbol (compared in the UN's
// form, so "S/RES/2774(2025)" and "s/res/2774 (2025)" are found), or the one
// with that stable id when ref is a number. The roll call on the text as a
// whole comes first; votes on amendments and paragraphs follow.
func (s *Store) FindRollCalls(ctx context.Context, ref string) (_ []record.RollCall, err error) {
	defer func() { err = explain(s.path, err) }()
	ref = strings.TrimSpace(ref)
	var rows *sql.Rows
	if id, e := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64); e == nil {
		rows, err = s.db.QueryContext(ctx, `SELECT `+rollCallColumns+` FROM roll_calls WHERE id = ?`, id)
	} else {
		rows, err = s.db.QueryContext(ctx, `SELECT `+rollCallColumns+` FROM roll_calls WHERE symbol = ? COLLATE NOCASE ORDER BY (flags & ?) != 0, date DESC, id`,
			record.NormalizeSymbol(ref), int(record.Amendment|record.Paragraph))
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []record.RollCall
	for rows.Next() {
		rc, err := scanRollCall(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *rc)
	}
	return out, rows.Err()
}

// CountryVote is one country's vote on a roll call.
type CountryVote struct {
	ISO3 string
	Name string
	Vote record.Vote
}

// Votes lists every vote on a roll call, by country name.
func (s *Store) Votes(ctx context.Context, rollCallID int64) (_ []CountryVote, err error) {
	defer func() { err = explain(s.path, err) }()
	rows, err := s.db.QueryContext(ctx, `SELECT c.iso3, c.name, v.vote FROM votes v JOIN countries c ON c.id = v.country_id
		WHERE v.roll_call_id = ? ORDER BY c.name`, rollCallID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CountryVote
	for rows.Next() {
		var cv CountryVote
		var v int
		if err := rows.Scan(&cv.ISO3, &cv.Name, &v); err != nil {
			return nil, err
		}
		cv.Vote = record.Vote(v)
		out = append(out, cv)
	}
	return out, rows.Err()
}

// Table loads every roll call and vote into the dense form the comparisons
// run on. The whole unvotes history takes a few megabytes this way. The
// votes come from the ballots cache, checked against the votes table and
// rebuilt from it when they disagree.
func (s *Store) Table(ctx context.Context) (_ *record.Table, err error) {
	defer func() { err = explain(s.path, err) }()
	for attempt := 0; ; attempt++ {
		t, ok, err := s.table(ctx)
		if err != nil || ok {
			return t, err
		}
		if attempt > 0 || s.readOnly {
			return s.tableFromVotes(ctx)
		}
		if err := s.RebuildBallots(ctx); err != nil {
			return nil, err
		}
	}
}

// table reads the roll calls and the ballots in one read transaction, so
// that they come from one snapshot even while another process imports.
func (s *Store) table(ctx context.Context) (t *record.Table, ok bool, err error) {
	err = s.snapshot(ctx, func(q querier) error {
		var rowOf map[int64]int
		if t, rowOf, err = readRollCalls(ctx, q); err != nil {
			return err
		}
		if ok, err = readVotes(ctx, q, t, rowOf, s.countryISO); err != nil || !ok {
			return err
		}
		t.Vetoes, err = readVetoes(ctx, q)
		return err
	})
	return t, ok, err
}

// snapshot runs read in one read transaction, so that its queries see one
// committed state even while another connection or process imports. The
// BEGIN is deferred: a read must not take the write lock.
func (s *Store) snapshot(ctx context.Context, read func(q querier) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return err
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	return read(conn)
}

func readRollCalls(ctx context.Context, q querier) (*record.Table, map[int64]int, error) {
	t := &record.Table{}
	rows, err := q.QueryContext(ctx, `SELECT `+rollCallColumns+` FROM roll_calls ORDER BY date, id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	rowOf := map[int64]int{}
	for rows.Next() {
		rc, err := scanRollCall(rows)
		if err != nil {
			return nil, nil, err
		}
		rowOf[rc.ID] = len(t.RollCalls)
		t.RollCalls = append(t.RollCalls, *rc)
	}
	return t, rowOf, rows.Err()
}

// tableFromVotes reads the votes table row by row: the slow way, for a
// read-only database whose ballots cache is out of step.
func (s *Store) tableFromVotes(ctx context.Context) (t *record.Table, err error) {
	err = s.snapshot(ctx, func(q querier) error {
		var rowOf map[int64]int
		if t, rowOf, err = readRollCalls(ctx, q); err != nil {
			return err
		}
		ballots, err := readBallots(ctx, q, `SELECT roll_call_id, `+ballotOfVotes+` FROM votes GROUP BY roll_call_id`, rowOf)
		if err != nil {
			return err
		}
		if ballots == nil {
			return fmt.Errorf("%s: votes of a roll call that does not exist", s.path)
		}
		if _, err = fillVotes(t, ballots, s.countryISO); err != nil {
			return err
		}
		t.Vetoes, err = readVetoes(ctx, q)
		return err
	})
	return t, err
}

// Topics lists the distinct topics of the roll calls, most used first.
func (s *Store) Topics(ctx context.Context) (_ []string, err error) {
	defer func() { err = explain(s.path, err) }()
	rows, err := s.db.QueryContext(ctx, `SELECT topics FROM roll_calls WHERE topics != ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	count := map[string]int{}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		for _, x := range splitTopics(t) {
			count[x]++
		}
	}
	out := make([]string, 0, len(count))
	for t := range count {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		if count[out[i]] != count[out[j]] {
			return count[out[i]] > count[out[j]]
		}
		return out[i] < out[j]
	})
	return out, rows.Err()
}
