package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"plenary/data/countries"
	"plenary/data/ingest"
	"plenary/data/record"
)

// checkVeto checks one veto of a batch: a draft, a plausible date or year,
// and vetoing members that are permanent seats of the registry, each once.
func checkVeto(t *testing.T, v *ingest.Veto) {
	t.Helper()
	if v.Draft == "" || len(v.Members) == 0 || v.Seq < 1 {
		t.Fatalf("line %d: veto %+v without a draft, a member or a place", v.Line, v.Veto)
	}
	if v.Date != "" {
		d, err := time.Parse("2006-01-02", v.Date)
		if err != nil || d.Year() != v.Year {
			t.Fatalf("line %d: date %q, year %d", v.Line, v.Date, v.Year)
		}
	}
	if v.Year < 1945 || v.Year > 2100 {
		t.Fatalf("line %d: year %d", v.Line, v.Year)
	}
	for i, iso := range v.Members {
		if _, ok := countries.ByISO3(iso); !ok || !slices.Contains([]string{"CHN", "FRA", "GBR", "RUS", "SUN", "TWN", "USA"}, iso) {
			t.Fatalf("line %d: vetoing member %q", v.Line, iso)
		}
		if slices.Contains(v.Members[:i], iso) {
			t.Fatalf("line %d: %s twice", v.Line, iso)
		}
	}
}

const vetoHeader = "date,draft,agenda_item,member_veto1,member_veto2\n"

