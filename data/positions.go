package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"plenary/data/countries"
	"plenary/data/ingest"
	"plenary/data/record"
)

// Positions lists recorded positions, newest first, of the given countries
// (all when none are given).
func (s *Store) Positions(ctx context.Context, iso3 ...string) (_ []record.Position, err error) {
	defer func() { err = explain(s.path, err) }()
	q := `SELECT p.id, c.iso3, p.date, p.topic, p.stance, p.summary, p.quote, p.source, p.sample FROM positions p JOIN countries c ON c.id = p.country_id`
	var args []any
	if len(iso3) > 0 {
		q += ` WHERE c.iso3 IN (` + strings.TrimSuffix(strings.Repeat("?,", len(iso3)), ",") + `)`
		for _, c := range iso3 {
			args = append(args, c)
		}
	}
	q += ` ORDER BY p.date DESC, c.iso3, p.id`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []record.Position
	for rows.Next() {
		var p record.Position
		var stance string
		if err := rows.Scan(&p.ID, &p.Country, &p.Date, &p.Topic, &stance, &p.Summary, &p.Quote, &p.Source, &p.Sample); err != nil {
			return nil, err
		}
		p.Stance = record.Stance(stance)
		out = append(out, p)
	}
	return out, rows.Err()
}

// ValidatePosition checks a position before it is saved.
func ValidatePosition(p record.Position) error {
	if _, ok := countries.ByISO3(p.Country); !ok {
		return fmt.Errorf("unknown country %q", p.Country)
	}
	if len(p.Date) != 10 || p.Date[4] != '-' || p.Date[7] != '-' {
		return fmt.Errorf("date %q: expected YYYY-MM-DD", p.Date)
	}
	if strings.TrimSpace(p.Topic) == "" {
		return fmt.Errorf("the topic is empty")
	}
	if _, ok := record.ParseStance(string(p.Stance)); !ok {
		return fmt.Errorf("stance %q: expected supports, opposes or neutral", p.Stance)
	}
	if strings.TrimSpace(p.Summary) == "" {
		return fmt.Errorf("the summary is empty")
	}
	if strings.ContainsAny(p.Summary, "\r\n") {
		return fmt.Errorf("the summary must be one line")
	}
	return nil
}

// SavePosition adds a position (ID 0) or updates one, and returns its id.
func (s *Store) SavePosition(ctx context.Context, p record.Position) (int64, error) {
	if s.readOnly {
		return 0, ErrReadOnly
	}
	if err := ValidatePosition(p); err != nil {
		return 0, err
	}
	st, _ := record.ParseStance(string(p.Stance))
	cid := s.countryID[p.Country]
	now := nowUTC()
	if p.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO positions (country_id, date, topic, stance, summary, quote, source, sample, created, updated)
			VALUES (?,?,?,?,?,?,?,0,?,?)`, cid, p.Date, strings.TrimSpace(p.Topic), string(st), strings.TrimSpace(p.Summary), p.Quote, p.Source, now, now)
		if err != nil {
			return 0, s.positionErr(err)
		}
		return res.LastInsertId()
	}
	res, err := s.db.ExecContext(ctx, `UPDATE positions SET country_id=?, date=?, topic=?, stance=?, summary=?, quote=?, source=?, sample=0, updated=? WHERE id=?`,
		cid, p.Date, strings.TrimSpace(p.Topic), string(st), strings.TrimSpace(p.Summary), p.Quote, p.Source, now, p.ID)
	if err != nil {
		return 0, s.positionErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, fmt.Errorf("position %d does not exist", p.ID)
	}
	return p.ID, nil
}

func (s *Store) positionErr(err error) error {
	if strings.Contains(err.Error(), "UNIQUE") {
		return fmt.Errorf("the same position (country, date, topic and summary) is already recorded")
	}
	return s.writeErr(err)
}

// DeletePosition removes a recorded position.
func (s *Store) DeletePosition(ctx context.Context, id int64) error {
	if s.readOnly {
		return ErrReadOnly
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM positions WHERE id = ?`, id)
	if err != nil {
		return s.writeErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("position %d does not exist", id)
	}
	return nil
}

// position stores an imported position: a new one is added; one recorded
// already (same country, date, topic and summary) takes the stance, quote
// and source of the file.
func (w *writer) position(p *ingest.Position) error {
	cid, ok := w.s.countryID[p.Country]
	if !ok {
		return fmt.Errorf("country %s is not in the country table", p.Country)
	}
	if record.LooksLikeLink(p.Source) && !record.WebLink(p.Source) {
		w.warnAt(p.File, p.Line, notWebLink, "the source of "+p.Country+"'s position of "+p.Date, p.Source)
	}
	now := nowUTC()
	var id int64
	var stance, quote, source string
	err := w.st.selPos.QueryRowContext(w.ctx, cid, p.Date, p.Topic, p.Summary).Scan(&id, &stance, &quote, &source)
	switch {
	case err == sql.ErrNoRows:
		if _, err := w.st.insPos.ExecContext(w.ctx, cid, p.Date, p.Topic, string(p.Stance), p.Summary, p.Quote, p.Source, w.opt.sample, w.importID, now, now); err != nil {
			return err
		}
		w.rep.Positions.Added++
	case err != nil:
		return err
	case stance == string(p.Stance) && quote == p.Quote && source == p.Source:
		w.rep.Positions.Unchanged++
	default:
		if _, err := w.st.updPos.ExecContext(w.ctx, string(p.Stance), p.Quote, p.Source, w.importID, now, id); err != nil {
			return err
		}
		w.rep.Positions.Updated++
	}
	return nil
}
