// Package record defines the plain values that flow between Plenary's
// importers, its store and its analyses: bodies, votes, roll calls,
// positions and the dense vote table the comparisons run on.
//
// It has no dependencies beyond the standard library so that every other
// package (parsers, store, analysis, charts adapters, UI) can share it
// without import cycles.
package record

import (
	"fmt"
	"strings"
)

// Body is the UN organ that held a vote.
type Body string

// The two bodies Plenary knows.
const (
	GA Body = "GA" // General Assembly
	SC Body = "SC" // Security Council
)

// ParseBody accepts the short and long spellings found in datasets.
func ParseBody(s string) (Body, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "GA", "UNGA", "GENERAL ASSEMBLY", "A":
		return GA, true
	case "SC", "UNSC", "SECURITY COUNCIL", "S":
		return SC, true
	}
	return "", false
}

// Name is the body's full English name.
func (b Body) Name() string {
	switch b {
	case GA:
		return "General Assembly"
	case SC:
		return "Security Council"
	}
	return string(b)
}

// Vote is one country's vote on one roll call. The zero value means "no
// vote row": the state was not a member (or not on the Council) and is
// left out of every count. The numeric values follow Voeten's coding so
// that they sort yes < abstain < no.
type Vote uint8

// Vote values.
const (
	None      Vote = 0 // not a member at the time: no row
	Yes       Vote = 1
	Abstain   Vote = 2
	No        Vote = 3
	NonVoting Vote = 8 // present in the membership but did not vote (absent, did not participate)
)

// Votes lists the four real vote values in display order.
var Votes = []Vote{Yes, No, Abstain, NonVoting}

// Code is the one-letter code used in CSV files: Y, N, A or X.
func (v Vote) Code() string {
	switch v {
	case Yes:
		return "Y"
	case No:
		return "N"
	case Abstain:
		return "A"
	case NonVoting:
		return "X"
	}
	return ""
}

// String is the English word for the vote.
func (v Vote) String() string {
	switch v {
	case Yes:
		return "yes"
	case No:
		return "no"
	case Abstain:
		return "abstain"
	case NonVoting:
		return "non-voting"
	}
	return "none"
}

// Cast reports whether the vote is a yes, no or abstention, i.e. the state
// took part in the vote.
func (v Vote) Cast() bool { return v == Yes || v == No || v == Abstain }

// ParseVote reads the vote spellings of every supported dataset: the
// letters of the UN Digital Library (Y N A X NV, blank = non-voting), words
// (yes, no, abstain, absent, non-voting) and Voeten's digits 1/2/3/8. It
// returns None with ok=true for Voeten's 9 (not a member). Matching is
// case-insensitive.
func ParseVote(s string) (v Vote, ok bool) {
	// The spellings of the large files first, without copying.
	switch s {
	case "yes", "Y":
		return Yes, true
	case "no", "N":
		return No, true
	case "abstain", "A":
		return Abstain, true
	}
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "Y", "YES", "1", "IN FAVOUR", "IN FAVOR":
		return Yes, true
	case "N", "NO", "3", "AGAINST":
		return No, true
	case "A", "ABSTAIN", "ABSTENTION", "ABSTAINED", "2":
		return Abstain, true
	case "X", "NV", "", "NON-VOTING", "NONVOTING", "NOT VOTING", "NO VOTE", "ABSENT", "8", "DNP":
		return NonVoting, true
	case "9":
		return None, true
	}
	return None, false
}

// Flags are yes/no properties of a roll call.
type Flags uint8

// Flag values.
const (
	Amendment   Flags = 1 << iota // a vote on an amendment
	Paragraph                     // a separate vote on a paragraph or part
	Important                     // coded as an important vote (US State Department list)
	WithoutVote                   // adopted without a vote; any recorded votes are nominal
	Sample                        // part of the built-in sample
	NotAdopted                    // a Security Council draft put to the vote and not adopted
)

