package words

import (
	"strings"
	"testing"

	"plenary/data/compare"
)

func TestSplitFollowsUnicode61(t *testing.T) {
	got := strings.Join(Split("The U.N.'s Côte d'Ivoire, 1946–2024; ÉCOSOC\nself-determination"), " ")
	want := "the u n s cote d ivoire 1946 2024 ecosoc self determination"
	if got != want {
		t.Fatalf("Split = %q, want %q", got, want)
	}
	if n := CountWords("The U.N.'s Côte d'Ivoire, 1946–2024; ÉCOSOC\nself-determination"); n != 12 {
		t.Fatalf("CountWords = %d, want 12", n)
	}
}

func TestQueryFTS(t *testing.T) {
	for in, want := range map[string]string{
		"peace":                      `"peace"`,
		"Peace security":             `("peace" AND "security")`,
		`"human rights" OR nuclear*`: `("human rights" OR "nuclear"*)`,
		"a OR b c":                   `("a" OR ("b" AND "c"))`,
		"a NOT b c":                  `(("a" NOT "b") AND "c")`,
		"(a OR b) NOT c":             `(("a" OR "b") NOT "c")`,
		"U.N.":                       `"u n"`,
		"peace or war":               `(("peace" AND "or") AND "war")`,
		`"col:x" NEAR(a)`:            `(("col x" AND "near") AND "a")`,
	} {
		q, err := ParseQuery(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got := q.FTS(); got != want {
			t.Errorf("%s: FTS %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "AND", "peace AND", "OR war", `"unclosed`, "(a OR b", "a )", "NOT war", "***"} {
		if _, err := ParseQuery(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestCountAndPassages(t *testing.T) {
	text := "Peace, peace! The peaceful nations want PEACE and security.\nHuman rights and human\nrights defenders."
	for qs, want := range map[string]int{"peace": 3, "peace*": 4, `"human rights"`: 2, "peace NOT war": 3, "peace OR security": 4, "rights NOT peace": 2} {
		q, err := ParseQuery(qs)
		if err != nil {
			t.Fatal(err)
		}
		naive := 0
		ws := Split(text)
		for _, p := range q.Phrases() {
			for i := range ws {
				ok := i+len(p.Words) <= len(ws)
				for j := 0; ok && j < len(p.Words); j++ {
					if j == len(p.Words)-1 && p.Prefix {
						ok = strings.HasPrefix(ws[i+j], p.Words[j])
					} else {
						ok = ws[i+j] == p.Words[j]
					}
				}
				if ok {
					naive++
				}
			}
		}
		if got := q.Count(text); got != want || naive != want || len(q.Matches(text)) != want {
			t.Errorf("%s: Count %d, naive %d, Matches %d, want %d", qs, got, naive, len(q.Matches(text)), want)
		}
	}
	q, _ := ParseQuery(`"human rights"`)
	ps := q.Passages(text, 3, 0)
	if len(ps) != 2 || ps[1].Match != "human rights" || ps[1].String() != "…Human rights and [human rights] defenders." {
		t.Errorf("passages %q", ps)
	}
}

func TestSelectFollowsSeatsAndGroups(t *testing.T) {
	ss := []Speech{
		{ID: 1, Country: "RUS", Year: 1980}, {ID: 2, Country: "RUS", Year: 2000}, {ID: 3, Country: "USA", Year: 2000},
		{ID: 4, Country: "DDR", Year: 1980}, {ID: 5, Country: "EU", Year: 2015}, {ID: 6, Country: "POL", Year: 1990}, {ID: 7, Country: "POL", Year: 2010},
	}
	ids := func(f compare.Filter) string {
		sel, err := Select(ss, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range sel {
			out = append(out, s.Country+"@"+string(rune('0'+s.Year%100/10))+string(rune('0'+s.Year%10)))
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		f    compare.Filter
		want string
	}{
		{compare.Filter{Countries: []string{"SUN"}}, "RUS@80"},
		{compare.Filter{Countries: []string{"RUS"}}, "RUS@80 RUS@00"},
		{compare.Filter{Countries: []string{"EU"}}, "POL@10"},
		{compare.Filter{Countries: []string{"Eastern European"}}, "DDR@80 RUS@80 POL@90 RUS@00 POL@10"},
		{compare.Filter{From: "1990", To: "2000"}, "POL@90 RUS@00 USA@00"},
		{compare.Filter{}, "DDR@80 RUS@80 POL@90 RUS@00 USA@00 POL@10 EU@15"},
	} {
		if got := ids(tc.f); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.f, got, tc.want)
		}
	}
}

func TestByYearRates(t *testing.T) {
	cs := []Count{
		{Speech: Speech{Country: "USA", Year: 2000, Words: 5000}, Matches: 5},
		{Speech: Speech{Country: "FRA", Year: 2000, Words: 15000}, Matches: 0},
		{Speech: Speech{Country: "USA", Year: 2003, Words: 2000}, Matches: 1},
	}
	pts := ByYear(cs, false, 1)
	if len(pts) != 2 || pts[0].Speeches != 2 || pts[0].Matching != 1 || pts[0].Words != 20000 || pts[0].Per10k() != 2.5 {
		t.Fatalf("by year: %+v", pts)
	}
	if pts := ByYear(cs, false, 5); len(pts) != 1 || pts[0].Matches != 6 || pts[0].Year != 2000 {
		t.Fatalf("by five years: %+v", pts)
	}
	if pts := ByCountry(cs); len(pts) != 2 || pts[1].Country != "USA" || pts[1].Per10k() != 10000*6.0/7000 {
		t.Fatalf("by country: %+v", pts)
	}
}
