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
)

// withoutVote reports whether a modality or note says the text was adopted
// without a vote; the SC file then records every member as Y.
func withoutVote(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "without") || strings.Contains(s, "consensus") || strings.Contains(s, "acclamation")
}

func parseUNDL(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	t, done, err := open(ctx, fsys, file, m)
	if err != nil {
		return err
	}
	defer done()
	if err := t.require(undlVote, undlRes, undlDate); err != nil {
		return err
	}
	if t.col(undlCode...) < 0 && t.col(undlName...) < 0 {
		return errorf(file, 1, 0, "missing column %q or %q", "ms_code", "ms_name")
	}
	c := struct{ id, descr, code, name, vote, res, date, session, title, draft, meeting, agenda, subjects, note, modality, perm, link, yes, no, abst, nv int }{
		t.col(undlID...), t.col(undlDescr...), t.col(undlCode...), t.col(undlName...), t.col(undlVote...), t.col(undlRes...), t.col(undlDate...),
		t.col(undlSession...), t.col(undlTitle...), t.col(undlDraft...), t.col(undlMeeting...), t.col(undlAgenda...),
		t.col(undlSubjects...), t.col(undlNote...), t.col(undlModality...), t.col(undlPerm...), t.col(undlLink...),
		t.col(undlYes...), t.col(undlNo...), t.col(undlAbst...), t.col(undlNV...),
	}
	sc := c.perm >= 0
	b.Dataset = "UN Digital Library voting data " + shortName(file)
	res := newResolver()
	builders := map[string]*rollCallBuilder{}
	var order []string
	allYes := map[string]bool{}
	for {
		ok, err := t.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		b.Rows++
		m.rows.Add(1)
		if err := checkCtx(ctx, b.Rows); err != nil {
			return err
		}
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
		var iso string
		if code := t.field(c.code); code != "" {
			iso, ok = res.code(code)
			if !ok {
				return t.errf(c.code, "unknown country code %q", code)
			}
		} else {
			name := t.field(c.name)
			iso, ok = res.name(name)
			if !ok {
				return t.errf(c.name, "unknown country %q", name)
			}
		}
		bl := builders[key]
		if bl == nil {
			date, err := rowDate(t, c.date)
			if err != nil {
				return err
			}
			rc := &RollCall{File: file, Line: t.line}
			rc.Body = record.GA
			if sc || strings.HasPrefix(sym, "S/") {
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
			if withoutVote(t.field(c.modality)) || withoutVote(t.field(c.note)) {
				rc.Flags |= record.WithoutVote
			}
			rc.Description = strings.TrimSpace(strings.Join([]string{t.field(c.descr), t.field(c.note)}, " "))
			if p, err := publishedTotals(t, c.yes, c.no, c.abst, c.nv); err != nil {
				return err
			} else {
				rc.Published = p
			}
			bl = newBuilder(rc)
			builders[key] = bl
			order = append(order, key)
			allYes[key] = true
		}
		if v != record.Yes {
			allYes[key] = false
		}
		bl.add(b, file, t.line, iso, v)
	}
	if len(order) == 0 {
		return errorf(file, 0, 0, "no votes: the file has a header but no rows")
	}
	all := make([]*rollCallBuilder, len(order))
	for i, k := range order {
		all[i] = builders[k]
		rc := all[i].rc
		if rc.Body == record.SC && allYes[k] && !rc.Flags.Has(record.WithoutVote) && rc.Published == nil {
			// The SC file records a text adopted without a vote as all Y; with
			// no modality to tell, the roll call is at least marked unanimous
			// in its description so that the user sees why.
			if rc.Description == "" {
				rc.Description = "all members recorded as Y (unanimous, or adopted without a vote)"
			}
		}
	}
	b.collect(all)
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
	d, ok := parseDate(raw)
	if !ok {
		return "", t.errf(col, "bad date %q (expected YYYY-MM-DD)", raw)
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
