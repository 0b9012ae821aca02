package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"plenary/data/safefile"
	"strings"
	"time"
)

// ourTables are the tables every Plenary database has; a backup without
// one of them is not a backup of ours.
var ourTables = []string{"meta", "countries", "country_names", "imports", "import_files", "roll_calls", "votes", "positions"}

// Backup writes a consistent copy of the database to dest, a new file: it
// may run while the app imports or edits (VACUUM INTO reads one snapshot),
// and it never overwrites an existing file. The copy is written under a
// temporary name in dest's folder, synced, and only then given its name,
// so that dest is either a complete backup or absent.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if strings.TrimSpace(dest) == "" {
		return errors.New("backup: no file name given")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("%s: %w", dest, err)
	}
	if err := safefile.RefuseExisting(dest); err != nil {
		return err
	}
	cleanLeftovers(filepath.Dir(abs))
	tmp, err := safefile.CreateTemp(dest, abs)
	if err != nil {
		return err
	}
	name := tmp.Name()
	// The lock tells a backup starting meanwhile that this temporary file
	// is in use, not left over; it ends with the process.
	lockFile(tmp)
	defer tmp.Close()
	published := false
	defer func() {
		if !published {
			removeDBFiles(name)
		}
	}()
	// VACUUM INTO wants a file that does not exist or is empty; the empty
	// temporary file reserves the name. Its name is a plain absolute path
	// (not a file: URI) so that no character in it is interpreted.
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%s: writing the backup: %w", dest, diskErr(err))
	}
	if err := selfContained(name); err != nil {
		return fmt.Errorf("%s: writing the backup: %w", dest, diskErr(err))
	}
	if err := safefile.SyncFile(name); err != nil {
		return fmt.Errorf("%s: writing the backup: %w", dest, diskErr(err))
	}
	if err := CheckBackup(name); err != nil {
		return fmt.Errorf("%s: the backup just written does not check out: %w", dest, err)
	}
	if err := safefile.PublishNew(name, abs); err != nil {
		return fmt.Errorf("%s: %w", dest, err)
	}
	published = true
	return nil
}

// selfContained switches a fresh copy to the rollback journal, so that the
// backup is one file that can be opened read-only anywhere (a WAL-mode file
// needs -wal and -shm companions).
func selfContained(path string) error {
	db, err := sql.Open("sqlite", dsn(path, paramUntrustedSchema))
	if err != nil {
		return err
	}
	defer db.Close()
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if strings.EqualFold(mode, "wal") {
		if err := db.QueryRow("PRAGMA journal_mode = DELETE").Scan(&mode); err != nil {
			return err
		}
	}
	return db.Close()
}

// CheckBackup checks that path holds a usable Plenary database without
// changing it: it is opened read-only, PRAGMA integrity_check must say ok,
// the schema version must be one this build can open, and every table of
// the schema must be there. The error is an *OpenError saying what is wrong.
func CheckBackup(path string) error {
	ro, err := preflight(path, true, false, true)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", checkDSN(path, ro))
	if err != nil {
		return &OpenError{Path: path, Err: err}
	}
	defer db.Close()
	s := &Store{db: db, path: path, readOnly: true}
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return s.openErr(err)
	}
	if v < 1 {
		return &OpenError{Path: path, Err: ErrNotDatabase, Hint: "the file is an empty database, not a Plenary backup"}
	}
	rows, err := db.Query("PRAGMA integrity_check(20)")
	if err != nil {
		return s.openErr(err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return s.openErr(err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.openErr(err)
	}
	if len(problems) > 0 {
		return &OpenError{Path: path, Err: fmt.Errorf("%w: %s", ErrCorrupt, strings.Join(problems, "; ")),
			Hint: "this backup is damaged; use another one"}
	}
	have := map[string]bool{}
	trows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table'")
	if err != nil {
		return s.openErr(err)
	}
	for trows.Next() {
		var n string
		if err := trows.Scan(&n); err != nil {
			trows.Close()
			return s.openErr(err)
		}
		have[n] = true
	}
	trows.Close()
	var missing []string
	for _, t := range ourTables {
		if !have[t] {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		return &OpenError{Path: path, Err: fmt.Errorf("%w: the table(s) %s are missing", ErrNotDatabase, strings.Join(missing, ", ")),
			Hint: "this is not a backup made by Plenary"}
	}
	return nil
}

// Restore replaces the database at dbPath with a backup. The backup is
// checked first (CheckBackup); the current database, if any, is moved
// aside to dbPath + ".before-restore-<timestamp>" (with its -wal file), and
// the backup is copied in under a temporary name and then renamed, so that
// dbPath is always either the old database or the complete backup. Plenary
// must not have dbPath open while it runs.
func Restore(backup, dbPath string) error {
	_, err := RestoreAside(backup, dbPath)
	return err
}

// RestoreAside is Restore, and also returns where the previous database
// was moved ("" when dbPath did not exist).
func RestoreAside(backup, dbPath string) (aside string, err error) {
	if err := CheckBackup(backup); err != nil {
		return "", err
	}
	absDB, err := filepath.Abs(dbPath)
	if err != nil {
		return "", fmt.Errorf("%s: %w", dbPath, err)
	}
	exists, mode, err := restoreTarget(backup, dbPath, absDB)
	if err != nil {
		return "", err
	}
	release, err := lockUnused(absDB)
	if err != nil {
		return "", &OpenError{Path: dbPath, Err: err, Hint: "close the Plenary window and wait for any import or other command on it to finish, then restore again; nothing was changed"}
	}
	defer release()
	// Copy first: if the disk is full, nothing has been moved yet.
	tmpName, err := copyBeside(backup, dbPath, absDB, mode)
	if err != nil {
		return "", err
	}
	if exists {
		if aside, err = moveAside(dbPath, absDB); err != nil {
			os.Remove(tmpName)
			return "", err
		}
	}
	if err := os.Rename(tmpName, absDB); err != nil {
		os.Remove(tmpName)
		if aside != "" {
			os.Rename(aside, absDB)
			os.Rename(aside+"-wal", absDB+"-wal")
		}
		return "", safefile.Err(dbPath, err)
	}
	safefile.SyncDir(filepath.Dir(absDB))
	return aside, nil
}

// restoreTarget checks the place a backup is restored to: whether a
// database is there, and the permissions the restored file takes (those
// of the file it replaces). A missing folder is created.
func restoreTarget(backup, dbPath, absDB string) (exists bool, mode fs.FileMode, err error) {
	bst, err := os.Stat(backup)
	if err != nil {
		return false, 0, fmt.Errorf("%s: %w", backup, err)
	}
	cur, err := os.Stat(dbPath)
	switch {
	case err == nil:
		if os.SameFile(bst, cur) {
			return false, 0, fmt.Errorf("%s: the backup is the database itself", backup)
		}
		if cur.IsDir() {
			return false, 0, &OpenError{Path: dbPath, Err: ErrNotDatabase, Hint: "this is a folder; give the path of a .db file"}
		}
		if !cur.Mode().IsRegular() {
			return false, 0, &OpenError{Path: dbPath, Err: ErrNotDatabase, Hint: "this is not a regular file (a pipe or a device); give the path of a .db file"}
		}
		return true, cur.Mode().Perm(), nil
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(absDB), 0o755); err != nil {
			return false, 0, safefile.Err(dbPath, err)
		}
		return false, 0o644, nil
	}
	return false, 0, fmt.Errorf("%s: %w", dbPath, err)
}

// copyBeside copies the backup into a temporary file beside the database,
// synced and with the given permissions, and returns its name; on error
// nothing is left.
func copyBeside(backup, dbPath, absDB string, mode fs.FileMode) (string, error) {
	tmp, err := safefile.CreateTemp(dbPath, absDB)
	if err != nil {
		return "", err
	}
	err = copyInto(tmp, backup)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", safefile.Err(dbPath, err)
	}
	return tmp.Name(), nil
}

// moveAside moves the current database, with its -wal and -journal files,
// to a new name beside it, and returns that name. The -wal file belongs to
// the database moved aside: left here, it would be replayed into the
// restored file. The -shm index is rebuilt from the -wal when needed.
func moveAside(dbPath, absDB string) (string, error) {
	aside := asideName(absDB)
	if err := os.Rename(absDB, aside); err != nil {
		return "", fmt.Errorf("%s: cannot move the current database aside: %w", dbPath, err)
	}
	for _, ext := range []string{"-wal", "-journal"} {
		if _, err := os.Lstat(absDB + ext); err == nil {
			if err := os.Rename(absDB+ext, aside+ext); err != nil {
				os.Rename(aside, absDB)
				return "", fmt.Errorf("%s: cannot move %s aside: %w", dbPath, absDB+ext, err)
			}
		}
	}
	os.Remove(absDB + "-shm")
	return aside, nil
}

// errInUse says that another process has the database open.
var errInUse = errors.New("another program has the database open")

// asideName is where Restore keeps the database it replaces.
func asideName(abs string) string {
	base := abs + ".before-restore-" + time.Now().Format("20060102-150405")
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

func copyInto(dst *os.File, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if _, err := io.Copy(dst, in); err != nil {
		return err
	}
	return dst.Sync()
}

// removeDBFiles removes a database file and the companions SQLite may have
// made for it.
func removeDBFiles(name string) {
	for _, ext := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(name + ext)
	}
}

// diskErr makes SQLite's write errors say what they mean for a backup:
// a full disk, or an I/O error while writing (SQLite's code for a file
// size limit, among others), which most often is one.
func diskErr(err error) error { return describe("", err, backingUp) }

// cleanLeftovers removes what a backup killed mid-way left in dir: its
// hidden temporary copy (".NAME.tmp-N") and the copy's journal. A
// temporary file counts as left over only when it is an SQLite file or has
// a journal beside it (an export's temporary file is neither) and no
// running backup holds its lock.
func cleanLeftovers(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !strings.Contains(name, ".tmp-") || !e.Type().IsRegular() ||
			strings.HasSuffix(name, "-journal") || strings.HasSuffix(name, "-wal") || strings.HasSuffix(name, "-shm") {
			continue
		}
		path := filepath.Join(dir, name)
		if leftOver(path) {
			removeDBFiles(path)
		}
	}
}

// leftOver reports whether a temporary file is a backup's that no process
// is writing.
func leftOver(path string) bool {
	_, jerr := os.Lstat(path + "-journal")
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if jerr != nil && !safefile.HasDatabaseHeader(f) {
		return false
	}
	return tryLock(f)
}
