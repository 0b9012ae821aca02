// Package merge decides, without any database, how an incoming roll call
// meets the stored ones: which stored roll call it describes (Index.Match),
// what the two give together (RollCall), whether that differs from what is
// stored (Same), and what an incoming vote does to a stored ballot (Vote).
//
// The import writer in package data keeps an Index of the roll calls it
// read and wrote, and asks it; keeping the rules here lets them be tested
// on plain values.
package merge

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"plenary/data/record"
)

// Index holds the stored roll calls by id and by each key a dataset may
// identify a roll call with: Voeten's roll-call id, the UN Digital Library
// record, and body with symbol.
type Index struct {
	known  map[int64]*record.RollCall
	byRCID map[int]int64
	byUNDL map[int]int64
	bySym  map[string][]int64
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{known: map[int64]*record.RollCall{}, byRCID: map[int]int64{}, byUNDL: map[int]int64{}, bySym: map[string][]int64{}}
}

func symKey(b record.Body, sym string) string { return string(b) + "|" + sym }

// Add indexes a stored roll call, or indexes it again once it changed; the
// index keeps rc itself, which the caller must not change otherwise.
func (x *Index) Add(rc *record.RollCall) {
	x.known[rc.ID] = rc
	if rc.RCID != 0 {
		x.byRCID[rc.RCID] = rc.ID
	}
	if rc.UNDLID != 0 {
		x.byUNDL[rc.UNDLID] = rc.ID
	}
	if rc.Symbol != "" {
		k := symKey(rc.Body, rc.Symbol)
		if !slices.Contains(x.bySym[k], rc.ID) {
			x.bySym[k] = append(x.bySym[k], rc.ID)
		}
	}
}

// Get returns the stored roll call with the id, or nil.
func (x *Index) Get(id int64) *record.RollCall { return x.known[id] }

// Partial reports whether a roll call is a vote on part of a text, which
// never stands for the resolution as a whole when matching by symbol.
func Partial(f record.Flags) bool { return f&(record.Amendment|record.Paragraph) != 0 }

// Symbols counts how many roll calls of one batch carry each body and
// symbol: a symbol found more than once in a batch cannot tell its roll
// calls apart, so it is not used to match them.
type Symbols map[string]int

// Count notes a roll call of the batch.
func (s Symbols) Count(rc *record.RollCall) {
	if rc.Symbol != "" && !Partial(rc.Flags) {
		s[symKey(rc.Body, rc.Symbol)]++
	}
}

// Unique reports whether rc's symbol is carried by one roll call of the
// batch only.
func (s Symbols) Unique(rc *record.RollCall) bool { return s[symKey(rc.Body, rc.Symbol)] == 1 }

// Match finds the stored roll call an incoming one describes, or 0. An
// identifier of a dataset decides first; the symbol only when it is unique
// in the batch (symbolUnique) and the roll call is not a partial vote.
// When the symbol leaves several candidates and no date tells them apart,
// the last is taken and the warning says so.
func (x *Index) Match(in *record.RollCall, symbolUnique bool) (id int64, warning string) {
	if in.RCID != 0 {
		if id, ok := x.byRCID[in.RCID]; ok {
			return id, ""
		}
	}
	if in.UNDLID != 0 {
		if id, ok := x.byUNDL[in.UNDLID]; ok {
			return id, ""
		}
	}
	if in.Symbol == "" || Partial(in.Flags) || !symbolUnique {
		return 0, ""
	}
	cands := x.candidates(in)
	switch len(cands) {
	case 0:
		return 0, ""
	case 1:
		return cands[0], ""
	}
	for _, id := range cands {
		if in.Date != "" && x.known[id].Date == in.Date {
			return id, ""
		}
	}
	last := cands[len(cands)-1]
	return last, fmt.Sprintf("%s matches %d stored roll calls; it was merged with the last one (id %d)", in.Symbol, len(cands), last)
}

