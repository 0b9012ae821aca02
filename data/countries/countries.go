package countries

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Group is a UN regional group. Seats on elected bodies are shared out by
// group, so it is the natural way to compare blocs.
type Group string

// The five UN regional groups, spelled as the UN names them.
const (
	GroupAfrican       Group = "African"
	GroupAsiaPacific   Group = "Asia-Pacific"
	GroupEastEuropean  Group = "Eastern European"
	GroupLatinAmerican Group = "Latin American and Caribbean"
	GroupWEOG          Group = "Western European and Others"
)

// Groups returns the five regional groups in a fixed order, so that menus
// and tables list them the same way every time.
func Groups() []Group {
	return []Group{GroupAfrican, GroupAsiaPacific, GroupEastEuropean, GroupLatinAmerican, GroupWEOG}
}

// Status tells whether a state votes today, only speaks, or no longer exists;
// the app filters and labels by it.
type Status string

// The three kinds of entry in the registry.
const (
	StatusMember     Status = "member"     // a UN member state today
	StatusObserver   Status = "observer"   // a non-member observer state (Holy See, Palestine)
	StatusHistorical Status = "historical" // a former member, succeeded by others
)

// Period is a half-open span of dates [From, To); an empty To is open.
type Period struct {
	From, To string
}

// Country is one row of the registry. Values returned by this package are
// copies: changing one does not change the registry.
type Country struct {
	ISO3, ISO2 string
	Name       string // English short name, for display
	UNName     string // official UN name, as on the UN's roster
	COW        int    // primary Correlates of War code, 0 if none
	Group      Group
	Status     Status
	Admitted   string   // YYYY-MM-DD, UN membership start ("" for observers)
	Ended      string   // YYYY-MM-DD for historical states: first day without the seat
	Successors []string // ISO3; for a seat that continued, the continuing state first
	AltNames   []string

	// OtherCOW lists secondary Correlates of War codes, which datasets use
	// for the same state at another time (260, the FRG, for DEU).
	OtherCOW []int
	// Continues is the ISO3 of the historical seat this state carries on
	// (RUS continues SUN); the state counts as a member only from that
	// seat's Ended, although Admitted is the predecessor's date.
	Continues string
	// Gaps are periods inside the membership when the state held no seat
	// of its own (Syria within the United Arab Republic).
	Gaps []Period
	// GroupFrom is the first day the state counted in Group when that is
	// later than its admission (Israel was in no group until 2000); empty
	// means from admission.
	GroupFrom string
	// FormerNames are the names the state bore before it took its Name,
	// each with the first day it no longer applied, in date order (the
	// Federal Republic of Germany until unification on 1990-10-03).
	FormerNames []DatedName
}

// DatedName is a name a state bore until a date: Until is the first day
// it no longer applied.
type DatedName struct {
	Name, Until string
}

// NameOn is the state's name on date (YYYY-MM-DD): the former name that
// still applied that day, else Name. An empty date gives Name.
func (c Country) NameOn(date string) string {
	if date == "" {
		return c.Name
	}
	for _, n := range c.FormerNames {
		if date < n.Until {
			return n.Name
		}
	}
	return c.Name
}

// MemberOn reports whether the state held a UN seat of its own on date
// (YYYY-MM-DD), taking continued seats and gaps into account.
func (c Country) MemberOn(date string) bool {
	for _, p := range c.periods() {
		if p.From <= date && (p.To == "" || date < p.To) {
			return true
		}
	}
	return false
}

// Periods returns the spans during which the state held a UN seat of its
// own, in date order: from admission (or the end of the seat it continues)
// to its end, without its gaps. Observers have none.
func (c Country) Periods() []Period { return c.periods() }

// periods returns the spans during which the state held its own seat.
func (c Country) periods() []Period {
	if c.Admitted == "" {
		return nil
	}
	from := c.Admitted
	if c.Continues != "" {
		if p, ok := byISO3[c.Continues]; ok && p.Ended > from {
			from = p.Ended
		}
	}
	var out []Period
	for _, g := range c.Gaps {
		if g.From > from {
			out = append(out, Period{from, g.From})
		}
		if g.To > from {
			from = g.To
		}
	}
	if c.Ended == "" || from < c.Ended {
		out = append(out, Period{from, c.Ended})
	}
	return out
}

