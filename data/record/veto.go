package record

import "strings"

// Veto is a Security Council draft that failed because one or more
// permanent members voted against it. It is kept apart from the roll calls:
// a veto list names the draft, the day and the vetoing members but not the
// other members' votes, which Plenary never invents.
type Veto struct {
	Draft   string // draft symbol as the source writes it (S/2022/538), or the meeting record of early vetoes (S/PV.23)
	Date    string // YYYY-MM-DD; empty when the source gives only the year
	Year    int
	Meeting string // meeting record, e.g. S/PV.9087
	Agenda  string // the agenda item
	Topic   string // the crisis or subject the source files it under
	Region  string
	// Members are the vetoing members' ISO3 codes in the source's order.
	// The Soviet Union's vetoes are SUN (to 24 December 1991), the Russian
	// Federation's RUS, as the veto lists keep them.
	Members []string
	// RollCall is the symbol of the Security Council roll call the veto
	// was read from, when it comes from the member votes of a failed draft
	// rather than from a list of vetoes; empty otherwise.
	RollCall string
	Source   string // dataset name of the import that wrote it
}

// FromVotes reports whether the veto was derived from a failed draft's
// member votes.
func (v Veto) FromVotes() bool { return v.RollCall != "" }

// DraftSymbol is the draft symbol without what a source appends to it
// ("S/3713/Rev.1 (as amended)" is S/3713/Rev.1), for matching a veto with
// the roll call of the same draft.
func DraftSymbol(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " ,("); i >= 0 {
		s = s[:i]
	}
	return strings.ToUpper(s)
}
