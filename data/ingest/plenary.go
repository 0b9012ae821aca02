package ingest

import (
	"context"
	"io/fs"
	"strconv"
	"strings"

	"plenary/data/countries"
	"plenary/data/record"
)

// Column aliases of Plenary's long CSV. They cover the obvious names other
// tidy datasets use, so such files import as they are.
var (
	plenaryBody    = []string{"body", "organ"}
	plenarySymbol  = []string{"symbol", "resolution", "unres", "res", "resolution_symbol"}
	plenaryDate    = []string{"date", "vote_date"}
	plenaryVote    = []string{"vote", "ms_vote", "vote_code"}
	plenaryCountry = []string{"country_iso3", "iso3", "member_iso3", "ms_code", "country_code", "country", "country_name", "member_name", "ms_name", "member", "member_state"}
	plenaryNames   = []string{"country_name", "member_name", "ms_name", "name", "member_state"}
	plenaryTitle   = []string{"title", "agenda_item", "agenda_title"}
	plenaryTopics  = [][]string{{"topics", "topic", "topic_tags", "subjects"}, {"category"}, {"region"}}
	plenaryYes     = []string{"yes", "total_yes", "published_yes"}
	plenaryNo      = []string{"no", "total_no", "published_no"}
	plenaryAbst    = []string{"abstain", "abstentions", "total_abstentions", "published_abstain"}
	plenaryNV      = []string{"non_voting", "no_vote", "total_non_voting", "published_non_voting"}
	plenaryLink    = []string{"link", "undl_link", "url", "source_link"}
	plenaryRCID    = []string{"rcid"}
	plenaryUNDL    = []string{"undl_id"}
)

// plenaryCols holds the column indexes shared by the long CSV and the
// roll-call CSV.
type plenaryCols struct {
	body, symbol, date, title, descr, yes, no, abst, nv, link, draft, meeting, session, rcid, undl, important, amend, para, without int
	topics                                                                                                                          []int
}

func findPlenaryCols(t *table) plenaryCols {
	c := plenaryCols{
		body: t.col(plenaryBody...), symbol: t.col(plenarySymbol...), date: t.col(plenaryDate...),
		title: t.col(plenaryTitle...), descr: t.col("description", "descr", "outcome"),
		yes: t.col(plenaryYes...), no: t.col(plenaryNo...), abst: t.col(plenaryAbst...), nv: t.col(plenaryNV...),
		link: t.col(plenaryLink...), draft: t.col("draft"), meeting: t.col("meeting"), session: t.col("session"),
		rcid: t.col(plenaryRCID...), undl: t.col(plenaryUNDL...), important: t.col("important", "importantvote"),
		amend: t.col("amendment", "amend"), para: t.col("paragraph", "para"), without: t.col("without_vote", "adopted_without_vote"),
	}
	for _, names := range plenaryTopics {
		if i := t.col(names...); i >= 0 {
			c.topics = append(c.topics, i)
		}
	}
	return c
}

