package cli_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plenary/data/compare/comparetest"
)

// TestVetoesCommand checks `plenary vetoes` against vetoes.csv counted
// here with encoding/csv: per member, per draft and per year, with the
// filters of the other commands.
func TestVetoesCommand(t *testing.T) {
	db := comparetest.Recent(t)
	recs := readCSVFile(t, comparetest.Dataset(t, "unsc/vetoes.csv"))
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	code := map[string]string{"USSR": "SUN", "Russia": "RUS", "USA": "USA", "UK": "GBR", "France": "FRA", "China": "CHN"}
	byMember, usaSince2000, drafts1990s := map[string]int{}, 0, 0
	for _, r := range recs[1:] {
		y, _ := strconv.Atoi(r[col["year"]])
		if y >= 1990 && y <= 1999 {
			drafts1990s++
		}
		for _, c := range []string{"member_veto1", "member_veto2", "member_veto3"} {
			if m := r[col[c]]; m != "" {
				byMember[code[m]]++
				if m == "USA" && y >= 2000 {
					usaSince2000++
				}
			}
		}
	}
	rows := parseCSV(t, plenaryOK(t, "--db", db.Path, "vetoes", "--format", "csv"), "iso3,vetoes")
	if len(rows) != len(byMember) {
		t.Errorf("%d members, the file has %d", len(rows), len(byMember))
	}
	prev := 1 << 30
	for _, r := range rows {
		n, _ := strconv.Atoi(r[1])
		if n != byMember[r[0]] {
			t.Errorf("%s: %d vetoes, the file has %d", r[0], n, byMember[r[0]])
		}
		if n > prev {
			t.Errorf("%s is not in order, most first", r[0])
		}
		prev = n
	}
	rows = parseCSV(t, plenaryOK(t, "--db", db.Path, "vetoes", "--by", "draft", "--from", "1990", "--to", "1999", "--format", "csv"),
		"date,draft,meeting,agenda,vetoed_by,roll_call")
	if len(rows) != drafts1990s {
		t.Errorf("%d drafts vetoed in the 1990s, the file has %d", len(rows), drafts1990s)
	}
	rows = parseCSV(t, plenaryOK(t, "--db", db.Path, "vetoes", "--by", "year", "--countries", "USA", "--from", "2000", "--format", "csv"), "iso3,year,vetoes")
	sum := 0
	for _, r := range rows {
		n, _ := strconv.Atoi(r[2])
		sum += n
		if r[0] != "USA" {
			t.Errorf("--countries USA lists %s", r[0])
		}
	}
	if sum != usaSince2000 {
		t.Errorf("United States since 2000: %d, the file has %d", sum, usaSince2000)
	}
	out := plenaryOK(t, "--db", db.Path, "vetoes", "--countries", "USSR")
	if !strings.Contains(out, "SUN") || strings.Contains(out, "RUS") || !strings.Contains(out, strconv.Itoa(byMember["SUN"])) {
		t.Errorf("--countries USSR:\n%s", out)
	}
	for _, args := range [][]string{{"--body", "GA"}, {"--by", "session"}, {"--format", "xml"}, {"--from", "1990-13"}} {
		if code, _, errs := plenary(append([]string{"--db", db.Path, "vetoes"}, args...)...); code == 0 || errs == "" {
			t.Errorf("vetoes %v: exit %d, stderr %q", args, code, errs)
		}
	}
	if out := plenaryOK(t, "--db", db.Path, "info"); !strings.Contains(out, "vetoes: "+strconv.Itoa(len(recs)-1)+" listed, 0 read from the votes") {
		t.Errorf("info does not count the vetoes:\n%s", out)
	}
	// A database without vetoes says which file holds them.
	empty := filepath.Join(t.TempDir(), "p.db")
	plenaryOK(t, "--db", empty, "sample")
	if code, _, errs := plenary("--db", empty, "vetoes"); code == 0 || !strings.Contains(errs, "vetoes.csv") {
		t.Errorf("no vetoes: exit %d, %q", code, errs)
	}
}
