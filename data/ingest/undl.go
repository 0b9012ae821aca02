package ingest

import (
	"context"
	"io/fs"
	"strconv"
	"strings"

	"plenary/data/record"
)

// The UN Digital Library has renamed its columns between releases (plural in
// 2024, singular since; totals with and without a total_ prefix), so every
// column is found by any of its known names.
var (
	undlID       = []string{"undl_id", "record_id", "id"}
	undlCode     = []string{"ms_code", "ms_codes"}
	undlName     = []string{"ms_name", "ms_names"}
	undlVote     = []string{"ms_vote", "ms_votes"}
	undlRes      = []string{"resolution", "resolutions"}
	undlDate     = []string{"date"}
	undlSession  = []string{"session"}
	undlTitle    = []string{"title"}
	undlDescr    = []string{"description"}
	undlDraft    = []string{"draft"}
	undlMeeting  = []string{"meeting"}
	undlAgenda   = []string{"agenda_title", "agenda_titles", "agenda"}
	undlSubjects = []string{"subjects", "subject"}
	undlNote     = []string{"vote_note"}
	undlModality = []string{"modality"}
	undlPerm     = []string{"permanent_member"}
	undlLink     = []string{"undl_link", "link"}
	undlYes      = []string{"total_yes", "yes"}
	undlNo       = []string{"total_no", "no"}
	undlAbst     = []string{"total_abstentions", "abstentions", "total_abstain"}
	undlNV       = []string{"total_non_voting", "non_voting"}
	undlMS       = []string{"total_ms"}
)

// withoutVote reports whether a modality says, in so many words, that the
// text was adopted without a vote ("Adopted without a vote", "ADOPTED
// WITHOUT VOTE", "without a recorded vote"); the SC file then records
// every member as Y. Anything else is not read as a modality: a note such
// as "Adopted without reference to a Main Committee" sits beside a
// recorded vote.
func withoutVote(modality string) bool {
	words := strings.FieldsFunc(strings.ToLower(modality), func(r rune) bool {
		return !('a' <= r && r <= 'z')
	})
	s := " " + strings.Join(words, " ") + " "
	s = strings.Replace(s, " adopted ", " ", 1)
	s = strings.Replace(s, " a ", " ", 1)
	s = strings.Replace(s, " recorded ", " ", 1)
	return strings.TrimSpace(s) == "without vote"
}

// noVoteTotals reports whether published totals say no vote was taken:
// all of yes, no and abstentions are zero.
func noVoteTotals(p *record.Totals) bool {
	return p != nil && p.Yes == 0 && p.No == 0 && p.Abstain == 0
}

// undlCols are the positions of the columns of a Library file (-1 when
// absent).
type undlCols struct {
	id, descr, code, name, vote, res, date, session, title, draft, meeting, agenda, subjects, note, modality, perm, link, yes, no, abst, nv, ms int
}

func findUNDLCols(t *table) undlCols {
	return undlCols{
		t.col(undlID...), t.col(undlDescr...), t.col(undlCode...), t.col(undlName...), t.col(undlVote...), t.col(undlRes...), t.col(undlDate...),
		t.col(undlSession...), t.col(undlTitle...), t.col(undlDraft...), t.col(undlMeeting...), t.col(undlAgenda...),
		t.col(undlSubjects...), t.col(undlNote...), t.col(undlModality...), t.col(undlPerm...), t.col(undlLink...),
		t.col(undlYes...), t.col(undlNo...), t.col(undlAbst...), t.col(undlNV...), t.col(undlMS...),
	}
}

// undlReader gathers the roll calls of a Library file, one row per country
// and roll call, keyed by record id (or symbol when there is none).
type undlReader struct {
	file     string
	b        *Batch
	c        undlCols
	sc       bool // the Security Council's file, with a permanent_member column
	res      *resolver
	builders map[string]*rollCallBuilder
	order    []string
	allYes   map[string]bool
	// members is each roll call's total_ms: how many member states the
	// Library counts for it, against which the rows listed are checked.
	members map[string]int
}

func parseUNDL(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	r := &undlReader{file: file, b: b, res: newResolver(), builders: map[string]*rollCallBuilder{}, allYes: map[string]bool{}, members: map[string]int{}}
	b.Dataset = "UN Digital Library voting data " + shortName(file)
	if _, err := eachRow(ctx, fsys, file, m, b, [][]string{undlVote, undlRes, undlDate}, r.setup); err != nil {
		return err
	}
	return r.finish()
}

func (r *undlReader) setup(t *table) (rowFunc, error) {
	if t.col(undlCode...) < 0 && t.col(undlName...) < 0 {
		return nil, errorf(r.file, 1, 0, "missing column %q or %q", "ms_code", "ms_name")
	}
	r.c = findUNDLCols(t)
	r.sc = r.c.perm >= 0
	return r.row, nil
}

// row reads one country's vote on one roll call.
func (r *undlReader) row(t *table) error {
	c := &r.c
	sym := record.NormalizeSymbol(t.field(c.res))
	key := t.field(c.id)
	if key == "" {
		key = sym
	}
	if key == "" {
		return t.errf(c.res, "no resolution symbol and no record id")
	}
	v, ok := record.ParseVote(t.field(c.vote))
	if !ok {
		return t.errf(c.vote, "unknown vote code %q (expected Y, N, A, X, NV or blank)", t.field(c.vote))
	}
	iso, err := r.country(t)
	if err != nil {
		return err
	}
	bl := r.builders[key]
	if bl == nil {
		rc, err := r.rollCall(t, sym)
		if err != nil {
			return err
		}
		bl = newBuilder(rc)
		r.builders[key] = bl
		r.order = append(r.order, key)
		r.allYes[key] = true
		if n, known, err := parseCount(t.field(c.ms)); err != nil {
			return t.errf(c.ms, "%v", err)
		} else if known {
			r.members[key] = n
		}
	}
	if v != record.Yes {
		r.allYes[key] = false
	}
	bl.add(r.b, r.file, t.line, iso, v)
	return nil
}

