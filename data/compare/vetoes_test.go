package compare

import (
	"fmt"
	"testing"

	"plenary/data/record"
)

var testVetoes = []record.Veto{
	{Draft: "S/3510", Date: "1955-12-13", Year: 1955, Members: []string{"CHN"}, Agenda: "Admission of new Members"},
	{Draft: "S/3510", Date: "1955-12-15", Year: 1955, Members: []string{"SUN"}, Agenda: "Admission of new Members"},
	{Draft: "S/3510", Year: 1955, Members: []string{"SUN"}, RollCall: "S/3510"}, // the same veto, from the votes
	{Draft: "S/9999", Year: 1990, Members: []string{"USA"}, RollCall: "S/9999"}, // from the votes only
	{Draft: "S/2019/186", Date: "2019-02-28", Year: 2019, Members: []string{"RUS", "CHN"}, Topic: "Venezuela", Region: "Americas"},
	{Draft: "S/2017/1060 (as amended)", Date: "2017-12-18", Year: 2017, Members: []string{"USA"}, Agenda: "Middle East situation"},
}

func drafts(vs []record.Veto) string {
	var s []string
	for _, v := range vs {
		s = append(s, fmt.Sprintf("%s/%d", v.Draft, len(v.Members)))
	}
	return fmt.Sprint(s)
}

// TestSelectVetoes checks each filter on vetoes: a veto of the votes that
// a list gives is counted once; a year-only veto is inside a period that
// overlaps its year; the P5 count the Soviet Union and China's seat before
// 1971; RUS and SUN stay apart.
func TestSelectVetoes(t *testing.T) {
	cases := []struct {
		f    Filter
		want string
	}{
		{Filter{}, "[S/3510/1 S/3510/1 S/9999/1 S/2017/1060 (as amended)/1 S/2019/186/2]"},
		{Filter{From: "1990-06", To: "1990-06"}, "[S/9999/1]"},
		{Filter{From: "1991", To: "2018"}, "[S/2017/1060 (as amended)/1]"},
		{Filter{Countries: []string{"RUS"}}, "[S/2019/186/2]"},
		{Filter{Countries: []string{"SUN"}}, "[S/3510/1]"},
		{Filter{Countries: []string{"P5"}, To: "1960"}, "[S/3510/1 S/3510/1]"},
		{Filter{Topics: []string{"americas"}}, "[S/2019/186/2]"},
		{Filter{Text: "middle east"}, "[S/2017/1060 (as amended)/1]"},
		{Filter{Symbols: []string{"s/2017/1060"}}, "[S/2017/1060 (as amended)/1]"},
	}
	for _, c := range cases {
		if got := drafts(SelectVetoes(testVetoes, c.f)); got != c.want {
			t.Errorf("%+v: %s, want %s", c.f, got, c.want)
		}
	}
	got := fmt.Sprint(VetoesByMember(testVetoes, Filter{}))
	if want := "[{USA 2} {CHN 2} {SUN 1} {RUS 1}]"; got != want {
		t.Errorf("by member %s, want %s", got, want)
	}
	got = fmt.Sprint(VetoesByMember(testVetoes, Filter{Countries: []string{"CHN"}}))
	if want := "[{CHN 2}]"; got != want {
		t.Errorf("China's: %s, want %s", got, want)
	}
	got = fmt.Sprint(VetoesByYear(testVetoes, Filter{From: "2000"}))
	if want := "[{RUS 2019 1} {USA 2017 1} {CHN 2019 1}]"; got != want {
		t.Errorf("by year %s, want %s", got, want)
	}
}

// TestVetoOutcome names the result of Council roll calls: vetoed by the
// members of the veto read from its votes, not adopted, or nothing for an
// adopted one.
func TestVetoOutcome(t *testing.T) {
	x := NewVetoIndex(append(testVetoes, record.Veto{Draft: "S/2019/186", Year: 2019, Members: []string{"CHN", "RUS"}, RollCall: "S/2019/186"}))
	cases := []struct {
		rc   record.RollCall
		want string
	}{
		{record.RollCall{Body: record.SC, Symbol: "S/2019/186", Flags: record.NotAdopted}, "vetoed by China and Russia"},
		{record.RollCall{Body: record.SC, Symbol: "S/3510", Flags: record.NotAdopted}, "vetoed by Soviet Union"},
		{record.RollCall{Body: record.SC, Symbol: "S/1", Flags: record.NotAdopted}, "not adopted"},
		{record.RollCall{Body: record.SC, Symbol: "S/2019/186"}, ""},
		{record.RollCall{Body: record.GA, Symbol: "S/2019/186", Flags: record.NotAdopted}, ""},
	}
	for _, c := range cases {
		if got := x.Outcome(&c.rc); got != c.want {
			t.Errorf("%s %b: %q, want %q", c.rc.Symbol, c.rc.Flags, got, c.want)
		}
	}
	if got := VetoedByText([]string{"FRA", "GBR", "USA"}); got != "vetoed by France, United Kingdom and United States" {
		t.Errorf("three members: %q", got)
	}
}
