package data

import (
	"database/sql"
	"strings"
	"time"

	"plenary/data/record"
)

// How plain values map to columns, for reading and writing alike.

// nowUTC is the timestamp every row records.
func nowUTC() string { return time.Now().UTC().Format(time.RFC3339) }

// nullInt stores 0, which no dataset uses as an identifier, as NULL.
func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// rollCallArgs are a roll call's values for the columns from body to
// undl_id, in the order of the import's INSERT and UPDATE.
func rollCallArgs(rc *record.RollCall) []any {
	var py, pn, pa, pv any
	if p := rc.Published; p != nil {
		py, pn, pa, pv = p.Yes, p.No, p.Abstain, p.NonVoting
	}
	return []any{string(rc.Body), rc.Symbol, rc.Date, rc.Session, rc.Title, rc.Description, joinTopics(rc.Topics), rc.Draft, rc.Meeting,
		int(rc.Flags), py, pn, pa, pv, rc.Source, rc.Link, nullInt(rc.RCID), nullInt(rc.UNDLID)}
}

// scanRollCall reads the columns selected by rollCallColumns.
func scanRollCall(rows interface{ Scan(...any) error }) (*record.RollCall, error) {
	var rc record.RollCall
	var body, topics string
	var flags int
	var py, pn, pa, pv sql.NullInt64
	if err := rows.Scan(&rc.ID, &body, &rc.Symbol, &rc.Date, &rc.Session, &rc.Title, &rc.Description, &topics, &rc.Draft, &rc.Meeting,
		&flags, &py, &pn, &pa, &pv, &rc.Source, &rc.Link, &rc.RCID, &rc.UNDLID); err != nil {
		return nil, err
	}
	rc.Body = record.Body(body)
	rc.Topics = splitTopics(topics)
	rc.Flags = record.Flags(flags)
	if py.Valid || pn.Valid || pa.Valid {
		rc.Published = &record.Totals{Yes: int(py.Int64), No: int(pn.Int64), Abstain: int(pa.Int64), NonVoting: int(pv.Int64)}
	}
	return &rc, nil
}

// rollCallColumns is the select list scanRollCall reads.
const rollCallColumns = `id, body, symbol, date, session, title, description, topics, draft, meeting, flags,
	pub_yes, pub_no, pub_abstain, pub_nonvoting, source, link, coalesce(rcid, 0), coalesce(undl_id, 0)`

// joinTopics stores topics in one column; "; " cannot occur inside a topic
// because the readers split on it.
func joinTopics(t []string) string { return strings.Join(t, "; ") }

func splitTopics(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "; ")
}
