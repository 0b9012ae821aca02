package compare_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plenary/data/compare"
	"plenary/data/compare/comparetest"
)

// compared are states with long and varied voting records, including one
// that left (TWN, 1971) and one that arrived late (ZAF's boycott years).
var compared = []string{"USA", "RUS", "CHN", "GBR", "FRA", "IND", "BRA", "ISR", "CUB", "ZAF", "JPN", "EGY", "TWN", "CAN", "MEX", "SWE", "IRN", "NGA"}

// sqlCounts are the counts behind the three metrics for one pair and year,
// as the SQL query of TestAllPairsPerYearAgainstSQL computes them.
type sqlCounts struct{ nCast, sameCast, half, nYN, sameYN int }

func (c sqlCounts) score(m compare.Metric) (float64, int) {
	switch m {
	case compare.Voeten:
		return (float64(c.sameCast) + 0.5*float64(c.half)) / float64(c.nCast), c.nCast
	case compare.Coincidence:
		return float64(c.sameYN) / float64(c.nYN), c.nYN
	}
	return float64(c.sameCast) / float64(c.nCast), c.nCast
}

// TestAllPairsPerYearAgainstSQL recomputes every metric for every pair of
// 18 countries in every year with one SQL query over the votes table of
// the imported database (General Assembly and Security Council, with the
// non-voting rows of the 2025 data) and compares.
func TestAllPairsPerYearAgainstSQL(t *testing.T) {
	db := comparetest.Full(t)
	conn := openSQL(t, db.Path)
	conn.SetMaxOpenConns(1) // the temporary table lives in one connection
	// The votes of the compared countries, indexed by roll call, so that
	// the self-join below stays small.
	if _, err := conn.Exec(`CREATE TEMP TABLE v AS
		SELECT v.roll_call_id AS rc, c.iso3 AS iso, v.vote AS vote, substr(r.date, 1, 4) AS y
		FROM votes v JOIN countries c ON c.id = v.country_id JOIN roll_calls r ON r.id = v.roll_call_id
		WHERE c.iso3 IN (` + quoted(compared) + `)`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`CREATE INDEX temp.v_rc ON v(rc)`); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.Query(`SELECT a.y, a.iso, b.iso,
		sum(a.vote IN (1,2,3) AND b.vote IN (1,2,3)),
		sum(a.vote IN (1,2,3) AND a.vote = b.vote),
		sum((a.vote = 2 AND b.vote IN (1,3)) OR (b.vote = 2 AND a.vote IN (1,3))),
		sum(a.vote IN (1,3) AND b.vote IN (1,3)),
		sum(a.vote IN (1,3) AND a.vote = b.vote)
	FROM v a JOIN v b ON b.rc = a.rc AND a.iso < b.iso
	GROUP BY 1, 2, 3`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]sqlCounts{}
	for rows.Next() {
		var year, a, b string
		var c sqlCounts
		if err := rows.Scan(&year, &a, &b, &c.nCast, &c.sameCast, &c.half, &c.nYN, &c.sameYN); err != nil {
			t.Fatal(err)
		}
		want[year+" "+a+" "+b] = c
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(want) < 1000 {
		t.Fatalf("only %d pair-years from SQL; the query or the data is wrong", len(want))
	}
	s := sel(t, indexOf(t, db), compare.Filter{Countries: compared})
	for _, m := range compare.Metrics {
		checked := 0
		for _, ym := range s.AllPairsPerYear(m) {
			for i, a := range ym.Countries {
				for j, b := range ym.Countries {
					if a >= b {
						continue
					}
					got := ym.Score(i, j)
					if back := ym.Score(j, i); back.N != got.N || !sameFloat(back.Agreement, got.Agreement) {
						t.Fatalf("%s %d: Score(%s,%s) != Score(%s,%s)", m, ym.Year, a, b, b, a)
					}
					c, ok := want[fmt.Sprintf("%d %s %s", ym.Year, a, b)]
					wantA, wantN := 0.0, 0
					if ok {
						wantA, wantN = c.score(m)
					}
					if got.N != wantN {
						t.Errorf("%s %d %s–%s: n = %d, SQL says %d", m, ym.Year, a, b, got.N, wantN)
						continue
					}
					if wantN == 0 {
						if !math.IsNaN(got.Agreement) {
							t.Errorf("%s %d %s–%s: agreement %v with n = 0, want NaN", m, ym.Year, a, b, got.Agreement)
						}
						continue
					}
					if math.Abs(got.Agreement-wantA) > 1e-12 {
						t.Errorf("%s %d %s–%s: agreement %v, SQL says %v (n=%d)", m, ym.Year, a, b, got.Agreement, wantA, wantN)
					}
					checked++
				}
			}
		}
		if checked < 1000 {
			t.Errorf("%s: only %d pair-years compared", m, checked)
		}
	}
}

// sameFloat is == with NaN equal to itself.
func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = "'" + s + "'"
	}
	return strings.Join(q, ",")
}

