package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayers keeps the one-way flow files → parsers → store → analysis →
// views → charts → window/CLI honest: the analysis packages, the views and
// the charts never pull in the SQL driver or the parsers, and nothing below
// the window pulls in Fyne. A package that breaks the rule fails here with
// the import chain to look at.
func TestLayers(t *testing.T) {
	go_, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to list dependencies: %v", err)
	}
	out, err := exec.Command(go_, "list", "-f", "{{.ImportPath}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := map[string][]string{
		"modernc.org/sqlite":     {"plenary/data/words", "plenary/data/compare", "plenary/app/views", "plenary/charts", "plenary/data/idealpoint", "plenary/data/change", "plenary/data/record", "plenary/data/countries", "plenary/data/ingest", "plenary/data/safefile"},
		"plenary/data/ingest":    {"plenary/data/words", "plenary/data/compare", "plenary/app/views", "plenary/charts", "plenary/data/idealpoint", "plenary/data/change"},
		"plenary/data":           {"plenary/data/words", "plenary/data/compare", "plenary/app/views", "plenary/charts", "plenary/data/idealpoint", "plenary/data/change"},
		"fyne.io/fyne/v2":        {"plenary/data", "plenary/charts", "plenary/app/views", "plenary/app/cli", "plenary/data/change", "plenary/data/words"},
		"plenary/app/gui":        {"plenary/app/cli", "plenary/app/views"},
		"plenary/data/safefile":  {"plenary/charts", "plenary/data/compare"},
		"plenary/data/countries": {"plenary/charts"},
	}
	checked := 0
	for _, pkg := range strings.Fields(string(out)) {
		deps, err := exec.Command(go_, "list", "-deps", "-f", "{{.ImportPath}}", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		have := map[string]bool{}
		for _, d := range strings.Fields(string(deps)) {
			have[d] = true
		}
		for dep, users := range forbidden {
			for _, u := range users {
				if pkg == u || strings.HasPrefix(pkg, u+"/") && !strings.HasSuffix(pkg, "test") {
					checked++
					if have[dep] {
						t.Errorf("%s depends on %s", pkg, dep)
					}
				}
			}
		}
	}
	if checked < 10 {
		t.Fatalf("only %d package rules applied: the package list looks wrong", checked)
	}
}
