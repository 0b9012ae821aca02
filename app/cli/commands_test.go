package cli_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
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

// TestSampleCommand loads and removes the built-in data through the old
// name of the command.
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
	// The whole history goes: nothing but the built-in data was there.
	info := parseCSV(t, plenaryOK(t, "--db", db, "info", "--format", "csv"), "body,roll_calls,votes,first,last")
	n := 9 // positions
	for _, r := range info {
		k, _ := strconv.Atoi(r[1])
		n += k
	}
	if out := plenaryOK(t, "--db", db, "sample", "--remove"); !strings.Contains(out, fmt.Sprintf(" %d roll calls and positions", n)) || n < 6000 {
		t.Errorf("remove: %s", out)
	}
	if code, _, _ := plenary("--db", db, "votes", "A/RES/ES-11/7"); code != 1 {
		t.Error("the sample is still there after --remove")
	}
}

// TestVotesSeveralRollCalls picks a symbol of the unvotes data that has
// votes on parts and amendments besides the whole text: votes shows the
// whole text and names the others by id, which it also accepts.
func TestVotesSeveralRollCalls(t *testing.T) {
	db := comparetest.Unvotes(t)
	sqldb, err := sql.Open("sqlite", "file:"+db.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sqldb.Close()
	var symbol string
	if err := sqldb.QueryRow(`SELECT symbol FROM roll_calls WHERE symbol != '' GROUP BY symbol
		HAVING count(*) > 1 AND sum(flags & 3 = 0) = 1 ORDER BY count(*) DESC LIMIT 1`).Scan(&symbol); err != nil {
		t.Fatal(err)
	}
	var whole int64
	var others []int64
	rows, err := sqldb.Query(`SELECT id, flags & 3 FROM roll_calls WHERE symbol = ? ORDER BY id`, symbol)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var part int
		rows.Scan(&id, &part)
		if part == 0 {
			whole = id
		} else {
			others = append(others, id)
		}
	}
	rows.Close()
	out := plenaryOK(t, "--db", db.Path, "--read-only", "votes", symbol)
	if !strings.HasPrefix(out, fmt.Sprintf("%s [%d]", symbol, whole)) {
		t.Errorf("votes %s does not show the whole text [%d] first:\n%s", symbol, whole, out[:min(len(out), 300)])
	}
	for _, id := range others {
		if !strings.Contains(out, fmt.Sprintf("[%d]", id)) {
			t.Errorf("roll call %d of %s is not named", id, symbol)
		}
	}
	out = plenaryOK(t, "--db", db.Path, "--read-only", "votes", fmt.Sprint(others[0]))
	if !strings.HasPrefix(out, fmt.Sprintf("%s [%d]", symbol, others[0])) {
		t.Errorf("votes by id shows:\n%s", out[:min(len(out), 200)])
	}
}
