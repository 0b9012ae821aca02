//go:build unix

package gui

import "syscall"

// canLimitFileSize says whether limitFileSize works here.
const canLimitFileSize = true

// limitFileSize caps the size of any file this process writes at n bytes,
// as a full disk would stop it, until restore is called.
func limitFileSize(n uint64) (restore func(), err error) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		return nil, err
	}
	small := lim
	small.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small); err != nil {
		return nil, err
	}
	return func() { syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim) }, nil
}