// clone copies the slices too, so callers cannot reach the registry.
func (c Country) clone() Country {
	c.Successors = slices.Clone(c.Successors)
	c.AltNames = slices.Clone(c.AltNames)
	c.OtherCOW = slices.Clone(c.OtherCOW)
	c.Gaps = slices.Clone(c.Gaps)
	c.FormerNames = slices.Clone(c.FormerNames)
	return c
}

// groupPeriods returns the spans during which the state counted in its
// regional group: its own seat's spans, cut at GroupFrom.
func (c Country) groupPeriods() []Period {
	var out []Period
	for _, p := range c.periods() {
		if c.GroupFrom > p.From {
			if p.To != "" && p.To <= c.GroupFrom {
				continue
			}
			p.From = c.GroupFrom
		}
		out = append(out, p)
	}
	return out
}

//go:embed countries.csv
var countriesCSV string

var (
	table  []Country           // sorted by ISO3
	byISO3 map[string]*Country // upper-case ISO3
	byISO2 map[string]*Country // upper-case ISO2
	byCOW  map[int]*Country    // primary and secondary codes
	byName map[string]string   // Normalize(name) -> ISO3
)

func init() {
	r, err := parse(countriesCSV)
	if err != nil {
		// The table is embedded and tested; a bad row is a build defect.
		panic("countries: countries.csv: " + err.Error())
	}
	table, byISO3, byISO2, byCOW, byName = r.table, r.byISO3, r.byISO2, r.byCOW, r.byName
	if groupings, err = parseGroupings(groupingsCSV); err != nil {
		panic("countries: groupings.csv: " + err.Error())
	}
}

// registry is a parsed countries.csv with its indexes.
type registry struct {
	table  []Country
	byISO3 map[string]*Country
	byISO2 map[string]*Country
	byCOW  map[int]*Country
	byName map[string]string
}

var header = []string{"iso3", "iso2", "name", "un_name", "cow", "cow_other", "group", "status",
	"admitted", "ended", "continues", "gaps", "successors", "alt_names", "group_from", "former_names"}

// parse reads and checks the registry. It rejects anything the accessors
// would otherwise answer ambiguously: duplicate codes, names that resolve
// to two states, unknown successors.
func parse(text string) (*registry, error) {
	rd := csv.NewReader(strings.NewReader(text))
	rd.FieldsPerRecord = len(header)
	recs, err := rd.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || !slices.Equal(recs[0], header) {
		return nil, fmt.Errorf("header must be %s", strings.Join(header, ","))
	}
	r := &registry{
		table:  make([]Country, 0, len(recs)-1),
		byISO3: make(map[string]*Country, len(recs)),
		byISO2: make(map[string]*Country, len(recs)),
		byCOW:  make(map[int]*Country, len(recs)),
		byName: make(map[string]string, 8*len(recs)),
	}
	for i, f := range recs[1:] {
		c, err := parseRow(f)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+2, err)
		}
		if n := len(r.table); n > 0 && r.table[n-1].ISO3 >= c.ISO3 {
			return nil, fmt.Errorf("line %d: %s: rows must be sorted by iso3, without duplicates", i+2, c.ISO3)
		}
		r.table = append(r.table, c)
	}
	for i := range r.table {
		c := &r.table[i]
		r.byISO3[c.ISO3] = c
		if c.ISO2 != "" {
			if o, dup := r.byISO2[c.ISO2]; dup {
				return nil, fmt.Errorf("iso2 %s used by %s and %s", c.ISO2, o.ISO3, c.ISO3)
			}
			r.byISO2[c.ISO2] = c
		}
		for _, code := range append([]int{c.COW}, c.OtherCOW...) {
			if code == 0 {
				continue
			}
			if o, dup := r.byCOW[code]; dup {
				return nil, fmt.Errorf("COW code %d used by %s and %s", code, o.ISO3, c.ISO3)
			}
			r.byCOW[code] = c
		}
	}
	for i := range r.table {
		c := &r.table[i]
		for _, s := range c.Successors {
			if _, ok := r.byISO3[s]; !ok || s == c.ISO3 {
				return nil, fmt.Errorf("%s: unknown successor %q", c.ISO3, s)
			}
		}
		if c.Continues != "" {
			p, ok := r.byISO3[c.Continues]
			if !ok || p.Status != StatusHistorical {
				return nil, fmt.Errorf("%s: continues %q, which is not a historical state", c.ISO3, c.Continues)
			}
		}
		names := append([]string{c.ISO3, c.Name, c.UNName}, c.AltNames...)
		for _, n := range c.FormerNames {
			names = append(names, n.Name)
		}
		for _, n := range names {
			k := Normalize(n)
			if k == "" {
				return nil, fmt.Errorf("%s: name %q has no letters", c.ISO3, n)
			}
			if o, dup := r.byName[k]; dup && o != c.ISO3 {
				return nil, fmt.Errorf("name %q (key %q) resolves to both %s and %s", n, k, o, c.ISO3)
			}
			r.byName[k] = c.ISO3
		}
	}
	return r, nil
}

