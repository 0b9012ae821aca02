package views

import (
	"fmt"
	"math"
	"strings"
	"time"

	"plenary/charts"
	"plenary/data/change"
	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/record"
)

func totals(t record.Totals) charts.Totals {
	return charts.Totals{Yes: t.Yes, No: t.No, Abstain: t.Abstain, NonVoting: t.NonVoting}
}

// date reads a roll call's date; an unknown or partial date is the zero
// time, which charts sort first.
func date(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return d
}

func (b *builder) breakdown() charts.Chart {
	bs := b.s.Breakdowns()
	rcs := make([]charts.RollCall, len(bs))
	differ := 0
	vetoes := b.vetoes()
	for i, x := range bs {
		rcs[i] = charts.RollCall{Label: withOutcome(x.RollCall.Label(), vetoes, x.RollCall), Date: date(x.RollCall.Date), Totals: totals(x.Counted)}
		if p := x.Published; p != nil && x.Counted.Members() > 0 && (p.Yes != x.Counted.Yes || p.No != x.Counted.No || p.Abstain != x.Counted.Abstain) {
			differ++
		}
	}
	note := "counted from the member votes"
	if differ > 0 {
		note += fmt.Sprintf(" (%s differ from the published totals)", plural(differ, "roll call"))
	}
	body := b.s.Filter().Body
	if body == "" {
		body = record.GA
	}
	who := body.Name()
	if body == compare.Both {
		who = "General Assembly and Security Council"
	}
	b.setText("How the "+who+" voted"+b.period(), note)
	return charts.GABreakdown{Meta: b.meta, RollCalls: rcs}
}

// chartGroups names the regional groups as the charts package labels them.
var chartGroups = map[string]string{
	string(countries.GroupAfrican):       charts.GroupAfrican,
	string(countries.GroupAsiaPacific):   charts.GroupAsiaPacific,
	string(countries.GroupEastEuropean):  charts.GroupEastern,
	string(countries.GroupLatinAmerican): charts.GroupLatinAmerica,
	string(countries.GroupWEOG):          charts.GroupWestern,
	compare.Other:                        charts.GroupOther,
}

func (b *builder) byGroup() (charts.Chart, error) {
	row, err := b.roll()
	if err != nil {
		return nil, err
	}
	rc := b.s.RollCall(row)
	var groups []charts.GroupTotals
	for _, g := range b.s.Index().ByGroup(row) {
		label := chartGroups[g.Group]
		if label == "" {
			label = g.Group
		}
		groups = append(groups, charts.GroupTotals{Group: label, Totals: totals(g.Totals)})
	}
	t := b.s.Index().Counted(row)
	b.setText(rc.Label()+" by regional group", rc.Date, t.String()+" overall", b.vetoes().Outcome(rc))
	if len(groups) == 0 {
		return b.empty("No member votes are recorded for " + rc.Label()), nil
	}
	meta := b.meta
	meta.Note = compare.GroupRule + "; Israel in none before 2000, Kiribati before 2010."
	return charts.ByGroup{Meta: meta, Groups: groups}, nil
}

func (b *builder) abstentions() charts.Chart {
	c := b.s.Council()
	var ms []charts.CouncilMember
	for _, m := range c.Members {
		// Elected members that never abstained would only fill the chart
		// with empty bars.
		if m.Permanent || m.Abstentions > 0 {
			iso, n := b.seat(m.ISO3)
			ms = append(ms, charts.CouncilMember{Code: iso, Name: n, Permanent: m.Permanent, Abstentions: m.Abstentions, Votes: m.Votes})
		}
	}
	b.setText("Security Council abstentions"+b.period(), withoutVote(c), fmt.Sprintf("%d with abstentions", len(c.Resolutions)))
	if c.RollCalls == 0 {
		return b.empty("No recorded Security Council votes match")
	}
	return charts.SCAbstentions{Meta: b.meta, Members: ms}
}

func withoutVote(c compare.Council) string {
	if len(c.WithoutVote) == 0 {
		return ""
	}
	return plural(len(c.WithoutVote), "text") + " adopted without a vote left out"
}

func (b *builder) abstentionsByYear() charts.Chart {
	c := b.s.Council()
	var ms []charts.MemberYears
	for _, y := range c.ByYear {
		if k := len(ms) - 1; k < 0 || ms[k].Member != b.nameOf(y.ISO3) {
			ms = append(ms, charts.MemberYears{Member: b.nameOf(y.ISO3)})
		}
		k := len(ms) - 1
		ms[k].Years = append(ms[k].Years, charts.YearCount{Year: y.Year, Abstentions: y.Abstentions})
	}
	b.setText("Abstentions of the permanent members by year"+b.period(), withoutVote(c))
	if len(ms) == 0 {
		return b.empty("No votes of permanent members match")
	}
	return charts.SCAbstentionsByYear{Meta: b.meta, Members: ms}
}

