package ingest

import (
	"fmt"
	"strconv"

	"plenary/data/countries"
	"plenary/data/record"
)

// Cast is one country's vote in a batch.
type Cast struct {
	Country string // ISO3
	Vote    record.Vote
}

// RollCall is a roll call read from a file, with its votes.
type RollCall struct {
	record.RollCall
	Votes    []Cast // sorted by country
	MetaOnly bool   // the file describes the roll call (title, totals) but holds no votes
	File     string
	Line     int // first line of the roll call in File
}

// Position is a recorded position read from a file.
type Position struct {
	record.Position
	File string
	Line int
}

// Batch is everything one import read: the unit that is written to the
// database in one transaction.
type Batch struct {
	Format    Format
	Dataset   string // human name of the source, printed on charts
	Files     []string
	RollCalls []*RollCall
	Positions []*Position
	Vetoes    []*Veto // vetoes known as such, apart from the roll calls (see vetoes.go)
	Warnings  []Warning
	Rows      int64 // data records read

	// stream, when set, is given each run of consecutive rows of one roll
	// call as the run ends (see ParseStream).
	stream func(rc *RollCall, votes []Cast)
	runOf  *rollCallBuilder
	run    []Cast
	// voted are the builders in the order of their first vote: the order
	// of the batch's roll calls (see collect).
	voted []*rollCallBuilder
	// warned counts the warnings of each kind (their format), kinds in the
	// order first met: beyond maxWarningsPerKind they are only counted.
	warned map[string]int
	kinds  []string
	first  map[string]Warning
	// misfiled counts the votes dated outside their state's membership
	// (see place), in the order first met.
	misfiled      map[string]*misfiled
	misfiledOrder []string
}

// maxWarningsPerKind is how many warnings of one kind a batch keeps; the
// rest are counted and summed up in one line (summarizeWarnings), so that
// a file of millions of duplicate rows grows neither the memory of the
// import nor its log.
const maxWarningsPerKind = 10

// collect finishes the builders into the batch's roll calls: those with
// votes in the order of their first vote in the file, which is the order
// a streamed import meets them in (see ParseStream), then those without
// votes in the order given.
func (b *Batch) collect(builders []*rollCallBuilder) {
	for _, bl := range b.voted {
		b.dropShared(bl, bl.rc.File)
		b.RollCalls = append(b.RollCalls, bl.finish())
	}
	// A roll call whose every vote waits for the batch (see add) had no
	// run: it follows those that had.
	for _, bl := range builders {
		if bl.voted && !bl.listed {
			b.dropShared(bl, bl.rc.File)
			b.RollCalls = append(b.RollCalls, bl.finish())
		}
	}
	for _, bl := range builders {
		if !bl.voted {
			b.RollCalls = append(b.RollCalls, bl.finish())
		}
	}
	b.voted = nil
}

// endRun hands the current run of rows to the stream.
func (b *Batch) endRun() {
	if b.runOf != nil && len(b.run) > 0 {
		b.stream(b.runOf.rc, b.run)
	}
	b.runOf, b.run = nil, b.run[:0]
}

