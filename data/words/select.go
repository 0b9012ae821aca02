package words

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"plenary/data/compare"
	"plenary/data/countries"
)

// Speech is one stored speech without its text.
type Speech struct {
	ID      int64
	Country string // the code it is filed under (see ingest.SpeakerCode)
	Session int
	Year    int
	Words   int
	Speaker string
	Post    string
	File    string // the corpus's file name
}

// Date is the date a speech stands for in filters and recorded positions:
// the corpus gives the session and the year, not the day, and Plenary
// takes 30 September, when the General Debate has been under way nearly
// every year.
func (s Speech) Date() string { return DebateDate(s.Year) }

// DebateDate is the date taken for a year's General Debate.
func DebateDate(year int) string { return fmt.Sprintf("%04d-09-30", year) }

// Source names a speech as a recorded position's source.
func (s Speech) Source() string {
	return fmt.Sprintf("General Debate, session %d (%d): %s — UN General Debate Corpus", s.Session, s.Year, s.File)
}

// Name is the speaker state's name.
func Name(code string) string {
	if c, ok := countries.ByISO3(code); ok {
		return c.Name
	}
	if code == "EU" {
		return "European Union"
	}
	return code
}

// Select keeps the speeches a filter selects, by the rules the votes
// follow: its countries (a state named directly in every year; a grouping's
// members while they belonged to it, at the debate's date; a historical
// state's code, such as SUN, selecting the speeches of its seat while it
// held it, as the corpus files them under RUS), and its dates (From and To
// against the debate's date). The other fields describe roll calls and do
// not apply. The result is sorted by year, then country; it may be ss
// itself (when everything is selected and ss is in that order), so the
// caller reads it and does not change it.
func Select(ss []Speech, f compare.Filter) ([]Speech, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	all := f.AllCountries()
	var groups []countries.Grouping
	var codes []string
	for _, tok := range f.Countries {
		if g, ok := countries.GroupingByName(tok); ok {
			groups = append(groups, g)
		} else {
			codes = append(codes, strings.ToUpper(strings.TrimSpace(tok)))
		}
	}
	if all && f.From == "" && f.To == "" && slices.IsSortedFunc(ss, byYearCountry) {
		return ss[:len(ss):len(ss)], nil // everything: the list itself, which no one may append to
	}
	atDate := map[string][]string{} // grouping members by date, each computed once
	out := make([]Speech, 0, len(ss))
	for _, s := range ss {
		d := s.Date()
		if f.From != "" && d < f.From {
			continue
		}
		if f.To != "" && d > f.To && !strings.HasPrefix(d, f.To) {
			continue
		}
		if !all && !selected(s, d, codes, groups, atDate) {
			continue
		}
		out = append(out, s)
	}
	// The store lists the speeches in this order already; sorting is for
	// lists that come from elsewhere.
	if !slices.IsSortedFunc(out, byYearCountry) {
		slices.SortStableFunc(out, byYearCountry)
	}
	return out, nil
}

// byYearCountry orders speeches by year, then country.
func byYearCountry(a, b Speech) int {
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	return strings.Compare(a.Country, b.Country)
}

// selected reports whether one speech is among the countries asked for.
func selected(s Speech, date string, codes []string, groups []countries.Grouping, atDate map[string][]string) bool {
	holder, ok := countries.Holder(s.Country, date)
	if !ok {
		holder = s.Country
	}
	for _, c := range codes {
		if c == s.Country || c == holder {
			return true
		}
	}
	for _, g := range groups {
		key := g.Name + date
		ms, ok := atDate[key]
		if !ok {
			ms = g.At(date)
			atDate[key] = ms
		}
		for _, m := range ms {
			if m == s.Country || m == holder {
				return true
			}
		}
	}
	return false
}
