package ingest

import (
	"fmt"
	"slices"

	"plenary/data/countries"
	"plenary/data/record"
)

// ownSpans are, by countryIndex, the spans of each state's own
// membership; seatSpans add those of the seats it carries on, in which a
// vote may be filed under it too, as the datasets file the USSR's votes
// under Russia's code. They are built once, so that each vote's date is
// checked without allocating.
var ownSpans, seatSpans = func() ([][]countries.Period, [][]countries.Period) {
	all := countries.All()
	own, seat := make([][]countries.Period, len(all)), make([][]countries.Period, len(all))
	for i, c := range all {
		own[i] = c.Periods()
		seat[i] = own[i]
		for prev := c.Continues; prev != ""; {
			p, ok := countries.ByISO3(prev)
			if !ok {
				break
			}
			seat[i] = append(slices.Clip(seat[i]), p.Periods()...)
			prev = p.Continues
		}
	}
	return own, seat
}()

// inSpans reports whether date falls in one of the spans.
func inSpans(spans []countries.Period, date string) bool {
	for _, p := range spans {
		if p.From <= date && (p.To == "" || date < p.To) {
			return true
		}
	}
	return false
}

// misfiled gathers the votes a file dates outside their state's
// membership, by state and by where they went, for one warning each.
type misfiled struct {
	from, to    string // ISO3; to is "" when no state held the seat
	dropped     bool   // the vote gave way to to's own
	n           int
	first, last string // dates
	file        string
	line        int
}

// place files a vote dated outside its state's seat under the state that
// held the seat that day (a vote filed under North Yemen after the
// unification of 1990 is Yemen's). A vote no state of the seat can take is
// kept where the file put it, and listed: the dates of the early roll
// calls are coarse, and some votes precede the admission they follow.
func (b *Batch) place(date, iso3 string, file string, line int) string {
	to, ok := countries.Holder(iso3, date)
	if !ok {
		to = ""
	}
	b.count(iso3, to, false, date, file, line)
	if to == "" {
		return iso3
	}
	return to
}

// count notes a vote of from that went to to ("" when it stayed), or that
// was dropped for to's own.
func (b *Batch) count(from, to string, dropped bool, date, file string, line int) {
	key := fmt.Sprint(from, ">", to, dropped)
	if b.misfiled == nil {
		b.misfiled = map[string]*misfiled{}
	}
	m := b.misfiled[key]
	if m == nil {
		m = &misfiled{from: from, to: to, dropped: dropped, first: date, last: date, file: file, line: line}
		b.misfiled[key] = m
		b.misfiledOrder = append(b.misfiledOrder, key)
	}
	m.n++
	m.first, m.last = min(m.first, date), max(m.last, date)
}

// dropShared settles a roll call that holds a vote of a state filed in its
// predecessor's years and a vote of the predecessor itself (Voeten codes
// the People's Republic of China absent on the China votes of October
// 1971, when the Republic of China still held the seat): the seat has one
// vote, the holder's, and the other is dropped and counted for a warning.
func (b *Batch) dropShared(bl *rollCallBuilder, file string) {
	for _, i := range bl.inherited {
		if bl.votes[i] == 0 {
			continue
		}
		holder, ok := countries.Holder(countryCodes[i], bl.rc.Date)
		h, known := countryIndex[holder]
		if !ok || !known || h == i || bl.votes[h] == 0 {
			continue
		}
		bl.votes[i] = 0
		b.count(countryCodes[i], holder, true, bl.rc.Date, file, bl.rc.Line)
	}
}

// warnMisfiled lists the votes place moved or could not place.
func (b *Batch) warnMisfiled() {
	for _, k := range b.misfiledOrder {
		m := b.misfiled[k]
		span := m.first
		if m.last != m.first {
			span += " to " + m.last
		}
		c, _ := countries.ByISO3(m.from)
		seat := fmt.Sprintf("%s (%s, a member %s)", c.Name, c.ISO3, membership(c))
		if m.dropped {
			b.warnEach(m.file, m.line, "%d %s of %s dated %s dropped: %s held the seat then and voted",
				m.n, record.Plural(m.n, "vote", "votes"), seat, span, m.to)
			continue
		}
		if m.to != "" {
			b.warnEach(m.file, m.line, "%d %s of %s dated %s, outside its membership, filed under %s, which held the seat then",
				m.n, record.Plural(m.n, "vote", "votes"), seat, span, m.to)
			continue
		}
		b.warnEach(m.file, m.line, "%d %s of %s dated %s, outside its membership and no state held its seat then: kept as the file has them",
			m.n, record.Plural(m.n, "vote", "votes"), seat, span)
	}
}

// membership writes a state's seat years for a message.
func membership(c countries.Country) string {
	ps := c.Periods()
	if len(ps) == 0 {
		return "never"
	}
	from, to := ps[0].From, ps[len(ps)-1].To
	if to == "" {
		return "from " + from
	}
	return "from " + from + " to " + to
}