// rollCall reads the roll-call columns of the current record.
func (c plenaryCols) rollCall(t *table) (*RollCall, string, error) {
	sym := record.NormalizeSymbol(t.field(c.symbol))
	if sym == "" && c.rcid < 0 {
		return nil, "", t.errf(c.symbol, "no resolution symbol")
	}
	rc := &RollCall{File: t.file, Line: t.line}
	rc.Symbol = sym
	bodyText := t.field(c.body)
	if bodyText == "" {
		bodyText = bodyOfSymbol(sym)
	}
	body, ok := record.ParseBody(bodyText)
	if !ok {
		if t.field(c.body) == "" {
			return nil, "", t.errf(c.symbol, "cannot tell the body of %q: add a body column (GA or SC)", sym)
		}
		return nil, "", t.errf(c.body, "unknown body %q (expected GA or SC)", t.field(c.body))
	}
	rc.Body = body
	date, err := rowDate(t, c.date)
	if err != nil {
		return nil, "", err
	}
	rc.Date = date
	rc.Title = t.field(c.title)
	rc.Description = t.field(c.descr)
	rc.Link = t.field(c.link)
	rc.Draft = t.field(c.draft)
	rc.Meeting = t.field(c.meeting)
	rc.Session = t.field(c.session)
	if n, err := strconv.Atoi(t.field(c.rcid)); err == nil && n > 0 {
		rc.RCID = n
	}
	if n, err := strconv.Atoi(t.field(c.undl)); err == nil && n > 0 {
		rc.UNDLID = n
	}
	for _, col := range c.topics {
		rc.Topics = append(rc.Topics, splitTopics(t.field(col))...)
	}
	if truthy(t.field(c.important)) {
		rc.Flags |= record.Important
	}
	if truthy(t.field(c.amend)) {
		rc.Flags |= record.Amendment
	}
	if truthy(t.field(c.para)) {
		rc.Flags |= record.Paragraph
	}
	if truthy(t.field(c.without)) {
		rc.Flags |= record.WithoutVote
	}
	p, err := publishedTotals(t, c.yes, c.no, c.abst, c.nv)
	if err != nil {
		return nil, "", err
	}
	rc.Published = p
	key := string(body) + "|" + sym + "|" + t.field(c.rcid) + "|" + t.field(c.undl)
	return rc, key, nil
}

// sameRollCall reports whether a later row describes its roll call the same
// way as the first row did; a different date under one symbol is a mistake
// in the file, not a second roll call.
func sameRollCall(a, b *RollCall) bool { return a.Date == b.Date }

func parsePlenary(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	b.Dataset = "Plenary CSV " + shortName(file)
	res := newResolver()
	builders := map[string]*rollCallBuilder{}
	var order []string
	setup := func(t *table) (rowFunc, error) {
		c := findPlenaryCols(t)
		cCountry, cName, cVote := t.col(plenaryCountry...), t.col(plenaryNames...), t.col(plenaryVote...)
		return func(t *table) error {
			rc, key, err := c.rollCall(t)
			if err != nil {
				return err
			}
			v, ok := record.ParseVote(t.field(cVote))
			if !ok || v == record.None {
				return t.errf(cVote, "unknown vote %q (expected Y, N, A or X)", t.field(cVote))
			}
			iso, err := plenaryCountryOf(t, res, cCountry, cName)
			if err != nil {
				return err
			}
			bl := builders[key]
			if bl == nil {
				bl = newBuilder(rc)
				builders[key] = bl
				order = append(order, key)
			} else if !sameRollCall(bl.rc, rc) {
				return t.errf(c.date, "%s is dated %s here but %s on line %d", rc.Label(), rc.Date, bl.rc.Date, bl.rc.Line)
			}
			bl.add(b, file, t.line, iso, v)
			return nil
		}, nil
	}
	if _, err := eachRow(ctx, fsys, file, m, b, [][]string{plenarySymbol, plenaryCountry, plenaryVote}, setup); err != nil {
		return err
	}
	if len(order) == 0 {
		return errorf(file, 0, 0, "no votes: the file has a header but no rows")
	}
	all := make([]*rollCallBuilder, len(order))
	for i, k := range order {
		all[i] = builders[k]
	}
	b.collect(all)
	return nil
}

// plenaryCountryOf resolves the row's country by code, or by its name
// column when the code is unknown. A code and a name of two different
// states are refused: which one the vote belongs to cannot be told.
func plenaryCountryOf(t *table, res *resolver, cCountry, cName int) (string, error) {
	raw := t.field(cCountry)
	iso, ok := res.code(raw)
	if !ok && cName >= 0 && cName != cCountry {
		iso, ok = res.name(t.field(cName))
	}
	if !ok {
		if raw == "" {
			return "", t.errf(cCountry, "no country")
		}
		return "", t.errf(cCountry, "unknown country %q", raw)
	}
	if cName >= 0 && cName != cCountry {
		if err := sameState(t, res, iso, cCountry, cName); err != nil {
			return "", err
		}
	}
	return iso, nil
}

