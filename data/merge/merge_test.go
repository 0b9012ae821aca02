package merge

import (
	"strings"
	"testing"

	"plenary/data/record"
)

func stored() *Index {
	x := NewIndex()
	for _, rc := range []record.RollCall{
		{ID: 1, Body: record.GA, Symbol: "A/RES/1/1", Date: "1946-01-24", RCID: 3},
		{ID: 2, Body: record.GA, Symbol: "A/RES/2/1", Date: "1947-02-01", UNDLID: 900},
		{ID: 3, Body: record.GA, Symbol: "A/RES/2/1", Date: "1947-02-01", Flags: record.Amendment},
		{ID: 4, Body: record.GA, Symbol: "A/RES/3/1", Date: "1948-03-01", RCID: 40},
		{ID: 5, Body: record.GA, Symbol: "A/RES/3/1", Date: "1948-03-05", RCID: 41},
		{ID: 6, Body: record.SC, Symbol: "S/RES/1", Date: "1946-01-25"},
	} {
		x.Add(&rc)
	}
	return x
}

func TestMatch(t *testing.T) {
	x := stored()
	for _, tc := range []struct {
		name   string
		in     record.RollCall
		unique bool
		want   int64
		warn   string
	}{
		{"by roll-call id, whatever the symbol", record.RollCall{Body: record.GA, Symbol: "A/RES/9/9", RCID: 3}, true, 1, ""},
		{"by Library record", record.RollCall{Body: record.GA, UNDLID: 900}, true, 2, ""},
		{"by symbol: the whole-text vote, never the amendment", record.RollCall{Body: record.GA, Symbol: "A/RES/2/1"}, true, 2, ""},
		{"a partial vote is never matched by symbol", record.RollCall{Body: record.GA, Symbol: "A/RES/2/1", Flags: record.Paragraph}, true, 0, ""},
		{"a symbol repeated in the batch is not used", record.RollCall{Body: record.GA, Symbol: "A/RES/2/1"}, false, 0, ""},
		{"the symbol of another body", record.RollCall{Body: record.SC, Symbol: "A/RES/2/1"}, true, 0, ""},
		{"another roll call of the same dataset", record.RollCall{Body: record.GA, Symbol: "A/RES/1/1", RCID: 7}, true, 0, ""},
		{"another Library record", record.RollCall{Body: record.GA, Symbol: "A/RES/2/1", UNDLID: 901}, true, 0, ""},
		{"two candidates, the date decides", record.RollCall{Body: record.GA, Symbol: "A/RES/3/1", Date: "1948-03-01"}, true, 4, ""},
		{"two candidates, no date: the last, with a warning", record.RollCall{Body: record.GA, Symbol: "A/RES/3/1"}, true, 5, "A/RES/3/1 matches 2 stored roll calls"},
		{"nothing", record.RollCall{Body: record.GA, Symbol: "A/RES/4/1"}, true, 0, ""},
	} {
		id, warn := x.Match(&tc.in, tc.unique)
		if id != tc.want || !strings.HasPrefix(warn, tc.warn) || (tc.warn == "") != (warn == "") {
			t.Errorf("%s: got %d %q, want %d %q", tc.name, id, warn, tc.want, tc.warn)
		}
	}
}

func TestMayHold(t *testing.T) {
	x := stored()
	for _, tc := range []struct {
		in   record.RollCall
		want bool
	}{
		{record.RollCall{Body: record.GA, RCID: 41}, true},
		{record.RollCall{Body: record.GA, UNDLID: 900}, true},
		{record.RollCall{Body: record.SC, Symbol: "S/RES/1"}, true},
		{record.RollCall{Body: record.GA, Symbol: "S/RES/1", RCID: 99, UNDLID: 99}, false},
		{record.RollCall{Body: record.GA}, false},
	} {
		if got := x.MayHold(&tc.in); got != tc.want {
			t.Errorf("MayHold(%+v) = %v", tc.in, got)
		}
	}
}

func TestAddAgainKeepsOneEntry(t *testing.T) {
	x := stored()
	rc := x.Get(6)
	rc.Date = "1946-01-26"
	x.Add(rc)
	if n := len(x.bySym[symKey(record.SC, "S/RES/1")]); n != 1 {
		t.Fatalf("the symbol holds %d ids after indexing a roll call again", n)
	}
	if id, _ := x.Match(&record.RollCall{Body: record.SC, Symbol: "S/RES/1", Date: "1946-01-26"}, true); id != 6 {
		t.Fatalf("matched %d", id)
	}
}

func TestSymbols(t *testing.T) {
	s := Symbols{}
	a := &record.RollCall{Body: record.GA, Symbol: "A/RES/1/1"}
	amend := &record.RollCall{Body: record.GA, Symbol: "A/RES/1/1", Flags: record.Amendment}
	sc := &record.RollCall{Body: record.SC, Symbol: "A/RES/1/1"}
	s.Count(a)
	s.Count(amend)
	s.Count(sc)
	if !s.Unique(a) || !s.Unique(sc) {
		t.Error("an amendment or another body made a symbol ambiguous")
	}
	s.Count(a)
	if s.Unique(a) {
		t.Error("a symbol twice in a batch is unique")
	}
}

