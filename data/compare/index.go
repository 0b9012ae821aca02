package compare

import (
	"fmt"
	"slices"
	"strings"

	"plenary/data/countries"
	"plenary/data/record"
)

// Vote planes: for every country, one bitset per kind of vote row.
const (
	planeYes = iota
	planeAbstain
	planeNo
	planeNonVoting
	nPlanes
)

// Index is a table prepared for comparisons. Building it walks every vote
// once (a few milliseconds for the full history); after that a Selection
// never touches the votes again except to list them. An Index is
// read-only and safe for concurrent use; it keeps the table, which must not
// be changed afterwards.
type Index struct {
	t      *record.Table
	nRows  int
	nWords int
	// planes holds nPlanes bitsets of nWords words per country column:
	// planes[(c*nPlanes+k)*nWords+w].
	planes []uint64
	column map[string]int // ISO3 -> column
	// regional lists, per regional group in groupNames order, the table's
	// countries that ever belonged to it with the rows of their
	// membership: the same spans the group filters use.
	regional [][]member
	date     []int     // per row: YYYYMMDD as a number, 0 when unknown
	year     []int     // per row: calendar year, 0 when unknown
	runs     []yearRun // rows grouped into runs of one year
	sorted   bool      // date is non-decreasing
	// Per-row facts the filters test.
	counted     []record.Totals
	sc          bitset
	important   bitset
	withoutVote bitset
	contested   bitset
	search      []string // lower-case symbol and title
	symbol      []string // upper-case symbol, for exact matches
	topics      []string // lower-case topics, one per line
}

// yearRun is a run of consecutive rows of one calendar year. In a table
// sorted by date every year is one run.
type yearRun struct{ year, from, to int }

// groupNames are the labels of ByGroup: the five UN regional groups in the
// registry's order, then Other for states without one.
var groupNames = func() []string {
	var out []string
	for _, g := range countries.Groups() {
		out = append(out, string(g))
	}
	return append(out, Other)
}()

// Other is the group of the states that were in none of the five regional
// groups on the day of a roll call: observers, and members outside every
// group (Israel before 2000, Kiribati before 2010).
const Other = "Other"

// NewIndex prepares t for comparisons. It fails only on a malformed table
// (a row of votes whose length differs from the number of countries).
func NewIndex(t *record.Table) (*Index, error) {
	if t == nil {
		return nil, fmt.Errorf("compare: no table")
	}
	if len(t.Votes) != len(t.RollCalls) {
		return nil, fmt.Errorf("compare: %d rows of votes for %d roll calls", len(t.Votes), len(t.RollCalls))
	}
	nc := len(t.Countries)
	for i, row := range t.Votes {
		if len(row) != nc {
			return nil, fmt.Errorf("compare: roll call %s has %d votes for %d countries", t.RollCalls[i].Label(), len(row), nc)
		}
	}
	n := len(t.RollCalls)
	ix := &Index{
		t: t, nRows: n, nWords: words(n),
		column:      make(map[string]int, nc),
		date:        make([]int, n),
		year:        make([]int, n),
		counted:     make([]record.Totals, n),
		sc:          newBitset(n),
		important:   newBitset(n),
		withoutVote: newBitset(n),
		contested:   newBitset(n),
		search:      make([]string, n),
		symbol:      make([]string, n),
		topics:      make([]string, n),
	}
	for c, iso := range t.Countries {
		ix.column[iso] = c
	}
	ix.buildPlanes()
	for r := range t.RollCalls {
		ix.indexRow(r)
	}
	ix.sorted = slices.IsSorted(ix.date)
	for _, g := range countries.Groups() {
		gr, _ := countries.GroupingByName(string(g))
		ix.regional = append(ix.regional, ix.groupMembers(gr))
	}
	return ix, nil
}

// buildPlanes sets one bit per vote row. Walking a column at a time keeps
// the writes sequential.
func (ix *Index) buildPlanes() {
	nc, W := len(ix.t.Countries), ix.nWords
	ix.planes = make([]uint64, nc*nPlanes*W)
	for c := 0; c < nc; c++ {
		base := c * nPlanes * W
		for r, row := range ix.t.Votes {
			k := -1
			switch row[c] {
			case record.Yes:
				k = planeYes
			case record.Abstain:
				k = planeAbstain
			case record.No:
				k = planeNo
			case record.NonVoting:
				k = planeNonVoting
			}
			if k >= 0 {
				ix.planes[base+k*W+r>>6] |= 1 << (uint(r) & 63)
			}
		}
	}
}

func (ix *Index) indexRow(r int) {
	rc := &ix.t.RollCalls[r]
	var tot record.Totals
	for _, v := range ix.t.Votes[r] {
		tot.Add(v)
	}
	ix.counted[r] = tot
	ix.date[r] = dateNumber(rc.Date)
	ix.year[r] = rc.Year()
	if k := len(ix.runs) - 1; k >= 0 && ix.runs[k].year == ix.year[r] && ix.runs[k].to == r {
		ix.runs[k].to = r + 1
	} else {
		ix.runs = append(ix.runs, yearRun{year: ix.year[r], from: r, to: r + 1})
	}
	if rc.Body == record.SC {
		ix.sc.set(r)
	}
	if rc.Flags.Has(record.Important) {
		ix.important.set(r)
	}
	if rc.Flags.Has(record.WithoutVote) {
		ix.withoutVote.set(r)
	} else if contested(tot, rc.Published) {
		ix.contested.set(r)
	}
	ix.search[r] = strings.ToLower(rc.Symbol + "\n" + rc.Title)
	// The importers store symbols in UN form already; only case may differ
	// in tables built elsewhere.
	ix.symbol[r] = strings.ToUpper(rc.Symbol)
	ix.topics[r] = strings.ToLower(strings.Join(rc.Topics, "\n"))
}

// contested reports whether a vote was not unanimous: some state voted no
// or abstained. Without member votes the published totals decide.
func contested(counted record.Totals, published *record.Totals) bool {
	if counted.Members() == 0 && published != nil {
		return published.No+published.Abstain > 0
	}
	return counted.No+counted.Abstain > 0
}

// dateNumber turns YYYY-MM-DD (or a prefix of it) into YYYYMMDD with
// missing parts as zero, so dates compare as integers; 0 means unknown.
func dateNumber(s string) int {
	n, digits := 0, 0
	for i := 0; i < len(s) && digits < 8; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			digits++
		case c == '-' && (digits == 4 || digits == 6):
		default:
			return 0
		}
	}
	switch digits {
	case 4:
		return n * 10000
	case 6:
		return n * 100
	case 8:
		return n
	}
	return 0
}

// Table is the table the index was built from.
func (ix *Index) Table() *record.Table { return ix.t }

// plane returns one vote plane of a column.
func (ix *Index) plane(col, k int) []uint64 {
	off := (col*nPlanes + k) * ix.nWords
	return ix.planes[off : off+ix.nWords : off+ix.nWords]
}

// Counted is the yes/no/abstain/non-voting count of a table row, from the
// member votes.
func (ix *Index) Counted(row int) record.Totals { return ix.counted[row] }
