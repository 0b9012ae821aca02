package views

import (
	"slices"
	"strconv"

	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/record"
)

// vetoesByYear draws the selected vetoes per year and member. A member's
// years run over the span of the selection while it held its seat, so
// that a year without a veto is a 0 and a year without the seat (the
// Soviet Union after 1991) is blank.
func (b *builder) vetoesByYear() charts.Chart {
	var all []record.Veto
	if b.t != nil {
		all = b.t.Vetoes
	}
	sel := compare.SelectVetoes(all, b.filter)
	years := compare.VetoesByYear(all, b.filter)
	first, last := 0, 0
	for _, v := range sel {
		if first == 0 || v.Year < first {
			first = v.Year
		}
		last = max(last, v.Year)
	}
	b.setText("Vetoes of the permanent members by year"+yearSpan(first, last),
		plural(len(sel), "vetoed draft"), "a veto cast by two members counts for each")
	switch {
	case len(all) == 0:
		return b.empty("No vetoes are recorded: import a list of vetoes (vetoes.csv)")
	case len(years) == 0:
		return b.empty("No vetoes match")
	}
	n := map[string]map[int]int{}
	var order []string
	for _, y := range years {
		if n[y.ISO3] == nil {
			n[y.ISO3] = map[int]int{}
			order = append(order, y.ISO3)
		}
		n[y.ISO3][y.Year] = y.Vetoes
	}
	var ms []charts.VetoSeries
	for _, iso := range order {
		s := charts.VetoSeries{Member: vetoLabel(iso), Colour: slices.Index(compare.VetoOrder, iso) + 1}
		for y := first; y <= last; y++ {
			if k, ok := n[iso][y]; ok || seated(iso, y) {
				s.Years = append(s.Years, charts.VetoCount{Year: y, Vetoes: k})
			}
		}
		ms = append(ms, s)
	}
	meta := b.meta
	meta.Note = "The Soviet Union's vetoes (to 24 December 1991) and the Russian Federation's are kept apart, as the veto list has them; China's seat was the Republic of China's until 1971."
	return charts.VetoesByYear{Meta: meta, Members: ms}
}

// vetoLabel names a member in the legend: the Soviet Union as USSR, the
// others by their short names.
func vetoLabel(iso string) string {
	if iso == "SUN" {
		return "USSR"
	}
	return name(iso)
}

// seated reports whether a member held a permanent seat during some of the
// year. China's seat counts throughout, as the veto lists write China for
// the Republic of China's vetoes too.
func seated(iso string, year int) bool {
	if iso == "CHN" {
		return true
	}
	g, ok := countries.GroupingByName("P5")
	if !ok {
		return false
	}
	y := strconv.Itoa(year)
	for _, m := range g.Members {
		if m.ISO3 == iso && m.From <= y+"-12-31" && (m.To == "" || m.To > y+"-01-01") {
			return true
		}
	}
	return false
}

// vetoes indexes the vetoes of the selection's table, for naming the
// Council's results.
func (b *builder) vetoes() *compare.VetoIndex {
	return compare.NewVetoIndex(b.s.Index().Table().Vetoes)
}

// withOutcome adds a Council result other than adoption to a roll call's
// label: "S/2022/538 (vetoed by Russia)".
func withOutcome(label string, x *compare.VetoIndex, rc *record.RollCall) string {
	if o := x.Outcome(rc); o != "" {
		return label + " (" + o + ")"
	}
	return label
}
