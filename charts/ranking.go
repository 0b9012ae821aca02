package charts

import (
	"fmt"
	"math"
	"sort"
)

// AgreementScore is one country's agreement with the reference country.
type AgreementScore struct {
	Country string
	// Agreement is 0..1; NaN scores are left out.
	Agreement float64
	// N is the number of roll calls compared, shown as "n=…".
	N int
}

// DefaultRankingCount is how many countries each panel of an
// AgreementRanking shows when Count is zero.
const DefaultRankingCount = 10

// AgreementRanking lists the countries most and least in agreement with
// Reference, in two panels on the same 0–100 % scale. Each value carries
// its n, because 90 % of 3 roll calls is not 90 % of 300. When all scores
// fit in one panel they are shown as one ranked list.
type AgreementRanking struct {
	Meta      Meta
	Reference string
	Scores    []AgreementScore
	// Count is how many countries each panel shows (DefaultRankingCount if
	// zero); it is lowered when the image is too small to hold them.
	Count int
}

func (a AgreementRanking) meta() Meta { return a.Meta }

// ranked returns the valid scores, highest first (ties by name).
func (a AgreementRanking) ranked() []AgreementScore {
	var s []AgreementScore
	for _, sc := range a.Scores {
		if !math.IsNaN(sc.Agreement) && !math.IsInf(sc.Agreement, 0) {
			sc.Agreement = clampF(sc.Agreement, 0, 1)
			s = append(s, sc)
		}
	}
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Agreement != s[j].Agreement {
			return s[i].Agreement > s[j].Agreement
		}
		return s[i].Country < s[j].Country
	})
	return s
}

// panels splits the ranking into the most and least agreeing countries,
// each at most count long and never overlapping. least is empty when all
// scores fit in most.
func (a AgreementRanking) panels(count int) (most, least []AgreementScore) {
	s := a.ranked()
	if count <= 0 {
		count = DefaultRankingCount
	}
	if len(s) <= count {
		return s, nil
	}
	// Too many for one panel: split them, evenly when there are fewer than
	// two panels' worth, so neither panel is left with a single bar.
	most = s[:min(count, (len(s)+1)/2)]
	rest := s[len(most):]
	k := min(count, len(rest))
	least = make([]AgreementScore, k)
	for i := range least {
		least[i] = rest[len(rest)-1-i]
	}
	return most, least
}

func (a AgreementRanking) draw(c *canvas) {
	if len(a.ranked()) == 0 {
		drawEmpty(c, a.Meta)
		return
	}
	f := c.drawFrame(a.Meta, "", nil, nil)
	ts := c.px(sizeTick)
	hs := c.px(sizeLabel)
	headH := c.lineHeight(hs) + c.px(8)
	axisH := c.lineHeight(ts)*2 + c.px(12)
	rowsFit := int(math.Max(1, math.Floor((f.plot.h-headH-axisH)/c.px(15))))
	count := a.Count
	if count <= 0 {
		count = DefaultRankingCount
	}
	count = min(count, rowsFit)
	most, least := a.panels(count)
	ref := clean(a.Reference)
	with := ""
	if ref != "" {
		with = " with " + ref
	}
	panel := func(b rect, title string, list []AgreementScore) {
		c.text(c.ellipsize(title, hs, b.w), b.x, b.y, hs, c.pal.text, alignLeft)
		b.y += headH
		b.h -= headH
		rows := make([]hbar, len(list))
		for i, s := range list {
			rows[i] = hbar{
				label: s.Country,
				segs:  []hseg{{value: s.Agreement, fill: c.pal.series[0]}},
				note:  fmt.Sprintf("%.1f%% · n=%d", 100*s.Agreement, max(s.N, 0)),
			}
		}
		c.drawHBars(b, rows, hAxis{max: 1, fixed: true, format: percentLabel, title: "Agreement", noteShare: 0.36})
	}
	if len(least) == 0 {
		panel(f.plot, "Agreement"+with, most)
		return
	}
	gap := c.px(32)
	w := (f.plot.w - gap) / 2
	left := rect{f.plot.x, f.plot.y, w, f.plot.h}
	right := rect{f.plot.x + w + gap, f.plot.y, w, f.plot.h}
	panel(left, fmt.Sprintf("Most in agreement%s (top %d)", with, len(most)), most)
	panel(right, fmt.Sprintf("Least in agreement%s (bottom %d)", with, len(least)), least)
}

func (a AgreementRanking) table() ([]string, [][]string) {
	most, least := a.panels(a.Count)
	var rows [][]string
	for i, s := range most {
		rows = append(rows, []string{"most", itoa(i + 1), clean(s.Country), ftoa(s.Agreement), itoa(max(s.N, 0))})
	}
	for i, s := range least {
		rows = append(rows, []string{"least", itoa(i + 1), clean(s.Country), ftoa(s.Agreement), itoa(max(s.N, 0))})
	}
	return []string{"panel", "rank", "country", "agreement", "n"}, rows
}
