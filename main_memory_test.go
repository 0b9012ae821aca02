//go:build unix

package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMemoryLimitMessage runs the real binary under an address-space
// limit too small for it: it exits with a message that gives the limit
// and the way forward, never a runtime stack dump; under a limit large
// enough it works.
func TestMemoryLimitMessage(t *testing.T) {
	bin := plenaryBinary(t)
	db := filepath.Join(t.TempDir(), "plenary.db")
	if out, err := exec.Command(bin, "--db", db, "sample").CombinedOutput(); err != nil {
		t.Fatalf("sample: %v\n%s", err, out)
	}
	run := func(kb string) (string, error) {
		out, err := exec.Command("bash", "-c", "ulimit -v "+kb+" && exec \"$0\" --db \"$1\" info", bin, db).CombinedOutput()
		return string(out), err
	}
	out, err := run("1500000")
	if err == nil || !strings.Contains(out, "memory limit (ulimit -v) is 1464 MB") || strings.Contains(out, "goroutine") {
		t.Errorf("under 1.5 GB: %v\n%s", err, out)
	}
	if out, err := run("2500000"); err != nil || !strings.Contains(out, "GA") {
		t.Errorf("under 2.5 GB: %v\n%s", err, out)
	}
}
