package ingest

import (
	"context"
	"io/fs"
	"sort"
	"strconv"

	"plenary/data/countries"
	"plenary/data/record"
)

// voetenIssues are the issue columns of Voeten's data and their names.
var voetenIssues = []struct{ col, name string }{
	{"me", "Palestinian conflict"},
	{"nu", "Nuclear weapons and nuclear material"},
	{"di", "Arms control and disarmament"},
	{"hr", "Human rights"},
	{"co", "Colonialism"},
	{"ec", "Economic development"},
}

// parseVoeten reads Voeten's votes.csv: one row per state and roll call,
// with codes 1 yes, 2 abstain, 3 no, 8 absent (kept as non-voting) and 9 not
// a member (no row), and Correlates of War country codes.
func parseVoeten(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	t, done, err := open(ctx, fsys, file, m)
	if err != nil {
		return err
	}
	defer done()
	if err := t.require([]string{"rcid"}, []string{"vote"}, []string{"ccode"}); err != nil {
		return err
	}
	cID, cVote, cCode, cSess, cImp, cDate, cRes := t.col("rcid"), t.col("vote"), t.col("ccode"), t.col("session"),
		t.col("importantvote"), t.col("date"), t.col("unres")
	cYear := t.col("year")
	issueCols := make([]int, len(voetenIssues))
	for i, is := range voetenIssues {
		issueCols[i] = t.col(is.col)
	}
	b.Dataset = "Voeten, UN General Assembly voting data (Harvard Dataverse)"
	byID := map[int]*rollCallBuilder{}
	var ids []int
	cow := map[string]string{}
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
		id, err := strconv.Atoi(t.field(cID))
		if err != nil || id <= 0 {
			return t.errf(cID, "bad roll-call id %q", t.field(cID))
		}
		raw := t.field(cVote)
		v, ok := record.ParseVote(raw)
		if !ok || (raw != "1" && raw != "2" && raw != "3" && raw != "8" && raw != "9") {
			return t.errf(cVote, "unknown vote code %q (expected 1, 2, 3, 8 or 9)", raw)
		}
		bl := byID[id]
		if bl == nil {
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
			if truthy(t.field(cImp)) {
				rc.Flags |= record.Important
			}
			for i, c := range issueCols {
				if t.field(c) == "1" {
					rc.Topics = append(rc.Topics, voetenIssues[i].name)
				}
			}
			bl = newBuilder(rc)
			byID[id] = bl
			ids = append(ids, id)
		}
		if v == record.None {
			continue // 9: not a member, no vote row
		}
		code := t.field(cCode)
		iso := cow[code]
		if iso == "" {
			n, err := strconv.Atoi(code)
			if err != nil {
				return t.errf(cCode, "bad country code %q", code)
			}
			c, ok := countries.ByCOW(n)
			if !ok {
				return t.errf(cCode, "unknown Correlates of War country code %d", n)
			}
			iso = c.ISO3
			cow[code] = iso
		}
		if code == "345" {
			// A roll call without a date still has a year, which tells
			// whose seat it was: the same seat the other datasets name.
			when := bl.rc.Date
			if when == "" && cYear >= 0 {
				when = t.field(cYear)
			}
			iso = yugoslavia(when)
		}
		bl.add(b, file, t.line, iso, v)
	}
	if len(ids) == 0 {
		return errorf(file, 0, 0, "no votes: the file has a header but no rows")
	}
	sort.Ints(ids)
	builders := make([]*rollCallBuilder, len(ids))
	for i, id := range ids {
		builders[i] = byID[id]
	}
	b.collect(builders)
	return nil
}

// iso2 resolves a two-letter code, including the withdrawn codes of
// historical states the datasets use.
func iso2(code string) (string, bool) {
	c, ok := countries.ByISO2(code)
	if !ok {
		return "", false
	}
	return c.ISO3, true
}
