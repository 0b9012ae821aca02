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

// SQLite's primary result codes the store explains (the low byte of an
// extended code).
const (
	sqliteNoMem   = 7
	sqliteIOErr   = 10
	sqliteCorrupt = 11
	sqliteFull    = 13
	sqliteNotADB  = 26
	// Extended codes.
	sqliteIOErrWrite   = 778  // a write failed: a full disk or RLIMIT_FSIZE
	sqliteIOErrShmSize = 4874 // the -shm index could not grow: a full disk
	sqliteFKey         = 787  // a row refers to one that is not there
)

const (
	hintDamaged  = "restore a backup (plenary restore FILE), or move the file aside and start a fresh database"
	hintDiskFull = "free some space on the disk that holds the database (or raise the file-size limit) and try again; nothing was changed"
)

// explain turns an engine error met while using the database at path into
// an *OpenError that names the problem and the way forward: damage (a
// missing table, a value of the wrong type, a row that refers to nothing)
// means restoring a backup; a full disk or a memory limit, freeing some.
// Cancellations, errors already explained and others pass unchanged.
func explain(path string, err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var oe *OpenError
	if errors.As(err, &oe) {
		return err
	}
	code := 0
	var se *sqlite.Error
	if errors.As(err, &se) {
		code = se.Code()
	}
	msg := err.Error()
	switch {
	case code&0xff == sqliteCorrupt || code&0xff == sqliteNotADB || code == sqliteFKey ||
		strings.Contains(msg, "no such table") || strings.Contains(msg, "no such column") ||
		strings.Contains(msg, "malformed") || strings.Contains(msg, "sql: Scan error"):
		return &OpenError{Path: path, Err: fmt.Errorf("%w (%s)", ErrCorrupt, engineMsg(msg)), Hint: hintDamaged}
	case code&0xff == sqliteFull || code == sqliteIOErrWrite || code == sqliteIOErrShmSize:
		return &OpenError{Path: path, Err: ErrDiskFull, Hint: hintDiskFull}
	case code&0xff == sqliteNoMem || strings.Contains(msg, "out of memory"):
		return &OpenError{Path: path, Err: ErrNoMemory, Hint: memoryHint()}
	case code&0xff == sqliteIOErr:
		return &OpenError{Path: path, Err: fmt.Errorf("the disk could not be read or written (%s)", engineMsg(msg)),
			Hint: "check the disk and that there is free space on it; if the problem stays, " + hintDamaged}
	}
	return err
}

// engineMsg is the engine's own words, without the Go prefix database/sql
// adds, for the one line of detail after the explanation.
func engineMsg(msg string) string {
	if i := strings.LastIndex(msg, "sql: "); i >= 0 {
		msg = msg[i+len("sql: "):]
	}
	return msg
}
