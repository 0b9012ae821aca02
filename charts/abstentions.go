package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
)

// CouncilMember is one Security Council member's record over a period.
type CouncilMember struct {
	// Code is the ISO 3166 alpha-3 code, e.g. "FRA".
	Code string
	// Name is the short country name; Code is shown when it is empty.
	Name      string
	Permanent bool
	// Abstentions counts roll calls in which the member abstained.
	Abstentions int
	// Votes counts roll calls in which the member voted at all, so that an
	// elected member's two years compare fairly with a permanent member's.
	Votes int
}

func (m CouncilMember) label() string {
	name, code := clean(m.Name), clean(m.Code)
	switch {
	case name == "":
		return code
	case code == "" || code == name:
		return name
	}
	return name + " (" + code + ")"
}

// SCAbstentions shows how often each Council member abstained in a period,
// with permanent and elected members in separate, differently drawn
// sections: a permanent member's abstention is the way it lets a text pass
// without endorsing it, and that should not be mixed up with elected
// members' abstentions.
type SCAbstentions struct {
	Meta    Meta
	Members []CouncilMember
}

func (s SCAbstentions) meta() Meta { return s.Meta }

// sections returns permanent and elected members, most abstentions first.
func (s SCAbstentions) sections() (perm, elected []CouncilMember) {
	for _, m := range s.Members {
		if m.Permanent {
			perm = append(perm, m)
		} else {
			elected = append(elected, m)
		}
	}
	order := func(ms []CouncilMember) {
		sort.SliceStable(ms, func(i, j int) bool {
			if ms[i].Abstentions != ms[j].Abstentions {
				return ms[i].Abstentions > ms[j].Abstentions
			}
			return ms[i].label() < ms[j].label()
		})
	}
	order(perm)
	order(elected)
	return perm, elected
}

func (s SCAbstentions) draw(c *canvas) {
	if len(s.Members) == 0 {
		drawEmpty(c, s.Meta)
		return
	}
	perm, elected := s.sections()
	legend := []legendItem{
		{label: "Permanent member", color: colAbstain},
		{label: "Elected member", color: colAbstain, fill: c.pal.elected, kind: swatchHatch},
	}
	f := c.drawFrame(s.Meta, "", legend, nil)
	var rows []hbar
	maxV := 0
	add := func(title string, ms []CouncilMember, permanent bool) {
		if len(ms) == 0 {
			return
		}
		if len(perm) > 0 && len(elected) > 0 {
			rows = append(rows, hbar{label: title, header: true})
		}
		for _, m := range ms {
			a := max(m.Abstentions, 0)
			maxV = max(maxV, a)
			seg := hseg{value: float64(a), fill: colAbstain}
			if !permanent {
				seg.fill, seg.hatch = c.pal.elected, colAbstain
			}
			rows = append(rows, hbar{label: m.label(), segs: []hseg{seg}, note: abstentionNote(a, m.Votes)})
		}
	}
	add("Permanent members", perm, true)
	add("Elected members", elected, false)
	c.drawHBars(f.plot, rows, hAxis{max: float64(maxV), integer: true, format: countLabel, title: "Abstentions"})
}

func abstentionNote(a, votes int) string {
	if votes <= 0 {
		return itoa(a)
	}
	return fmt.Sprintf("%d of %d (%d%%)", a, votes, int(math.Round(100*float64(a)/float64(votes))))
}

func (s SCAbstentions) table() ([]string, [][]string) {
	perm, elected := s.sections()
	var rows [][]string
	for _, m := range append(perm, elected...) {
		share := ""
		if m.Votes > 0 {
			share = ftoa(float64(max(m.Abstentions, 0)) / float64(m.Votes))
		}
		rows = append(rows, []string{clean(m.Code), clean(m.Name), strconv.FormatBool(m.Permanent),
			itoa(max(m.Abstentions, 0)), itoa(max(m.Votes, 0)), share})
	}
	return []string{"code", "name", "permanent", "abstentions", "votes", "share"}, rows
}
