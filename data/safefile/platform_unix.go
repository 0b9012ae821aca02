//go:build unix

package safefile

import (
	"errors"
	"syscall"
)

// writable asks the kernel whether the file may be opened for writing,
// which also covers root on a file whose mode says read-only for others
// and files on read-only mounts.
func writable(abs string) bool {
	return syscall.Access(abs, 2 /* W_OK */) == nil
}

// diskFull reports a full disk or quota, or a file over the size limit.
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EDQUOT)
}

// notFolder reports a path whose folder part is a file.
func notFolder(err error) bool { return errors.Is(err, syscall.ENOTDIR) }

// readOnlyDisk reports a write to a read-only mount.
func readOnlyDisk(err error) bool { return errors.Is(err, syscall.EROFS) }

// inUse reports a file another program holds open against writing, which
// Unix does not do.
func inUse(error) bool { return false }

// replaceRefused reports false: a rename replaces an open file here.
func replaceRefused(error) bool { return false }
