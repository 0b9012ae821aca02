package compare_test

import (
	"slices"
	"strings"
	"testing"

	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/countries"
	"plenary/data/record"
)

// expectRows selects with f and compares with the rows a plain predicate
// over the table's roll calls keeps.
func expectRows(t *testing.T, ix *compare.Index, f compare.Filter, keep func(r int, rc record.RollCall) bool) []int {
	t.Helper()
	var want []int
	for r, rc := range ix.Table().RollCalls {
		if keep(r, rc) {
			want = append(want, r)
		}
	}
	got := sel(t, ix, f).Rows
	if !slices.Equal(got, want) {
		t.Errorf("%+v: %d rows, want %d", f, len(got), len(want))
	}
	return want
}

func TestFilterFields(t *testing.T) {
	db := comparetest.Full(t)
	ix := indexOf(t, db)
	tb := db.Table
	all := func(int, record.RollCall) bool { return true }
	if n := len(expectRows(t, ix, compare.Filter{}, all)); n != len(tb.RollCalls) {
		t.Errorf("the zero filter selects %d of %d", n, len(tb.RollCalls))
	}
	cases := []struct {
		name string
		f    compare.Filter
		keep func(r int, rc record.RollCall) bool
		min  int // the data must give at least this many rows, so the test means something
	}{
		{"body GA", compare.Filter{Body: record.GA}, func(_ int, rc record.RollCall) bool { return rc.Body == record.GA }, 6000},
		{"body SC", compare.Filter{Body: record.SC}, func(_ int, rc record.RollCall) bool { return rc.Body == record.SC }, 2000},
		{"from", compare.Filter{From: "2019-10-01"}, func(_ int, rc record.RollCall) bool { return rc.Date >= "2019-10-01" }, 100},
		{"to", compare.Filter{To: "1950-06-30"}, func(_ int, rc record.RollCall) bool { return rc.Date <= "1950-06-30" }, 100},
		{"year range", compare.Filter{From: "1990", To: "1991"}, func(_ int, rc record.RollCall) bool { return rc.Date >= "1990" && rc.Date < "1992" }, 100},
		{"month", compare.Filter{From: "2025-02", To: "2025-02"}, func(_ int, rc record.RollCall) bool { return strings.HasPrefix(rc.Date, "2025-02") }, 2},
		{"sessions", compare.Filter{Sessions: []string{"74", "1"}}, func(_ int, rc record.RollCall) bool { return rc.Session == "74" || rc.Session == "1" }, 100},
		{"topic", compare.Filter{Topics: []string{"NUCLEAR"}}, func(_ int, rc record.RollCall) bool {
			for _, tp := range rc.Topics {
				if strings.Contains(strings.ToLower(tp), "nuclear") {
					return true
				}
			}
			return false
		}, 500},
		{"two topics", compare.Filter{Topics: []string{"colonialism", "human rights"}}, func(_ int, rc record.RollCall) bool {
			for _, tp := range rc.Topics {
				if l := strings.ToLower(tp); strings.Contains(l, "colonialism") || strings.Contains(l, "human rights") {
					return true
				}
			}
			return false
		}, 1000},
		{"text", compare.Filter{Text: "Golan"}, func(_ int, rc record.RollCall) bool {
			return strings.Contains(strings.ToLower(rc.Symbol+" "+rc.Title), "golan")
		}, 20},
		{"text in symbol", compare.Filter{Text: "es-11/"}, func(_ int, rc record.RollCall) bool { return strings.Contains(rc.Symbol, "ES-11/") }, 2},
		{"symbol with year", compare.Filter{Symbols: []string{"s/res/2774(2025)"}}, func(_ int, rc record.RollCall) bool { return rc.Symbol == "S/RES/2774 (2025)" }, 1},
		{"symbol without year", compare.Filter{Symbols: []string{"S/RES/2774", "A/RES/ES-11/7"}}, func(_ int, rc record.RollCall) bool {
			return rc.Symbol == "S/RES/2774 (2025)" || rc.Symbol == "A/RES/ES-11/7"
		}, 2},
		{"important", compare.Filter{Important: true}, func(_ int, rc record.RollCall) bool { return rc.Flags&record.Important != 0 }, 300},
		{"contested", compare.Filter{Contested: true}, func(r int, rc record.RollCall) bool {
			if rc.Flags&record.WithoutVote != 0 {
				return false
			}
			for _, v := range tb.Votes[r] {
				if v == record.No || v == record.Abstain {
					return true
				}
			}
			return false
		}, 4000},
		{"country", compare.Filter{Countries: []string{"SSD"}}, func(r int, rc record.RollCall) bool {
			return tb.Votes[r][tb.Column("SSD")] != record.None
		}, 100},
		{"combined", compare.Filter{Body: record.GA, From: "2000", Important: true, Contested: true, Countries: []string{"USA"}},
			func(r int, rc record.RollCall) bool {
				return rc.Body == record.GA && rc.Date >= "2000" && rc.Flags&record.Important != 0 && ix.Counted(r).No+ix.Counted(r).Abstain > 0 &&
					tb.Votes[r][tb.Column("USA")] != record.None
			}, 50},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if n := len(expectRows(t, ix, c.f, c.keep)); n < c.min {
				t.Errorf("only %d rows, want at least %d", n, c.min)
			}
		})
	}
}

