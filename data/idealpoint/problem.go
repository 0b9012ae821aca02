package idealpoint

import (
	"fmt"
	"slices"
	"sort"

	"plenary/data/record"
)

// problem is the selection in the compact form the iterations run on.
// Every vote used is stored twice, grouped by item (a roll call, or the
// roll calls bridged into one) and grouped by state-period, so that both
// half-steps read their votes contiguously.
type problem struct {
	periods []Period
	gap     []float64 // periods since the previous one (1 for the first)
	chains  []chain   // one per state that voted

	nItems    int
	itemStart []int32 // votes of item j: itemCP/itemY[itemStart[j]:itemStart[j+1]]
	itemCP    []int32 // the state-period of each vote
	itemY     []uint8 // the vote: 0 no, 1 abstain, 2 yes

	nCP     int
	cpStart []int32 // votes of state-period p: cpItem/cpY[cpStart[p]:cpStart[p+1]]
	cpItem  []int32
	cpY     []uint8

	rollCalls int   // roll calls used
	bridged   int   // of which bridged into multi-period items
	contested []int // contested roll calls per period
}

// chain is one state's run of consecutive periods, from its first period
// with a vote to its last; its state-periods are base .. base+len-1.
type chain struct {
	col   int // column in the table
	iso3  string
	first int // index of its first period
	len   int
	base  int
}

// category turns a vote into its rank on the ordered scale, or -1 when it
// is no vote (absent and non-voting are missing data).
func category(v record.Vote) int {
	switch v {
	case record.No:
		return 0
	case record.Abstain:
		return 1
	case record.Yes:
		return 2
	}
	return -1
}

// newProblem prepares the selected rows of t; nil rows means all. The
// rows are a set: their order and repetitions do not matter.
func newProblem(t *record.Table, rows []int, opt Options) (*problem, error) {
	if rows == nil {
		rows = make([]int, len(t.RollCalls))
		for i := range rows {
			rows[i] = i
		}
	} else {
		rows = slices.Compact(slices.Sorted(slices.Values(rows)))
	}
	if len(t.Votes) != len(t.RollCalls) {
		return nil, fmt.Errorf("ideal points: the table has %d vote rows for %d roll calls", len(t.Votes), len(t.RollCalls))
	}
	p := &problem{}
	rows, period, err := p.placePeriods(t, rows, opt.By)
	if err != nil {
		return nil, err
	}
	groups := bridgeGroups(t, rows, period, !opt.NoBridge)
	items := p.keepVaried(t, rows, groups)
	p.countContested(t, rows, period)
	p.buildChains(t, rows, period, items)
	p.fill(t, rows, period, items)
	return p, nil
}

// placePeriods finds the period of every row, drops rows without one and
// numbers the periods in time order.
func (p *problem) placePeriods(t *record.Table, rows []int, by By) ([]int, []int, error) {
	years := map[int]Period{}
	kept := make([]int, 0, len(rows))
	var ps []Period
	for _, r := range rows {
		if r < 0 || r >= len(t.RollCalls) {
			return nil, nil, fmt.Errorf("ideal points: row %d out of range (%d roll calls)", r, len(t.RollCalls))
		}
		pr, ok := periodOf(&t.RollCalls[r], by)
		if !ok || len(t.Votes[r]) != len(t.Countries) {
			continue
		}
		if _, seen := years[pr.Year]; !seen {
			years[pr.Year] = pr
			ps = append(ps, pr)
		}
		kept = append(kept, r)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Year < ps[j].Year })
	index := make(map[int]int, len(ps))
	p.gap = make([]float64, len(ps))
	for i, pr := range ps {
		index[pr.Year] = i
		p.gap[i] = 1
		if i > 0 {
			p.gap[i] = float64(pr.Year - ps[i-1].Year)
		}
	}
	p.periods = ps
	period := make([]int, len(kept))
	for k, r := range kept {
		pr, _ := periodOf(&t.RollCalls[r], by)
		period[k] = index[pr.Year]
	}
	return kept, period, nil
}

