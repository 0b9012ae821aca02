package data

import (
	"os"
	"path/filepath"
)

// readOnlyMode is how a file is opened for reading only. mode=ro needs the
// -shm index of a WAL database, which SQLite creates beside the file when
// it is missing: in a folder that cannot be written, that fails. There a
// database whose -wal file is absent or empty holds every committed change
// in the file itself, and is opened immutable: no -shm, no lock. That is
// safe as long as nobody writes the file meanwhile, which a folder the
// reader cannot write makes likely but cannot promise: the window and the
// commands then read a snapshot. A non-empty -wal file would be ignored
// by an immutable read, which would then miss recent changes: that is
// refused with the way forward.
func readOnlyMode(path string) (string, error) {
	if _, err := os.Stat(path + "-shm"); err == nil || dirWritable(filepath.Dir(path)) {
		return "mode=ro", nil
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
		return "", &OpenError{Path: path, Err: ErrReadOnly,
			Hint: "its folder cannot be written and its latest changes are still in its -wal file: open it once where its folder can be written, or copy the database with its -wal file to a folder you can write"}
	}
	return "mode=ro&immutable=1", nil
}
