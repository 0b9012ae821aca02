package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"plenary/data/compare/comparetest"
)

// svgStates reads the state groups of a map's SVG: id → fill.
func svgStates(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`<g id="([A-Z]{3})" fill="(#[0-9a-fA-F]{6})"`).FindAllStringSubmatch(string(b), -1) {
		if _, dup := out[m[1]]; dup {
			t.Errorf("%s appears twice in the SVG", m[1])
		}
		out[m[1]] = m[2]
	}
	return out
}

// TestVoteMapSVG draws the map of A/RES/ES-11/7 from the feb2025 dataset
// with the command line and checks it against the file itself: every one
// of the 193 members is a group with its ISO3 id, filled with the colour of
// the vote the file records for it; one fill per vote, different across
// votes.
func TestVoteMapSVG(t *testing.T) {
	src := comparetest.Dataset(t, "feb2025/votes.csv")
	dir := t.TempDir()
	db := filepath.Join(dir, "feb.db")
	plenaryOK(t, "--db", db, "import", src)
	svg := filepath.Join(dir, "map.svg")
	plenaryOK(t, "--db", db, "chart", "vote-map", "--symbol", "A/RES/ES-11/7", "-o", svg)
	states := svgStates(t, svg)

	recs := readCSVFile(t, src)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	fillOf := map[string]string{} // vote code → fill
	voteOf := map[string]string{} // fill → vote code
	members := 0
	for _, r := range recs[1:] {
		if r[col["resolution"]] != "A/RES/ES-11/7" {
			continue
		}
		members++
		iso, vote := r[col["country_iso3"]], r[col["vote"]]
		fill, ok := states[iso]
		if !ok {
			t.Errorf("%s is not in the SVG", iso)
			continue
		}
		if want, seen := fillOf[vote]; seen && want != fill {
			t.Errorf("%s voted %s and is %s; others who voted %s are %s", iso, vote, fill, vote, want)
		}
		if other, seen := voteOf[fill]; seen && other != vote {
			t.Errorf("%s (%s) shares the fill %s of vote %s", iso, vote, fill, other)
		}
		fillOf[vote], voteOf[fill] = fill, vote
	}
	if members != 193 || len(fillOf) != 4 {
		t.Errorf("%d members and %d vote categories in the file, want 193 and 4", members, len(fillOf))
	}
}
