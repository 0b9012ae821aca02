//go:build !unix

package data

import "os"

// lockFile does nothing where flock is missing.
func lockFile(*os.File) {}

// tryLock reports false where flock is missing: no temporary file is
// taken for a leftover.
func tryLock(*os.File) bool { return false }

// lockUnused cannot tell, without fcntl locks, whether another process
// has the database open; it lets the restore go on.
func lockUnused(string) (func(), error) { return func() {}, nil }
