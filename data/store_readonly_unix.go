//go:build unix

package data

import "syscall"

// dirWritable reports whether this process may create files in dir.
func dirWritable(dir string) bool {
	const wOK = 2 // W_OK of access(2)
	return syscall.Access(dir, wOK) == nil
}