func TestRollCall(t *testing.T) {
	old := &record.RollCall{ID: 7, Body: record.GA, Symbol: "A/RES/5/1", Date: "1950-01-01", Title: "Old title",
		Topics: []string{"Human rights"}, RCID: 12, Flags: record.Sample | record.Important, Source: "sample",
		Published: &record.Totals{Yes: 1}}
	in := &record.RollCall{Body: record.GA, Title: "New title", Description: "More", RCID: 99, UNDLID: 5,
		Flags: record.Sample | record.WithoutVote, Published: &record.Totals{Yes: 2, No: 1}}
	m := RollCall(old, in, false)
	want := record.RollCall{ID: 7, Body: record.GA, Symbol: "A/RES/5/1", Date: "1950-01-01", Title: "New title", Description: "More",
		Topics: []string{"Human rights"}, RCID: 12, UNDLID: 5, Flags: record.Important | record.WithoutVote, Source: "sample",
		Published: &record.Totals{Yes: 2, No: 1}}
	if !Same(&m, &want) || m.ID != 7 || m.Source != "sample" {
		t.Errorf("merged:\n%+v\nwant\n%+v", m, want)
	}
	if in.Published == m.Published {
		t.Error("the merged roll call shares the incoming totals")
	}
	if s := RollCall(old, in, true); !s.Flags.Has(record.Sample) {
		t.Error("loading the sample again dropped the sample flag")
	}
	if Same(old, &m) {
		t.Error("a changed roll call is the same")
	}
	if again := RollCall(&m, in, false); !Same(&again, &m) {
		t.Error("merging the same roll call twice changed it")
	}
}

func TestSame(t *testing.T) {
	a := record.RollCall{ID: 1, Body: record.GA, Symbol: "A/RES/1/1", Topics: []string{"x"}, Source: "one"}
	b := a
	b.ID, b.Source = 2, "two"
	b.Topics = []string{"x"}
	if !Same(&a, &b) {
		t.Error("the id or the source made two roll calls differ")
	}
	for _, change := range []func(*record.RollCall){
		func(r *record.RollCall) { r.Topics = []string{"x", "y"} },
		func(r *record.RollCall) { r.Published = &record.Totals{} },
		func(r *record.RollCall) { r.Flags = record.Important },
		func(r *record.RollCall) { r.Link = "l" },
	} {
		c := a
		change(&c)
		if Same(&a, &c) {
			t.Errorf("a change went unseen: %+v", c)
		}
	}
}

func TestVote(t *testing.T) {
	have := map[int64]record.Vote{1: record.Yes}
	if ch, _ := Vote(have, 1, record.Yes); ch != Unchanged {
		t.Errorf("same vote: %v", ch)
	}
	if ch, prev := Vote(have, 1, record.No); ch != Changed || prev != record.Yes || have[1] != record.No {
		t.Errorf("changed vote: %v %v %v", ch, prev, have)
	}
	if ch, _ := Vote(have, 2, record.Abstain); ch != Added || have[2] != record.Abstain {
		t.Errorf("new vote: %v %v", ch, have)
	}
}

// TestSession: the symbol's session wins over a stated one that
// contradicts it, and over nothing else.
func TestSession(t *testing.T) {
	for _, c := range []struct {
		symbol, date, stated, want string
		contradicted               bool
	}{
		{"A/RES/60/260", "2006-05-08", "59", "60", true}, // Voeten's session of unvotes' rcid 4592
		{"A/RES/60/260", "", "59", "60", true},           // no date to doubt the symbol
		{"A/RES/60/260", "2006-05-08", "60", "60", false},
		{"A/RES/60/260", "2006-05-08", "", "", false},       // no session stated: none is made up
		{"A/RES/60/1", "2006-09-11", "59", "60", true},      // a resumed session ends before the next opens
		{"A/RES/677/46", "2012-12-03", "67", "67", false},   // the symbol is the typo: its date says so
		{"A/RES/19/595", "1959-12-05", "14", "14", false},   // before the 31st session the form is the datasets' own
		{"A/RES/ES-5/100", "1967-07-04", "22", "22", false}, // unvotes' regular session of an emergency one
		{"A/RES/ES-10/14", "2003-12-08", "ES-11", "ES-10", true},
		{"A/RES/S-2/33", "1948-05-14", "S-3", "S-2", true},
		{"A/RES/S-2/33", "1948-05-14", "ES-2", "ES-2", false},
		{"S/RES/2774 (2025)", "2025-02-24", "80", "80", false},
		{"", "2020-01-01", "74", "74", false},
		{"A/RES/60/260", "2006-05-08", "sixty", "sixty", false},
	} {
		rc := record.RollCall{Symbol: c.symbol, Date: c.date, Session: c.stated}
		got, contradicted := Session(&rc)
		if got != c.want || contradicted != c.contradicted {
			t.Errorf("%s of %s stated %q: Session = %q, %v; want %q, %v", c.symbol, c.date, c.stated, got, contradicted, c.want, c.contradicted)
		}
	}
}
