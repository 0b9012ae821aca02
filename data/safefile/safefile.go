// Package safefile is the one way Plenary writes a file the user names:
// chart exports (PNG, SVG, CSV) from the window and the command line,
// positions CSV, and backups. It exists so that every export path keeps the
// same promises, which are easy to get subtly wrong in each caller:
//
//   - readers see the old file or the complete new one, never a part: the
//     content goes to a temporary file in the target's folder, is synced,
//     then renamed over the target (and the folder synced);
//   - on any failure no temporary file is left and the target is unchanged;
//   - an existing file keeps its permissions; a read-only one is refused,
//     never made writable; a new file is 0644;
//   - a symbolic link stays a link: the file it points to is replaced (the
//     documented rule, so that a link into a synced folder keeps working),
//     and every check below applies to that file, not to the link;
//   - it never writes over a SQLite database or one of its companion files
//     (-wal, -shm, -journal), whatever path or link leads there, so that an
//     export can never destroy the database it was drawn from.
//
// It touches only the file system; it knows nothing of SQL, charts or Fyne.
package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// ErrReadOnly is returned for an existing file the user may not write.
var ErrReadOnly = errors.New("the file is read-only")

// ErrDatabase is returned for a target that is a SQLite database or one of
// its companion files.
var ErrDatabase = errors.New("the file is a database")

// Write writes path through write with the promises of the package doc.
func Write(path string, write func(io.Writer) error) (err error) {
	target, mode, err := Target(path)
	if err != nil {
		return err
	}
	f, err := CreateTemp(path, target)
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
	if err := fill(f, path, mode, write); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return Err(path, err)
	}
	done = true
	if err := os.Rename(name, target); err != nil {
		os.Remove(name)
		if replaceRefused(err) {
			return inUseErr(path, err)
		}
		return Err(path, err)
	}
	SyncDir(filepath.Dir(target))
	return nil
}

// fill writes the content, gives it its mode and syncs it.
func fill(f *os.File, path string, mode fs.FileMode, write func(io.Writer) error) error {
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		var pe *fs.PathError
		var errno syscall.Errno
		if errors.As(err, &pe) || errors.As(err, &errno) {
			return Err(path, err)
		}
		return err
	}
	if err := bw.Flush(); err != nil {
		return Err(path, err)
	}
	if err := f.Chmod(mode); err != nil {
		return Err(path, err)
	}
	if err := f.Sync(); err != nil {
		return Err(path, err)
	}
	return nil
}

// Target resolves where a write to path lands (the file a symbolic link
// points to, as an absolute path) and the mode the new file gets. It fails
// for a folder, a read-only file, anything that is not a regular file, and
// a database or its companion files.
func Target(path string) (target string, mode fs.FileMode, err error) {
	if strings.TrimSpace(path) == "" {
		return "", 0, errors.New("no file name given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", 0, fmt.Errorf("%s: %w", path, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if real, ok := danglingLink(abs); ok {
		abs = real
	}
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return abs, 0o644, refuseCompanion(path, abs)
	case err != nil:
		return "", 0, Err(path, err)
	case st.IsDir():
		return "", 0, fmt.Errorf("cannot write %s: it is a folder", path)
	case !st.Mode().IsRegular():
		return "", 0, fmt.Errorf("cannot write %s: it is not a regular file", path)
	case st.Mode().Perm()&0o222 == 0 || !writable(abs):
		return "", 0, fmt.Errorf("cannot write %s: %w; Plenary does not change its permissions: choose another name", path, ErrReadOnly)
	}
	if IsDatabase(abs) {
		return "", 0, fmt.Errorf("cannot write %s: %w (SQLite); Plenary never writes an export over a database: choose another name", path, ErrDatabase)
	}
	return abs, st.Mode().Perm(), refuseCompanion(path, abs)
}

// danglingLink follows a symbolic link whose target does not exist yet, so
// that writing through it creates the target rather than replacing the link.
func danglingLink(abs string) (string, bool) {
	dest, err := os.Readlink(abs)
	if err != nil {
		return "", false
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(filepath.Dir(abs), dest)
	}
	return filepath.Clean(dest), true
}

// refuseCompanion fails for the -wal, -shm and -journal files of a SQLite
// database: they have no SQLite header of their own, but replacing one
// corrupts the database beside it. The suffix is matched in any case, as
// Windows and macOS name files (plenary.db-WAL is plenary.db-wal there).
func refuseCompanion(path, abs string) error {
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		n := len(abs) - len(ext)
		if n <= 0 || !strings.EqualFold(abs[n:], ext) {
			continue
		}
		if base := abs[:n]; IsDatabase(base) {
			return fmt.Errorf("cannot write %s: %w: it belongs to the SQLite database %s; choose another name", path, ErrDatabase, base)
		}
	}
	return nil
}

// CreateTemp makes an empty temporary file beside target (the absolute
// path Target returned for path), with an error that says why not. Its name
// starts with a dot and the target's name, so a leftover is recognisable.
func CreateTemp(path, target string) (*os.File, error) {
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return nil, Err(path, err)
	}
	return f, nil
}

// RefuseExisting fails when something (a file, a folder, a link) is already
// at path: for files that must never replace another, such as backups.
func RefuseExisting(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	_, err = os.Lstat(abs)
	switch {
	case err == nil:
		return fmt.Errorf("%s: the file exists; Plenary does not overwrite it: choose a new file name", path)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case notFolder(err):
		return Err(path, err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// PublishNew gives a finished temporary file the name abs, refusing a name
// that appeared meanwhile: a hard link is made (which fails if the name
// exists) and the temporary name removed; where links are not supported it
// falls back to a rename after one more check.
func PublishNew(tmp, abs string) error {
	err := os.Link(tmp, abs)
	exists := errors.New("the file exists; Plenary does not overwrite it: choose a new file name")
	switch {
	case err == nil:
		os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return exists
	default:
		if _, serr := os.Lstat(abs); serr == nil {
			return exists
		}
		if err := os.Rename(tmp, abs); err != nil {
			return err
		}
	}
	SyncDir(filepath.Dir(abs))
	return nil
}

// SyncFile flushes a closed file to disk.
func SyncFile(name string) error {
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

// SyncDir makes a rename durable; file systems that cannot sync a folder
// are ignored.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Err turns a file system error met while writing path into a message that
// says what to do.
func Err(path string, err error) error {
	dir := filepath.Dir(path)
	// The temporary file's name would only confuse: keep what went wrong.
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case diskFull(err):
		return fmt.Errorf("cannot write %s: the disk is full (or the file is larger than allowed): %w; nothing was written", path, err)
	case inUse(err):
		return inUseErr(path, err)
	case notFolder(err) || errors.Is(err, fs.ErrNotExist) && isFile(dir):
		// Windows reports a file in the folder path as a path not found.
		return fmt.Errorf("cannot write %s: part of the folder path %s is a file, not a folder: %w", path, dir, err)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: the folder %s does not exist: %w", path, dir, err)
	case readOnlyDisk(err):
		return fmt.Errorf("cannot write %s: the folder %s is on a read-only disk: %w", path, dir, err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: no permission to write in the folder %s: %w", path, dir, err)
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

// isFile reports whether path names something that exists and is not a
// folder.
func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// inUseErr says that another program holds the file open, which on
// Windows keeps it from being replaced.
func inUseErr(path string, err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return fmt.Errorf("cannot write %s: another program has the file open (close it there and try again): %w; the file is unchanged", path, err)
}