// TestVetoListRefusals: every row a veto list must not have is refused
// with its line and column, and the batch is not returned.
func TestVetoListRefusals(t *testing.T) {
	cases := []struct{ row, want string }{
		{"1955-12-15,S/3510,Admission,Germany,", "x.csv:2:4: Germany (DEU) is not a permanent member"},
		{"1955-12-15,S/3510,Admission,Narnia,", `x.csv:2:4: unknown member "Narnia"`},
		{"1995-12-15,S/1995/1,Bosnia,USSR,", "x.csv:2:4: a veto of the USSR dated 1995-12-15"},
		{"1985-12-15,S/17633,South Africa,Russia,", "x.csv:2:4: a veto of Russia dated 1985-12-15, before"},
		{"1985-12-15,S/17633,South Africa,UK,United Kingdom", "x.csv:2:5: United Kingdom is named twice"},
		{"1985-12-15,S/17633,South Africa,,", "x.csv:2:4: no vetoing member"},
		{"1985-12-15,,South Africa,UK,", "x.csv:2:2: no draft symbol"},
		{"3/2/1985,S/17633,South Africa,UK,", "x.csv:2:1: ambiguous date"},
		{"1985-13-15,S/17633,South Africa,UK,", "x.csv:2:1: bad date"},
		{"1975-12-15,S/1,China,Republic of China,", "x.csv:2:4: a veto of the Republic of China in 1975-12-15"},
		{"1985-12-15,S/17633,South Africa,UK", "x.csv:2:5: 4 fields where the header has 5"},
	}
	for _, c := range cases {
		in := vetoHeader + "1946-02-16,S/PV.23,Lebanon,USSR,\n"
		in = strings.Replace(in, "1946-02-16,S/PV.23,Lebanon,USSR,\n", c.row+"\n", 1)
		b, err := parseFS(t, ingest.FormatVetoes, []string{"x.csv"}, []byte(in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v (batch %v), want %q…", c.row, err, b != nil, c.want)
		}
	}
	// The year column, where there is one, must be the date's.
	_, err := parseFS(t, ingest.FormatVetoes, []string{"x.csv"}, []byte("year,date,draft,member_veto1\n1956,1955-12-15,S/3510,USSR\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "x.csv:2:1: year 1956 but the date is 1955-12-15") {
		t.Errorf("year against date: %v", err)
	}
}

// TestVetoListReads checks what a valid list gives: each member by the
// code of its seat on the day, the entries of one day and draft told
// apart, scraped line breaks folded, and a warning where the flag columns
// contradict the member columns.
func TestVetoListReads(t *testing.T) {
	b, err := parseFS(t, ingest.FormatVetoes, []string{"x.csv"}, []byte(seedVetoes))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range b.Vetoes {
		got = append(got, fmt.Sprintf("%s %s %d %q %s", v.Date, v.Draft, v.Seq, v.Agenda, strings.Join(v.Members, "+")))
	}
	want := []string{
		`1946-02-16 S/PV.23 1 "Letter from the Heads of the Lebanese and Syrian delegations" SUN`,
		`1946-06-26 S/PV.49 1 "The Spanish question" SUN`,
		`1946-06-26 S/PV.49 2 "The Spanish question" SUN`,
		`1976-10-19 S/12211 1 "Namibia question" FRA+GBR+USA`,
		`2019-02-28 S/2019/186 1 "Situation in Venezuela" RUS+CHN`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("vetoes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(b.RollCalls) != 0 {
		t.Errorf("a veto list made %d roll calls", len(b.RollCalls))
	}
	if len(b.Warnings) != 1 || !strings.Contains(b.Warnings[0].String(), "x.csv:5: S/12211 (1976-10-19): the flag columns name USA, UK but the member columns France, UK, USA") {
		t.Errorf("warnings: %v", b.Warnings)
	}
}

const failedHeader = "draft_seq,meeting_number,year,voting_on,country_iso3,vote\n"

// failedRows writes a draft's member votes: yes by the first n members
// of the list, no by those named in no.
func failedRows(seq, year int, on string, members []string, yes int, no ...string) string {
	var b strings.Builder
	for i, m := range members {
		v := "A"
		switch {
		case slices.Contains(no, m):
			v = "N"
		case i < yes:
			v = "Y"
		}
		fmt.Fprintf(&b, "%d,1,%d,%s,%s,%s\n", seq, year, on, m, v)
	}
	return b.String()
}

// TestFailedDraftVetoes checks the veto rule on member votes: a draft that
// had the affirmative votes it needed (7 of 11 until 1965, 9 of 15 since)
// and a permanent member's no was vetoed by that member; one short of them
// failed for want of votes, whatever the permanent members did. Russia's
// code stands for the USSR until 1991.
func TestFailedDraftVetoes(t *testing.T) {
	council55 := []string{"USA", "FRA", "GBR", "BRA", "IRN", "NZL", "PER", "TUR", "BEL", "CHN", "RUS"}
	council14 := []string{"USA", "FRA", "JOR", "ARG", "AUS", "CHL", "LTU", "LUX", "NGA", "KOR", "RWA", "TCD", "CHN", "GBR", "RUS"}
	in := failedHeader +
		failedRows(1, 1955, "S/3510", council55, 7, "RUS") + // vetoed by the USSR
		failedRows(2, 1955, "S/3511", council55, 6, "RUS") + // six votes: failed
		failedRows(3, 2014, "S/2014/916", council14, 8, "USA") + // eight votes: failed
		failedRows(4, 2014, "S/2014/917", council14, 9, "RUS", "CHN") + // vetoed by both
		failedRows(5, 2014, "S/2014/918", council14, 11) // no no at all: failed otherwise
	b, err := parseFS(t, ingest.FormatFailed, []string{"f.csv"}, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.RollCalls) != 5 {
		t.Fatalf("%d roll calls, want 5", len(b.RollCalls))
	}
	for _, rc := range b.RollCalls {
		if rc.Body != record.SC || !rc.Flags.Has(record.NotAdopted) || rc.Date != "" || rc.Meeting != "S/PV.1" {
			t.Errorf("%s: body %s, flags %b, date %q, meeting %q", rc.Symbol, rc.Body, rc.Flags, rc.Date, rc.Meeting)
		}
	}
	var got []string
	for _, v := range b.Vetoes {
		got = append(got, fmt.Sprintf("%s %d %s %s", v.Draft, v.Year, strings.Join(v.Members, "+"), v.RollCall))
	}
	want := []string{"S/3510 1955 SUN S/3510", "S/2014/917 2014 CHN+RUS S/2014/917"}
	if !slices.Equal(got, want) {
		t.Errorf("vetoes %q, want %q", got, want)
	}
}

// TestFailedDraftRefusals: rows of a failed-drafts table that cannot be
// read are refused with their place.
func TestFailedDraftRefusals(t *testing.T) {
	ok := "1,174,1947,S/1,USA,Y\n"
	cases := []struct{ rows, want string }{
		{"x,174,1947,S/1,USA,Y\n", `f.csv:2:1: draft_seq "x" is not a positive number`},
		{"1,174,1947,S/1,USA,Q\n", `f.csv:2:6: unknown vote code "Q"`},
		{"1,174,1947,S/1,ZZZ,Y\n", `f.csv:2:5: unknown country "ZZZ"`},
		{"1,174,1847,S/1,USA,Y\n", `f.csv:2:3: year "1847" is not a year of the Security Council`},
		{"1,17x,1947,S/1,USA,Y\n", `f.csv:2:2: meeting number "17x" is not a number`},
		{"1,174,1947,,USA,Y\n", "f.csv:2:4: draft 1: nothing says what was voted on"},
		{ok + "1,174,1948,S/1,FRA,Y\n", "f.csv:3:3: draft 1: year 1948, but line 2 says 1947"},
		{ok + "1,174,1947,S/2,FRA,Y\n", `f.csv:3:4: draft 1: voting on "S/2", but line 2 says "S/1"`},
	}
	for _, c := range cases {
		_, err := parseFS(t, ingest.FormatFailed, []string{"f.csv"}, []byte(failedHeader+c.rows))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q…", c.rows, err, c.want)
		}
	}
}

// TestFailedDraftSameSubject: two drafts under one symbol (the source
// gives S/2017/962 twice) are kept apart, the second named by its number,
// so that an import finds each again.
func TestFailedDraftSameSubject(t *testing.T) {
	in := failedHeader + "22,8105,2017,S/2017/962,USA,Y\n23,8105,2017,S/2017/962,USA,Y\n"
	b, err := parseFS(t, ingest.FormatFailed, []string{"f.csv"}, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.RollCalls) != 2 || b.RollCalls[0].Symbol != "S/2017/962" || b.RollCalls[1].Symbol != "S/2017/962 (draft 23)" {
		t.Fatalf("roll calls: %v", b.RollCalls)
	}
	if !slices.ContainsFunc(b.Warnings, func(w ingest.Warning) bool { return strings.Contains(w.Msg, `stored as "S/2017/962 (draft 23)"`) }) {
		t.Errorf("no warning names the second draft: %v", b.Warnings)
	}
	// A draft is its number, however written.
	b, err = parseFS(t, ingest.FormatFailed, []string{"f.csv"}, []byte(failedHeader+"01,1,1947,S/1,USA,Y\n1,1,1947,S/1,FRA,N\n"))
	if err != nil || len(b.RollCalls) != 1 || len(b.RollCalls[0].Votes) != 2 {
		t.Errorf("draft 01 and draft 1: %v, %d roll calls", err, len(b.RollCalls))
	}
}

// TestDetectVetoFiles: the two layouts are told from their headers, and
// a veto table without dates or drafts is still skipped as a reference.
func TestDetectVetoFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for name, c := range map[string]struct {
		text string
		want ingest.Format
	}{
		"vetoes.csv": {seedVetoes, ingest.FormatVetoes},
		"failed.csv": {seedFailed, ingest.FormatFailed},
	} {
		srcs, _, err := ingest.Plan([]string{write(name, c.text)}, "")
		if err != nil || len(srcs) != 1 || srcs[0].Format != c.want {
			t.Errorf("%s: %v %v, want %s", name, srcs, err, c.want)
		}
	}
	if _, _, err := ingest.Plan([]string{write("flags.csv", "single_veto,USSR\n1,1\n")}, ""); err == nil || !strings.Contains(err.Error(), "a list of vetoes without dates or drafts") {
		t.Errorf("a flags-only table: %v", err)
	}
	for _, s := range []string{"vetoes", "failed-drafts"} {
		if f, err := ingest.ParseFormat(s); err != nil || string(f) != s {
			t.Errorf("--format %s: %v %v", s, f, err)
		}
	}
}

// TestHostileVetoFiles: text that is not UTF-8, a NUL byte, a truncated
// quote and a ragged row in either veto file stop the parse at their line.
func TestHostileVetoFiles(t *testing.T) {
	cases := []struct {
		format ingest.Format
		in     string
		want   string
	}{
		{ingest.FormatVetoes, vetoHeader + "1985-11-15,S/17633,Afrique du Sud \xe9,UK,\n", "x.csv:2:3: text is not valid UTF-8"},
		{ingest.FormatVetoes, vetoHeader + "1985-11-15,S/17633,\x00,UK,\n", "x.csv:2:3: a NUL byte"},
		{ingest.FormatVetoes, vetoHeader + "1985-11-15,S/17633,\"South Africa,UK,\n", "x.csv:2:"},
		{ingest.FormatFailed, failedHeader + "1,1,1947,S/1,USA,Y,extra\n", "x.csv:2:7: 7 fields where the header has 6"},
		{ingest.FormatFailed, failedHeader + "1,1,1947,S/\xff,USA,Y\n", "x.csv:2:4: text is not valid UTF-8"},
		{ingest.FormatFailed, "draft_seq,year\n1,1947\n", `x.csv:1: missing column "voting_on"`},
	}
	for _, c := range cases {
		_, err := parseFS(t, c.format, []string{"x.csv"}, []byte(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s %q: %v, want %q…", c.format, c.in, err, c.want)
		}
	}
}