func (b *Batch) warn(file string, line int, format string, args ...any) {
	if b.warned == nil {
		b.warned, b.first = map[string]int{}, map[string]Warning{}
	}
	b.warned[format]++
	n := b.warned[format]
	if n > maxWarningsPerKind {
		return
	}
	w := Warning{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	if n == 1 {
		b.kinds = append(b.kinds, format)
		b.first[format] = w
	}
	b.Warnings = append(b.Warnings, w)
}

// warnEach adds a warning that is never folded into a count: for the
// summaries of place, already one per state and seat, so bounded by the
// registry rather than by the file, and each one names a different state.
func (b *Batch) warnEach(file string, line int, format string, args ...any) {
	b.Warnings = append(b.Warnings, Warning{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// summarizeWarnings adds, for every kind of warning met more often than
// was kept, one line that counts the others.
func (b *Batch) summarizeWarnings() {
	for _, k := range b.kinds {
		if n := b.warned[k] - maxWarningsPerKind; n > 0 {
			w := b.first[k]
			b.Warnings = append(b.Warnings, Warning{File: w.File,
				Msg: fmt.Sprintf("… and %s more like this: %s", thousands(n), w.Msg)})
		}
	}
	b.warned, b.kinds, b.first = nil, nil, nil
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// countryIndex numbers the registry's countries in ISO3 order, so that a
// roll call's votes can be kept in a slice (a vote per country) instead of
// maps: a large import adds a million votes.
var countryIndex = func() map[string]int {
	m := map[string]int{}
	for i, c := range countries.All() {
		m[c.ISO3] = i
	}
	return m
}()

var countryCodes = func() []string {
	all := countries.All()
	out := make([]string, len(all))
	for i, c := range all {
		out[i] = c.ISO3
	}
	return out
}()

// rollCallBuilder accumulates the votes of one roll call while a file is
// read, noticing votes listed twice.
type rollCallBuilder struct {
	rc    *RollCall
	votes []record.Vote // by countryIndex; None = not listed
	lines []int32       // line of each listed vote, for the twice-listed warning
	voted bool          // has had a vote
	// listed is set with its first vote that is streamed: the batch lists
	// the roll calls in the order a streamed import meets them.
	listed bool
	// inherited are the countries whose votes fall in the years of the
	// seat they carry on, not their own (see dropShared).
	inherited []int
}

func newBuilder(rc *RollCall) *rollCallBuilder {
	return &rollCallBuilder{rc: rc}
}

// add records a vote; a second vote of the same country is a warning and
// the later one wins, as it would in the source's own update.
func (b *rollCallBuilder) add(batch *Batch, file string, line int, iso3 string, v record.Vote) {
	i, ok := countryIndex[iso3]
	if !ok {
		return // resolvers only return registry codes
	}
	inherited := false
	if d := b.rc.Date; d != "" && !inSpans(ownSpans[i], d) {
		if inherited = inSpans(seatSpans[i], d); !inherited {
			iso3 = batch.place(d, iso3, file, line)
			i = countryIndex[iso3]
		}
	}
	if !b.voted {
		b.voted = true
		b.votes = make([]record.Vote, len(countryCodes))
		b.lines = make([]int32, len(countryCodes))
	}
	if !inherited && !b.listed {
		b.listed = true
		batch.voted = append(batch.voted, b)
	}
	if prev := b.lines[i]; prev != 0 {
		if old := b.votes[i]; old != v {
			batch.warn(file, line, "%s: %s is listed twice (line %d: %s, here: %s); the later vote is kept",
				b.rc.Label(), iso3, prev, old, v)
		} else {
			batch.warn(file, line, "%s: %s is listed twice (also line %d)", b.rc.Label(), iso3, prev)
		}
	}
	b.votes[i] = v
	b.lines[i] = int32(line)
	if inherited {
		// Whether it stays depends on the rest of the roll call (see
		// dropShared): it is not streamed, and goes in with the batch.
		b.inherited = append(b.inherited, i)
		return
	}
	if batch.stream != nil {
		if batch.runOf != b {
			batch.endRun()
			batch.runOf = b
		}
		batch.run = append(batch.run, Cast{iso3, v})
	}
}

func (b *rollCallBuilder) finish() *RollCall {
	n := 0
	for _, v := range b.votes {
		if v != record.None {
			n++
		}
	}
	b.rc.Votes = make([]Cast, 0, n)
	for i, v := range b.votes {
		if v != record.None {
			b.rc.Votes = append(b.rc.Votes, Cast{countryCodes[i], v})
		}
	}
	b.votes, b.lines = nil, nil
	return b.rc
}

// Label names the roll call in messages: its symbol, or its id in the
// source when it has none.
func (rc *RollCall) Label() string {
	switch {
	case rc.Symbol != "":
		return rc.Symbol
	case rc.RCID != 0:
		return fmt.Sprintf("roll call %d", rc.RCID)
	case rc.UNDLID != 0:
		return fmt.Sprintf("record %d", rc.UNDLID)
	}
	return "a roll call without symbol"
}

// Counted returns the totals counted from the roll call's votes.
func (rc *RollCall) Counted() record.Totals {
	var t record.Totals
	for _, c := range rc.Votes {
		t.Add(c.Vote)
	}
	return t
}

// checkTotals warns about each roll call whose counted votes differ from the
// published totals. Real files have such differences (late vote changes,
// members without a column), so they are reported, not refused.
func (b *Batch) checkTotals() {
	for _, rc := range b.RollCalls {
		if rc.MetaOnly || rc.Published == nil || len(rc.Votes) == 0 {
			continue
		}
		c, p := rc.Counted(), *rc.Published
		if c.Yes != p.Yes || c.No != p.No || c.Abstain != p.Abstain {
			b.warn(rc.File, rc.Line, "%s: counted votes %d–%d–%d differ from the published totals %d–%d–%d",
				rc.Label(), c.Yes, c.No, c.Abstain, p.Yes, p.No, p.Abstain)
		}
	}
}
