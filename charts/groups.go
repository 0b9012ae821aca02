package charts

// GroupTotals is how one regional group voted on a roll call.
type GroupTotals struct {
	// Group is the group's name, e.g. "African States" or "Other".
	Group  string
	Totals Totals
}

// The UN regional groups, in the order the Secretariat lists them; callers
// may use these names so that every chart labels groups alike.
const (
	// GroupAfrican is the African States group.
	GroupAfrican = "African States"
	// GroupAsiaPacific is the Asia-Pacific States group.
	GroupAsiaPacific = "Asia-Pacific States"
	// GroupEastern is the Eastern European States group.
	GroupEastern = "Eastern European States"
	// GroupLatinAmerica is the Latin American and Caribbean States group.
	GroupLatinAmerica = "Latin American and Caribbean States"
	// GroupWestern is the Western European and Other States group.
	GroupWestern = "Western European and Other States"
	// GroupOther holds members counted in none of the five groups.
	GroupOther = "Other"
)

// ByGroup shows one roll call split by regional group, one stacked bar per
// group on a shared absolute scale, so that a bloc voting together stands
// out. Groups are drawn in the given order.
type ByGroup struct {
	Meta   Meta
	Groups []GroupTotals
}

func (b ByGroup) meta() Meta { return b.Meta }

func (b ByGroup) draw(c *canvas) {
	if len(b.Groups) == 0 {
		drawEmpty(c, b.Meta)
		return
	}
	f := c.drawFrame(b.Meta, "", voteLegend(), nil)
	rows := make([]hbar, len(b.Groups))
	maxSum := 0
	for i, g := range b.Groups {
		rows[i] = hbar{label: g.Group, segs: g.Totals.segments(), note: g.Totals.String()}
		maxSum = max(maxSum, g.Totals.Sum())
	}
	c.drawHBars(f.plot, rows, hAxis{max: float64(maxSum), integer: true, format: countLabel, title: "Member States"})
}

func (b ByGroup) table() ([]string, [][]string) {
	rows := make([][]string, len(b.Groups))
	for i, g := range b.Groups {
		t := g.Totals.clamped()
		rows[i] = []string{clean(g.Group), itoa(t.Yes), itoa(t.No), itoa(t.Abstain), itoa(t.NonVoting)}
	}
	return []string{"group", "yes", "no", "abstain", "non_voting"}, rows
}
