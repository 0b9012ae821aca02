//go:build !unix

package data

import (
	"errors"
	"os"
	"os/exec"
)

// limitFileSize is not available: Windows has no per-process file size
// limit, and the tests that need one skip.
func limitFileSize(uint64) error { return errors.ErrUnsupported }

// makeFIFO is not available: Windows has no named pipes in the file system.
func makeFIFO(string) error { return errors.ErrUnsupported }

// peakMiB is not reported here.
func peakMiB(*os.ProcessState) (int64, bool) { return 0, false }

// runAsNobody has no equivalent here; the callers run as root only on Unix.
func runAsNobody(*exec.Cmd) {}
