package idealpoint_test

import (
	"math"
	"slices"
	"testing"

	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/idealpoint"
	"plenary/data/record"
)

// TestDyadsAgainstCompare checks the dyads of 2000-2004 by calendar year
// against package compare's identical-vote agreement, an independent
// count on bitsets, and the distances against the estimates.
func TestDyadsAgainstCompare(t *testing.T) {
	tab, rows := slice(t)
	res := estimate(t, tab, rows, idealpoint.Options{})
	dyads := idealpoint.Dyads(tab, rows, res)
	ix, err := compare.NewIndex(tab)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := ix.Select(compare.Filter{Body: "GA", From: "2000", To: "2004"})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, pair := range [][2]string{{"USA", "RUS"}, {"USA", "ISR"}, {"FRA", "DEU"}, {"CHN", "IND"}, {"BRA", "ZAF"}} {
		want, err := sel.PairOverTime(pair[0], pair[1], compare.Identical)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			d, ok := findDyad(dyads, pair[0], pair[1], w.Year)
			if !ok {
				t.Errorf("no dyad %s-%s in %d", pair[0], pair[1], w.Year)
				continue
			}
			if d.N != w.N || math.Abs(d.Agree-w.Agreement) > 1e-12 {
				t.Errorf("%s-%s %d: agree %.4f over %d, compare says %.4f over %d", pair[0], pair[1], w.Year, d.Agree, d.N, w.Agreement, w.N)
			}
			a, _ := res.Lookup(pair[0], w.Year)
			b, _ := res.Lookup(pair[1], w.Year)
			if math.Abs(d.Distance-math.Abs(a.Ideal-b.Ideal)) > 1e-12 {
				t.Errorf("%s-%s %d: distance %.4f, estimates %.4f and %.4f", pair[0], pair[1], w.Year, d.Distance, a.Ideal, b.Ideal)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d pair-years checked", checked)
	}
	// Every pair at most once, and nearly all pairs: only states that
	// voted a handful of times can lack a common roll call.
	states := len(res.Year(2002))
	seen := map[[2]string]bool{}
	for _, d := range dyads {
		if d.Period.Year == 2002 {
			p := [2]string{min(d.ISO3a, d.ISO3b), max(d.ISO3a, d.ISO3b)}
			if seen[p] {
				t.Errorf("pair %v twice in 2002", p)
			}
			seen[p] = true
		}
	}
	if all := states * (states - 1) / 2; len(seen) > all || len(seen) < all*999/1000 {
		t.Errorf("%d dyads in 2002 for %d states (%d pairs)", len(seen), states, all)
	}
	usa, _ := countries.ByISO3("USA")
	d, _ := findDyad(dyads, "USA", "RUS", 2002)
	if codes := map[string]int{d.ISO3a: d.CCode1, d.ISO3b: d.CCode2}; codes["USA"] != usa.COW || codes["RUS"] != 365 {
		t.Errorf("Correlates of War codes %v, want USA %d and RUS 365", codes, usa.COW)
	}
}

// findDyad finds a pair in either order.
func findDyad(ds []idealpoint.Dyad, a, b string, year int) (idealpoint.Dyad, bool) {
	for _, d := range ds {
		if d.Period.Year == year && ((d.ISO3a == a && d.ISO3b == b) || (d.ISO3a == b && d.ISO3b == a)) {
			return d, true
		}
	}
	return idealpoint.Dyad{}, false
}

// TestKey checks that the cache key follows the selection and the options
// and nothing else.
func TestKey(t *testing.T) {
	s := drawSynthetic(synthParams{states: 10, years: 3, perYear: 5, drift: 0.1, seed: 5})
	tab := s.table
	base := idealpoint.Key(tab, []int{0, 1, 2}, idealpoint.Options{})
	same := []string{
		idealpoint.Key(tab, []int{2, 1, 0, 1}, idealpoint.Options{}),
		idealpoint.Key(tab, []int{0, 1, 2}, idealpoint.Options{Workers: 7, Drift: idealpoint.DefaultDrift}),
	}
	for i, k := range same {
		if k != base {
			t.Errorf("same selection %d: key changed", i)
		}
	}
	changedVote := *tab
	changedVote.Votes = slices.Clone(tab.Votes)
	changedVote.Votes[1] = slices.Clone(tab.Votes[1])
	changedVote.Votes[1][3] = record.Abstain + record.No - changedVote.Votes[1][3]%4
	changedTitle := *tab
	changedTitle.RollCalls = slices.Clone(tab.RollCalls)
	changedTitle.RollCalls[2].Description += " (revised)"
	differ := map[string]string{
		"rows":    idealpoint.Key(tab, []int{0, 1}, idealpoint.Options{}),
		"all":     idealpoint.Key(tab, nil, idealpoint.Options{}),
		"session": idealpoint.Key(tab, []int{0, 1, 2}, idealpoint.Options{By: idealpoint.BySession}),
		"bridge":  idealpoint.Key(tab, []int{0, 1, 2}, idealpoint.Options{NoBridge: true}),
		"drift":   idealpoint.Key(tab, []int{0, 1, 2}, idealpoint.Options{Drift: 0.2}),
		"vote":    idealpoint.Key(&changedVote, []int{0, 1, 2}, idealpoint.Options{}),
		"text":    idealpoint.Key(&changedTitle, []int{0, 1, 2}, idealpoint.Options{}),
	}
	for what, k := range differ {
		if k == base {
			t.Errorf("a different %s gave the same key", what)
		}
	}
}

// TestEachDyadStops checks that streaming ends when asked and gives the
// pairs in Dyads' order.
func TestEachDyadStops(t *testing.T) {
	s := drawSynthetic(synthParams{states: 12, years: 3, perYear: 20, drift: 0.1, seed: 6})
	res := estimate(t, s.table, nil, idealpoint.Options{})
	all := idealpoint.Dyads(s.table, nil, res)
	var got []idealpoint.Dyad
	idealpoint.EachDyad(s.table, nil, res, func(d idealpoint.Dyad) bool {
		got = append(got, d)
		return len(got) < 10
	})
	if len(got) != 10 || !slices.Equal(got, all[:10]) {
		t.Errorf("streamed %d pairs, want the first 10 of %d", len(got), len(all))
	}
}
