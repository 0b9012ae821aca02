package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"plenary/data/safefile"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// Errors that tell the UI which way forward to offer when a file cannot be
// opened as a Plenary database.
var (
	ErrNotDatabase = errors.New("not a Plenary database")
	ErrNewerSchema = errors.New("the database was written by a newer version of Plenary")
	ErrCorrupt     = errors.New("the database file is damaged")
	ErrReadOnly    = errors.New("the database is open read-only")
)

// OpenError wraps why a database could not be opened, with the file's path
// and what the user can do about it.
type OpenError struct {
	Path string
	Err  error  // one of the Err… values above, or the underlying error
	Hint string // what to do
}

func (e *OpenError) Error() string {
	msg := fmt.Sprintf("%s: %v", e.Path, e.Err)
	if e.Hint != "" {
		msg += " — " + e.Hint
	}
	return msg
}

func (e *OpenError) Unwrap() error { return e.Err }

// Options tune how a database is opened.
type Options struct {
	ReadOnly bool // never write, not even the schema; for files that are not ours to change
	// MustExist refuses a missing file instead of creating it (and its
	// folders): for commands that only read.
	MustExist bool
	// Quick leaves out the check of every page at open (PRAGMA
	// quick_check reads the whole file, most of the time of a short
	// command): for a command that reads a few rows and ends. A damaged
	// page it reads is still reported, as ErrCorrupt.
	Quick bool
}

// Store is an open Plenary database. Its methods are safe for concurrent
// use: SQLite in WAL mode lets readers go on while one import writes.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	// countries caches the country table: iso3 ↔ row id, read at open.
	countryID  map[string]int64
	countryISO map[int64]string
	// speechList caches the speeches without their text (Speeches).
	speechList atomic.Pointer[speechList]
}

// DefaultPath is where the database lives unless --db or PLENARY_DB say
// otherwise: the user's data folder (dataDir: ~/.local/share/plenary on
// Linux, %AppData%\Plenary on Windows, ~/Library/Application
// Support/Plenary on macOS).
func DefaultPath() (string, error) {
	if p := os.Getenv("PLENARY_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the folder for the database: %w (use --db PATH)", err)
	}
	return filepath.Join(dir, "plenary.db"), nil
}

// Open opens (creating if needed, unless opt says otherwise) the database
// at path and brings its schema up to date. A file that is not SQLite, is
// damaged or comes from a newer Plenary is never written to: Open returns
// an *OpenError instead.
func Open(path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("no database file given: name one with --db PATH")
	}
	ro, err := preflight(path, opt.ReadOnly || opt.MustExist, true, !opt.Quick)
	if err != nil {
		return nil, err
	}
	if !opt.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, &OpenError{Path: path, Err: err, Hint: "choose another place with --db"}
		}
	}
	q := []string{
		paramDefensive,
		paramBusyTimeout,
		"_pragma=foreign_keys(1)",
		paramUntrustedSchema,
		"_pragma=cell_size_check(1)",
		"_txlock=immediate",
	}
	if opt.ReadOnly {
		q = append(q, ro)
	} else {
		q = append(q, "_pragma=journal_mode(WAL)", "_pragma=synchronous(NORMAL)")
	}
	db, err := sql.Open("sqlite", dsn(path, q...))
	if err != nil {
		return nil, &OpenError{Path: path, Err: err}
	}
	s := &Store{db: db, path: path, readOnly: opt.ReadOnly}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// preflight runs the checks Open and CheckBackup share, before anything
// could change the file: that it is a regular SQLite file (checkFile), how
// it can be opened read-only (readOnlyMode), and that it is a Plenary
// database this build can open, undamaged unless check is false (probe:
// a command that only reads skips the check of every page). It returns that
// read-only mode. A missing file passes unless mustExist; an empty one is
// a new database when emptyOK, and refused as no backup otherwise.
func preflight(path string, mustExist, emptyOK, check bool) (string, error) {
	if err := checkFile(path, mustExist); err != nil {
		return "", err
	}
	if !emptyOK {
		st, err := os.Stat(path)
		if err != nil {
			return "", &OpenError{Path: path, Err: err}
		}
		if st.Size() == 0 {
			return "", &OpenError{Path: path, Err: ErrNotDatabase, Hint: "the file is empty; it is not a backup"}
		}
	}
	ro, err := readOnlyMode(path)
	if err != nil && fileExists(path) {
		return "", err
	}
	if err := probe(path, ro, check); err != nil {
		return "", err
	}
	return ro, nil
}

// checkFile refuses, before SQLite touches it, a file that exists but is
// not an SQLite database: opening it would otherwise overwrite nothing but
// fail later with an obscure message. Anything but a regular file (a FIFO
// would block the open forever, a device is no database) is refused
// before it is opened. A missing file is refused when mustExist.
func checkFile(path string, mustExist bool) error {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		if mustExist {
			return &OpenError{Path: path, Err: os.ErrNotExist,
				Hint: "there is no database there: import data (plenary import PATH) or load the sample (plenary sample) to create one, or name another with --db"}
		}
		return nil
	}
	if err != nil {
		return &OpenError{Path: path, Err: err, Hint: "check the file's permissions or choose another with --db"}
	}
	switch {
	case st.IsDir():
		return &OpenError{Path: path, Err: ErrNotDatabase, Hint: "this is a folder; give the path of a .db file"}
	case !st.Mode().IsRegular():
		return &OpenError{Path: path, Err: ErrNotDatabase, Hint: "this is not a regular file (a pipe or a device); give the path of a .db file"}
	case st.Size() == 0:
		return nil // an empty file is a new database
	}
	f, err := os.Open(path)
	if err != nil {
		return &OpenError{Path: path, Err: err, Hint: "check the file's permissions or choose another with --db"}
	}
	defer f.Close()
	if !safefile.HasDatabaseHeader(f) {
		return &OpenError{Path: path, Err: ErrNotDatabase, Hint: "this file is not an SQLite database; Plenary will not overwrite it: choose another file with --db, or move it aside"}
	}
	return nil
}

// fileExists reports whether something is at path.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// probe looks at an existing file through a read-only connection without
// any pragma that writes, so that a file of another program or of a newer
// Plenary is refused before anything could change it (see identify); with
// check, a damaged file too.
func probe(path, ro string, check bool) error {
	st, err := os.Stat(path)
	if err != nil || st.Size() == 0 {
		return nil
	}
	db, err := sql.Open("sqlite", checkDSN(path, ro))
	if err != nil {
		return &OpenError{Path: path, Err: err}
	}
	defer db.Close()
	ctx := context.Background()
	id, _, err := identify(ctx, db, path)
	if err != nil || id == identityEmpty || !check {
		return err
	}
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		return openErr(path, err)
	}
	if res != "ok" {
		return &OpenError{Path: path, Err: ErrCorrupt, Hint: "restore a backup (plenary restore FILE), or move the file aside and start a fresh database"}
	}
	return nil
}

// openErr classifies a driver error met while opening.
func (s *Store) openErr(err error) error { return openErr(s.path, err) }

// openErr classifies a driver error met while opening the file at path.
func openErr(path string, err error) error { return describe(path, err, opening) }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }
