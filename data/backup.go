package data

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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
	if err := refuseExisting(dest, abs); err != nil {
		return err
	}
	tmp, err := createTemp(dest, abs)
	if err != nil {
		return err
	}
	name := tmp.Name()
	tmp.Close()
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
	if err := syncFile(name); err != nil {
		return fmt.Errorf("%s: writing the backup: %w", dest, diskErr(err))
	}
	if err := CheckBackup(name); err != nil {
		return fmt.Errorf("%s: the backup just written does not check out: %w", dest, err)
	}
	if err := publish(name, abs, false); err != nil {
		return fmt.Errorf("%s: %w", dest, err)
	}
	published = true
	return nil
}

// selfContained switches a fresh copy to the rollback journal, so that the
// backup is one file that can be opened read-only anywhere (a WAL-mode file
// needs -wal and -shm companions).
func selfContained(path string) error {
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?_pragma=trusted_schema(0)")
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
	if err := checkFile(path, true); err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return &OpenError{Path: path, Err: err}
	}
	if st.Size() == 0 {
		return &OpenError{Path: path, Err: ErrNotDatabase, Hint: "the file is empty; it is not a backup"}
	}
	if err := probe(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&_pragma=trusted_schema(0)&_pragma=busy_timeout(15000)")
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
	bst, err := os.Stat(backup)
	if err != nil {
		return "", fmt.Errorf("%s: %w", backup, err)
	}
	mode := fs.FileMode(0o644)
	cur, err := os.Stat(dbPath)
	switch {
	case err == nil:
		if os.SameFile(bst, cur) {
			return "", fmt.Errorf("%s: the backup is the database itself", backup)
		}
		if cur.IsDir() {
			return "", &OpenError{Path: dbPath, Err: ErrNotDatabase, Hint: "this is a folder; give the path of a .db file"}
		}
		mode = cur.Mode().Perm()
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(absDB), 0o755); err != nil {
			return "", writeFileErr(dbPath, err)
		}
	default:
		return "", fmt.Errorf("%s: %w", dbPath, err)
	}
	// Copy first: if the disk is full, nothing has been moved yet.
	tmp, err := createTemp(dbPath, absDB)
	if err != nil {
		return "", err
	}
	tmpName := tmp.Name()
	placed := false
	defer func() {
		if !placed {
			os.Remove(tmpName)
		}
	}()
	if err := copyInto(tmp, backup); err != nil {
		tmp.Close()
		return "", writeFileErr(dbPath, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return "", writeFileErr(dbPath, err)
	}
	if err := tmp.Close(); err != nil {
		return "", writeFileErr(dbPath, err)
	}
	if cur != nil {
		aside = asideName(absDB)
		if err := os.Rename(absDB, aside); err != nil {
			return "", fmt.Errorf("%s: cannot move the current database aside: %w", dbPath, err)
		}
		// The -wal file belongs to the database moved aside: left here, it
		// would be replayed into the restored file. The -shm index is
		// rebuilt from the -wal when needed.
		for _, ext := range []string{"-wal", "-journal"} {
			if _, err := os.Lstat(absDB + ext); err == nil {
				if err := os.Rename(absDB+ext, aside+ext); err != nil {
					os.Rename(aside, absDB)
					return "", fmt.Errorf("%s: cannot move %s aside: %w", dbPath, absDB+ext, err)
				}
			}
		}
		os.Remove(absDB + "-shm")
	}
	if err := os.Rename(tmpName, absDB); err != nil {
		if aside != "" {
			os.Rename(aside, absDB)
			os.Rename(aside+"-wal", absDB+"-wal")
		}
		return "", writeFileErr(dbPath, err)
	}
	placed = true
	syncDir(filepath.Dir(absDB))
	return aside, nil
}

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

// WriteFileAtomic writes a file so that readers see either the old file or
// the complete new one, never a part: write fills a temporary file in the
// same folder, which is synced to disk and then renamed to path. When write
// or anything else fails, no temporary file is left behind and path is
// unchanged. An existing file keeps its permissions; a new one is 0644.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// A symbolic link stays a link: the file it points to is replaced.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(abs); err == nil {
		if st.IsDir() {
			return fmt.Errorf("cannot write %s: it is a folder", path)
		}
		mode = st.Mode().Perm()
	}
	f, err := createTemp(path, abs)
	if err != nil {
		return err
	}
	name := f.Name()
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(name)
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		var pe *fs.PathError
		var errno syscall.Errno
		if errors.As(err, &pe) || errors.As(err, &errno) {
			return writeFileErr(path, err)
		}
		return err
	}
	if err := bw.Flush(); err != nil {
		return writeFileErr(path, err)
	}
	if err := f.Chmod(mode); err != nil {
		return writeFileErr(path, err)
	}
	if err := f.Sync(); err != nil {
		return writeFileErr(path, err)
	}
	if err := f.Close(); err != nil {
		return writeFileErr(path, err)
	}
	if err := os.Rename(name, abs); err != nil {
		os.Remove(name)
		done = true
		return writeFileErr(path, err)
	}
	done = true
	syncDir(filepath.Dir(abs))
	return nil
}

// createTemp makes an empty temporary file beside path (abs is its
// absolute form), with an error that says why not.
func createTemp(path, abs string) (*os.File, error) {
	f, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".tmp-*")
	if err != nil {
		return nil, writeFileErr(path, err)
	}
	return f, nil
}

// refuseExisting fails when something is already at path.
func refuseExisting(path, abs string) error {
	_, err := os.Lstat(abs)
	switch {
	case err == nil:
		return fmt.Errorf("%s: the file exists; Plenary does not overwrite it: choose a new file name", path)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case errors.Is(err, syscall.ENOTDIR):
		return writeFileErr(path, err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// publish gives the finished temporary file its name. Without overwrite
// it refuses a name that appeared meanwhile: a hard link is created (which
// fails if the name exists) and the temporary name removed; where links are
// not supported, it falls back to a rename after one more check.
func publish(tmp, abs string, overwrite bool) error {
	if overwrite {
		if err := os.Rename(tmp, abs); err != nil {
			return err
		}
	} else {
		err := os.Link(tmp, abs)
		switch {
		case err == nil:
			os.Remove(tmp)
		case errors.Is(err, fs.ErrExist):
			return errors.New("the file exists; Plenary does not overwrite it: choose a new file name")
		default:
			if _, serr := os.Lstat(abs); serr == nil {
				return errors.New("the file exists; Plenary does not overwrite it: choose a new file name")
			}
			if err := os.Rename(tmp, abs); err != nil {
				return err
			}
		}
	}
	syncDir(filepath.Dir(abs))
	return nil
}

// removeDBFiles removes a database file and the companions SQLite may have
// made for it.
func removeDBFiles(name string) {
	for _, ext := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(name + ext)
	}
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable; file systems that cannot sync a folder
// are ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// writeFileErr turns a file system error met while writing path into a
// message that says what to do.
func writeFileErr(path string, err error) error {
	dir := filepath.Dir(path)
	// The temporary file's name would only confuse: keep what went wrong.
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("cannot write %s: the disk is full (or the file is larger than allowed): %w; nothing was written", path, err)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("cannot write %s: part of the folder path %s is a file, not a folder: %w", path, dir, err)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: the folder %s does not exist: %w", path, dir, err)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("cannot write %s: the folder %s is on a read-only disk: %w", path, dir, err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: no permission to write in the folder %s: %w", path, dir, err)
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

// diskErr makes SQLite's write errors say what they mean for a backup:
// SQLITE_FULL is a full disk; an I/O error while writing (SQLite's code for
// a file size limit, among others) most often is.
func diskErr(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SQLITE_FULL") || strings.Contains(msg, "disk is full"):
		return fmt.Errorf("the disk is full: %w", err)
	case strings.Contains(msg, "disk I/O error"):
		return fmt.Errorf("the file could not be written (is the disk full?): %w", err)
	}
	return err
}
