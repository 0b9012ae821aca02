package countries

import (
	"slices"
	"strings"
	"testing"
)

func TestGroupingsList(t *testing.T) {
	var names []string
	for _, g := range Groupings() {
		names = append(names, g.Name)
		for _, m := range g.Members {
			if _, ok := ByISO3(m.ISO3); !ok {
				t.Errorf("%s: unknown member %s", g.Name, m.ISO3)
			}
			if m.To != "" && m.To <= m.From {
				t.Errorf("%s: %s ends %s before it starts %s", g.Name, m.ISO3, m.To, m.From)
			}
		}
	}
	want := []string{"African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG", "P5", "EU", "BRICS", "G7"}
	if !slices.Equal(names, want) {
		t.Errorf("Groupings() names %v, want %v", names, want)
	}
	gs := Groupings()
	gs[0].Members[0].ISO3 = "XXX"
	if Groupings()[0].Members[0].ISO3 == "XXX" {
		t.Error("changing Groupings() changed the registry")
	}
}

func TestGroupingByName(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{"p5", "P5"}, {"Permanent members of the Security Council", "P5"},
		{"grulac", "GRULAC"}, {"Latin American and Caribbean", "GRULAC"},
		{"weog", "WEOG"}, {"western european and others", "WEOG"},
		{"African", "African"}, {"African Group", "African"},
		{"european union", "EU"}, {"Brics", "BRICS"}, {"g7", "G7"}, {" G7 ", "G7"},
	} {
		if g, ok := GroupingByName(tc.query); !ok || g.Name != tc.want {
			t.Errorf("GroupingByName(%q) = %q, %v; want %s", tc.query, g.Name, ok, tc.want)
		}
	}
	for _, g := range Groups() {
		if _, ok := GroupingByName(string(g)); !ok {
			t.Errorf("no grouping for group %q", g)
		}
	}
	if _, ok := GroupingByName("G20"); ok {
		t.Error("found G20")
	}
}

func at(t *testing.T, name, date string) []string {
	t.Helper()
	g, ok := GroupingByName(name)
	if !ok {
		t.Fatalf("no grouping %q", name)
	}
	return g.At(date)
}

func TestGroupingAt(t *testing.T) {
	for _, tc := range []struct {
		name, date, want string
	}{
		{"P5", "1960-01-01", "FRA GBR SUN TWN USA"},
		{"P5", "1980-01-01", "CHN FRA GBR SUN USA"},
		{"P5", "2000-01-01", "CHN FRA GBR RUS USA"},
		{"P5", "", "CHN FRA GBR RUS SUN TWN USA"},
		{"EU", "1957-12-31", ""},
		{"EU", "1958-01-01", "BEL DEU FRA ITA LUX NLD"},
		{"BRICS", "2009-06-16", "BRA CHN IND RUS"},
		{"BRICS", "2011-01-01", "BRA CHN IND RUS ZAF"},
		{"BRICS", "2024-06-01", "ARE BRA CHN EGY ETH IND IRN RUS ZAF"},
		{"BRICS", "2025-06-01", "ARE BRA CHN EGY ETH IDN IND IRN RUS ZAF"},
		{"G7", "1975-11-14", ""},
		{"G7", "1976-01-01", "DEU FRA GBR ITA JPN USA"},
		{"G7", "2025-01-01", "CAN DEU FRA GBR ITA JPN USA"},
	} {
		if got := strings.Join(at(t, tc.name, tc.date), " "); got != tc.want {
			t.Errorf("%s.At(%q) = %s, want %s", tc.name, tc.date, got, tc.want)
		}
	}
	eu := func(date string) []string { return at(t, "EU", date) }
	if !slices.Contains(eu("2020-01-30"), "GBR") || slices.Contains(eu("2020-01-31"), "GBR") {
		t.Error("the United Kingdom should leave the EU on 2020-01-31")
	}
	for date, n := range map[string]int{"1973-01-01": 9, "1981-01-01": 10, "1986-01-01": 12, "1995-01-01": 15, "2004-05-01": 25, "2007-01-01": 27, "2013-07-01": 28, "2020-02-01": 27} {
		if got := len(eu(date)); got != n {
			t.Errorf("EU on %s: %d members, want %d", date, got, n)
		}
	}
}

func TestRegionalGroupings(t *testing.T) {
	for name, n := range map[string]int{"African": 54, "Asia-Pacific": 54, "Eastern European": 23, "GRULAC": 33, "WEOG": 29} {
		if got := len(at(t, name, "2026-01-01")); got != n {
			t.Errorf("%s today: %d members, want %d", name, got, n)
		}
	}
	ee := at(t, "Eastern European", "1980-01-01")
	for _, c := range []string{"SUN", "DDR", "CSK", "YUG", "POL"} {
		if !slices.Contains(ee, c) {
			t.Errorf("Eastern European in 1980 lacks %s", c)
		}
	}
	if slices.Contains(ee, "RUS") {
		t.Error("Eastern European in 1980 has RUS; the USSR held the seat")
	}
	if ap := at(t, "Asia-Pacific", "1960-01-01"); slices.Contains(ap, "SYR") || !slices.Contains(ap, "TWN") {
		t.Errorf("Asia-Pacific in 1960 = %v: want TWN and not SYR (inside the United Arab Republic)", ap)
	}
	// Every member on a date is in exactly one regional group, except the
	// two that stood outside every group for a time.
	outside := map[string][]string{"1950-01-01": {"ISR"}, "1980-01-01": {"ISR"}, "2000-01-01": {"ISR", "KIR"}, "2005-01-01": {"KIR"}}
	for _, date := range []string{"1950-01-01", "1980-01-01", "2000-01-01", "2005-01-01", "2026-01-01"} {
		var all []string
		for _, g := range Groups() {
			gr, _ := GroupingByName(string(g))
			all = append(all, gr.At(date)...)
		}
		want := slices.DeleteFunc(Members(date), func(iso string) bool { return slices.Contains(outside[date], iso) })
		slices.Sort(all)
		if !slices.Equal(all, want) {
			t.Errorf("%s: regional groups %d states, members in a group %d", date, len(all), len(want))
		}
	}
}

// TestGroupJoinDates checks the two states that joined their regional
// group long after their admission: Israel (WEOG, 28 May 2000) and
// Kiribati (Asia-Pacific, 2010).
func TestGroupJoinDates(t *testing.T) {
	for _, tc := range []struct {
		group, iso, date string
		in               bool
	}{
		{"WEOG", "ISR", "1975-11-10", false},
		{"WEOG", "ISR", "2000-05-27", false},
		{"WEOG", "ISR", "2000-05-28", true},
		{"Asia-Pacific", "ISR", "1975-11-10", false},
		{"Asia-Pacific", "KIR", "2009-12-31", false},
		{"Asia-Pacific", "KIR", "2010-01-01", true},
		{"Eastern European", "DDR", "1975-11-10", true},
		{"Eastern European", "YUG", "1975-11-10", true},
		{"Asia-Pacific", "YMD", "1975-11-10", true},
		{"Asia-Pacific", "YAR", "1955-01-01", true},
	} {
		if got := slices.Contains(at(t, tc.group, tc.date), tc.iso); got != tc.in {
			t.Errorf("%s in %s on %s: %v, want %v", tc.iso, tc.group, tc.date, got, tc.in)
		}
	}
}
