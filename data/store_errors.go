package data

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
)

// ErrDiskFull and ErrNoMemory say that the machine, not the database,
// stopped the work; the error's hint says what to free.
var (
	ErrDiskFull = errors.New("the disk is full, or a limit on file size was reached")
	ErrNoMemory = errors.New("out of memory")
)

// SQLite's result codes the store explains (a primary code is the low
// byte of an extended one).
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteNoMem    = 7
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteNotADB   = 26
	// Extended codes.
	sqliteIOErrWrite   = 778  // a write failed: a full disk or RLIMIT_FSIZE
	sqliteIOErrShmSize = 4874 // the -shm index could not grow: a full disk
	sqliteFKey         = 787  // a row refers to one that is not there
)

const (
	hintDamaged  = "restore a backup (plenary restore FILE), or move the file aside and start a fresh database"
	hintDiskFull = "free some space on the disk that holds the database (or raise the file-size limit) and try again; nothing was changed"
	hintReadOnly = "the file or its folder cannot be written: open it read-only (--read-only) or copy it somewhere writable"
	hintBusy     = "another program holds the database; close it and try again"
	hintIO       = "check the disk and that there is free space on it; if the problem stays, " + hintDamaged
)

// failure is what an engine error means for the store, and so what the
// user can do about it.
type failure int

const (
	failOther    failure = iota // nothing the store explains: the engine's words stand
	failSettled                 // a cancellation, or an error already explained: passed on as it is
	failDamaged                 // the file is damaged: restore a backup
	failDiskFull                // the disk is full, or a file-size limit was reached: free some space
	failNoMemory                // a memory limit was reached
	failReadOnly                // the file or its folder cannot be written
	failBusy                    // another connection holds the lock
	failIO                      // the disk could not be read or written
)

// classify is the one place that says what a SQLite or driver error
// means: by its result code where the driver gives one, by the engine's
// words otherwise (database/sql's own errors, such as a Scan error on a
// value of the wrong type, carry no code). The order matters where an
// error could match two kinds: damage first, then the machine's limits,
// then the file's permissions and locks, then a plain I/O error.
func classify(err error) failure {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return failSettled
	}
	var oe *OpenError
	if errors.As(err, &oe) {
		return failSettled
	}
	code := 0
	var se *sqlite.Error
	if errors.As(err, &se) {
		code = se.Code()
	}
	primary := code & 0xff
	msg := err.Error()
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(msg, w) {
				return true
			}
		}
		return false
	}
	switch {
	case primary == sqliteCorrupt || primary == sqliteNotADB || code == sqliteFKey ||
		has("malformed", "not a database", "corrupt", "no such table", "no such column", "sql: Scan error"):
		return failDamaged
	case primary == sqliteFull || code == sqliteIOErrWrite || code == sqliteIOErrShmSize ||
		has("SQLITE_FULL", "disk is full"):
		return failDiskFull
	case primary == sqliteNoMem || has("out of memory"):
		return failNoMemory
	case primary == sqliteReadOnly || has("readonly", "read-only", "permission"):
		return failReadOnly
	case primary == sqliteBusy || primary == sqliteLocked || has("locked", "busy"):
		return failBusy
	case primary == sqliteIOErr || has("disk I/O error"):
		return failIO
	}
	return failOther
}

// phase is what the store was doing when an error came: the same failure
// is told differently when opening a file, reading or writing it, or
// writing a backup.
type phase int

const (
	opening   phase = iota // Open and its checks: every error becomes an *OpenError
	reading                // a read of an open database
	writing                // an import or an edit
	backingUp              // writing a backup's copy
)

// describe turns err, met at path while doing what ph says, into the error
// to show: what classify found, in the words and with the way forward that
// fit the phase.
func describe(path string, err error, ph phase) error {
	f := classify(err)
	if f == failSettled {
		if ph == opening && err != nil {
			var oe *OpenError
			if !errors.As(err, &oe) {
				return &OpenError{Path: path, Err: err}
			}
		}
		return err
	}
	if ph == backingUp {
		switch f {
		case failDiskFull:
			return fmt.Errorf("the disk is full: %w", err)
		case failIO:
			return fmt.Errorf("the file could not be written (is the disk full?): %w", err)
		}
		return err
	}
	msg := err.Error()
	switch f {
	case failDamaged:
		return &OpenError{Path: path, Err: fmt.Errorf("%w (%s)", ErrCorrupt, engineMsg(msg)), Hint: hintDamaged}
	case failDiskFull:
		return &OpenError{Path: path, Err: ErrDiskFull, Hint: hintDiskFull}
	case failNoMemory:
		return &OpenError{Path: path, Err: ErrNoMemory, Hint: memoryHint()}
	case failIO:
		return &OpenError{Path: path, Err: fmt.Errorf("the disk could not be read or written (%s)", engineMsg(msg)), Hint: hintIO}
	case failReadOnly:
		switch ph {
		case opening:
			return &OpenError{Path: path, Err: ErrReadOnly, Hint: hintReadOnly}
		case writing:
			return fmt.Errorf("%s: the database cannot be written: %w", path, ErrReadOnly)
		}
	case failBusy:
		if ph == opening {
			return &OpenError{Path: path, Err: err, Hint: hintBusy}
		}
	}
	switch ph {
	case opening:
		return &OpenError{Path: path, Err: err}
	case writing:
		return fmt.Errorf("%s: %w", path, err)
	}
	return err
}

// explain turns an engine error met while reading the database at path
// into an *OpenError that names the problem and the way forward (see
// describe). Cancellations, errors already explained and others pass
// unchanged.
func explain(path string, err error) error { return describe(path, err, reading) }

// engineMsg is the engine's own words, without the Go prefix database/sql
// adds, for the one line of detail after the explanation.
func engineMsg(msg string) string {
	if i := strings.LastIndex(msg, "sql: "); i >= 0 {
		msg = msg[i+len("sql: "):]
	}
	return msg
}
