//go:build !unix

package data

import "os"

// lockFile takes no lock where flock is missing, and closes f at once:
// Windows neither deletes nor renames an open file, and the temporary file
// is renamed and removed while the backup still holds f.
func lockFile(f *os.File) { f.Close() }

// tryLock reports false where flock is missing: no temporary file is
// taken for a leftover.
func tryLock(*os.File) bool { return false }

// lockUnused cannot tell, without fcntl locks, whether another process
// has the database open; it lets the restore go on.
func lockUnused(string) (func(), error) { return func() {}, nil }