// parseRow turns one CSV record into a Country, checking each field's form.
func parseRow(f []string) (Country, error) {
	c := Country{
		ISO3:       f[0],
		ISO2:       f[1],
		Name:       f[2],
		UNName:     f[3],
		Group:      Group(f[6]),
		Status:     Status(f[7]),
		Admitted:   f[8],
		Ended:      f[9],
		Continues:  f[10],
		Successors: split(f[12]),
		AltNames:   split(f[13]),
		GroupFrom:  f[14],
	}
	if err := checkNames(c); err != nil {
		return c, err
	}
	if err := parseCOW(&c, f[4], f[5]); err != nil {
		return c, err
	}
	if err := checkMembership(c); err != nil {
		return c, err
	}
	if err := parseGaps(&c, f[11]); err != nil {
		return c, err
	}
	return c, parseFormerNames(&c, f[15])
}

// checkNames checks c's codes and that it has both names.
func checkNames(c Country) error {
	if !isCode(c.ISO3, 3) {
		return fmt.Errorf("bad iso3 %q", c.ISO3)
	}
	if c.ISO2 != "" && !isCode(c.ISO2, 2) {
		return fmt.Errorf("%s: bad iso2 %q", c.ISO3, c.ISO2)
	}
	if c.Name == "" || c.UNName == "" {
		return fmt.Errorf("%s: name and un_name are required", c.ISO3)
	}
	return nil
}

// parseCOW reads the cow cell (one code, or none) and the cow_other cell
// (a list) into c.
func parseCOW(c *Country, cow, other string) error {
	if cow != "" {
		n, err := strconv.Atoi(cow)
		if err != nil || n <= 0 {
			return fmt.Errorf("%s: bad cow %q", c.ISO3, cow)
		}
		c.COW = n
	}
	for _, s := range split(other) {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			return fmt.Errorf("%s: bad cow_other %q", c.ISO3, s)
		}
		c.OtherCOW = append(c.OtherCOW, n)
	}
	return nil
}

// checkMembership checks that c's group, status and dates fit together.
func checkMembership(c Country) error {
	if c.Group != "" && !slices.Contains(Groups(), c.Group) {
		return fmt.Errorf("%s: unknown group %q", c.ISO3, c.Group)
	}
	switch c.Status {
	case StatusMember:
		if c.Group == "" || c.Admitted == "" || c.Ended != "" {
			return fmt.Errorf("%s: a member needs a group and an admission date, and no end", c.ISO3)
		}
	case StatusObserver:
		if c.Admitted != "" || c.Ended != "" {
			return fmt.Errorf("%s: an observer has no membership dates", c.ISO3)
		}
	case StatusHistorical:
		if c.Admitted == "" || c.Ended == "" || len(c.Successors) == 0 {
			return fmt.Errorf("%s: a historical state needs admission and end dates and successors", c.ISO3)
		}
	default:
		return fmt.Errorf("%s: unknown status %q", c.ISO3, c.Status)
	}
	if c.GroupFrom != "" && (c.Group == "" || c.GroupFrom <= c.Admitted) {
		return fmt.Errorf("%s: group_from needs a group and a date after admission", c.ISO3)
	}
	for _, d := range []string{c.Admitted, c.Ended, c.GroupFrom} {
		if d != "" && !isDate(d) {
			return fmt.Errorf("%s: bad date %q", c.ISO3, d)
		}
	}
	if c.Ended != "" && c.Ended <= c.Admitted {
		return fmt.Errorf("%s: ended before admission", c.ISO3)
	}
	return nil
}