// TestGroupingsFollowDates checks that a grouping counts a state only
// while it belonged: the United Kingdom joined the European Communities in
// 1973, and the six founders only in 1958.
func TestGroupingsFollowDates(t *testing.T) {
	db := comparetest.Full(t)
	ix := indexOf(t, db)
	eu := sel(t, ix, compare.Filter{Countries: []string{"EU"}, Body: record.GA, From: "1972", To: "1973"})
	if !slices.Contains(eu.Countries, "GBR") || !slices.Contains(eu.Countries, "HRV") {
		t.Fatalf("EU countries %v lack GBR or HRV", eu.Countries)
	}
	years, err := eu.PairOverTime("GBR", "FRA", compare.Identical)
	if err != nil {
		t.Fatal(err)
	}
	if len(years) != 1 || years[0].Year != 1973 {
		t.Errorf("GBR–FRA within the EU in 1972–73: %+v, want 1973 only", years)
	}
	both := sel(t, ix, compare.Filter{Countries: []string{"GBR", "FRA"}, Body: record.GA, From: "1972", To: "1973"})
	if years, _ := both.PairOverTime("GBR", "FRA", compare.Identical); len(years) != 2 {
		t.Errorf("GBR–FRA named directly in 1972–73: %+v, want two years", years)
	}
	g := eu.Grid(0)
	col := slices.Index(g.Countries, "GBR")
	for _, row := range g.Rows {
		if v := row.Votes[col]; row.RollCall.Date < "1973-01-01" && v != record.None {
			t.Fatalf("GBR shown voting %s on %s, before it joined", v, row.RollCall.Label())
		}
	}
	if n := sel(t, ix, compare.Filter{Countries: []string{"EU"}, To: "1957"}).Len(); n != 0 {
		t.Errorf("%d roll calls for the EU before 1958", n)
	}
	if n := sel(t, ix, compare.Filter{Countries: []string{"FRA"}, To: "1957"}).Len(); n < 500 {
		t.Errorf("only %d roll calls for France before 1958", n)
	}
	// The Soviet Union's votes are filed under RUS, which continues its
	// seat: the P5 of 1980 must include them.
	p5 := sel(t, ix, compare.Filter{Countries: []string{"P5"}, From: "1980", To: "1980"})
	if sc, err := p5.Pair("USA", "RUS", compare.Identical); err != nil || sc.N < 100 {
		t.Errorf("USA–RUS within the P5 in 1980: %+v, %v", sc, err)
	}
	if !slices.Contains(p5.Countries, "TWN") {
		t.Errorf("P5 countries %v lack the Republic of China seat", p5.Countries)
	}
}