// candidates are the stored roll calls with in's body and symbol that may
// be in: whole-text votes whose dataset identifiers do not contradict it.
func (x *Index) candidates(in *record.RollCall) []int64 {
	var cands []int64
	for _, id := range x.bySym[symKey(in.Body, in.Symbol)] {
		k := x.known[id]
		if Partial(k.Flags) {
			continue
		}
		if in.RCID != 0 && k.RCID != 0 && k.RCID != in.RCID {
			continue // another roll call of the same dataset
		}
		if in.UNDLID != 0 && k.UNDLID != 0 && k.UNDLID != in.UNDLID {
			continue
		}
		cands = append(cands, id)
	}
	return cands
}

// RollCall folds what an import says of a roll call into what is stored:
// values the import has replace the stored ones, values it lacks are kept,
// identifiers already known are never replaced. sample says whether the
// import loads the sample; a roll call that any other import holds is no
// longer sample data.
func RollCall(old, in *record.RollCall, sample bool) record.RollCall {
	m := *old
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Symbol, in.Symbol)
	set(&m.Date, in.Date)
	set(&m.Session, in.Session)
	set(&m.Title, in.Title)
	set(&m.Description, in.Description)
	set(&m.Draft, in.Draft)
	set(&m.Meeting, in.Meeting)
	set(&m.Link, in.Link)
	m.Topics = Topics(old.Topics, in.Topics)
	if in.Published != nil {
		p := *in.Published
		m.Published = &p
	}
	if m.RCID == 0 {
		m.RCID = in.RCID
	}
	if m.UNDLID == 0 {
		m.UNDLID = in.UNDLID
	}
	m.Flags |= in.Flags &^ record.Sample
	if !sample {
		m.Flags &^= record.Sample
	}
	return m
}

// Session is the session a roll call holds once its symbol is heeded: the
// session the symbol names (record.SymbolSession) wins over a stated one
// that contradicts it, and contradicted says that it did. Voeten files
// A/RES/60/260 under session 59, unvotes under 60: without the rule each
// import of one after the other would change it back. A stated session of
// the regular numbering does not contradict an emergency or special
// session's symbol (unvotes files ES-5 under the 22nd session, which it
// interrupted), and a symbol that its own date contradicts (unvotes'
// R/677/46 of 2012) is the typo, and names no session.
func Session(rc *record.RollCall) (session string, contradicted bool) {
	named, stated := record.SymbolSession(rc.Symbol), rc.Session
	if named == "" || stated == "" || named == stated {
		return stated, false
	}
	for _, kind := range []string{"ES-", "S-"} {
		if strings.HasPrefix(named, kind) {
			if strings.HasPrefix(stated, kind) {
				return named, true
			}
			return stated, false
		}
	}
	n, _ := strconv.Atoi(named)
	if s, err := strconv.Atoi(stated); err != nil || s == n {
		return stated, false
	}
	// Regular session n opens in September 1945+n and ends before the next.
	if y := rc.Year(); y != 0 && (y < 1945+n || y > 1946+n) {
		return stated, false
	}
	return named, true
}

// Topics is the union of the topics two sources give a roll call: each
// dataset classifies by its own scheme, and none is more right than
// another, so no import takes away what an earlier one gave. When the
// import adds topics to others the union is sorted, so that it is the
// same whatever the order of the imports.
func Topics(old, in []string) []string {
	switch {
	case len(NewTopics(old, in)) == 0:
		return old
	case len(old) == 0:
		return in
	}
	out := append(slices.Clone(old), in...)
	slices.Sort(out)
	return slices.Compact(out)
}

// NewTopics lists the topics of after that before lacks.
func NewTopics(before, after []string) []string {
	var out []string
	for _, t := range after {
		if !slices.Contains(before, t) {
			out = append(out, t)
		}
	}
	return out
}

// Same reports whether two roll calls hold the same stored content; the
// id, body and source (the dataset that wrote it last) are not compared,
// nor the built-in mark, which says who provided it, not what it holds.
func Same(a, b *record.RollCall) bool { return len(Changes(a, b)) == 0 }