// parseGaps reads the gaps cell, a list of FROM/TO periods after
// admission, into c.
func parseGaps(c *Country, cell string) error {
	for _, g := range split(cell) {
		from, to, ok := strings.Cut(g, "/")
		if !ok || !isDate(from) || !isDate(to) || to <= from || from < c.Admitted {
			return fmt.Errorf("%s: bad gap %q", c.ISO3, g)
		}
		c.Gaps = append(c.Gaps, Period{from, to})
	}
	return nil
}

// parseFormerNames reads the former names cell, a list of NAME/UNTIL in
// date order after admission, into c.
func parseFormerNames(c *Country, cell string) error {
	for _, fn := range split(cell) {
		i := strings.LastIndexByte(fn, '/')
		if i <= 0 || !isDate(fn[i+1:]) || fn[i+1:] <= c.Admitted {
			return fmt.Errorf("%s: bad former name %q (want NAME/YYYY-MM-DD, after admission)", c.ISO3, fn)
		}
		n := DatedName{Name: fn[:i], Until: fn[i+1:]}
		if k := len(c.FormerNames); k > 0 && c.FormerNames[k-1].Until >= n.Until {
			return fmt.Errorf("%s: former names must be in date order", c.ISO3)
		}
		c.FormerNames = append(c.FormerNames, n)
	}
	return nil
}

// split reads a "|"-separated list cell; an empty cell is an empty list.
func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func isCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:])
	return err1 == nil && err2 == nil && err3 == nil && y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// All returns every state in the registry, sorted by ISO3. The slice and
// its contents are copies, so callers may sort or edit them freely.
func All() []Country {
	out := make([]Country, len(table))
	for i, c := range table {
		out[i] = c.clone()
	}
	return out
}

