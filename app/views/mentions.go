package views

import (
	"fmt"
	"math"
	"strings"

	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/record"
	"plenary/data/words"
)

// SpeechFilter is the filter whose speeches a kind that reads the
// speeches counts: the request's, without its countries for a map, which
// shows every state.
func (v View) SpeechFilter(f compare.Filter) compare.Filter {
	if v.EveryState {
		f.Countries = nil
	}
	return f
}

// speechSource names the corpus in the footers of the speech views.
const speechSource = "UN General Debate Corpus (Jankin, Baturo, Dasandi), Harvard Dataverse doi:10.7910/DVN/0TJX8Y"

// describeSpeeches states the filter's dates and countries in the words of
// Describe.
func describeSpeeches(f compare.Filter) string {
	g := compare.Filter{Body: record.GA, From: f.From, To: f.To, Countries: f.Countries}
	return "General Debate speeches" + strings.TrimPrefix(g.Describe(), record.GA.Name())
}

// speechText fills the title and subtitle of a speech view.
func (b *builder) speechText(title string, notes ...string) {
	b.meta.Title = title
	parts := []string{"Filter: " + describeSpeeches(b.filter), speeches(len(b.req.Mentions))}
	for _, n := range notes {
		if n != "" {
			parts = append(parts, n)
		}
	}
	b.meta.Subtitle = strings.Join(parts, " · ")
	b.meta.Source, b.meta.Imported = speechSource, b.req.Provenance.Imported
}

// query is the request's search, checked; ok is false when there is
// none yet, which is an empty chart that asks for one.
func (b *builder) query() (q words.Query, ok bool, err error) {
	if strings.TrimSpace(b.req.Query) == "" {
		return words.Query{}, false, nil
	}
	q, err = words.ParseQuery(b.req.Query)
	return q, err == nil, err
}

// noQuery is the chart of a speech view before a search is typed.
func (b *builder) noQuery() charts.Chart {
	b.speechText(b.view.Label)
	return b.empty("Type a word or a \"phrase\" to search the General Debate speeches")
}

// mentionsTime draws each selected state's mentions per 10,000 words by
// year.
func (b *builder) mentionsTime() (charts.Chart, error) {
	q, ok, err := b.query()
	if !ok {
		return b.noQuery(), err
	}
	pts := words.ByYear(b.req.Mentions, true, 1)
	byCountry := map[string][]charts.MentionPoint{}
	var order []string
	for _, p := range pts {
		if _, ok := byCountry[p.Country]; !ok {
			order = append(order, p.Country)
		}
		byCountry[p.Country] = append(byCountry[p.Country], charts.MentionPoint{Year: p.Year, Per10k: p.Per10k(), Mentions: p.Matches, Words: p.Words, Speeches: p.Speeches})
	}
	note := ""
	if len(order) > MaxSeries {
		note = fmt.Sprintf("first %d of %d states", MaxSeries, len(order))
		order = order[:MaxSeries]
	}
	b.speechText(quoted(q.Text)+" in the General Debate, per 10,000 words", "each point one state's speech of the year", note)
	if len(order) == 0 {
		return b.empty("No speech of the selected states: import the UN General Debate Corpus, or choose countries and years"), nil
	}
	mt := charts.MentionsTime{Meta: b.meta}
	for _, c := range order {
		mt.Series = append(mt.Series, charts.MentionSeries{Country: words.Name(c), Points: byCountry[c]})
	}
	return mt, nil
}

// mentionsMap colours each state by its mentions per 10,000 words over the
// period.
func (b *builder) mentionsMap() (charts.Chart, error) {
	q, ok, err := b.query()
	if !ok {
		return b.noQuery(), err
	}
	pts := words.ByCountry(b.req.Mentions)
	first, last := 0, 0
	for _, c := range b.req.Mentions {
		if first == 0 || c.Year < first {
			first = c.Year
		}
		last = max(last, c.Year)
	}
	span := fmt.Sprint(first)
	if last != first {
		span = fmt.Sprintf("%d–%d", first, last)
	}
	b.speechText("Who spoke of "+quoted(q.Text)+", "+span, "grey: no speech")
	if len(pts) == 0 {
		return b.empty("No speech in the selected years: import the UN General Debate Corpus, or widen the years"), nil
	}
	date := words.DebateDate(last)
	m := charts.MentionsMap{Meta: b.meta, Term: quoted(q.Text), Lineage: mapLineage(), Selected: b.selected(date)}
	shown := map[string]bool{}
	for _, p := range pts {
		if _, ok := countries.ByISO3(p.Country); !ok {
			continue // the European Union has no territory of its own on the map
		}
		iso, nm := countries.SeatOn(p.Country, date)
		m.States = append(m.States, charts.MapValue{ISO3: iso, Name: nm, Value: p.Per10k(), N: p.Speeches})
		shown[iso] = true
	}
	for _, iso := range countries.Members(date) {
		if code, nm := countries.SeatOn(iso, date); !shown[code] {
			m.States = append(m.States, charts.MapValue{ISO3: code, Name: nm, Value: math.NaN()})
		}
	}
	return m, nil
}

// quoted puts a search in quotation marks, unless it is one phrase in
// quotes already.
func quoted(s string) string {
	if strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) && strings.Count(s, `"`) == 2 {
		return "“" + s[1:len(s)-1] + "”"
	}
	return "“" + s + "”"
}

func speeches(n int) string {
	if n == 1 {
		return "1 speech"
	}
	return fmt.Sprintf("%d speeches", n)
}