// country resolves the row's country by code, or by name when the file
// has no code.
func (r *undlReader) country(t *table) (string, error) {
	if code := t.field(r.c.code); code != "" {
		iso, ok := r.res.code(code)
		if !ok {
			return "", t.errf(r.c.code, "unknown country code %q", code)
		}
		if r.c.name >= 0 {
			if err := sameState(t, r.res, iso, r.c.code, r.c.name); err != nil {
				return "", err
			}
		}
		return iso, nil
	}
	name := t.field(r.c.name)
	iso, ok := r.res.name(name)
	if !ok {
		return "", t.errf(r.c.name, "unknown country %q", name)
	}
	return iso, nil
}

// rollCall describes the roll call of the row that first names it.
func (r *undlReader) rollCall(t *table, sym string) (*RollCall, error) {
	c := &r.c
	date, err := rowDate(t, c.date)
	if err != nil {
		return nil, err
	}
	rc := &RollCall{File: r.file, Line: t.line}
	rc.Body = record.GA
	if r.sc || strings.HasPrefix(sym, "S/") {
		rc.Body = record.SC
	}
	rc.Symbol = sym
	rc.Date = date
	rc.Session = t.field(c.session)
	rc.Title = cleanTitle(t.field(c.title))
	agenda := t.field(c.agenda)
	if rc.Title == "" {
		// The SC file has no title: its agenda item names the subject
		// ("Maintenance of peace and security of Ukraine").
		rc.Title, agenda = agenda, ""
	}
	rc.Draft = t.field(c.draft)
	rc.Meeting = t.field(c.meeting)
	rc.Link = t.field(c.link)
	if id, err := strconv.Atoi(t.field(c.id)); err == nil && id > 0 {
		rc.UNDLID = id
		if rc.Link == "" {
			rc.Link = "https://digitallibrary.un.org/record/" + t.field(c.id)
		}
	}
	if agenda != "" {
		rc.Topics = append(rc.Topics, agenda)
	}
	rc.Topics = append(rc.Topics, splitTopics(t.field(c.subjects))...)
	rc.Description = strings.TrimSpace(strings.Join([]string{t.field(c.descr), t.field(c.note)}, " "))
	if rc.Published, err = publishedTotals(t, c.yes, c.no, c.abst, c.nv); err != nil {
		return nil, err
	}
	if withoutVote(t.field(c.modality)) || noVoteTotals(rc.Published) {
		rc.Flags |= record.WithoutVote
	}
	return rc, nil
}

// finish hands the roll calls to the batch in the order of the file.
func (r *undlReader) finish() error {
	if len(r.order) == 0 {
		return errorf(r.file, 0, 0, "no votes: the file has a header but no rows")
	}
	all := make([]*rollCallBuilder, len(r.order))
	for i, k := range r.order {
		all[i] = r.builders[k]
		rc := all[i].rc
		if rc.Body == record.SC && r.allYes[k] && !rc.Flags.Has(record.WithoutVote) && rc.Published == nil {
			// The SC file records a text adopted without a vote as all Y; with
			// no modality to tell, the roll call is at least marked unanimous
			// in its description so that the user sees why.
			if rc.Description == "" {
				rc.Description = "all members recorded as Y (unanimous, or adopted without a vote)"
			}
		}
	}
	r.b.collect(all)
	for i, k := range r.order {
		rc := all[i].rc
		if n, ok := r.members[k]; ok && len(rc.Votes) != n {
			r.b.warn(rc.File, rc.Line, "%s: %d member states listed, total_ms says %d", rc.Label(), len(rc.Votes), n)
		}
	}
	return nil
}

// cleanTitle drops the Library's catalogue suffix " : resolution / adopted
// by the General Assembly".
func cleanTitle(s string) string {
	if i := strings.Index(s, " : resolution /"); i > 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// rowDate reads the date column of the current record: empty is allowed (a
// warning later, where the roll call is stored), a malformed date is not.
func rowDate(t *table, col int) (string, error) {
	raw := t.field(col)
	if raw == "" {
		return "", nil
	}
	d, err := parseDate(raw)
	if err != nil {
		return "", t.errf(col, "%v", err)
	}
	return d, nil
}

// publishedTotals reads the official totals of a record; nil when the file
// has none.
func publishedTotals(t *table, yes, no, abst, nv int) (*record.Totals, error) {
	if yes < 0 || no < 0 || abst < 0 {
		return nil, nil
	}
	var p record.Totals
	var known bool
	for _, f := range []struct {
		col int
		dst *int
	}{{yes, &p.Yes}, {no, &p.No}, {abst, &p.Abstain}, {nv, &p.NonVoting}} {
		if f.col < 0 {
			continue
		}
		n, k, err := parseCount(t.field(f.col))
		if err != nil {
			return nil, t.errf(f.col, "%v", err)
		}
		*f.dst = n
		known = known || k
	}
	if !known {
		return nil, nil
	}
	return &p, nil
}
