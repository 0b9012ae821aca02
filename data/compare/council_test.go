package compare_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// TestCouncilAgainstCSV counts the Security Council file plainly — every
// "A" per member, permanent members per year, the abstainers of each
// resolution — and compares with Council on the imported data.
func TestCouncilAgainstCSV(t *testing.T) {
	db := comparetest.Full(t)
	path := comparetest.Dataset(t, "unsc/sc_votes_1992_2026.csv")
	abst, votes := map[string]int{}, map[string]int{}
	permanent := map[string]bool{}
	byYear := map[string]int{} // "ISO3 year" -> abstentions of permanent members
	abstainers := map[string][]string{}
	resolutions := map[string]bool{}
	eachCSV(t, path, func(h map[string]int, rec []string) {
		iso, vote := rec[h["member_iso3"]], rec[h["vote"]]
		resolutions[rec[h["resolution"]]] = true
		votes[iso]++
		if rec[h["permanent"]] == "1" {
			permanent[iso] = true
		}
		if vote == "A" {
			abst[iso]++
			abstainers[rec[h["resolution"]]] = append(abstainers[rec[h["resolution"]]], iso)
			if rec[h["permanent"]] == "1" {
				byYear[iso+" "+rec[h["year"]]]++
			}
		}
	})
	if len(permanent) != 5 || abst["CHN"] == 0 {
		t.Fatalf("the CSV reading is wrong: permanent %v, CHN abstentions %d", permanent, abst["CHN"])
	}
	c := sel(t, indexOf(t, db), compare.Filter{Body: record.SC}).Council()
	if c.RollCalls != len(resolutions) || len(c.WithoutVote) != 0 {
		t.Errorf("%d roll calls (%d without a vote), the CSV has %d resolutions", c.RollCalls, len(c.WithoutVote), len(resolutions))
	}
	if len(c.Members) != len(votes) {
		t.Errorf("%d members, the CSV has %d", len(c.Members), len(votes))
	}
	for i, m := range c.Members {
		if m.Abstentions != abst[m.ISO3] || m.Votes != votes[m.ISO3] || m.Permanent != permanent[m.ISO3] {
			t.Errorf("%s: %+v; CSV: %d abstentions, %d votes, permanent %v", m.ISO3, m, abst[m.ISO3], votes[m.ISO3], permanent[m.ISO3])
		}
		if i < 5 && !m.Permanent {
			t.Errorf("member %d is %s, not a permanent member", i, m.ISO3)
		}
	}
	years := 0
	for _, y := range c.ByYear {
		if want := byYear[y.ISO3+" "+strconv.Itoa(y.Year)]; y.Abstentions != want {
			t.Errorf("%s %d: %d abstentions, CSV %d", y.ISO3, y.Year, y.Abstentions, want)
		}
		years++
	}
	if years != 5*35 { // five members, 1992–2026
		t.Errorf("%d member-years, want %d", years, 5*35)
	}
	if len(c.Resolutions) != len(abstainers) {
		t.Errorf("%d resolutions with abstentions, CSV %d", len(c.Resolutions), len(abstainers))
	}
	for _, r := range c.Resolutions {
		want := abstainers[r.RollCall.Symbol]
		slices.Sort(want)
		if !slices.Equal(r.Abstained, want) {
			t.Errorf("%s: abstained %v, CSV %v", r.RollCall.Symbol, r.Abstained, want)
		}
	}
}

// TestCouncilWithoutVote builds a small table by hand: a text adopted
// without a vote must be listed apart and counted nowhere.
func TestCouncilWithoutVote(t *testing.T) {
	tb := &record.Table{
		Countries: []string{"CHN", "FRA", "MLT"},
		RollCalls: []record.RollCall{
			{Body: record.SC, Symbol: "S/RES/1 (2024)", Date: "2024-01-10"},
			{Body: record.SC, Symbol: "S/RES/2 (2024)", Date: "2024-02-10", Flags: record.WithoutVote},
			{Body: record.GA, Symbol: "A/RES/78/1", Date: "2024-03-10"},
			{Body: record.SC, Symbol: "S/RES/3 (2025)", Date: "2025-01-10"},
		},
		Votes: [][]record.Vote{
			{record.Abstain, record.Yes, record.Abstain},
			{record.Abstain, record.Abstain, record.Yes},
			{record.Abstain, record.Abstain, record.Abstain},
			{record.Yes, record.NonVoting, record.No},
		},
	}
	ix, err := compare.NewIndex(tb)
	if err != nil {
		t.Fatal(err)
	}
	c := sel(t, ix, compare.Filter{}).Council()
	got := fmt.Sprint(c.RollCalls, c.WithoutVote, c.Members, c.ByYear, len(c.Resolutions), c.Resolutions[0].Abstained)
	want := "2 [1] [{CHN true 1 2} {FRA true 0 1} {MLT false 1 2}] [{CHN 2024 1 1} {CHN 2025 0 1} {FRA 2024 0 1}] 1 [CHN MLT]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if c := sel(t, ix, compare.Filter{Contested: true}).Rows; !slices.Equal(c, []int{0, 2, 3}) {
		t.Errorf("contested rows %v, want [0 2 3] (row 1 was adopted without a vote)", c)
	}
}

// TestSample checks the built-in sample against the published record of
// 24 February 2025.
func TestSample(t *testing.T) {
	db := comparetest.Sample(t)
	ix := indexOf(t, db)
	s := sel(t, ix, compare.Filter{Symbols: []string{"A/RES/ES-11/7"}})
	if s.Len() != 1 {
		t.Fatalf("%d roll calls for A/RES/ES-11/7", s.Len())
	}
	sc, err := s.Pair("USA", "RUS", compare.Identical)
	if err != nil || sc.N != 1 || sc.Agreement != 1 {
		t.Errorf("USA–RUS on A/RES/ES-11/7: %+v, %v; want agreement 1 over 1", sc, err)
	}
	g := sel(t, ix, compare.Filter{Symbols: []string{"A/RES/ES-11/7"}, Countries: []string{"USA", "RUS", "UKR"}}).Grid(0)
	if got := fmt.Sprint(g.Rows[0].Votes, g.Rows[0].Split); got != "[no no yes] true" {
		t.Errorf("USA, RUS, UKR on A/RES/ES-11/7: %s", got)
	}
	b := s.Breakdowns()[0]
	if b.Counted != (record.Totals{Yes: 93, No: 18, Abstain: 65, NonVoting: 17}) || b.Published == nil || *b.Published != b.Counted {
		t.Errorf("breakdown of A/RES/ES-11/7: counted %v, published %v", b.Counted, b.Published)
	}
	c := sel(t, ix, compare.Filter{Body: record.SC, From: "2025", To: "2025"}).Council()
	if len(c.Resolutions) != 1 {
		t.Fatalf("%d Security Council resolutions with abstentions in 2025", len(c.Resolutions))
	}
	r := c.Resolutions[0]
	if r.RollCall.Symbol != "S/RES/2774 (2025)" || strings.Join(r.Abstained, " ") != "DNK FRA GBR GRC SVN" {
		t.Errorf("2025: %s abstained %v", r.RollCall.Symbol, r.Abstained)
	}
}
