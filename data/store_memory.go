package data

import (
	"fmt"
	"math"
	"runtime/debug"
)

// memoryHint says how much memory Plenary may use, when a limit is set
// (see main), and what to do.
func memoryHint() string {
	if lim := debug.SetMemoryLimit(-1); lim > 0 && lim < math.MaxInt64 {
		return fmt.Sprintf("Plenary keeps its memory below %d MB here (a limit such as ulimit -v); raise the limit, or close other programs, and try again", lim>>20)
	}
	return "close other programs, or raise the memory limit (ulimit -v), and try again"
}