// FieldChange is one field of a roll call's stored content that differs
// between two versions of it, as the import report words it.
type FieldChange struct {
	Field, Old, New string
}

func (c FieldChange) String() string {
	return fmt.Sprintf("%s %s → %s", c.Field, quoteField(c.Old), quoteField(c.New))
}

// fieldShown is how many characters of a value a report shows: a title or
// a description is recognised by its start.
const fieldShown = 60

// quoteField quotes a value for the report, shortened to fieldShown
// characters.
func quoteField(s string) string {
	if r := []rune(s); len(r) > fieldShown {
		s = string(r[:fieldShown]) + "…"
	}
	return strconv.Quote(s)
}

// flagNames are the flags a report names, in the order it names them.
var flagNames = []struct {
	f    record.Flags
	name string
}{
	{record.Amendment, "amendment"}, {record.Paragraph, "paragraph"},
	{record.Important, "important"}, {record.WithoutVote, "adopted without a vote"},
}

// Changes lists the fields of stored content in which b differs from a,
// old (a) to new (b), with what Same compares and nothing else.
func Changes(a, b *record.RollCall) []FieldChange {
	var out []FieldChange
	str := func(field, old, new string) {
		if old != new {
			out = append(out, FieldChange{field, old, new})
		}
	}
	str("symbol", a.Symbol, b.Symbol)
	str("date", a.Date, b.Date)
	str("session", a.Session, b.Session)
	str("title", a.Title, b.Title)
	str("description", a.Description, b.Description)
	str("draft", a.Draft, b.Draft)
	str("meeting", a.Meeting, b.Meeting)
	str("link", a.Link, b.Link)
	if !slices.Equal(a.Topics, b.Topics) {
		out = append(out, FieldChange{"topics", strings.Join(a.Topics, "; "), strings.Join(b.Topics, "; ")})
	}
	str("published totals", totals(a.Published), totals(b.Published))
	str("rcid", id(a.RCID), id(b.RCID))
	str("UN Digital Library record", id(a.UNDLID), id(b.UNDLID))
	named := record.Sample
	for _, f := range flagNames {
		str(f.name, yesNo(a.Flags.Has(f.f)), yesNo(b.Flags.Has(f.f)))
		named |= f.f
	}
	// A flag added to record and not yet named here still counts.
	str("flags", strconv.Itoa(int(a.Flags&^named)), strconv.Itoa(int(b.Flags&^named)))
	return out
}

func totals(t *record.Totals) string {
	if t == nil {
		return ""
	}
	return fmt.Sprintf("%s, %d non-voting", t, t.NonVoting)
}

func id(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Change is what an incoming vote does to a stored ballot.
type Change int

// The changes a vote can make.
const (
	Unchanged Change = iota // the ballot holds the same vote
	Added                   // the country had no vote
	Changed                 // the country's vote differs
)

// Vote applies an incoming vote of country to the ballot have (country →
// vote) and says what it did, with the vote it replaced.
func Vote(have map[int64]record.Vote, country int64, v record.Vote) (Change, record.Vote) {
	prev, ok := have[country]
	switch {
	case !ok:
		have[country] = v
		return Added, 0
	case prev != v:
		have[country] = v
		return Changed, prev
	}
	return Unchanged, prev
}

// MayHold reports whether a stored roll call shares an identifier or the
// body and symbol with rc, so that it may be rc: only a roll call for which
// it is false is surely new before the whole of it is known.
func (x *Index) MayHold(rc *record.RollCall) bool {
	if _, ok := x.byRCID[rc.RCID]; ok && rc.RCID != 0 {
		return true
	}
	if _, ok := x.byUNDL[rc.UNDLID]; ok && rc.UNDLID != 0 {
		return true
	}
	return rc.Symbol != "" && len(x.bySym[symKey(rc.Body, rc.Symbol)]) > 0
}