// sameState checks that the name column, when the registry knows it,
// names the state the code resolved to (or the one whose seat it carries
// on or handed on, as datasets write "Russian Federation" for the USSR).
func sameState(t *table, res *resolver, iso string, cCode, cName int) error {
	name := t.field(cName)
	other, ok := res.name(name)
	if !ok || other == iso || countries.SameSeat(iso, other) {
		return nil
	}
	return t.errf(cName, "country code %q is %s but the name %q is %s", t.field(cCode), iso, name, other)
}

// parseRollCalls reads a table with one row per roll call — symbol, date,
// title, topics, totals, link — such as the resolutions.csv that comes with
// a long votes file. It describes roll calls; it has no votes.
func parseRollCalls(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	b.Dataset = "roll calls " + shortName(file)
	seen := map[string]int{}
	setup := func(t *table) (rowFunc, error) {
		c := findPlenaryCols(t)
		return func(t *table) error {
			rc, key, err := c.rollCall(t)
			if err != nil {
				return err
			}
			if line, dup := seen[key]; dup {
				b.warn(file, t.line, "%s is listed twice (also line %d); the later row is kept", rc.Label(), line)
				b.dropRollCallOfLine(line)
			}
			seen[key] = t.line
			rc.MetaOnly = true
			b.RollCalls = append(b.RollCalls, rc)
			return nil
		}, nil
	}
	if _, err := eachRow(ctx, fsys, file, m, b, [][]string{plenarySymbol}, setup); err != nil {
		return err
	}
	if len(b.RollCalls) == 0 {
		return errorf(file, 0, 0, "no roll calls: the file has a header but no rows")
	}
	return nil
}

// dropRollCallOfLine removes the roll call read from a line, which a later
// row replaces.
func (b *Batch) dropRollCallOfLine(line int) {
	for i, old := range b.RollCalls {
		if old.Line == line {
			b.RollCalls = append(b.RollCalls[:i], b.RollCalls[i+1:]...)
			return
		}
	}
}

// parsePositions reads recorded positions: country, date, topic, stance,
// summary and optionally quote and source.
func parsePositions(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	b.Dataset = "positions " + shortName(file)
	res := newResolver()
	setup := func(t *table) (rowFunc, error) {
		c := positionCols{t.col("country"), t.col("date"), t.col("topic"), t.col("stance"), t.col("summary"), t.col("quote"), t.col("source")}
		return func(t *table) error {
			p, err := c.position(t, res)
			if err != nil {
				return err
			}
			b.Positions = append(b.Positions, p)
			return nil
		}, nil
	}
	_, err := eachRow(ctx, fsys, file, m, b, [][]string{{"country"}, {"date"}, {"topic"}, {"stance"}, {"summary"}}, setup)
	return err
}

// positionCols are the columns of a positions file.
type positionCols struct{ country, date, topic, stance, summary, quote, source int }

// position reads and checks the current record.
func (c positionCols) position(t *table, res *resolver) (*Position, error) {
	p := &Position{File: t.file, Line: t.line}
	iso, ok := res.code(t.field(c.country))
	if !ok {
		return nil, t.errf(c.country, "unknown country %q", t.field(c.country))
	}
	p.Country = iso
	d, err := parseDate(t.field(c.date))
	if err != nil {
		return nil, t.errf(c.date, "%v", err)
	}
	p.Date = d
	if p.Topic = t.field(c.topic); p.Topic == "" {
		return nil, t.errf(c.topic, "no topic")
	}
	st, ok := record.ParseStance(t.field(c.stance))
	if !ok {
		return nil, t.errf(c.stance, "unknown stance %q (expected supports, opposes or neutral)", t.field(c.stance))
	}
	p.Stance = st
	if p.Summary = t.field(c.summary); p.Summary == "" {
		return nil, t.errf(c.summary, "no summary")
	}
	if strings.ContainsAny(p.Summary, "\r\n") {
		return nil, t.errf(c.summary, "the summary must be one line")
	}
	p.Quote = t.field(c.quote)
	p.Source = t.field(c.source)
	return p, nil
}
