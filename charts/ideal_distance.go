package charts

import "strconv"

// IdealDistance draws the distance between two states' ideal points over
// time, one line per pair, drawn like IdealTime: Ideal holds the distance
// and Lo, Hi its interval (equal to it when there is none). The scale
// starts at zero, and lines break where a period is missing.
type IdealDistance struct {
	Meta  Meta
	Pairs []IdealSeries // Country names the pair, e.g. "United States – Russia"
}

func (a IdealDistance) meta() Meta { return a.Meta }

func (a IdealDistance) draw(c *canvas) { IdealTime{Meta: a.Meta, Series: a.Pairs}.draw(c) }

func (a IdealDistance) table() ([]string, [][]string) {
	var rows [][]string
	for _, s := range a.Pairs {
		for _, r := range s.runs() {
			for _, p := range r {
				rows = append(rows, []string{clean(s.Country), strconv.Itoa(p.Year),
					ftoa(p.Ideal), ftoa(p.Lo), ftoa(p.Hi), itoa(p.N), strconv.FormatBool(p.Flag)})
			}
		}
	}
	return []string{"pair", "year", "distance", "lo", "hi", "n", "flagged"}, rows
}