func (b *builder) overTime() (charts.Chart, error) {
	ref, err := b.ref()
	if err != nil {
		return nil, err
	}
	var others []string
	for _, iso := range b.s.Countries {
		if iso != ref {
			others = append(others, iso)
		}
	}
	note := ""
	if len(others) > MaxSeries {
		note = fmt.Sprintf("first %d of %d countries", MaxSeries, len(others))
		others = others[:MaxSeries]
	}
	var series []charts.AgreementSeries
	var obs [][]change.Obs
	undated := 0
	for _, iso := range others {
		years, err := b.s.PairOverTime(ref, iso, b.req.Metric)
		if err != nil {
			return nil, err
		}
		obs = append(obs, change.AgreementSeries(years))
		var pts []charts.AgreementPoint
		for _, y := range years {
			if y.Year == compare.Undated {
				// No place on a time axis; the subtitle counts them.
				undated = max(undated, y.N)
				continue
			}
			pts = append(pts, charts.AgreementPoint{Year: y.Year, Agreement: y.Agreement, N: y.N})
		}
		series = append(series, charts.AgreementSeries{Country: b.nameOf(iso), Points: pts})
	}
	if undated > 0 {
		note = strings.TrimPrefix(note+" · ", " · ") + plural(undated, "undated roll call") + " not drawn"
	}
	b.setText("Agreement with "+b.nameOf(ref)+" by year"+b.period(), "metric: "+b.req.Metric.Label(), note)
	if len(series) == 0 {
		return b.empty("Select countries to compare with " + b.nameOf(ref)), nil
	}
	minN := b.minN()
	names := make([]string, len(series))
	for i, s := range series {
		names[i] = s.Country
	}
	marks, note := breakMarks(names, obs, change.BreakOptions{}, shareText)
	meta := b.meta
	meta.Note = note
	return charts.AgreementOverTime{Meta: meta, Reference: b.nameOf(ref), Series: series, MinN: minN, Breaks: marks}, nil
}

func (b *builder) ranking() (charts.Chart, error) {
	ref, err := b.ref()
	if err != nil {
		return nil, err
	}
	minN := b.minN()
	ranked, err := b.s.Ranking(ref, b.req.Metric, minN)
	if err != nil {
		return nil, err
	}
	scores := make([]charts.AgreementScore, len(ranked))
	for i, r := range ranked {
		scores[i] = charts.AgreementScore{Country: b.nameOf(r.ISO3), Agreement: r.Agreement, N: r.N}
	}
	b.setText("Agreement with "+b.nameOf(ref)+b.period(), "metric: "+b.req.Metric.Label(), fmt.Sprintf("at least %d roll calls per country", minN))
	if len(scores) == 0 {
		return b.empty(fmt.Sprintf("No country shares %d roll calls with %s", minN, b.nameOf(ref))), nil
	}
	return charts.AgreementRanking{Meta: b.meta, Reference: b.nameOf(ref), Scores: scores}, nil
}

func (b *builder) matrix() charts.Chart {
	mx := b.s.Matrix(b.req.Metric)
	k := len(mx.Countries)
	agree, n := make([][]float64, k), make([][]int, k)
	cells, counts := make([]float64, k*k), make([]int, k*k)
	for i := range k {
		agree[i], n[i] = cells[i*k:(i+1)*k], counts[i*k:(i+1)*k]
		for j := range k {
			sc := mx.Score(i, j)
			agree[i][j], n[i][j] = sc.Agreement, sc.N
		}
	}
	b.setText(fmt.Sprintf("Agreement between %d countries%s", k, b.period()), "metric: "+b.req.Metric.Label())
	if k == 0 {
		return b.empty("No countries selected")
	}
	codes := make([]string, k)
	for i, iso := range mx.Countries {
		codes[i], _ = b.seat(iso)
	}
	return charts.AgreementMatrix{Meta: b.meta, Countries: codes, Agreement: agree, N: n}
}

// ChartVote maps the data's vote codes onto the charts package's own, so
// that tables beside a chart use the chart's colours.
func ChartVote(v record.Vote) charts.Vote {
	switch v {
	case record.Yes:
		return charts.VoteYes
	case record.No:
		return charts.VoteNo
	case record.Abstain:
		return charts.VoteAbstain
	case record.NonVoting:
		return charts.VoteNonVoting
	}
	return charts.VoteNone
}

func (b *builder) grid() charts.Chart {
	g := b.s.Grid(MaxGridRollCalls)
	k := len(g.Countries)
	labels := make([]string, len(g.Rows))
	votes := make([][]charts.Vote, k)
	cells := make([]charts.Vote, k*len(g.Rows))
	for i := range votes {
		votes[i] = cells[i*len(g.Rows) : (i+1)*len(g.Rows)]
	}
	for j, row := range g.Rows {
		labels[j] = row.RollCall.Label()
		for i, v := range row.Votes {
			votes[i][j] = ChartVote(v)
		}
	}
	title := "How the selected countries voted"
	if k > 0 && k <= 4 {
		names := make([]string, k)
		for i, iso := range g.Countries {
			names[i] = b.nameOf(iso)
		}
		title = "How " + joinAnd(names) + " voted"
	}
	// The title gives the selection's period; the note says which part of
	// it the columns show.
	note := ""
	if n := len(g.Rows); n < b.s.Len() {
		note = fmt.Sprintf("the most recent %d of %d shown", n, b.s.Len())
		if d := g.Rows[0].RollCall.Date; d != "" {
			note += ", from " + d
		}
	}
	b.setText(title+b.period(), note, "split on "+percentOf(g.Splits, len(g.Rows)))
	if k == 0 {
		return b.empty("No countries selected")
	}
	codes := make([]string, k)
	for i, iso := range g.Countries {
		codes[i], _ = b.seat(iso)
	}
	return charts.VoteGrid{Meta: b.meta, Countries: codes, RollCalls: labels, Votes: votes}
}

func joinAnd(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	out := s[0]
	for _, x := range s[1 : len(s)-1] {
		out += ", " + x
	}
	return out + " and " + s[len(s)-1]
}

func percentOf(n, of int) string {
	if of == 0 {
		return "0"
	}
	return fmt.Sprintf("%d of %d (%d%%)", n, of, int(math.Round(100*float64(n)/float64(of))))
}
