package charts

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"plenary/data/record"
	"strings"
	"testing"
	"time"
)

func readCSV(t *testing.T, c Chart) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, c); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if len(recs) == 0 || len(recs[0]) == 0 {
		t.Fatal("CSV has no header")
	}
	return recs
}

func TestCSVHasThePlottedNumbers(t *testing.T) {
	recs := readCSV(t, sampleBreakdown())
	if got := strings.Join(recs[0], ","); got != "roll_call,date,yes,no,abstain,non_voting" {
		t.Errorf("header %q", got)
	}
	want := map[string]string{
		"A/RES/ES-11/7": "A/RES/ES-11/7,2025-02-24,93,18,65,17",
		"A/RES/ES-11/8": "A/RES/ES-11/8,2025-02-24,93,8,73,19",
	}
	for _, r := range recs[1:] {
		if w, ok := want[r[0]]; ok && strings.Join(r, ",") != w {
			t.Errorf("row %q, want %q", strings.Join(r, ","), w)
		}
	}
	if len(recs) != 1+len(sampleBreakdown().RollCalls) {
		t.Errorf("%d rows", len(recs)-1)
	}

	sc := readCSV(t, resolution2774())
	abst := []string{}
	for _, r := range sc[1:] {
		if r[3] == "1" {
			abst = append(abst, r[0])
		}
	}
	if got := strings.Join(abst, " "); got != "FRA GBR DNK GRC SVN" {
		t.Errorf("S/RES/2774 abstainers %q (permanent first, then by name)", got)
	}

	m := readCSV(t, sampleMatrix())
	if len(m) != 1+12*12 {
		t.Errorf("matrix CSV has %d rows, want %d", len(m)-1, 144)
	}
	for _, r := range m[1:] {
		if r[0] == "United Kingdom" && r[1] == "Germany" && (r[2] != "" || r[3] != "0") {
			t.Errorf("no-data pair written as %q", r)
		}
	}

	g := readCSV(t, sampleGrid())
	last := g[len(g)-1]
	if last[0] != "(split)" || last[1] != "yes" || strings.Count(strings.Join(last, ","), "no") != 0 {
		t.Errorf("split row %q", last)
	}

	for _, k := range kinds() {
		readCSV(t, k.chart)
	}
}

// TestCSVKeepsTheMostRecent40 checks the cut that GABreakdown applies to
// both the image and the CSV.
func TestCSVKeepsTheMostRecent40(t *testing.T) {
	var rc []RollCall
	for i := range 52 {
		rc = append(rc, RollCall{Label: fmt.Sprintf("A/RES/79/%d", i+1), Date: feb24.AddDate(0, 0, -i), Totals: Totals{100, 10, 20, 63}})
	}
	g := GABreakdown{Meta: meta24, RollCalls: rc}
	recs := readCSV(t, g)
	if len(recs) != 41 {
		t.Fatalf("%d rows, want 40", len(recs)-1)
	}
	if recs[1][0] != "A/RES/79/40" || recs[40][0] != "A/RES/79/1" {
		t.Errorf("kept %s … %s, want the 40 most recent, oldest first", recs[1][0], recs[40][0])
	}
	if _, note := g.shown(); note != "(most recent 40 of 52)" {
		t.Errorf("subtitle note %q", note)
	}
	// The note must change the image.
	short := GABreakdown{Meta: meta24, RollCalls: rc[:40]}
	if sameImage(pngOf(t, g, Options{}), pngOf(t, short, Options{})) {
		t.Error("the subtitle does not mention the cut")
	}
}

func TestCSVEscapesFormulas(t *testing.T) {
	c := ByGroup{Meta: meta24, Groups: []GroupTotals{
		{Group: "=1+1"}, {Group: "+x"}, {Group: "-x"}, {Group: "@x"}, {Group: "plain"}, {Group: "a=b"},
	}}
	recs := readCSV(t, c)
	var got []string
	for _, r := range recs[1:] {
		got = append(got, r[0])
	}
	want := []string{"'=1+1", "'+x", "'-x", "'@x", "plain", "a=b"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("escaped %q, want %q", got, want)
	}
	// Negative numbers (ideal points) are data, not formulas.
	for in, want := range map[string]string{"\tx": "'\tx", "\rx": "'\rx", "": "", "12": "12", "-1.25": "-1.25", "-1e3x": "'-1e3x"} {
		if got := record.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
	// And in the header (roll call labels of a vote grid).
	g := VoteGrid{Meta: meta24, Countries: []string{"=HYPERLINK(\"x\")"}, RollCalls: []string{"@SUM(A1)"}, Votes: [][]Vote{{VoteYes}}}
	recs = readCSV(t, g)
	if recs[0][1] != "'@SUM(A1)" || recs[1][0] != "'=HYPERLINK(\"x\")" {
		t.Errorf("grid CSV not escaped: %q", recs[:2])
	}
}

func TestCSVDates(t *testing.T) {
	g := GABreakdown{RollCalls: []RollCall{{Label: "x", Totals: Totals{1, 1, 1, 1}}, {Label: "y", Date: time.Date(1946, 1, 10, 0, 0, 0, 0, time.UTC)}}}
	recs := readCSV(t, g)
	if recs[1][1] != "" || recs[2][1] != "1946-01-10" {
		t.Errorf("dates %q %q", recs[1][1], recs[2][1])
	}
}

// TestSplitDetection checks which roll calls count as splits: differing
// yes/no/abstain votes do; absence and missing records do not.
func TestSplitDetection(t *testing.T) {
	g := VoteGrid{Meta: meta24, Countries: []string{"France", "Germany", "Hungary"},
		RollCalls: []string{"unanimous with absent", "yes/no", "missing record", "abstain"},
		Votes: [][]Vote{
			{VoteYes, VoteYes, VoteYes, VoteAbstain},
			{VoteYes, VoteNo, VoteNone, VoteYes},
			{VoteNonVoting, VoteYes, VoteYes, VoteYes},
		}}
	recs := readCSV(t, g)
	if got := strings.Join(recs[len(recs)-1], ","); got != "(split),no,yes,no,yes" {
		t.Errorf("split row %q", got)
	}
	if got := strings.Join(recs[2], ","); got != "Germany,yes,no,,yes" {
		t.Errorf("Germany row %q", got)
	}
}
