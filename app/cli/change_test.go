package cli_test

import (
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"plenary/data/compare/comparetest"
)

// undlVotes reads the 2020–2025 votes straight from the CSV file:
// symbol → ISO3 → vote word.
func undlVotes(t *testing.T) map[string]map[string]string {
	t.Helper()
	recs := readCSVFile(t, filepath.Join(comparetest.Dataset(t, "undl_2020_2025"), "votes.csv"))
	word := map[string]string{"Y": "yes", "N": "no", "A": "abstain", "X": "non-voting"}
	out := map[string]map[string]string{}
	for _, r := range recs[1:] {
		if out[r[1]] == nil {
			out[r[1]] = map[string]string{}
		}
		out[r[1]][r[3]] = word[r[4]]
	}
	return out
}

// TestVoteFlowCommandEqualsTheCSV: every member's two votes printed by
// vote-flow are those of the Digital Library file.
func TestVoteFlowCommandEqualsTheCSV(t *testing.T) {
	db := comparetest.Continuous(t)
	votes := undlVotes(t)
	out := plenaryOK(t, "--db", db.Path, "--read-only", "vote-flow", "--symbol", "A/RES/ES-11/6", "--symbol", "A/RES/ES-11/7", "--format", "csv")
	rows := parseCSV(t, out, "iso3,name,vote_a,vote_b")
	a, b := votes["A/RES/ES-11/6"], votes["A/RES/ES-11/7"]
	if len(rows) != len(a) || len(a) != 193 {
		t.Fatalf("%d rows, the file has %d members", len(rows), len(a))
	}
	switched := 0
	for _, r := range rows {
		if r[2] != a[r[0]] || r[3] != b[r[0]] {
			t.Errorf("%s: %s %s, the file %s %s", r[0], r[2], r[3], a[r[0]], b[r[0]])
		}
		if r[2] != r[3] {
			switched++
		}
	}
	if switched != 60 {
		t.Errorf("%d switched", switched)
	}
}

