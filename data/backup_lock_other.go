//go:build !unix

package data

import "os"

// lockFile does nothing where flock is missing.
func lockFile(*os.File) {}

// tryLock reports false where flock is missing: no temporary file is
// taken for a leftover.
func tryLock(*os.File) bool { return false }
