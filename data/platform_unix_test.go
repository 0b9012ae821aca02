//go:build unix

package data

import (
	"os"
	"os/exec"
	"syscall"
)

// limitFileSize caps the size of any file this process writes, as a full
// disk would stop it.
func limitFileSize(n uint64) error {
	lim := syscall.Rlimit{Cur: n, Max: n}
	return syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim)
}

// makeFIFO makes a named pipe at p.
func makeFIFO(p string) error { return syscall.Mkfifo(p, 0o644) }

// peakMiB is the peak resident set of a finished child, in MiB.
func peakMiB(ps *os.ProcessState) (int64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, false
	}
	return int64(ru.Maxrss) >> 10, true // KiB to MiB
}

// runAsNobody makes cmd run as the unprivileged user nobody.
func runAsNobody(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
}
