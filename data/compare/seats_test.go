package compare_test

import (
	"math"
	"strings"
	"testing"

	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/countries"
)

// TestHistoricalNamesFindVotes types every name and code of every
// historical state: each must find that state's votes. The USSR's are
// filed under Russia's code; its agreement with the United States must
// equal the count from the unvotes CSV over 1946–1991 under "RU".
func TestHistoricalNamesFindVotes(t *testing.T) {
	db := comparetest.Unvotes(t)
	ix := indexOf(t, db)
	for _, c := range countries.All() {
		if c.Status != countries.StatusHistorical {
			continue
		}
		for _, name := range append([]string{c.ISO3, c.Name, c.UNName}, c.AltNames...) {
			toks, err := compare.ParseCountries(name)
			if strings.Contains(name, ",") {
				// A comma separates items in a list; the picker takes such
				// names whole.
				iso, ok := countries.Lookup(name)
				toks, err = []string{iso}, nil
				if !ok {
					t.Errorf("%s: not found", name)
				}
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			s := sel(t, ix, compare.Filter{Countries: toks})
			if err := s.NoVotes(); err != nil || len(s.Countries) != 1 {
				t.Errorf("%q finds %v: %v", name, s.Countries, err)
			}
		}
	}
	u := readUnvotes(t)
	sum, n := 0.0, 0
	for y := 1946; y <= 1991; y++ {
		a, k := naive(u, "RU", "US", compare.Identical, y)
		sum += a * float64(k)
		n += k
	}
	for _, name := range []string{"USSR", "Soviet Union", "SUN"} {
		toks, _ := compare.ParseCountries(name + ",USA")
		s := sel(t, ix, compare.Filter{Countries: toks})
		sc, err := s.Pair(toks[0], "USA", compare.Identical)
		if err != nil || sc.N != n || math.Abs(sc.Agreement-sum/float64(n)) > 1e-9 {
			t.Errorf("%s–USA: %+v, %v; want %.4f over %d roll calls", name, sc, err, sum/float64(n), n)
		}
	}
}

// TestNoVotesIsAnError checks that a selection finding no votes says why.
func TestNoVotesIsAnError(t *testing.T) {
	ix := indexOf(t, comparetest.Unvotes(t))
	for _, c := range []struct {
		f    compare.Filter
		want string
	}{
		{compare.Filter{Countries: []string{"SUN", "USA"}, From: "2000-01-01"}, "Soviet Union voted from 1946"},
		{compare.Filter{Countries: []string{"USA"}, From: "2030-01-01"}, "no roll calls match"},
		{compare.Filter{Countries: []string{"SSD"}, To: "2000-01-01"}, "South Sudan"},
	} {
		err := sel(t, ix, c.f).NoVotes()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.f, err, c.want)
		}
	}
	if err := sel(t, ix, compare.Filter{Countries: []string{"SUN", "USA"}}).NoVotes(); err != nil {
		t.Errorf("SUN and USA: %v", err)
	}
}
