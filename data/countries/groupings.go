package countries

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
)

// Grouping is a named set of states used as a filter (the permanent five,
// a regional group, the EU), with dates, because membership changes and a
// vote of 1980 must be filtered by the membership of 1980.
type Grouping struct {
	Name    string // short name, e.g. "P5", "GRULAC"
	Label   string // longer name for display
	Members []Membership
}

// Membership is one state's span in a grouping: From inclusive, To
// exclusive, YYYY-MM-DD, empty meaning open. A state may have several.
type Membership struct {
	ISO3, From, To string
}

// At lists the ISO3 codes of the grouping's members on date, sorted and
// without repeats; an empty date lists everyone who was ever a member.
func (g Grouping) At(date string) []string {
	var out []string
	for _, m := range g.Members {
		if date == "" || (m.From == "" || m.From <= date) && (m.To == "" || date < m.To) {
			out = append(out, m.ISO3)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// The names and labels of the regional groupings. GRULAC and WEOG go by
// their acronyms in UN usage, so those are the names and the Group values
// are the labels.
var regional = []struct {
	group       Group
	name, label string
}{
	{group: GroupAfrican, name: "African", label: "African Group"},
	{group: GroupAsiaPacific, name: "Asia-Pacific", label: "Asia-Pacific Group"},
	{group: GroupEastEuropean, name: "Eastern European", label: "Eastern European Group"},
	{group: GroupLatinAmerican, name: "GRULAC", label: string(GroupLatinAmerican)},
	{group: GroupWEOG, name: "WEOG", label: string(GroupWEOG)},
}

//go:embed groupings.csv
var groupingsCSV string

var groupings []Grouping

// parseGroupings builds the five regional groupings from the registry (so
// that a state's group is written down once, in countries.csv) and appends
// the groupings of groupings.csv in file order.
func parseGroupings(text string) ([]Grouping, error) {
	var groupings []Grouping
	for _, r := range regional {
		g := Grouping{Name: r.name, Label: r.label}
		for _, c := range table {
			if c.Group != r.group {
				continue
			}
			for _, p := range c.groupPeriods() {
				g.Members = append(g.Members, Membership{c.ISO3, p.From, p.To})
			}
		}
		groupings = append(groupings, g)
	}
	rd := csv.NewReader(strings.NewReader(text))
	rd.FieldsPerRecord = 5
	recs, err := rd.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != "grouping,label,iso3,from,to" {
		return nil, fmt.Errorf("header must be grouping,label,iso3,from,to")
	}
	index := map[string]int{}
	for i, f := range recs[1:] {
		name, label, iso3, from, to := f[0], f[1], f[2], f[3], f[4]
		if _, ok := byISO3[iso3]; !ok {
			return nil, fmt.Errorf("line %d: unknown iso3 %q", i+2, iso3)
		}
		if from != "" && !isDate(from) || to != "" && !isDate(to) || from != "" && to != "" && to <= from {
			return nil, fmt.Errorf("line %d: bad dates %q..%q", i+2, from, to)
		}
		k, ok := index[name]
		if !ok {
			for _, g := range groupings {
				if strings.EqualFold(g.Name, name) || strings.EqualFold(g.Label, label) {
					return nil, fmt.Errorf("line %d: grouping %q clashes with %q", i+2, name, g.Name)
				}
			}
			k = len(groupings)
			index[name] = k
			groupings = append(groupings, Grouping{Name: name, Label: label})
		}
		if groupings[k].Label != label {
			return nil, fmt.Errorf("line %d: grouping %q has two labels", i+2, name)
		}
		groupings[k].Members = append(groupings[k].Members, Membership{iso3, from, to})
	}
	return groupings, nil
}

// Groupings returns every named grouping: the five regional groups (in the
// order of Groups) and then P5, EU, BRICS and G7. The result is a copy.
func Groupings() []Grouping {
	out := make([]Grouping, len(groupings))
	for i, g := range groupings {
		g.Members = slices.Clone(g.Members)
		out[i] = g
	}
	return out
}

// GroupingByName finds a grouping by name or label, ignoring case, so that
// both "grulac" and "Latin American and Caribbean" (a Group value) work.
// (It cannot be called Grouping: Go gives a type and a function in one
// package different names.)
func GroupingByName(name string) (Grouping, bool) {
	name = strings.TrimSpace(name)
	for _, g := range groupings {
		if strings.EqualFold(g.Name, name) || strings.EqualFold(g.Label, name) {
			g.Members = slices.Clone(g.Members)
			return g, true
		}
	}
	return Grouping{}, false
}