// Has reports whether all of the given flags are set.
func (f Flags) Has(g Flags) bool { return f&g == g }

// Totals are yes / no / abstain / non-voting counts, either counted from
// the votes or as officially published.
type Totals struct {
	Yes, No, Abstain, NonVoting int
}

// Add counts one vote.
func (t *Totals) Add(v Vote) {
	switch v {
	case Yes:
		t.Yes++
	case No:
		t.No++
	case Abstain:
		t.Abstain++
	case NonVoting:
		t.NonVoting++
	}
}

// Members is the number of states counted.
func (t Totals) Members() int { return t.Yes + t.No + t.Abstain + t.NonVoting }

// String formats the totals the way the UN reports them: 93–18–65.
func (t Totals) String() string { return fmt.Sprintf("%d–%d–%d", t.Yes, t.No, t.Abstain) }

// RollCall is one recorded vote of the General Assembly or the Security
// Council, without its member votes.
type RollCall struct {
	ID          int64  // stable id in the store; 0 until stored
	Body        Body   // GA or SC
	Symbol      string // UN form: A/RES/ES-11/7, S/RES/2774 (2025); may be empty
	Date        string // YYYY-MM-DD
	Session     string // e.g. "79", "ES-11"; empty when unknown
	Title       string
	Description string
	Topics      []string
	Draft       string // draft symbol, e.g. A/ES-11/L.10
	Meeting     string // meeting record, e.g. A/ES-11/PV.23
	Flags       Flags
	Published   *Totals // officially published totals; nil when the source has none
	Source      string  // dataset name of the import that last wrote it
	Link        string  // UN Digital Library record or other source address
	RCID        int     // roll-call id of the Voeten / unvotes data; 0 if none
	UNDLID      int     // UN Digital Library record number; 0 if none
}

// Year is the calendar year of the roll call's date, 0 when unknown.
func (r RollCall) Year() int {
	if len(r.Date) < 4 {
		return 0
	}
	y := 0
	for _, c := range r.Date[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// Label is how the roll call is named in lists and charts: its symbol, or
// its date and id when it has none.
func (r RollCall) Label() string {
	if r.Symbol != "" {
		return r.Symbol
	}
	return fmt.Sprintf("%s #%d", r.Date, r.ID)
}

// Stance is a recorded position's direction.
type Stance string

// Stances.
const (
	Supports Stance = "supports"
	Opposes  Stance = "opposes"
	Neutral  Stance = "neutral" // neutral or mixed
)

// ParseStance accepts the stance words and a few synonyms.
func ParseStance(s string) (Stance, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "supports", "support", "for", "in favour", "in favor", "yes", "+":
		return Supports, true
	case "opposes", "oppose", "against", "no", "-":
		return Opposes, true
	case "neutral", "mixed", "neutral or mixed", "neutral/mixed", "abstain", "0":
		return Neutral, true
	}
	return "", false
}

// Position is a country's recorded position on a topic at a date.
type Position struct {
	ID      int64
	Country string // ISO3
	Date    string // YYYY-MM-DD
	Topic   string
	Stance  Stance
	Summary string // one line
	Quote   string // optional
	Source  string // link or document reference
	Sample  bool
}

// Table is every roll call with every vote in a dense form, the shape the
// comparisons run on: Votes[i][c] is the vote of Countries[c] on
// RollCalls[i] (None where the state had no vote row). Roll calls are
// sorted by date, then id.
type Table struct {
	Countries []string   // ISO3 codes; the column order of Votes
	RollCalls []RollCall // metadata
	Votes     [][]Vote   // one row per roll call, len(Countries) columns
	Vetoes    []Veto     // the vetoes recorded, by date (see Veto)
}

// Column returns the index of a country in the table, or -1.
func (t *Table) Column(iso3 string) int {
	for i, c := range t.Countries {
		if c == iso3 {
			return i
		}
	}
	return -1
}
