//go:build unix

package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"syscall"
)

// minAddressSpace is the least address space (ulimit -v) Plenary starts
// with: its libraries and threads reserve about 1.5 GiB before any data
// is read (measured on Linux: 1.4 GiB fails on the first query, 1.7 GiB
// imports the full unvotes set).
const minAddressSpace = 1792 << 20

// limitMemory reads the address-space limit, if one is set. Below
// minAddressSpace it says so, with the figure, and exits, instead of the
// runtime dying later with a stack dump; above it, it sets a soft memory
// limit of half of it, so that the collector works harder as the heap
// nears the cap and leaves room for SQLite's own memory, whose failures
// come back as errors.
func limitMemory() {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &r); err != nil || r.Cur == 0 || r.Cur >= 1<<62 {
		return
	}
	if r.Cur < minAddressSpace {
		fmt.Fprintf(os.Stderr, "plenary: the memory limit (ulimit -v) is %d MB; Plenary needs at least %d MB: raise it (ulimit -v unlimited) and try again\n",
			r.Cur>>20, minAddressSpace>>20)
		os.Exit(1)
	}
	debug.SetMemoryLimit(int64(r.Cur / 2))
}