// unvotesCSV is the unvotes data read plainly: each roll call's year and
// each country's vote word, keyed by the dataset's ISO2 code (or the
// name, where the code is empty).
type unvotesCSV struct {
	year  map[string]int               // rcid -> year
	votes map[string]map[string]string // rcid -> ISO2 -> yes/no/abstain
	rcids []string                     // in file order
}

func readUnvotes(t *testing.T) *unvotesCSV {
	t.Helper()
	dir := comparetest.Dataset(t, "unvotes")
	u := &unvotesCSV{year: map[string]int{}, votes: map[string]map[string]string{}}
	eachCSV(t, filepath.Join(dir, "roll_calls.csv"), func(h map[string]int, rec []string) {
		y, err := strconv.Atoi(rec[h["date"]][:4])
		if err != nil {
			t.Fatal(err)
		}
		u.year[rec[h["rcid"]]] = y
		u.rcids = append(u.rcids, rec[h["rcid"]])
	})
	eachCSV(t, filepath.Join(dir, "votes.csv"), func(h map[string]int, rec []string) {
		id := rec[h["rcid"]]
		if u.votes[id] == nil {
			u.votes[id] = map[string]string{}
		}
		key := rec[h["country_code"]]
		if key == "" { // three historical states have no code; their names are unique
			key = rec[h["country"]]
		}
		u.votes[id][key] = rec[h["vote"]]
	})
	return u
}

func eachCSV(t *testing.T, path string, fn func(header map[string]int, rec []string)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	h := map[string]int{}
	for i, c := range head {
		h[c] = i
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		fn(h, rec)
	}
}

// naive scores one pair the long way: walk the roll calls, keep those
// where both voted, score each by the metric's definition.
func naive(u *unvotesCSV, a, b string, m compare.Metric, year int) (float64, int) {
	sum, n := 0.0, 0
	for _, id := range u.rcids {
		if year != 0 && u.year[id] != year {
			continue
		}
		va, vb := u.votes[id][a], u.votes[id][b]
		if va == "" || vb == "" {
			continue
		}
		if m == compare.Coincidence && (va == "abstain" || vb == "abstain") {
			continue
		}
		n++
		switch {
		case va == vb:
			sum++
		case m == compare.Voeten && (va == "abstain" || vb == "abstain"):
			sum += 0.5
		}
	}
	if n == 0 {
		return math.NaN(), 0
	}
	return sum / float64(n), n
}

// iso2 maps the ISO3 codes of TestAgainstUnvotesCSV to the codes of the
// unvotes files.
var iso2 = map[string]string{"USA": "US", "RUS": "RU", "CHN": "CN", "GBR": "GB", "FRA": "FR", "IND": "IN", "BRA": "BR",
	"ISR": "IL", "CUB": "CU", "ZAF": "ZA", "JPN": "JP", "EGY": "EG", "TWN": "TW", "CAN": "CA", "MEX": "MX", "SWE": "SE", "IRN": "IR", "NGA": "NG"}

// TestAgainstUnvotesCSV recomputes the ranking, the matrix and pairs over
// time from the unvotes CSV files with a plain loop per pair.
func TestAgainstUnvotesCSV(t *testing.T) { againstUnvotesCSV(t, comparetest.Full(t)) }

// TestBuiltinAgainstUnvotesCSV does the same on the built-in history, whose
// absences (from Voeten's data) every metric leaves out.
func TestBuiltinAgainstUnvotesCSV(t *testing.T) { againstUnvotesCSV(t, comparetest.Builtin(t)) }