func TestGridSplits(t *testing.T) {
	db := comparetest.Full(t)
	ix := indexOf(t, db)
	s := sel(t, ix, compare.Filter{Countries: []string{"USA", "GBR", "FRA", "RUS", "CHN"}, From: "2000"})
	g := s.Grid(0)
	if len(g.Rows) != s.Len() || len(g.Rows) < 1000 {
		t.Fatalf("%d grid rows for %d roll calls", len(g.Rows), s.Len())
	}
	splits := 0
	for _, row := range g.Rows {
		cast := map[record.Vote]bool{}
		for j, iso := range g.Countries {
			v := db.Table.Votes[row.Row][db.Table.Column(iso)]
			if row.Votes[j] != v {
				t.Fatalf("%s on %s: grid %v, table %v", iso, row.RollCall.Label(), row.Votes[j], v)
			}
			if v.Cast() {
				cast[v] = true
			}
		}
		if row.Split != (len(cast) > 1) {
			t.Errorf("%s: split %v, votes %v", row.RollCall.Label(), row.Split, row.Votes)
		}
		if row.Split {
			splits++
		}
	}
	if splits != g.Splits || splits < 100 {
		t.Errorf("%d splits counted, %d reported", splits, g.Splits)
	}
	if last := s.Grid(40); len(last.Rows) != 40 || last.Rows[39].Row != s.Latest() {
		t.Errorf("Grid(40) does not end with the latest roll call")
	}
}

func TestFilterValidate(t *testing.T) {
	for _, f := range []compare.Filter{
		{Body: "UNGA"},
		{From: "2020-13-01"},
		{To: "20-01-01"},
		{From: "2021", To: "2020"},
		{From: "yesterday"},
		{Countries: []string{"Atlantis"}},
	} {
		if err := f.Validate(); err == nil {
			t.Errorf("%+v: no error", f)
		}
	}
	for _, f := range []compare.Filter{{}, {Body: record.SC, From: "2020", To: "2020-06"}, {Countries: []string{"USA", "P5", "all"}}} {
		if err := f.Validate(); err != nil {
			t.Errorf("%+v: %v", f, err)
		}
	}
}

func TestDescribe(t *testing.T) {
	f := compare.Filter{Body: record.GA, From: "1990", To: "2019", Topics: []string{"nuclear"}, Important: true, Countries: []string{"USA", "P5"}}
	got := f.Describe()
	for _, want := range []string{"General Assembly", "1990–2019", "nuclear", "important", "USA, P5"} {
		if !strings.Contains(got, want) {
			t.Errorf("Describe() = %q, lacks %q", got, want)
		}
	}
}

var parseCases = []struct {
	in   string
	want []string
	err  string // part of the error message
}{
	{"USA", []string{"USA"}, ""},
	{"usa", []string{"USA"}, ""},
	{" USA , RUS ", []string{"USA", "RUS"}, ""},
	{"USA,RUS,P5,Brazil", []string{"USA", "RUS", "P5", "BRA"}, ""},
	{"USA,RUS,P5,Brazil,all", []string{"all"}, ""},
	{"ALL", []string{"all"}, ""},
	{"p5,eu,brics,g7", []string{"P5", "EU", "BRICS", "G7"}, ""},
	{"European Union", []string{"EU"}, ""},
	{"grulac,weog", []string{"GRULAC", "WEOG"}, ""},
	{"Latin American and Caribbean", []string{"GRULAC"}, ""},
	{"African,Asia-Pacific,Eastern European", []string{"African", "Asia-Pacific", "Eastern European"}, ""},
	{"Türkiye,Russian Federation,Côte d’Ivoire", []string{"TUR", "RUS", "CIV"}, ""},
	{"USA,usa,United States", []string{"USA"}, ""},
	{"USA,,", []string{"USA"}, ""},
	{"SUN,YUG", []string{"SUN", "YUG"}, ""},
	{"", nil, "no countries"},
	{" , ", nil, "no countries"},
	{"Atlantis", nil, `"Atlantis"`},
	{"USA,Narnia", nil, `"Narnia"`},
	{"Germ", nil, "Germany (DEU)"},
	{"XYZ", nil, `"XYZ"`},
}

