package change

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// csvVotes reads the UN Digital Library votes of 2020–2025 straight from
// the CSV file: symbol → ISO3 → vote letter.
func csvVotes(t *testing.T) map[string]map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(comparetest.Dataset(t, "undl_2020_2025"), "votes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, r := range rows[1:] { // body,symbol,date,country,vote
		if out[r[1]] == nil {
			out[r[1]] = map[string]string{}
		}
		out[r[1]][r[3]] = r[4]
	}
	return out
}

func rowOf(t *testing.T, tb *record.Table, symbol string) int {
	t.Helper()
	for i, rc := range tb.RollCalls {
		if rc.Symbol == symbol {
			return i
		}
	}
	t.Fatalf("%s is not in the table", symbol)
	return -1
}

// expectedFlow counts, from the CSV, the states per (vote on a, vote on b)
// and those that switched.
func expectedFlow(va, vb map[string]string) (bands map[string]int, switched []string) {
	bands = map[string]int{}
	for iso, a := range va {
		b := vb[iso]
		bands[a+b]++
		if b != "" && a != b {
			switched = append(switched, fmt.Sprintf("%s %s→%s", iso, a, b))
		}
	}
	for iso, b := range vb {
		if _, ok := va[iso]; !ok {
			bands[b]++
		}
	}
	slices.Sort(switched)
	return bands, switched
}

func gotFlow(f Flow) (bands map[string]int, switched []string) {
	bands = map[string]int{}
	for _, b := range f.Bands {
		bands[b.From.Code()+b.To.Code()] += len(b.States)
	}
	for _, m := range f.Switchers() {
		switched = append(switched, fmt.Sprintf("%s %s→%s", m.ISO3, m.A.Code(), m.B.Code()))
	}
	return bands, switched
}

func TestFlowES11EqualsTheCSV(t *testing.T) {
	db := comparetest.Continuous(t)
	votes := csvVotes(t)
	a, b := "A/RES/ES-11/6", "A/RES/ES-11/7"
	f, err := NewFlow(db.Table, rowOf(t, db.Table, a), rowOf(t, db.Table, b))
	if err != nil {
		t.Fatal(err)
	}
	wantBands, wantSwitched := expectedFlow(votes[a], votes[b])
	gotBands, gotSwitched := gotFlow(f)
	if fmt.Sprint(gotBands) != fmt.Sprint(wantBands) {
		t.Errorf("bands\n got %v\nwant %v", gotBands, wantBands)
	}
	if !slices.Equal(gotSwitched, wantSwitched) {
		t.Errorf("switchers\n got %v\nwant %v", gotSwitched, wantSwitched)
	}
	// The published results: 141–7–32, then 93–18–65.
	if f.TotalsA.String() != "141–7–32" || f.TotalsB.String() != "93–18–65" {
		t.Errorf("totals %s and %s", f.TotalsA, f.TotalsB)
	}
	if len(wantSwitched) < 40 {
		t.Errorf("only %d switchers: the CSV count looks wrong", len(wantSwitched))
	}
	if !slices.Contains(gotSwitched, "USA Y→N") {
		t.Error("the United States did not switch from yes to no")
	}
}

func TestSeriesES11EqualsTheCSV(t *testing.T) {
	db := comparetest.Continuous(t)
	votes := csvVotes(t)
	var rows []int
	for i, rc := range db.Table.RollCalls {
		if _, inCSV := votes[rc.Symbol]; inCSV && rc.Body == record.GA && strings.HasPrefix(rc.Symbol, "A/RES/ES-11/") {
			rows = append(rows, i)
		}
	}
	s, err := NewSeries(db.Table, rows)
	if err != nil {
		t.Fatal(err)
	}
	var symbols []string
	for _, st := range s.Steps {
		symbols = append(symbols, db.Table.RollCalls[st.Row].Symbol)
	}
	var want []string
	for sym := range votes {
		if len(sym) > 12 && sym[:12] == "A/RES/ES-11/" {
			want = append(want, sym)
		}
	}
	if got := slices.Sorted(slices.Values(symbols)); !slices.Equal(got, slices.Sorted(slices.Values(want))) || len(want) != 8 {
		t.Fatalf("series %v, the CSV has %v", symbols, want)
	}
	for k, st := range s.Steps {
		var tot record.Totals
		for _, v := range votes[symbols[k]] {
			x, _ := record.ParseVote(v)
			tot.Add(x)
		}
		if st.Totals != tot {
			t.Errorf("%s: totals %+v, the CSV %+v", symbols[k], st.Totals, tot)
		}
		if k == 0 {
			continue
		}
		_, wantSwitched := expectedFlow(votes[symbols[k-1]], votes[symbols[k]])
		var got []string
		for _, m := range st.Switched {
			got = append(got, fmt.Sprintf("%s %s→%s", m.ISO3, m.A.Code(), m.B.Code()))
		}
		if !slices.Equal(got, wantSwitched) {
			t.Errorf("%s → %s: switchers\n got %v\nwant %v", symbols[k-1], symbols[k], got, wantSwitched)
		}
	}
}

func TestDivergentOrder(t *testing.T) {
	tb := &record.Table{Countries: []string{"USA", "RUS"}}
	for i, v := range [][2]record.Vote{{1, 3}, {1, 2}, {1, 1}, {3, 1}, {8, 3}, {2, 3}} {
		tb.RollCalls = append(tb.RollCalls, record.RollCall{Symbol: fmt.Sprint(i)})
		tb.Votes = append(tb.Votes, []record.Vote{v[0], v[1]})
	}
	d, err := Divergent(tb, []int{0, 1, 2, 3, 4, 5}, "USA", "RUS")
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, x := range d {
		got = append(got, x.Row)
	}
	if !slices.Equal(got, []int{3, 0, 5, 1}) {
		t.Errorf("order %v, want yes-against-no first, most recent first", got)
	}
	if _, err := Divergent(tb, nil, "USA", "XXX"); err == nil {
		t.Error("an unknown state compared")
	}
}
