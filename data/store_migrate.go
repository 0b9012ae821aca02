package data

import (
	"context"
	"fmt"
	"strconv"
)

// init checks the schema version, migrates (stamping a database of an
// earlier Plenary with the application id), and loads the country table.
// probe has already refused every file that is not a Plenary database.
func (s *Store) init() error {
	ctx := context.Background()
	id, v, err := identify(ctx, s.db, s.path)
	if err != nil {
		return err
	}
	if v < SchemaVersion || id != identityOurs {
		if s.readOnly {
			return s.readOnlyOld(v)
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

// readOnlyOld says why a database that needs an upgrade cannot be read
// without one; an earlier Plenary's database of the current schema reads
// as it is, unstamped.
func (s *Store) readOnlyOld(v int) error {
	switch {
	case v == 0:
		return &OpenError{Path: s.path, Err: ErrNotDatabase, Hint: "the file is empty"}
	case v < SchemaVersion:
		return &OpenError{Path: s.path, Err: ErrReadOnly, Hint: "its schema is older and must be upgraded, which needs write access"}
	}
	return nil
}

// migrate brings the schema from version from to SchemaVersion and stamps
// the application id, in one transaction: a failure leaves the file as it
// was.
func (s *Store) migrate(ctx context.Context, from int) error {
	if from < 0 || from > SchemaVersion {
		return &OpenError{Path: s.path, Err: ErrCorrupt, Hint: fmt.Sprintf("its schema version (%d) is not one Plenary ever wrote", from)}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.openErr(err)
	}
	defer tx.Rollback()
	// Another process may have upgraded the file since it was read: the
	// transaction holds the write lock, so what it reads now is what it
	// upgrades.
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&from); err != nil {
		return s.openErr(err)
	}
	if from < 0 || from > SchemaVersion {
		return &OpenError{Path: s.path, Err: ErrCorrupt, Hint: fmt.Sprintf("its schema version (%d) is not one Plenary ever wrote", from)}
	}
	for v := from; v < SchemaVersion; v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return &OpenError{Path: s.path, Err: fmt.Errorf("upgrading the schema to version %d: %w", v+1, err)}
		}
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(SchemaVersion)); err != nil {
		return s.openErr(err)
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA application_id = "+strconv.Itoa(applicationID)); err != nil {
		return s.openErr(err)
	}
	if err := tx.Commit(); err != nil {
		return s.openErr(err)
	}
	return nil
}