func TestParseCountries(t *testing.T) {
	for _, c := range parseCases {
		got, err := compare.ParseCountries(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseCountries(%q) = %v, %v; want an error with %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ParseCountries(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// FuzzParseCountries checks that any input either fails or gives
// canonical tokens that parse back to themselves.
func FuzzParseCountries(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := compare.ParseCountries(s)
		if err != nil {
			if got != nil || err.Error() == "" {
				t.Fatalf("error %v with result %q", err, got)
			}
			return
		}
		if len(got) == 0 {
			t.Fatal("no tokens and no error")
		}
		for i, tok := range got {
			_, isCountry := countries.ByISO3(tok)
			g, isGroup := countries.GroupingByName(tok)
			switch {
			case tok == compare.All:
				if len(got) != 1 {
					t.Fatalf("all with others: %q", got)
				}
			case isCountry && strings.ToUpper(tok) == tok && len(tok) == 3:
			case isGroup && g.Name == tok:
			default:
				t.Fatalf("token %q is not canonical", tok)
			}
			if slices.Contains(got[:i], tok) {
				t.Fatalf("repeated token %q in %q", tok, got)
			}
		}
		again, err := compare.ParseCountries(strings.Join(got, ","))
		if err != nil || !slices.Equal(again, got) {
			t.Fatalf("%q parses to %q, which parses to %q, %v", s, got, again, err)
		}
	})
}

// TestUnsortedTable permutes the rows of the table (even rows, then odd
// ones, so every year falls into two runs and dates go back and forth)
// and checks that every answer stays the same: nothing may rely on the
// table being sorted.
func TestUnsortedTable(t *testing.T) {
	db := comparetest.Full(t)
	orig := db.Table
	perm := &record.Table{Countries: orig.Countries}
	for _, start := range []int{0, 1} {
		for r := start; r < len(orig.RollCalls); r += 2 {
			perm.RollCalls = append(perm.RollCalls, orig.RollCalls[r])
			perm.Votes = append(perm.Votes, orig.Votes[r])
		}
	}
	pix, err := compare.NewIndex(perm)
	if err != nil {
		t.Fatal(err)
	}
	f := compare.Filter{Countries: []string{"EU", "USA", "RUS", "P5"}, From: "1970", To: "2000"}
	a, b := sel(t, indexOf(t, db), f), sel(t, pix, f)
	if !slices.Equal(a.Countries, b.Countries) || a.Len() != b.Len() {
		t.Fatalf("countries %v / %v, %d / %d roll calls", a.Countries, b.Countries, a.Len(), b.Len())
	}
	ya, yb := a.AllPairsPerYear(compare.Voeten), b.AllPairsPerYear(compare.Voeten)
	if len(ya) != len(yb) || len(ya) != 31 {
		t.Fatalf("%d / %d years", len(ya), len(yb))
	}
	for k := range ya {
		for i := range a.Countries {
			for j := range a.Countries {
				sa, sb := ya[k].Score(i, j), yb[k].Score(i, j)
				if sa.N != sb.N || !sameFloat(sa.Agreement, sb.Agreement) {
					t.Fatalf("%d %s–%s: %+v sorted, %+v permuted", ya[k].Year, a.Countries[i], a.Countries[j], sa, sb)
				}
			}
		}
	}
	pa, _ := a.PairOverTime("GBR", "FRA", compare.Identical)
	pb, _ := b.PairOverTime("GBR", "FRA", compare.Identical)
	if len(pa) != len(pb) || len(pa) != 31 { // through the P5, the United Kingdom counts before it joined the EU
		t.Fatalf("GBR–FRA over %d / %d years", len(pa), len(pb))
	}
	for i := range pa {
		if pa[i] != pb[i] {
			t.Errorf("GBR–FRA %+v sorted, %+v permuted", pa[i], pb[i])
		}
	}
	ca := sel(t, indexOf(t, db), compare.Filter{Body: record.SC}).Council()
	cb := sel(t, pix, compare.Filter{Body: record.SC}).Council()
	if !slices.Equal(ca.Members, cb.Members) || !slices.Equal(ca.ByYear, cb.ByYear) {
		t.Errorf("the Council record differs on the permuted table")
	}
}
