package cli_test

import (
	"database/sql"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"plenary/data/compare/comparetest"
)

// firstRollCall is, by SQL on the database file, the first General
// Assembly roll call of a year whose symbol no other roll call shares, so
// that `votes` and `chart --symbol` both find that one.
func firstRollCall(t *testing.T, path, year string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var symbol string
	err = db.QueryRow(`SELECT symbol FROM roll_calls WHERE body = 'GA' AND date LIKE ? || '-%'
		AND symbol IN (SELECT symbol FROM roll_calls GROUP BY symbol HAVING count(*) = 1)
		ORDER BY date, id LIMIT 1`, year).Scan(&symbol)
	if err != nil {
		t.Fatalf("no roll call of %s: %v", year, err)
	}
	return symbol
}

// TestSeatCodesJoin joins, for roll calls of 1950, 1975, 1991 and 2025 of
// the built-in history, the rows of `plenary votes` with the vote map of
// the same roll call, its SVG ids and its CSV: every state that voted has
// one code and one name in all three, so a script joining them loses no
// member. The codes are the states of the day, by the dates of history:
// the Soviet Union until 24 December 1991, Russia after; the Federal
// Republic of Germany under that name until 3 October 1990.
func TestSeatCodesJoin(t *testing.T) {
	db := comparetest.Builtin(t)
	dir := t.TempDir()
	for _, c := range []struct {
		year     string
		has, not []string // codes expected, and never expected
		names    map[string]string
	}{
		{"1950", []string{"SUN", "USA"}, []string{"RUS", "DEU"}, map[string]string{"SUN": "Soviet Union"}},
		{"1975", []string{"SUN", "DEU", "DDR"}, []string{"RUS"}, map[string]string{"SUN": "Soviet Union", "DEU": "Federal Republic of Germany"}},
		{"1991", []string{"SUN", "DEU"}, []string{"RUS", "DDR"}, map[string]string{"SUN": "Soviet Union", "DEU": "Germany"}},
		{"2025", []string{"RUS", "DEU"}, []string{"SUN"}, map[string]string{"RUS": "Russia", "DEU": "Germany"}},
	} {
		t.Run(c.year, func(t *testing.T) {
			symbol := firstRollCall(t, db.Path, c.year)
			voted := map[string]string{} // code → name, from `votes`
			for _, r := range parseCSV(t, plenaryOK(t, "--db", db.Path, "votes", symbol, "--format", "csv"), "iso3,name,vote") {
				if _, dup := voted[r[0]]; dup {
					t.Errorf("%s: %s listed twice", symbol, r[0])
				}
				voted[r[0]] = r[1]
			}
			svg, csvPath := filepath.Join(dir, c.year+".svg"), filepath.Join(dir, c.year+".csv")
			plenaryOK(t, "--db", db.Path, "chart", "vote-map", "--symbol", symbol, "-o", svg)
			plenaryOK(t, "--db", db.Path, "chart", "vote-map", "--symbol", symbol, "-o", csvPath)
			ids := svgStates(t, svg)
			b, err := os.ReadFile(csvPath)
			if err != nil {
				t.Fatal(err)
			}
			mapped := map[string]string{} // code → name, from the map's CSV, for the states with a vote
			for _, r := range parseCSV(t, string(b), "iso3,name,value,shown_as") {
				if r[2] != "" {
					mapped[r[0]] = r[1]
				}
			}
			for iso, name := range voted {
				if _, ok := ids[iso]; !ok {
					t.Errorf("%s: %s (%s) voted but is no id of the map's SVG", symbol, iso, name)
				}
				if got, ok := mapped[iso]; !ok || got != name {
					t.Errorf("%s: votes says %s,%s; the map's CSV says %q (listed: %v)", symbol, iso, name, got, ok)
				}
			}
			for iso := range mapped {
				if _, ok := voted[iso]; !ok {
					t.Errorf("%s: the map's CSV has a vote of %s, which votes does not list", symbol, iso)
				}
			}
			for _, iso := range c.has {
				if _, ok := voted[iso]; !ok {
					t.Errorf("%s (%s): %s missing", symbol, c.year, iso)
				}
			}
			for _, iso := range c.not {
				if _, ok := voted[iso]; ok {
					t.Errorf("%s (%s): %s listed, which did not hold a seat then", symbol, c.year, iso)
				}
			}
			for iso, name := range c.names {
				if voted[iso] != name {
					t.Errorf("%s (%s): %s is named %q, want %q", symbol, c.year, iso, voted[iso], name)
				}
			}
		})
	}
}

