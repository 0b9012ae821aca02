package charts

import (
	"fmt"
	"math"
	"time"
)

// Test data. The General Assembly and Security Council totals are the
// published results of those roll calls; where a chart needs more than a
// few real numbers (regional splits, multi-year counts, agreement scores)
// the values are illustrative, made up to be plausible. None of it comes
// from Plenary's database.

var (
	feb24  = time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)
	meta24 = Meta{
		Title:    "General Assembly votes on Ukraine, 24 February 2025",
		Subtitle: "Filter: General Assembly · 11th emergency special session · 24 Feb 2025",
		Source:   "UN Digital Library voting records",
		Imported: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		Version:  "0.3.0",
	}
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// withNV fills NonVoting so that the totals add up to 193 members.
func withNV(y, n, a int) Totals { return Totals{y, n, a, 193 - y - n - a} }

func sampleBreakdown() GABreakdown {
	m := meta24
	m.Title = "General Assembly resolutions on Ukraine and Gaza, 2022–2025"
	m.Subtitle = "Filter: emergency special sessions 10 and 11 · recorded votes"
	return GABreakdown{Meta: m, RollCalls: []RollCall{
		{"A/RES/ES-11/1", day(2022, 3, 2), withNV(141, 5, 35)},
		{"A/RES/ES-11/3", day(2022, 4, 7), withNV(93, 24, 58)},
		{"A/RES/ES-11/4", day(2022, 10, 12), withNV(143, 5, 35)},
		{"A/RES/ES-11/6", day(2023, 2, 23), withNV(141, 7, 32)},
		{"A/RES/ES-10/21", day(2023, 10, 27), withNV(121, 14, 44)},
		{"A/RES/ES-10/22", day(2023, 12, 12), withNV(153, 10, 23)},
		{"A/RES/ES-11/7", feb24, Totals{93, 18, 65, 17}},
		{"A/RES/ES-11/8", feb24, Totals{93, 8, 73, 19}},
	}}
}

// singleBreakdown is one real roll call: A/RES/ES-11/7, 93–18–65, 17 not voting.
func singleBreakdown() GABreakdown {
	return GABreakdown{Meta: meta24, RollCalls: []RollCall{{"A/RES/ES-11/7", feb24, Totals{93, 18, 65, 17}}}}
}

func sampleByGroup() ByGroup {
	m := meta24
	m.Title = "A/RES/ES-11/7 by regional group"
	m.Subtitle = "Filter: A/RES/ES-11/7 · 24 Feb 2025 (illustrative regional split)"
	return ByGroup{Meta: m, Groups: []GroupTotals{
		{GroupAfrican, Totals{12, 5, 28, 9}},
		{GroupAsiaPacific, Totals{13, 5, 30, 5}},
		{GroupEastern, Totals{19, 3, 1, 0}},
		{GroupLatinAmerica, Totals{22, 3, 6, 2}},
		{GroupWestern, Totals{27, 1, 0, 0}},
		{GroupOther, Totals{0, 1, 0, 0}},
	}}
}

var council2025 = []CouncilMember{
	{Code: "CHN", Name: "China", Permanent: true},
	{Code: "FRA", Name: "France", Permanent: true},
	{Code: "RUS", Name: "Russian Federation", Permanent: true},
	{Code: "GBR", Name: "United Kingdom", Permanent: true},
	{Code: "USA", Name: "United States", Permanent: true},
	{Code: "DZA", Name: "Algeria"}, {Code: "DNK", Name: "Denmark"},
	{Code: "GRC", Name: "Greece"}, {Code: "GUY", Name: "Guyana"},
	{Code: "PAK", Name: "Pakistan"}, {Code: "PAN", Name: "Panama"},
	{Code: "KOR", Name: "Republic of Korea"}, {Code: "SLE", Name: "Sierra Leone"},
	{Code: "SVN", Name: "Slovenia"}, {Code: "SOM", Name: "Somalia"},
}

