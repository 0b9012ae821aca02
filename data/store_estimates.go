package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// maxEstimates is how many cached estimations a database keeps: each is
// a few hundred kilobytes, and a user explores a handful of selections.
const maxEstimates = 16

// Estimate returns the cached result stored under key, if any. The
// caller owns the encoding; the store only keeps bytes.
func (s *Store) Estimate(ctx context.Context, key string) ([]byte, bool, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT result FROM estimates WHERE key = ?`, key).Scan(&b)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, explain(s.path, err)
	}
	return b, true, nil
}

// SaveEstimate caches a result under key, keeping the most recent
// maxEstimates. A read-only database keeps nothing and says nothing: a
// cache that cannot be written only costs time.
func (s *Store) SaveEstimate(ctx context.Context, key string, result []byte) error {
	if s.readOnly {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeErr(err)
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(time.RFC3339Nano)
	if _, err := tx.ExecContext(ctx, `INSERT INTO estimates (key, result, created) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET result = excluded.result, created = excluded.created`, key, result, now); err != nil {
		return s.writeErr(err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM estimates WHERE key NOT IN
		(SELECT key FROM estimates ORDER BY created DESC, key LIMIT ?)`, maxEstimates); err != nil {
		return s.writeErr(err)
	}
	if err := tx.Commit(); err != nil {
		return s.writeErr(err)
	}
	return nil
}
