package charts

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// Totals are the counts of one roll call, or of one regional group in it.
// NonVoting counts members entitled to vote who did not.
type Totals struct {
	Yes, No, Abstain, NonVoting int
}

func (t Totals) clamped() Totals {
	return Totals{max(t.Yes, 0), max(t.No, 0), max(t.Abstain, 0), max(t.NonVoting, 0)}
}

// Sum is every member counted, voting or not.
func (t Totals) Sum() int {
	t = t.clamped()
	return t.Yes + t.No + t.Abstain + t.NonVoting
}

// String is the usual way results are quoted: yes–no–abstain.
func (t Totals) String() string {
	t = t.clamped()
	return fmt.Sprintf("%d–%d–%d", t.Yes, t.No, t.Abstain)
}

// segments turns totals into bar segments in the fixed vote order.
func (t Totals) segments() []hseg {
	t = t.clamped()
	return []hseg{
		{value: float64(t.Yes), fill: colYes, text: itoa(t.Yes)},
		{value: float64(t.No), fill: colNo, text: itoa(t.No)},
		{value: float64(t.Abstain), fill: colAbstain, text: itoa(t.Abstain)},
		{value: float64(t.NonVoting), fill: colNonVoting, text: itoa(t.NonVoting)},
	}
}

// RollCall is one recorded vote, identified the way people cite it.
type RollCall struct {
	// Label is the document symbol, e.g. "A/RES/ES-11/7".
	Label string
	// Date orders roll calls and picks the most recent ones.
	Date   time.Time
	Totals Totals
}

// MaxBreakdownBars is how many roll calls a GABreakdown shows; more bars
// would be too thin to label.
const MaxBreakdownBars = 40

// GABreakdown compares the results of several General Assembly roll calls
// as stacked yes/no/abstain/non-voting bars on one absolute scale, so that
// both the split and the turnout can be compared. Given more than
// MaxBreakdownBars roll calls it keeps the most recent ones and says so in
// the subtitle.
type GABreakdown struct {
	Meta      Meta
	RollCalls []RollCall
}

func (g GABreakdown) meta() Meta { return g.Meta }

// shown returns the plotted roll calls, oldest first, and the subtitle note.
func (g GABreakdown) shown() ([]RollCall, string) {
	rc := g.RollCalls
	note := ""
	if len(rc) > MaxBreakdownBars {
		// Sort positions, not the roll calls: the whole history is
		// thousands of them, and only the most recent are kept.
		idx := make([]int, len(rc))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return rc[b].Date.Compare(rc[a].Date) })
		recent := make([]RollCall, MaxBreakdownBars)
		for i := range recent {
			recent[i] = rc[idx[i]]
		}
		note = fmt.Sprintf("(most recent %d of %d)", MaxBreakdownBars, len(rc))
		rc = recent
	} else {
		rc = append([]RollCall(nil), rc...)
	}
	sort.SliceStable(rc, func(i, j int) bool { return rc[i].Date.Before(rc[j].Date) })
	return rc, note
}

func (g GABreakdown) draw(c *canvas) {
	rc, note := g.shown()
	if len(rc) == 0 {
		drawEmpty(c, g.Meta)
		return
	}
	f := c.drawFrame(g.Meta, note, voteLegend(), nil)
	rows := make([]hbar, len(rc))
	maxSum := 0
	for i, r := range rc {
		rows[i] = hbar{label: r.Label, segs: r.Totals.segments(), note: r.Totals.String()}
		maxSum = max(maxSum, r.Totals.Sum())
	}
	c.drawHBars(f.plot, rows, hAxis{max: float64(maxSum), integer: true, format: countLabel, title: "Member States"})
}

func (g GABreakdown) table() ([]string, [][]string) {
	rc, _ := g.shown()
	rows := make([][]string, len(rc))
	for i, r := range rc {
		t := r.Totals.clamped()
		date := ""
		if !r.Date.IsZero() {
			date = r.Date.Format("2006-01-02")
		}
		rows[i] = []string{clean(r.Label), date, itoa(t.Yes), itoa(t.No), itoa(t.Abstain), itoa(t.NonVoting)}
	}
	return []string{"roll_call", "date", "yes", "no", "abstain", "non_voting"}, rows
}