// resolution2774 is S/RES/2774 (2025): 10–0–5, abstaining DNK FRA GBR GRC SVN.
func resolution2774() SCAbstentions {
	abst := map[string]bool{"DNK": true, "FRA": true, "GBR": true, "GRC": true, "SVN": true}
	var ms []CouncilMember
	for _, m := range council2025 {
		if abst[m.Code] {
			m.Abstentions = 1
		}
		m.Votes = 1
		ms = append(ms, m)
	}
	m := meta24
	m.Title = "Abstentions on S/RES/2774 (2025)"
	m.Subtitle = "Filter: Security Council · S/RES/2774 (2025) · adopted 10–0–5"
	return SCAbstentions{Meta: m, Members: ms}
}

func sampleSCAbstentions() SCAbstentions {
	counts := map[string]int{"CHN": 6, "FRA": 2, "RUS": 9, "GBR": 2, "USA": 4, "DZA": 5, "DNK": 1,
		"GRC": 1, "GUY": 2, "PAK": 4, "PAN": 0, "KOR": 1, "SLE": 3, "SVN": 2, "SOM": 3}
	var ms []CouncilMember
	for _, m := range council2025 {
		m.Abstentions = counts[m.Code]
		m.Votes = 44
		ms = append(ms, m)
	}
	m := meta24
	m.Title = "Security Council abstentions, 2025"
	m.Subtitle = "Filter: Security Council · 1 Jan – 31 Dec 2025 · 44 roll calls (illustrative counts)"
	return SCAbstentions{Meta: m, Members: ms}
}

func sampleByYear() SCAbstentionsByYear {
	p5 := []string{"CHN", "FRA", "RUS", "GBR", "USA"}
	var ms []MemberYears
	for k, code := range p5 {
		var ys []YearCount
		for y := 2010; y <= 2025; y++ {
			v := int(math.Round(2 + 2*math.Sin(float64(y*(k+2))/3) + float64(k%3)))
			ys = append(ys, YearCount{y, max(v, 0)})
		}
		ms = append(ms, MemberYears{Member: code, Years: ys})
	}
	m := meta24
	m.Title = "Abstentions of the permanent members per year"
	m.Subtitle = "Filter: Security Council · 2010–2025 (illustrative counts)"
	return SCAbstentionsByYear{Meta: m, Members: ms}
}

func sampleOverTime() AgreementOverTime {
	names := []string{"United Kingdom", "France", "Canada", "Brazil", "India", "China", "Russian Federation"}
	base := []float64{0.78, 0.72, 0.8, 0.35, 0.25, 0.18, 0.2}
	var ss []AgreementSeries
	for k, n := range names {
		var ps []AgreementPoint
		for y := 1995; y <= 2024; y++ {
			v := base[k] + 0.08*math.Sin(float64(y+k*3)/4)
			if n == "Canada" && (y == 2006 || y == 2007) {
				v = math.NaN() // a gap, drawn as a break in the line
			}
			ps = append(ps, AgreementPoint{Year: y, Agreement: v, N: 60 + (y*7+k)%40})
		}
		ss = append(ss, AgreementSeries{Country: n, Points: ps})
	}
	m := meta24
	m.Title = "Agreement with the United States in the General Assembly"
	m.Subtitle = "Filter: General Assembly plenary · recorded votes · 1995–2024 (illustrative)"
	return AgreementOverTime{Meta: m, Reference: "United States", Series: ss}
}

// countryNames gives n distinct, realistic-looking labels.
func countryNames(n int) []string {
	base := []string{"Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina", "Armenia", "Australia",
		"Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize",
		"Benin", "Bhutan", "Bolivia (Plurinational State of)", "Bosnia and Herzegovina", "Botswana", "Brazil",
		"Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada",
		"Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica",
		"Côte d'Ivoire", "Croatia", "Cuba", "Cyprus", "Czechia", "Democratic People's Republic of Korea",
		"Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica", "Dominican Republic"}
	out := make([]string, n)
	for i := range out {
		out[i] = base[i%len(base)]
		if i >= len(base) {
			out[i] = fmt.Sprintf("%s %d", base[i%len(base)], i/len(base)+1)
		}
	}
	return out
}

