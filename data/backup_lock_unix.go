//go:build unix

package data

import (
	"os"
	"syscall"
)

// lockFile takes an advisory lock (flock, apart from SQLite's own locks)
// on a backup's temporary file for as long as f is open.
func lockFile(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) }

// tryLock reports whether f's lock is free, that is whether no running
// backup holds it; the lock taken is released when f is closed.
func tryLock(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
