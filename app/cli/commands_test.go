package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenary/data/compare/comparetest"
)

// TestImportVotesInfo runs the foundation commands on the real Security
// Council file: import, votes on S/RES/2774 (2025), info and countries.
func TestImportVotesInfo(t *testing.T) {
	sc := comparetest.Dataset(t, "unsc/sc_votes_1992_2026.csv")
	db := filepath.Join(t.TempDir(), "plenary.db")
	out := plenaryOK(t, "--db", db, "import", sc)
	if !strings.Contains(out, "roll calls: 2088 added") || !strings.Contains(out, "votes: 31310 added") {
		t.Errorf("import report:\n%s", out)
	}
	out = plenaryOK(t, "--db", db, "import", sc)
	if !strings.Contains(out, "nothing changed") {
		t.Errorf("second import does not say nothing changed:\n%s", out)
	}

	rows := parseCSV(t, plenaryOK(t, "--db", db, "votes", "S/RES/2774 (2025)", "--format", "csv"), "iso3,name,vote")
	var abstained []string
	yes := 0
	for _, r := range rows {
		switch r[2] {
		case "A":
			abstained = append(abstained, r[0])
		case "Y":
			yes++
		}
	}
	if len(abstained) != 5 {
		t.Errorf("abstainers %v, want five", abstained)
	}
	for _, want := range []string{"DNK", "FRA", "GBR", "GRC", "SVN"} {
		if !strings.Contains(strings.Join(abstained, " "), want) {
			t.Errorf("%s missing from the abstainers %v", want, abstained)
		}
	}
	if yes != 10 || len(rows) != 15 {
		t.Errorf("%d yes of %d members", yes, len(rows))
	}
	// The table form shows counted totals.
	if out := plenaryOK(t, "--db", db, "votes", "s/res/2774(2025)"); !strings.Contains(out, "counted:   10 yes, 0 no, 5 abstain") {
		t.Errorf("votes table:\n%s", out)
	}

	info := parseCSV(t, plenaryOK(t, "--db", db, "info", "--format", "csv"), "body,roll_calls,votes,first,last")
	if len(info) != 1 || strings.Join(info[0], ",") != "SC,2088,31310,1992-01-06,2026-01-27" {
		t.Errorf("info: %v", info)
	}
	countries := parseCSV(t, plenaryOK(t, "--db", db, "countries", "--format", "csv"), "iso3,iso2,name,un_name,cow,group,status,admitted,ended,successors,votes")
	members := 0
	for _, c := range countries {
		if c[6] == "member" {
			members++
		}
	}
	if members != 193 {
		t.Errorf("%d members in the country table", members)
	}
}

// TestImportErrorExit checks the exit status and the file:line message of a
// bad file, and that a missing symbol is an error too.
func TestImportErrorExit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plenary.db")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("body,symbol,date,country,vote\nGA,A/RES/1/1,2020-01-01,USA,maybe\n"), 0o644)
	code, _, errs := plenary("--db", db, "import", bad)
	if code != 1 || !strings.HasPrefix(errs, bad+":2:5: unknown vote \"maybe\"") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if code, _, errs := plenary("--db", db, "votes", "A/RES/1/1"); code != 1 || !strings.Contains(errs, "no roll call") {
		t.Errorf("votes on a missing roll call: exit %d, %q", code, errs)
	}
	if code, _, _ := plenary("--db", db, "import"); code != 2 {
		t.Errorf("import without a file: exit %d, want 2", code)
	}
	if code, _, _ := plenary("--db", db, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	out := plenaryOK(t, "help", "import")
	for _, f := range []string{"undl", "unvotes", "voeten", "plenary", "rollcalls", "positions"} {
		if !strings.Contains(out, f) {
			t.Errorf("help import does not name the %s format", f)
		}
	}
}

// TestSampleCommand loads and removes the sample.
func TestSampleCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plenary.db")
	plenaryOK(t, "--db", db, "sample")
	rows := parseCSV(t, plenaryOK(t, "--db", db, "votes", "A/RES/ES-11/7", "--format", "csv"), "iso3,name,vote")
	count := map[string]int{}
	for _, r := range rows {
		count[r[2]]++
	}
	if count["Y"] != 93 || count["N"] != 18 || count["A"] != 65 || count["X"] != 17 {
		t.Errorf("ES-11/7 in the sample: %v", count)
	}
	if out := plenaryOK(t, "--db", db, "sample", "--remove"); !strings.Contains(out, "12") {
		t.Errorf("remove: %s", out)
	}
	if code, _, _ := plenary("--db", db, "votes", "A/RES/ES-11/7"); code != 1 {
		t.Error("the sample is still there after --remove")
	}
}
