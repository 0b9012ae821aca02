package data

import (
	"context"
	"io/fs"

	"plenary/assets"
	"plenary/data/ingest"
	"plenary/data/record"
)

// LoadSample writes the built-in sample (the three votes of 24 February
// 2025 and the positions recorded that day) marked as sample data. Loading
// it again changes nothing.
func (s *Store) LoadSample(ctx context.Context) (*Report, error) {
	if s.readOnly {
		return nil, ErrReadOnly
	}
	sub, err := fs.Sub(assets.Sample, "sample")
	if err != nil {
		return nil, err
	}
	var sources []ingest.Source
	for _, f := range []struct {
		name   string
		format ingest.Format
	}{{"votes.csv", ingest.FormatPlenary}, {"positions.csv", ingest.FormatPositions}} {
		st, err := fs.Stat(sub, f.name)
		if err != nil {
			return nil, err
		}
		sources = append(sources, ingest.Source{Format: f.format, Files: []string{f.name}, Size: st.Size(), FS: sub})
	}
	return s.importSources(ctx, sources, ImportOptions{sample: true}, &Report{})
}

// RemoveSample deletes the sample's roll calls and positions in one step.
// Roll calls that a later import also wrote have lost their sample mark and
// stay. It returns how many roll calls and positions were removed.
func (s *Store) RemoveSample(ctx context.Context) (int, error) {
	if s.readOnly {
		return 0, ErrReadOnly
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.writeErr(err)
	}
	defer tx.Rollback()
	r1, err := tx.ExecContext(ctx, `DELETE FROM roll_calls WHERE flags & ? != 0`, int(record.Sample))
	if err != nil {
		return 0, s.writeErr(err)
	}
	r2, err := tx.ExecContext(ctx, `DELETE FROM positions WHERE sample = 1`)
	if err != nil {
		return 0, s.writeErr(err)
	}
	if err := tx.Commit(); err != nil {
		return 0, s.writeErr(err)
	}
	n1, _ := r1.RowsAffected()
	n2, _ := r2.RowsAffected()
	return int(n1 + n2), nil
}