func againstUnvotesCSV(t *testing.T, db *comparetest.DB) {
	u := readUnvotes(t)
	// The databases also hold Security Council votes and 2025 General
	// Assembly votes: keep to what the CSV files hold.
	f := compare.Filter{Countries: compared, Body: "GA", To: "2020"}
	s := sel(t, indexOf(t, db), f)
	for _, m := range compare.Metrics {
		ranking, err := s.Ranking("USA", m, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(ranking) != len(compared)-1 {
			t.Errorf("%s: ranking of %d countries, want %d", m, len(ranking), len(compared)-1)
		}
		for i, r := range ranking {
			wantA, wantN := naive(u, "US", iso2[r.ISO3], m, 0)
			if r.N != wantN || math.Abs(r.Agreement-wantA) > 1e-12 {
				t.Errorf("%s USA–%s: %v over %d, CSV says %v over %d", m, r.ISO3, r.Agreement, r.N, wantA, wantN)
			}
			if i > 0 && r.Agreement > ranking[i-1].Agreement {
				t.Errorf("%s: ranking not sorted at %s", m, r.ISO3)
			}
		}
		mx := s.Matrix(m)
		for i, a := range mx.Countries {
			for j, b := range mx.Countries {
				got := mx.Score(i, j)
				wantA, wantN := naive(u, iso2[a], iso2[b], m, 0)
				if got.N != wantN || (wantN > 0 && math.Abs(got.Agreement-wantA) > 1e-12) {
					t.Errorf("%s matrix %s–%s: %v over %d, CSV says %v over %d", m, a, b, got.Agreement, got.N, wantA, wantN)
				}
			}
		}
		for _, p := range [][2]string{{"USA", "RUS"}, {"FRA", "GBR"}, {"IND", "CHN"}, {"ISR", "EGY"}, {"USA", "TWN"}} {
			years, err := s.PairOverTime(p[0], p[1], m)
			if err != nil {
				t.Fatal(err)
			}
			if len(years) < 20 {
				t.Errorf("%s %s–%s: only %d years", m, p[0], p[1], len(years))
			}
			for _, y := range years {
				wantA, wantN := naive(u, iso2[p[0]], iso2[p[1]], m, y.Year)
				if y.N != wantN || math.Abs(y.Agreement-wantA) > 1e-12 {
					t.Errorf("%s %s–%s %d: %v over %d, CSV says %v over %d", m, p[0], p[1], y.Year, y.Agreement, y.N, wantA, wantN)
				}
			}
		}
	}
}

// TestMetricsDiffer guards against a metric silently computing another:
// on the same pair the three must give different numbers, in the order
// their definitions imply (Voeten credits half points that Identical does
// not; Coincidence drops abstentions, where the USA and India differ most).
func TestMetricsDiffer(t *testing.T) {
	db := comparetest.Full(t)
	s := sel(t, indexOf(t, db), compare.Filter{Body: "GA", To: "2020"})
	var got [3]compare.Score
	for i, m := range compare.Metrics {
		sc, err := s.Pair("USA", "IND", m)
		if err != nil {
			t.Fatal(err)
		}
		got[i] = sc
	}
	id, vo, co := got[0], got[1], got[2]
	if !(vo.Agreement > id.Agreement) || vo.N != id.N || !(co.N < id.N) || co.Agreement == id.Agreement {
		t.Errorf("identical %+v, voeten %+v, coincidence %+v", id, vo, co)
	}
}

func TestParseMetric(t *testing.T) {
	for _, m := range compare.Metrics {
		got, err := compare.ParseMetric(strings.ToUpper(m.String()))
		if err != nil || got != m {
			t.Errorf("ParseMetric(%q) = %v, %v", m.String(), got, err)
		}
	}
	if m, err := compare.ParseMetric(""); err != nil || m != compare.Identical {
		t.Errorf("ParseMetric(\"\") = %v, %v", m, err)
	}
	if _, err := compare.ParseMetric("cosine"); err == nil || !strings.Contains(err.Error(), "cosine") {
		t.Errorf("ParseMetric(cosine) error %v", err)
	}
}
