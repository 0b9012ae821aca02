package data

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"plenary/data/ingest"
)

// logImport completes the imports row with what was done, and the files
// with their SHA-256, so that charts can print their provenance.
func (w *writer) logImport(started time.Time, batches []*ingest.Batch, files []ingest.FileSum) error {
	var formats, datasets []string
	for _, b := range batches {
		if !slices.Contains(formats, string(b.Format)) {
			formats = append(formats, string(b.Format))
		}
		if !slices.Contains(datasets, b.Dataset) {
			datasets = append(datasets, b.Dataset)
		}
	}
	r := w.rep
	_, err := w.tx.ExecContext(w.ctx, `UPDATE imports SET started=?, finished=?, format=?, dataset=?, rows_read=?,
		roll_calls_added=?, roll_calls_updated=?, roll_calls_unchanged=?, votes_added=?, votes_changed=?, votes_unchanged=?,
		positions_added=?, positions_updated=?, warnings=? WHERE id=?`,
		started.Format(time.RFC3339), nowUTC(), strings.Join(formats, ", "), strings.Join(datasets, "; "), r.Rows,
		r.RollCalls.Added, r.RollCalls.Updated, r.RollCalls.Unchanged, r.Votes.Added, r.Votes.Changed, r.Votes.Unchanged,
		r.Positions.Added, r.Positions.Updated, strings.Join(r.Warnings, "\n"), w.importID)
	if err != nil {
		return err
	}
	for _, f := range files {
		if _, err := w.tx.ExecContext(w.ctx, `INSERT OR REPLACE INTO import_files (import_id, name, size, sha256) VALUES (?,?,?,?)`,
			w.importID, f.Name, f.Size, f.SHA256); err != nil {
			return err
		}
	}
	r.ImportID = w.importID
	return nil
}

// previousImport says when files with the same SHA-256 were imported.
func (s *Store) previousImport(ctx context.Context, files []ingest.FileSum) string {
	if len(files) == 0 {
		return ""
	}
	var when string
	err := s.db.QueryRowContext(ctx, `SELECT i.finished FROM import_files f JOIN imports i ON i.id = f.import_id
		WHERE f.sha256 = ? ORDER BY i.id DESC LIMIT 1`, files[0].SHA256).Scan(&when)
	if errors.Is(err, sql.ErrNoRows) || err != nil {
		return ""
	}
	return "on " + when
}

// baseName is the last element of a path with either separator, as the
// warnings name files.
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
