package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"plenary/data/ingest"
	"plenary/data/record"
)

// vetoes writes a batch's vetoes. A veto is found again by its draft, day
// (or year), agenda item, place among the same-day entries and the roll
// call it was read from; one already stored with the same content is left
// alone, so that importing a list twice changes nothing.
func (w *writer) vetoes(b *ingest.Batch) error {
	for _, v := range b.Vetoes {
		if err := w.stop.Err(); err != nil {
			return err
		}
		members := strings.Join(v.Members, " ")
		var id int64
		var meeting, topic, region, have string
		err := w.tx.QueryRowContext(w.ctx, `SELECT id, meeting, topic, region, members FROM vetoes
			WHERE draft = ? AND date = ? AND year = ? AND agenda = ? AND seq = ? AND roll_call = ?`,
			v.Draft, v.Date, v.Year, v.Agenda, v.Seq, v.RollCall).Scan(&id, &meeting, &topic, &region, &have)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO vetoes (draft, date, year, seq, roll_call, meeting, agenda, topic, region, members, source, import_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				v.Draft, v.Date, v.Year, v.Seq, v.RollCall, v.Meeting, v.Agenda, v.Topic, v.Region, members, b.Dataset, w.importID); err != nil {
				return err
			}
			w.rep.Vetoes.Added++
		case err != nil:
			return err
		case meeting == v.Meeting && topic == v.Topic && region == v.Region && have == members:
			w.rep.Vetoes.Unchanged++
		default:
			if _, err := w.tx.ExecContext(w.ctx, `UPDATE vetoes SET meeting = ?, topic = ?, region = ?, members = ?, source = ?, import_id = ? WHERE id = ?`,
				v.Meeting, v.Topic, v.Region, members, b.Dataset, w.importID, id); err != nil {
				return err
			}
			w.rep.Vetoes.Updated++
			if have != members {
				w.rep.Warnings = append(w.rep.Warnings, fmt.Sprintf("%s:%d: %s: vetoed by %s, an earlier import said %s (this import wins)",
					baseName(v.File), v.Line, v.Draft, members, have))
			}
		}
	}
	return nil
}

// readVetoes reads every stored veto, oldest first (a veto known only by
// its year before those of its year known by the day).
func readVetoes(ctx context.Context, q querier) ([]record.Veto, error) {
	rows, err := q.QueryContext(ctx, `SELECT draft, date, year, roll_call, meeting, agenda, topic, region, members, source
		FROM vetoes ORDER BY year, date, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []record.Veto
	for rows.Next() {
		var v record.Veto
		var members string
		if err := rows.Scan(&v.Draft, &v.Date, &v.Year, &v.RollCall, &v.Meeting, &v.Agenda, &v.Topic, &v.Region, &members, &v.Source); err != nil {
			return nil, err
		}
		v.Members = strings.Fields(members)
		out = append(out, v)
	}
	return out, rows.Err()
}
