package data

import (
	"context"
	"fmt"
	"strconv"
)

// init checks the schema version, migrates, and loads the country table.
func (s *Store) init() error {
	ctx := context.Background()
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return s.openErr(err)
	}
	if v < SchemaVersion {
		if s.readOnly {
			if v == 0 {
				return &OpenError{Path: s.path, Err: ErrNotDatabase, Hint: "the file is empty"}
			}
			return &OpenError{Path: s.path, Err: ErrReadOnly, Hint: "its schema is older and must be upgraded, which needs write access"}
		}
		if err := s.migrate(ctx, v); err != nil {
			return err
		}
	}
	if !s.readOnly {
		if err := s.syncCountries(ctx); err != nil {
			return s.openErr(err)
		}
	}
	return s.loadCountryIDs(ctx)
}

func (s *Store) migrate(ctx context.Context, from int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.openErr(err)
	}
	defer tx.Rollback()
	for v := from; v < SchemaVersion; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return &OpenError{Path: s.path, Err: fmt.Errorf("upgrading the schema to version %d: %w", v+1, err)}
		}
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(SchemaVersion)); err != nil {
		return s.openErr(err)
	}
	if err := tx.Commit(); err != nil {
		return s.openErr(err)
	}
	return nil
}
