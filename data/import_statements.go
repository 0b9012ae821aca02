package data

import (
	"context"
	"database/sql"
)

// statements are the prepared statements of an import, on its transaction.
// Votes are inserted apart, through the driver (voteInserter).
type statements struct {
	insRC, updRC, selVotes, updVote, selPos, insPos, updPos, putBallot, insTopic *sql.Stmt
}

// prepareStatements prepares every statement of an import, or none.
func prepareStatements(ctx context.Context, tx *sql.Tx) (*statements, error) {
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	s := &statements{
		insRC: prep(`INSERT INTO roll_calls (body, symbol, date, session, title, description, topics, draft, meeting, flags,
		pub_yes, pub_no, pub_abstain, pub_nonvoting, source, link, rcid, undl_id, import_id, id)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`),
		updRC: prep(`UPDATE roll_calls SET body=?, symbol=?, date=?, session=?, title=?, description=?, topics=?, draft=?, meeting=?, flags=?,
		pub_yes=?, pub_no=?, pub_abstain=?, pub_nonvoting=?, source=?, link=?, rcid=?, undl_id=?, import_id=? WHERE id=?`),
		selVotes: prep(`SELECT country_id, vote FROM votes WHERE roll_call_id = ?`),
		updVote:  prep(`UPDATE votes SET vote = ? WHERE roll_call_id = ? AND country_id = ?`),
		selPos:   prep(`SELECT id, stance, quote, source FROM positions WHERE country_id=? AND date=? AND topic=? AND summary=?`),
		insPos: prep(`INSERT INTO positions (country_id, date, topic, stance, summary, quote, source, sample, import_id, created, updated)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`),
		updPos:    prep(`UPDATE positions SET stance=?, quote=?, source=?, import_id=?, updated=? WHERE id=?`),
		putBallot: prep(`INSERT OR REPLACE INTO ballots (roll_call_id, votes) VALUES (?, ?)`),
		insTopic:  prep(`INSERT OR IGNORE INTO roll_call_topics (roll_call_id, topic, source) VALUES (?, ?, ?)`),
	}
	if err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func (s *statements) close() {
	for _, st := range []*sql.Stmt{s.insRC, s.updRC, s.selVotes, s.updVote, s.selPos, s.insPos, s.updPos, s.putBallot, s.insTopic} {
		if st != nil {
			st.Close()
		}
	}
}