// ByISO3 finds a state by its alpha-3 code, in any case; this is the key
// the rest of Plenary stores.
func ByISO3(code string) (Country, bool) {
	c, ok := byISO3[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return c.clone(), true
}

// ByISO2 finds a state by its alpha-2 code, in any case, including the
// withdrawn codes of historical states (SU, YU, CS, DD, YD) that older
// datasets use. "NA" is Namibia, not a missing value.
func ByISO2(code string) (Country, bool) {
	c, ok := byISO2[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return c.clone(), true
}

// ByCOW finds a state by any Correlates of War code it is known by, primary
// or secondary (260, the FRG, gives DEU), because the Voeten data key
// states by these codes.
func ByCOW(code int) (Country, bool) {
	c, ok := byCOW[code]
	if !ok {
		return Country{}, false
	}
	return c.clone(), true
}

// Lookup resolves any name of a state (short name, UN name, alternative or
// former name, in any case and spelling Normalize forgives) or its ISO3
// code to the ISO3 code. It costs one Normalize and one map lookup. Two-
// letter codes are not accepted; use ByISO2 where a column holds them.
func Lookup(name string) (iso3 string, ok bool) {
	iso3, ok = byName[Normalize(name)]
	return iso3, ok
}

// LookupAt is Lookup for a name written on date: where a seat passed from
// one state to the state that continues it, a name of the later state
// ("China", "Yemen", "Russian Federation") written before the hand-over
// means the state then holding the seat (TWN, YAR, SUN). With an empty
// date it equals Lookup.
func LookupAt(name, date string) (iso3 string, ok bool) {
	iso3, ok = Lookup(name)
	if !ok || date == "" {
		return iso3, ok
	}
	for i := 0; i < len(table); i++ { // bounded walk back along the chain
		c := byISO3[iso3]
		p, has := byISO3[c.Continues]
		if c.Continues == "" || !has || date >= p.Ended {
			break
		}
		iso3 = p.ISO3
	}
	return iso3, true
}

// Continuer returns the state that carries on code's seat (RUS for SUN,
// SRB for SCG), and false when no state continues it. The voting datasets
// file a continued seat's votes under the continuing state's code, so this
// is where they are found.
func Continuer(code string) (Country, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, c := range table {
		if c.Continues == code {
			return c.clone(), true
		}
	}
	return Country{}, false
}

// SameSeat reports whether two codes name one UN seat: the same state, or
// a state and the one that carries on its seat, directly or down a chain
// (SUN and RUS, SCG and SRB). Datasets name such seats by either.
func SameSeat(a, b string) bool {
	return a == b || continues(a, b) || continues(b, a)
}

// continues reports whether a carries on b's seat, directly or through
// states in between.
func continues(a, b string) bool {
	for i := 0; i < len(table); i++ { // bounded walk back along the chain
		c, ok := byISO3[a]
		if !ok || c.Continues == "" {
			return false
		}
		if c.Continues == b {
			return true
		}
		a = c.Continues
	}
	return false
}

// Holder returns the state that held code's seat on date: the state
// itself while it was a member, else the state before or after it along
// the seat's chain (YEM for a vote filed under YAR after the unification
// of 1990). It is false when no state of the chain held a seat that day.
func Holder(code, date string) (string, bool) {
	c, ok := byISO3[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return "", false
	}
	if c.MemberOn(date) {
		return c.ISO3, true
	}
	for p, i := c, 0; p.Continues != "" && i < len(table); i++ { // back along the chain
		if p, ok = byISO3[p.Continues]; !ok {
			break
		}
		if p.MemberOn(date) {
			return p.ISO3, true
		}
	}
	n, ok := Continuer(c.ISO3)
	for i := 0; ok && i < len(table); i++ { // forward
		if n.MemberOn(date) {
			return n.ISO3, true
		}
		n, ok = Continuer(n.ISO3)
	}
	return "", false
}

// SeatOn returns the code and name under which code's seat stood on
// date (YYYY-MM-DD): the state that held it that day, named as it was
// then. It is the one rule every output follows, so that a roll call of
// 1975 lists the Soviet Union (SUN) wherever the store files its votes
// under Russia, which continues the seat, and the Federal Republic of
// Germany under its name of the day.
//
// The walk goes back along the seat's chain only: a continuing state
// shows as the state whose seat it carried on while that state held it
// (RUS as SUN before 1991-12-24, CHN as TWN before 1971-10-25, SRB as SCG
// before 2006-06-03, YEM as YAR before 1990-05-22). A former state's
// code stays its own, since a store never files its votes after its end
// (Holder moves them on import), and a state without a seat that day, an
// unknown code or an empty date keep the code as it is. An unknown code
// is its own name.
func SeatOn(code, date string) (iso3, name string) {
	c, ok := byISO3[code]
	if !ok {
		c, ok = byISO3[strings.ToUpper(strings.TrimSpace(code))]
	}
	if !ok {
		return code, code
	}
	if date != "" && !c.MemberOn(date) {
		for p, i := c, 0; p.Continues != "" && i < len(table); i++ { // back along the chain
			if p, ok = byISO3[p.Continues]; !ok {
				break
			}
			if p.MemberOn(date) {
				c = p
				break
			}
		}
	}
	return c.ISO3, c.NameOn(date)
}

// Members lists the ISO3 codes of the states that held a UN seat on date
// (YYYY-MM-DD), sorted: admission <= date < end, with continued seats
// counted once and gaps left out.
func Members(date string) []string {
	var out []string
	for _, c := range table {
		if c.MemberOn(date) {
			out = append(out, c.ISO3)
		}
	}
	return out
}