func sampleRanking(n int) AgreementRanking {
	var sc []AgreementScore
	for i, c := range countryNames(n) {
		v := 0.15 + 0.8*math.Abs(math.Sin(float64(i)*1.7))
		sc = append(sc, AgreementScore{Country: c, Agreement: v, N: 80 + i%37})
	}
	m := meta24
	m.Title = "Who votes most and least like the United States"
	m.Subtitle = "Filter: General Assembly plenary · 2024 · recorded votes (illustrative scores)"
	return AgreementRanking{Meta: m, Reference: "United States", Scores: sc, Count: 10}
}

// matrixOf builds an agreement matrix from positions on a line: countries
// close together vote alike.
func matrixOf(names []string) AgreementMatrix {
	n := len(names)
	pos := make([]float64, n)
	for i := range pos {
		pos[i] = math.Sin(float64(i) * 2.3)
	}
	ag := make([][]float64, n)
	cnt := make([][]int, n)
	for i := range ag {
		ag[i] = make([]float64, n)
		cnt[i] = make([]int, n)
		for j := range ag[i] {
			ag[i][j] = 1 - math.Abs(pos[i]-pos[j])/2
			cnt[i][j] = 90
		}
	}
	if n > 3 {
		ag[1][3], ag[3][1] = math.NaN(), math.NaN() // no shared roll calls
		cnt[1][3], cnt[3][1] = 0, 0
	}
	m := meta24
	m.Title = "Voting agreement between selected countries"
	m.Subtitle = "Filter: General Assembly plenary · 2024 · share of roll calls voted alike (illustrative)"
	return AgreementMatrix{Meta: m, Countries: names, Agreement: ag, N: cnt}
}

func sampleMatrix() AgreementMatrix {
	return matrixOf([]string{"United States", "United Kingdom", "France", "Germany", "Japan", "Brazil",
		"India", "South Africa", "China", "Russian Federation", "Iran", "Israel"})
}

func sampleGrid() VoteGrid {
	rc := []string{"A/RES/ES-11/1", "A/RES/ES-11/3", "A/RES/ES-11/4", "A/RES/ES-11/6",
		"A/RES/ES-10/21", "A/RES/ES-10/22", "A/RES/ES-11/7", "A/RES/ES-11/8"}
	countries := []string{"United States", "United Kingdom", "France", "Germany", "Hungary", "Israel",
		"Brazil", "Mexico", "India", "South Africa", "China", "Russian Federation"}
	// One string per roll call, one letter per country: Y, N, A, - (not
	// voting). Plausible, not checked against the record.
	cols := []string{
		"YYYYYYYYAAAN",
		"YYYYYYAAAANN",
		"YYYYYYYYAAAN",
		"YYYYYYYYAAAN",
		"NAYANNYYAYYY",
		"NAYAANYYYYYY",
		"NYYYNNAAAAAN",
		"AYYYAAY-AAAA",
	}
	votes := make([][]Vote, len(countries))
	for i := range votes {
		votes[i] = make([]Vote, len(rc))
		for j, col := range cols {
			votes[i][j] = map[byte]Vote{'Y': VoteYes, 'N': VoteNo, 'A': VoteAbstain, '-': VoteNonVoting}[col[i]]
		}
	}
	m := meta24
	m.Title = "How selected countries voted on Ukraine and Gaza"
	m.Subtitle = "Filter: General Assembly · emergency special sessions 10 and 11 · 2022–2025 (illustrative votes)"
	return VoteGrid{Meta: m, Countries: countries, RollCalls: rc, Votes: votes}
}

func sampleEmpty() Empty {
	m := meta24
	m.Title = "General Assembly votes"
	m.Subtitle = "Filter: General Assembly · 1 Jan 1900 – 31 Dec 1900"
	return Empty{Meta: m}
}

// kinds lists one good example of each kind, by file name.
func kinds() []struct {
	name  string
	chart Chart
} {
	return []struct {
		name  string
		chart Chart
	}{
		{"ga_breakdown", sampleBreakdown()},
		{"by_group", sampleByGroup()},
		{"sc_abstentions", sampleSCAbstentions()},
		{"sc_abstentions_by_year", sampleByYear()},
		{"agreement_over_time", sampleOverTime()},
		{"agreement_ranking", sampleRanking(60)},
		{"agreement_matrix", sampleMatrix()},
		{"vote_grid", sampleGrid()},
		{"empty", sampleEmpty()},
	}
}