// column is one column of CSV rows.
func column(rows [][]string, i int) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r[i])
	}
	return out
}

// TestSeatCodesAgreement checks the codes of `agreement` by period: a year
// row carries the state that held the seat on the year's last roll call
// (1991's was on 6 December, the Soviet Union's), the whole period the
// state of its last roll call; pairs of every two and the charts' CSVs
// (vote grid, matrix, agreement over time) follow the same rule.
func TestSeatCodesAgreement(t *testing.T) {
	db := comparetest.Builtin(t).Path
	rows := parseCSV(t, plenaryOK(t, "--db", db, "agreement", "--countries", "USA,RUS", "--ref", "USA", "--by", "year",
		"--from", "1989-01-01", "--to", "1993-12-31", "--format", "csv"), "a,b,period,metric,agreement,n")
	want := map[string]string{"1989": "SUN", "1990": "SUN", "1991": "SUN", "1992": "RUS", "1993": "RUS"}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want one a year 1989–1993: %v", len(rows), rows)
	}
	for _, r := range rows {
		if r[0] != "USA" || r[1] != want[r[2]] {
			t.Errorf("%s: %s–%s, want USA–%s", r[2], r[0], r[1], want[r[2]])
		}
	}
	for to, code := range map[string]string{"1990-12-31": "SUN", "1993-12-31": "RUS"} {
		rows := parseCSV(t, plenaryOK(t, "--db", db, "agreement", "--countries", "USA,RUS,DEU", "--from", "1985-01-01", "--to", to, "--format", "csv"),
			"a,b,period,metric,agreement,n")
		if got := append(column(rows, 0), column(rows, 1)...); !slices.Contains(got, code) || slices.Contains(got, map[string]string{"SUN": "RUS", "RUS": "SUN"}[code]) {
			t.Errorf("agreement of every pair to %s: codes %v, want %s for the Soviet seat", to, got, code)
		}
	}

	dir := t.TempDir()
	chart := func(kind string) [][]string {
		p := filepath.Join(dir, kind+".csv")
		plenaryOK(t, "--db", db, "chart", kind, "--countries", "USA,RUS,DEU", "--ref", "USA",
			"--from", "1980-01-01", "--to", "1990-06-30", "-o", p)
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rd := csv.NewReader(f)
		rd.FieldsPerRecord = -1
		recs, err := rd.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs[1:]
	}
	for kind, want := range map[string][]string{
		"vote-grid":        {"USA", "SUN", "DEU", "(split)"},
		"agreement-matrix": {"USA", "USA", "USA", "SUN", "SUN", "SUN", "DEU", "DEU", "DEU"},
		"agreement-time":   {"Soviet Union", "Federal Republic of Germany"},
	} {
		got := column(chart(kind), 0)
		if kind == "agreement-time" {
			got = slices.Compact(got)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s CSV: first column %v, want %v", kind, got, want)
		}
	}
}

// TestSeatCodesAbstentions counts Security Council abstentions of 1975 and
// 1992 from a file that names the Soviet seat by Russia's code, as the
// voting datasets do: each row names the state that held the seat then.
func TestSeatCodesAbstentions(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "sc.csv")
	if err := os.WriteFile(src, []byte(`body,symbol,date,country,vote
SC,S/RES/380 (1975),1975-11-06,USA,Y
SC,S/RES/380 (1975),1975-11-06,RUS,A
SC,S/RES/380 (1975),1975-11-06,GBR,Y
SC,S/RES/766 (1992),1992-07-21,RUS,A
SC,S/RES/766 (1992),1992-07-21,USA,Y
SC,S/RES/766 (1992),1992-07-21,GBR,A
`), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "sc.db")
	plenaryOK(t, "--db", db, "import", src)
	byRes := parseCSV(t, plenaryOK(t, "--db", db, "abstentions", "--by", "resolution", "--format", "csv"), "symbol,date,abstained")
	if got := column(byRes, 2); !slices.Equal(got, []string{"SUN", "RUS GBR"}) && !slices.Equal(got, []string{"SUN", "GBR RUS"}) {
		t.Errorf("abstained: %v, want SUN in 1975 and Russia with the United Kingdom in 1992", got)
	}
	byYear := parseCSV(t, plenaryOK(t, "--db", db, "abstentions", "--by", "year", "--format", "csv"), "iso3,year,abstentions,votes")
	seen := map[string]bool{}
	for _, r := range byYear {
		seen[r[0]+" "+r[1]] = true
	}
	if !seen["SUN 1975"] || !seen["RUS 1992"] || seen["RUS 1975"] {
		t.Errorf("by year: %v, want SUN for 1975 and RUS for 1992", byYear)
	}
	for to, want := range map[string]string{"1990-12-31": "SUN", "": "RUS"} {
		args := []string{"--db", db, "abstentions", "--format", "csv"}
		if to != "" {
			args = append(args, "--to", to)
		}
		members := column(parseCSV(t, plenaryOK(t, args...), "iso3,permanent,abstentions,votes"), 0)
		if !slices.Contains(members, want) || slices.Contains(members, map[string]string{"SUN": "RUS", "RUS": "SUN"}[want]) {
			t.Errorf("members to %q: %v, want %s", to, members, want)
		}
	}
}

