package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestManyCommandsAtOnce runs the real binary: ten `agreement` commands at
// once, thirty times each, on a database fresh from a restore (no -wal or
// -shm file, in rollback-journal mode): every run succeeds, none says
// "database is locked".
func TestManyCommandsAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	bin := plenaryBinary(t)
	dir := t.TempDir()
	src, backup, db := filepath.Join(dir, "src.db"), filepath.Join(dir, "backup.db"), filepath.Join(dir, "plenary.db")
	for _, args := range [][]string{{"--db", src, "sample"}, {"--db", src, "backup", backup}, {"--db", db, "restore", backup}} {
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("plenary %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	var mu sync.Mutex
	failed, runs := 0, 0
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 30 {
				out, err := exec.Command(bin, "--db", db, "agreement", "--countries", "FRA,DEU,USA").CombinedOutput()
				mu.Lock()
				runs++
				if err != nil || strings.Contains(string(out), "locked") {
					failed++
					if failed <= 3 {
						t.Errorf("agreement: %v\n%s", err, out)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if failed > 0 {
		t.Errorf("%d of %d runs failed", failed, runs)
	}
}
