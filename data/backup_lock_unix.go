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

// shmDMS is the byte of a WAL database's -shm file that every connection
// holding the database open keeps a shared lock on (SQLite's unix VFS
// calls it the dead-man switch): an exclusive lock on it is granted only
// when no other process has the database open.
const shmDMS = 128

// lockUnused takes that lock for a restore, so that the database is not
// replaced under another process (an import would otherwise go on
// writing into the file moved aside). Without a -shm file no process has
// the database open in WAL mode, the only mode Plenary writes in. The
// lock is held until release, which also makes a process opening the
// database meanwhile wait.
func lockUnused(dbPath string) (release func(), err error) {
	f, err := os.OpenFile(dbPath+"-shm", os.O_RDWR, 0)
	if err != nil {
		return func() {}, nil
	}
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: shmDMS, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk); err != nil {
		f.Close()
		return nil, errInUse
	}
	return func() { f.Close() }, nil
}
