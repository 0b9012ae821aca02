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
	t, done, err := open(ctx, fsys, file, m)
	if err != nil {
		return err
	}
	defer done()
	if err := t.require([]string{"rcid"}, []string{"session"}, []string{"date"}, []string{"unres"}); err != nil {
		return err
	}
	cID, cSess, cImp, cDate, cRes, cAmend, cPara, cShort, cDescr := t.col("rcid"), t.col("session"), t.col("importantvote"),
		t.col("date"), t.col("unres"), t.col("amend"), t.col("para"), t.col("short"), t.col("descr")
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
		id, err := strconv.Atoi(t.field(cID))
		if err != nil || id <= 0 {
			return t.errf(cID, "bad roll-call id %q", t.field(cID))
		}
		if prev, dup := byID[id]; dup {
			return t.errf(cID, "roll call %d is listed twice (also line %d)", id, prev.rc.Line)
		}
		date, err := rowDate(t, cDate)
		if err != nil {
			return err
		}
		rc := &RollCall{File: file, Line: t.line}
		rc.Body = record.GA
		rc.RCID = id
		rc.Date = date
		rc.Session = t.field(cSess)
		rc.Symbol = record.NormalizeSymbol(t.field(cRes))
		rc.Title = t.field(cShort)
		rc.Description = t.field(cDescr)
		if truthy(t.field(cImp)) {
			rc.Flags |= record.Important
		}
		if truthy(t.field(cAmend)) {
			rc.Flags |= record.Amendment
		}
		if truthy(t.field(cPara)) {
			rc.Flags |= record.Paragraph
		}
		byID[id] = newBuilder(rc)
		*ids = append(*ids, id)
	}
	if len(*ids) == 0 {
		return errorf(file, 0, 0, "no roll calls: the file has a header but no rows")
	}
	return nil
}

func readUnvotesVotes(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch, byID map[int]*rollCallBuilder) error {
	t, done, err := open(ctx, fsys, file, m)
	if err != nil {
		return err
	}
	defer done()
	if err := t.require([]string{"rcid"}, []string{"country"}, []string{"country_code"}, []string{"vote"}); err != nil {
		return err
	}
	cID, cName, cCode, cVote := t.col("rcid"), t.col("country"), t.col("country_code"), t.col("vote")
	res := newResolver()
	codes := map[string]string{} // ISO2 -> ISO3, with the dataset's conventions
	rows := 0
	for {
		ok, err := t.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		rows++
		b.Rows++
		m.rows.Add(1)
		if err := checkCtx(ctx, b.Rows); err != nil {
			return err
		}
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
		code := t.field(cCode)
		var iso string
		switch code {
		case "YU":
			iso = yugoslavia(bl.rc.Date)
		case "":
			name := t.field(cName)
			if iso, ok = res.name(name); !ok {
				return t.errf(cName, "unknown country %q (it has no country code)", name)
			}
		default:
			// ISO2 codes: "NA" is Namibia here, never a missing value.
			if iso = codes[code]; iso == "" {
				iso, ok = iso2(code)
				if !ok {
					return t.errf(cCode, "unknown country code %q", code)
				}
				codes[code] = iso
			}
		}
		bl.add(b, file, t.line, iso, v)
	}
	if rows == 0 {
		return errorf(file, 0, 0, "no votes: the file has a header but no rows")
	}
	return nil
}

func readUnvotesIssues(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch, byID map[int]*rollCallBuilder) error {
	t, done, err := open(ctx, fsys, file, m)
	if err != nil {
		return err
	}
	defer done()
	if err := t.require([]string{"rcid"}, []string{"issue"}); err != nil {
		return err
	}
	cID, cIssue := t.col("rcid"), t.col("issue")
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
		id, err := strconv.Atoi(t.field(cID))
		if err != nil {
			return t.errf(cID, "bad roll-call id %q", t.field(cID))
		}
		bl := byID[id]
		if bl == nil {
			b.warn(file, t.line, "issue for roll call %d, which is not in roll_calls.csv", id)
			continue
		}
		if is := t.field(cIssue); is != "" {
			bl.rc.Topics = append(bl.rc.Topics, is)
		}
	}
	return nil
}