// TestSeriesCommandEqualsTheCSV: the totals and the switchers of the
// emergency session's eight resolutions.
func TestSeriesCommandEqualsTheCSV(t *testing.T) {
	db := comparetest.Continuous(t)
	votes := undlVotes(t)
	args := []string{"--db", db.Path, "--read-only", "series", "--format", "csv"}
	var symbols []string
	for i := 1; i <= 8; i++ {
		s := "A/RES/ES-11/" + string(rune('0'+i))
		symbols = append(symbols, s)
		args = append(args, "--symbol", s)
	}
	rows := parseCSV(t, plenaryOK(t, args...), "symbol,date,yes,no,abstain,non_voting,switched,switchers")
	if len(rows) != 8 {
		t.Fatalf("%d steps", len(rows))
	}
	for k, r := range rows {
		if r[0] != symbols[k] {
			t.Fatalf("step %d is %s", k, r[0])
		}
		count := map[string]int{}
		for _, v := range votes[r[0]] {
			count[v]++
		}
		if got := strings.Join(r[2:6], " "); got != strings.Join([]string{itoa(count["yes"]), itoa(count["no"]), itoa(count["abstain"]), itoa(count["non-voting"])}, " ") {
			t.Errorf("%s: totals %s, the file %v", r[0], got, count)
		}
		if k == 0 {
			continue
		}
		var want []string
		prev := votes[rows[k-1][0]]
		for iso, v := range votes[r[0]] {
			if p, ok := prev[iso]; ok && p != v {
				want = append(want, p+" to "+v)
			}
		}
		var got []string
		for _, s := range strings.Split(r[7], "; ") {
			if s != "" {
				f := strings.Fields(s)
				got = append(got, strings.Join(f[len(f)-3:], " "))
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if r[6] != itoa(len(want)) || !slices.Equal(got, want) {
			t.Errorf("%s: %s switched (%v), the file %d (%v)", r[0], r[6], got, len(want), want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestChangeCommandMistakes: a bad request gets an error naming what is
// missing, never an empty chart.
func TestChangeCommandMistakes(t *testing.T) {
	db := comparetest.Recent(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"vote-flow", "--symbol", "A/RES/ES-11/7"}, "two roll calls"},
		{[]string{"chart", "vote-flow", "--symbol", "A/RES/ES-11/7", "-o", "x.png"}, "only A/RES/ES-11/7 is named"},
		{[]string{"vote-flow", "--symbol", "A/RES/ES-11/7", "--symbol", "A/RES/99/999"}, "no roll call with the symbol A/RES/99/999"},
		{[]string{"series", "--symbol", "A/RES/99/999"}, "A/RES/99/999"},
		{[]string{"movers", "--measure", "agreement", "--ref", "USA", "--period", "1990", "--period", "2025"}, "no roll calls in 1990"},
		{[]string{"movers", "--period", "2025"}, "two periods"},
		{[]string{"blocs", "--countries", "USA,RUS"}, "three states"},
		{[]string{"divergent", "--countries", "USA"}, "two states"},
		{[]string{"breaks", "--countries", "USA"}, "two countries"},
	}
	for _, c := range cases {
		code, out, errs := plenary(append([]string{"--db", db.Path, "--read-only"}, c.args...)...)
		if code == 0 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q%q; want an error saying %q", c.args, code, out, errs, c.want)
		}
	}
}

// TestBreaksCommand prints what the method finds on the real data for
// the README: United States–France and United States–Russia agreement,
// 1992–2025. The breaks found must be years of the series, with levels
// inside 0..1.
func TestBreaksCommand(t *testing.T) {
	db := comparetest.Continuous(t)
	out := plenaryOK(t, "--db", db.Path, "--read-only", "breaks", "--countries", "USA,FRA,RUS", "--from", "1992", "--format", "csv")
	rows := parseCSV(t, out, "series,year,before,after,size,z")
	for _, r := range rows {
		t.Logf("%v", r)
		if r[1] < "1993" || r[1] > "2025" || r[2] < "0" || r[2] > "1" || r[3] < "0" || r[3] > "1" {
			t.Errorf("break %v outside the series", r)
		}
	}
	table := plenaryOK(t, "--db", db.Path, "--read-only", "breaks", "--countries", "USA,FRA,RUS", "--from", "1992")
	t.Log("\n" + table)
	if !strings.Contains(table, "USA-FRA: 34 years 1992–2025") || !strings.Contains(table, "USA-RUS: 34 years 1992–2025") {
		t.Errorf("summary %q", table)
	}
}

// TestMoversTableRounds: the movers table prints each figure with three
// decimals, as the agreement table does, within half a thousandth of the
// CSV's full-precision figure; the CSV keeps every digit.
func TestMoversTableRounds(t *testing.T) {
	db := comparetest.Continuous(t)
	args := []string{"--db", db.Path, "--read-only", "movers", "--measure", "agreement", "--ref", "USA", "--period", "2016-2019", "--period", "2025"}
	rows := parseCSV(t, plenaryOK(t, append(args, "--format", "csv")...), "country,a,a_lo,a_hi,b,b_lo,b_hi,change,within_intervals")
	want := map[string][]string{}
	digits := 0
	for _, r := range rows {
		want[r[0]] = r[1:]
		for _, c := range r[1:8] {
			if _, frac, ok := strings.Cut(c, "."); ok {
				digits = max(digits, len(frac))
			}
		}
	}
	if digits <= 3 {
		t.Fatalf("the CSV's figures have %d decimals at the most, want full precision", digits)
	}
	table := plenaryOK(t, append(args, "--format", "table")...)
	lines := strings.Split(table, "\n")
	if got := regexp.MustCompile(`\s{2,}`).Split(lines[0], -1); strings.Join(got, ",") != "country,a,a_lo,a_hi,b,b_lo,b_hi,change,within_intervals" {
		t.Fatalf("table header %q", lines[0])
	}
	three := regexp.MustCompile(`^-?[0-9]+\.[0-9]{3}$`)
	n := 0
	for _, line := range lines[1:] {
		if line == "" {
			break
		}
		cells := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(line), -1)
		w, ok := want[cells[0]]
		if !ok || len(cells) != 9 {
			t.Fatalf("table row %q: not one of the CSV's", line)
		}
		n++
		for i, c := range cells[1:8] {
			x, err := strconv.ParseFloat(w[i], 64)
			if err != nil {
				t.Fatalf("%s: CSV cell %q", cells[0], w[i])
			}
			y, err := strconv.ParseFloat(c, 64)
			if !three.MatchString(c) || err != nil || math.Abs(x-y) > 0.0005+1e-12 {
				t.Errorf("%s column %d: table %q, CSV %s: want it to three decimals", cells[0], i+1, c, w[i])
			}
		}
		if cells[8] != w[7] {
			t.Errorf("%s: within_intervals %q, CSV %q", cells[0], cells[8], w[7])
		}
	}
	if n != len(rows) {
		t.Errorf("%d table rows, %d CSV rows", n, len(rows))
	}
}
