package idealpoint

import (
	"slices"
	"testing"

	"plenary/data/record"
)

func TestReVotes(t *testing.T) {
	text := "Necessity of ending the economic, commercial and financial embargo"
	rc := func(date, title string, f record.Flags) record.RollCall {
		return record.RollCall{Body: record.GA, Date: date, Title: title, Flags: f}
	}
	tb := &record.Table{RollCalls: []record.RollCall{
		rc("2019-11-07", text+" : resolution / adopted by the General Assembly", 0),
		rc("2020-06-01", "Something else entirely, long enough to bridge", 0),
		rc("2021-06-23", text, 0),
		rc("2022-11-03", text, record.Amendment),
		rc("2023-11-02", text+".", 0),
	}}
	rows := []int{0, 1, 2, 3, 4}
	if got := ReVotes(tb, rows, 2, ByYear); !slices.Equal(got, []int{0, 2, 4}) {
		t.Errorf("re-votes %v, want the three votes on the whole text", got)
	}
	if got := ReVotes(tb, rows, 1, ByYear); got != nil {
		t.Errorf("a text voted once has re-votes %v", got)
	}
	if got := ReVotes(tb, rows, 3, ByYear); got != nil {
		t.Errorf("an amendment has re-votes %v", got)
	}
	// Voted twice in one year: the rule bridges none of them.
	tb.RollCalls = append(tb.RollCalls, rc("2023-12-01", text, 0))
	if got := ReVotes(tb, append(rows, 5), 2, ByYear); got != nil {
		t.Errorf("a text voted twice in 2023 has re-votes %v", got)
	}
}
