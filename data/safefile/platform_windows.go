//go:build windows

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Windows error codes (winerror.h) that the syscall package does not name.
const (
	errorHandleDiskFull   syscall.Errno = 39
	errorDiskFull         syscall.Errno = 112
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
	errorWriteProtect     syscall.Errno = 19
	errorDirectory        syscall.Errno = 267 // ERROR_DIRECTORY: the folder name is invalid
)

// writable opens the file for writing (without truncating it) to learn
// whether its access control list lets this user write it; the read-only
// attribute is seen in the mode already. A file another program holds open
// counts as writable here: the rename that replaces it reports that case
// with its own message.
func writable(abs string) bool {
	f, err := os.OpenFile(abs, os.O_WRONLY, 0)
	if err == nil {
		f.Close()
		return true
	}
	return !errors.Is(err, fs.ErrPermission)
}

// diskFull reports a full disk.
func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}

// notFolder reports a path whose folder part is a file.
func notFolder(err error) bool { return errors.Is(err, errorDirectory) }

// readOnlyDisk reports a write-protected medium.
func readOnlyDisk(err error) bool { return errors.Is(err, errorWriteProtect) }

// inUse reports a file that another program (a spreadsheet showing the
// CSV, a viewer showing the PNG) holds open so that it cannot be replaced.
func inUse(err error) bool {
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
}

// replaceRefused reports a rename over the target that Windows refused
// although the folder took the temporary file and the target is not
// read-only: the target is open in another program, which Windows reports
// as a sharing violation or as access denied.
func replaceRefused(err error) bool { return inUse(err) || errors.Is(err, fs.ErrPermission) }
