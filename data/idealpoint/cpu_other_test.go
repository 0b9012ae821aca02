//go:build !unix

package idealpoint_test

// cpuSeconds is not measured here: the benchmarks report 0 processor
// seconds on platforms without getrusage.
func cpuSeconds() float64 { return 0 }
