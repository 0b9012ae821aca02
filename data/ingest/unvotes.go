package ingest

import (
	"context"
	"io/fs"
	"sort"
	"strconv"

	"plenary/data/record"
)

// parseUnvotes reads the unvotes package's tables: roll_calls.csv first (so
// that each vote can be dated and checked against a known roll call), then
// votes.csv, then issues.csv for topics. The roll calls come in the order
// of votes.csv, which is by date.
func parseUnvotes(ctx context.Context, fsys fs.FS, files []string, m *Meter, b *Batch) error {
	b.Dataset = "unvotes (Voeten, Harvard Dataverse)"
	byID := map[int]*rollCallBuilder{}
	var ids []int
	if err := readUnvotesRollCalls(ctx, fsys, files[0], m, b, byID, &ids); err != nil {
		return err
	}
	if err := readUnvotesVotes(ctx, fsys, files[1], m, b, byID); err != nil {
		return err
	}
	if len(files) > 2 {
		if err := readUnvotesIssues(ctx, fsys, files[2], m, b, byID); err != nil {
			return err
		}
	}
	sort.Ints(ids)
	builders := make([]*rollCallBuilder, len(ids))
	for i, id := range ids {
		builders[i] = byID[id]
		if !builders[i].voted {
			b.warn(builders[i].rc.File, builders[i].rc.Line, "roll call %d has no votes in %s", id, files[1])
		}
	}
	b.collect(builders)
	return nil
}

func readUnvotesRollCalls(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch, byID map[int]*rollCallBuilder, ids *[]int) error {
	setup := func(t *table) (rowFunc, error) {
		c := unvotesRollCallCols{t.col("rcid"), t.col("session"), t.col("importantvote"), t.col("date"), t.col("unres"),
			t.col("amend"), t.col("para"), t.col("short"), t.col("descr")}
		return func(t *table) error {
			rc, err := c.rollCall(t, byID)
			if err != nil {
				return err
			}
			byID[rc.RCID] = newBuilder(rc)
			*ids = append(*ids, rc.RCID)
			return nil
		}, nil
	}
	if _, err := eachRow(ctx, fsys, file, m, b, [][]string{{"rcid"}, {"session"}, {"date"}, {"unres"}}, setup); err != nil {
		return err
	}
	if len(*ids) == 0 {
		return errorf(file, 0, 0, "no roll calls: the file has a header but no rows")
	}
	return nil
}

// unvotesRollCallCols are the columns of the unvotes roll_calls.csv.
type unvotesRollCallCols struct{ id, session, important, date, res, amend, para, short, descr int }

// rollCall reads the roll call of the current record; one already in byID
// is an error.
func (c unvotesRollCallCols) rollCall(t *table, byID map[int]*rollCallBuilder) (*RollCall, error) {
	id, err := strconv.Atoi(t.field(c.id))
	if err != nil || id <= 0 {
		return nil, t.errf(c.id, "bad roll-call id %q", t.field(c.id))
	}
	if prev, dup := byID[id]; dup {
		return nil, t.errf(c.id, "roll call %d is listed twice (also line %d)", id, prev.rc.Line)
	}
	date, err := rowDate(t, c.date)
	if err != nil {
		return nil, err
	}
	rc := &RollCall{File: t.file, Line: t.line}
	rc.Body = record.GA
	rc.RCID = id
	rc.Date = date
	rc.Session = t.field(c.session)
	rc.Symbol = record.NormalizeSymbol(t.field(c.res))
	rc.Title = t.field(c.short)
	rc.Description = t.field(c.descr)
	if truthy(t.field(c.important)) {
		rc.Flags |= record.Important
	}
	if truthy(t.field(c.amend)) {
		rc.Flags |= record.Amendment
	}
	if truthy(t.field(c.para)) {
		rc.Flags |= record.Paragraph
	}
	return rc, nil
}

func readUnvotesVotes(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch, byID map[int]*rollCallBuilder) error {
	res := newResolver()
	codes := map[string]string{} // ISO2 -> ISO3, with the dataset's conventions
	setup := func(t *table) (rowFunc, error) {
		cID, cName, cCode, cVote := t.col("rcid"), t.col("country"), t.col("country_code"), t.col("vote")
		return func(t *table) error {
			id, err := strconv.Atoi(t.field(cID))
			if err != nil {
				return t.errf(cID, "bad roll-call id %q", t.field(cID))
			}
			bl := byID[id]
			if bl == nil {
				return t.errf(cID, "roll call %d is not in roll_calls.csv", id)
			}
			v, ok := record.ParseVote(t.field(cVote))
			if !ok || v == record.None {
				return t.errf(cVote, "unknown vote %q (expected yes, no or abstain)", t.field(cVote))
			}
			iso, err := unvotesCountry(t, res, codes, cName, cCode, bl.rc.Date)
			if err != nil {
				return err
			}
			bl.add(b, file, t.line, iso, v)
			return nil
		}, nil
	}
	rows, err := eachRow(ctx, fsys, file, m, b, [][]string{{"rcid"}, {"country"}, {"country_code"}, {"vote"}}, setup)
	if err != nil {
		return err
	}
	if rows == 0 {
		return errorf(file, 0, 0, "no votes: the file has a header but no rows")
	}
	return nil
}

// unvotesCountry resolves a row's ISO2 code (YU by the date of the roll
// call), or its name when the code is blank. "NA" is Namibia here, never a
// missing value.
func unvotesCountry(t *table, res *resolver, codes map[string]string, cName, cCode int, date string) (string, error) {
	code := t.field(cCode)
	switch code {
	case "YU":
		return yugoslavia(date), nil
	case "":
		name := t.field(cName)
		iso, ok := res.name(name)
		if !ok {
			return "", t.errf(cName, "unknown country %q (it has no country code)", name)
		}
		return iso, nil
	}
	if iso := codes[code]; iso != "" {
		return iso, nil
	}
	iso, ok := iso2(code)
	if !ok {
		return "", t.errf(cCode, "unknown country code %q", code)
	}
	codes[code] = iso
	return iso, nil
}

func readUnvotesIssues(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch, byID map[int]*rollCallBuilder) error {
	setup := func(t *table) (rowFunc, error) {
		cID, cIssue := t.col("rcid"), t.col("issue")
		return func(t *table) error {
			id, err := strconv.Atoi(t.field(cID))
			if err != nil {
				return t.errf(cID, "bad roll-call id %q", t.field(cID))
			}
			bl := byID[id]
			if bl == nil {
				b.warn(file, t.line, "issue for roll call %d, which is not in roll_calls.csv", id)
				return nil
			}
			if is := t.field(cIssue); is != "" {
				bl.rc.Topics = append(bl.rc.Topics, is)
			}
			return nil
		}, nil
	}
	_, err := eachRow(ctx, fsys, file, m, b, [][]string{{"rcid"}, {"issue"}}, setup)
	return err
}