// keepVaried keeps the groups whose votes are not all the same: a
// unanimous question says nothing about positions.
func (p *problem) keepVaried(t *record.Table, rows []int, groups [][]int) [][]int {
	var items [][]int
	for _, g := range groups {
		var seen [3]bool
		for _, k := range g {
			for _, v := range t.Votes[rows[k]] {
				if c := category(v); c >= 0 {
					seen[c] = true
				}
			}
		}
		n := 0
		for _, s := range seen {
			if s {
				n++
			}
		}
		if n < 2 {
			continue
		}
		items = append(items, g)
		p.rollCalls += len(g)
		if len(g) > 1 {
			p.bridged += len(g)
		}
	}
	p.nItems = len(items)
	return items
}

// lopsided is the share of the votes cast below which the votes against
// the most common vote do not make a roll call contested.
const lopsided = 0.025

// countContested counts per period the roll calls where at least 2.5% of
// the votes cast (and at least one) differ from the most common vote.
func (p *problem) countContested(t *record.Table, rows []int, period []int) {
	p.contested = make([]int, len(p.periods))
	for k, r := range rows {
		var n [3]int
		for _, v := range t.Votes[r] {
			if c := category(v); c >= 0 {
				n[c]++
			}
		}
		total := n[0] + n[1] + n[2]
		minority := total - max(n[0], n[1], n[2])
		if minority >= 1 && float64(minority) >= lopsided*float64(total) {
			p.contested[period[k]]++
		}
	}
}

// buildChains gives every state that cast a vote on a kept item its run
// of periods, from its first vote to its last.
func (p *problem) buildChains(t *record.Table, rows []int, period []int, items [][]int) {
	nc := len(t.Countries)
	first := make([]int, nc)
	last := make([]int, nc)
	for c := range first {
		first[c], last[c] = -1, -1
	}
	for _, g := range items {
		for _, k := range g {
			pk := period[k]
			for c, v := range t.Votes[rows[k]] {
				if category(v) < 0 {
					continue
				}
				if first[c] < 0 || pk < first[c] {
					first[c] = pk
				}
				last[c] = max(last[c], pk)
			}
		}
	}
	base := 0
	for c := range nc {
		if first[c] < 0 {
			continue
		}
		n := last[c] - first[c] + 1
		p.chains = append(p.chains, chain{col: c, iso3: t.Countries[c], first: first[c], len: n, base: base})
		base += n
	}
	p.nCP = base
}

// fill stores every vote on a kept item twice: by item and by
// state-period.
func (p *problem) fill(t *record.Table, rows []int, period []int, items [][]int) {
	cpOf := make([]int, len(t.Countries)) // state-period of period 0, by column
	for c := range cpOf {
		cpOf[c] = -1 << 30
	}
	for _, ch := range p.chains {
		cpOf[ch.col] = ch.base - ch.first
	}
	p.itemStart = make([]int32, p.nItems+1)
	cpCount := make([]int32, p.nCP+1)
	for j, g := range items {
		n := int32(0)
		for _, k := range g {
			for c, v := range t.Votes[rows[k]] {
				if category(v) >= 0 {
					n++
					cpCount[cpOf[c]+period[k]+1]++
				}
			}
		}
		p.itemStart[j+1] = p.itemStart[j] + n
	}
	for i := 1; i <= p.nCP; i++ {
		cpCount[i] += cpCount[i-1]
	}
	total := p.itemStart[p.nItems]
	p.cpStart = cpCount
	p.itemCP, p.itemY = make([]int32, total), make([]uint8, total)
	p.cpItem, p.cpY = make([]int32, total), make([]uint8, total)
	next := make([]int32, p.nCP)
	copy(next, p.cpStart[:p.nCP])
	o := 0
	for j, g := range items {
		for _, k := range g {
			for c, v := range t.Votes[rows[k]] {
				y := category(v)
				if y < 0 {
					continue
				}
				cp := int32(cpOf[c] + period[k])
				p.itemCP[o], p.itemY[o] = cp, uint8(y)
				p.cpItem[next[cp]], p.cpY[next[cp]] = int32(j), uint8(y)
				next[cp]++
				o++
			}
		}
	}
}