// TestSeatCodesIdealPoints checks the codes of `idealpoints` and `dyads`
// per year, 1989–1993: the Soviet Union to 1991, Russia from 1992, and
// every other state once a year.
func TestSeatCodesIdealPoints(t *testing.T) {
	db := comparetest.Builtin(t).Path
	span := []string{"--from", "1989-01-01", "--to", "1993-12-31", "--format", "csv"}
	soviet := map[string]string{"1989": "SUN", "1990": "SUN", "1991": "SUN", "1992": "RUS", "1993": "RUS"}
	rows := parseCSV(t, plenaryOK(t, append([]string{"--db", db, "idealpoints"}, span...)...), "iso3,period,ideal,lo,hi,n,flag")
	seen := map[string]bool{}
	for _, r := range rows {
		k := r[0] + " " + r[1]
		if seen[k] {
			t.Errorf("%s twice", k)
		}
		seen[k] = true
	}
	for year, code := range soviet {
		other := map[string]string{"SUN": "RUS", "RUS": "SUN"}[code]
		if !seen[code+" "+year] || seen[other+" "+year] {
			t.Errorf("idealpoints %s: want a row of %s and none of %s", year, code, other)
		}
	}
	dyads := parseCSV(t, plenaryOK(t, append([]string{"--db", db, "dyads", "--countries", "USA"}, span...)...),
		"ccode1,ccode2,iso3_1,iso3_2,year,agree,IdealPointDistance,n")
	pairs := map[string]bool{}
	for _, r := range dyads {
		pairs[r[2]+" "+r[3]+" "+r[4]] = true
	}
	for year, code := range soviet {
		other := map[string]string{"SUN": "RUS", "RUS": "SUN"}[code]
		if !pairs["USA "+code+" "+year] && !pairs[code+" USA "+year] {
			t.Errorf("dyads %s: no pair of USA and %s", year, code)
		}
		if pairs["USA "+other+" "+year] || pairs[other+" USA "+year] {
			t.Errorf("dyads %s: a pair of USA and %s", year, other)
		}
	}
}

// TestSeatTokens names the Soviet seat three ways: USSR and SUN find the
// Soviet Union's own years, RUS the whole seat; where they overlap the
// rows are the same, under the code of the day.
func TestSeatTokens(t *testing.T) {
	db := comparetest.Builtin(t).Path
	run := func(tok string, args ...string) [][]string {
		return parseCSV(t, plenaryOK(t, append([]string{"--db", db, "agreement", "--countries", "USA," + tok, "--ref", "USA", "--by", "year",
			"--from", "1985-01-01", "--to", "1995-12-31", "--format", "csv"}, args...)...), "a,b,period,metric,agreement,n")
	}
	whole := run("RUS")
	if len(whole) != 11 {
		t.Fatalf("RUS: %d years, want 11 (1985–1995): %v", len(whole), whole)
	}
	for _, tok := range []string{"USSR", "SUN", "Soviet Union"} {
		own := run(tok)
		if len(own) != 7 || !slices.EqualFunc(own, whole[:7], slices.Equal) {
			t.Errorf("%s: %v\nwant the Soviet years of RUS: %v", tok, own, whole[:7])
		}
	}
	for _, tok := range []string{"USSR", "SUN", "RUS"} {
		rows := parseCSV(t, plenaryOK(t, "--db", db, "idealpoints", "--countries", tok, "--from", "1989-01-01", "--to", "1993-12-31", "--format", "csv"),
			"iso3,period,ideal,lo,hi,n,flag")
		if len(rows) < 3 || rows[0][0] != "SUN" || rows[0][1] != "1989" {
			t.Errorf("idealpoints --countries %s: %v, want the Soviet Union from 1989", tok, rows)
		}
	}
}
