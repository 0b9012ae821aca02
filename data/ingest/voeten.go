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

// voetenReader gathers the roll calls of Voeten's votes.csv.
type voetenReader struct {
	file                                        string
	b                                           *Batch
	cID, cVote, cCode, cSess, cImp, cDate, cRes int
	cYear                                       int
	issueCols                                   []int
	byID                                        map[int]*rollCallBuilder
	ids                                         []int
	cow                                         map[string]string // Correlates of War code -> ISO3
}

// parseVoeten reads Voeten's votes.csv: one row per state and roll call,
// with codes 1 yes, 2 abstain, 3 no, 8 absent (kept as non-voting) and 9 not
// a member (no row), and Correlates of War country codes.
func parseVoeten(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	r := &voetenReader{file: file, b: b, byID: map[int]*rollCallBuilder{}, cow: map[string]string{}}
	b.Dataset = "Voeten, UN General Assembly voting data (Harvard Dataverse)"
	if _, err := eachRow(ctx, fsys, file, m, b, [][]string{{"rcid"}, {"vote"}, {"ccode"}}, r.setup); err != nil {
		return err
	}
	if len(r.ids) == 0 {
		return errorf(file, 0, 0, "no votes: the file has a header but no rows")
	}
	sort.Ints(r.ids)
	builders := make([]*rollCallBuilder, len(r.ids))
	for i, id := range r.ids {
		builders[i] = r.byID[id]
	}
	b.collect(builders)
	return nil
}

func (r *voetenReader) setup(t *table) (rowFunc, error) {
	r.cID, r.cVote, r.cCode, r.cSess, r.cImp, r.cDate, r.cRes = t.col("rcid"), t.col("vote"), t.col("ccode"), t.col("session"),
		t.col("importantvote"), t.col("date"), t.col("unres")
	r.cYear = t.col("year")
	r.issueCols = make([]int, len(voetenIssues))
	for i, is := range voetenIssues {
		r.issueCols[i] = t.col(is.col)
	}
	return r.row, nil
}

// row reads one state's vote on one roll call.
func (r *voetenReader) row(t *table) error {
	id, err := strconv.Atoi(t.field(r.cID))
	if err != nil || id <= 0 {
		return t.errf(r.cID, "bad roll-call id %q", t.field(r.cID))
	}
	raw := t.field(r.cVote)
	v, ok := record.ParseVote(raw)
	if !ok || (raw != "1" && raw != "2" && raw != "3" && raw != "8" && raw != "9") {
		return t.errf(r.cVote, "unknown vote code %q (expected 1, 2, 3, 8 or 9)", raw)
	}
	bl := r.byID[id]
	if bl == nil {
		rc, err := r.rollCall(t, id)
		if err != nil {
			return err
		}
		bl = newBuilder(rc)
		r.byID[id] = bl
		r.ids = append(r.ids, id)
	}
	if v == record.None {
		return nil // 9: not a member, no vote row
	}
	date := bl.rc.Date
	if date == "" {
		// An undated roll call (rcid 4592) still belongs to a session,
		// which tells which state held the Yugoslav seat.
		date = sessionMiddle(bl.rc.Session)
	}
	iso, err := r.country(t, date)
	if err != nil {
		return err
	}
	bl.add(r.b, r.file, t.line, iso, v)
	return nil
}

// rollCall describes the roll call of the row that first names it.
func (r *voetenReader) rollCall(t *table, id int) (*RollCall, error) {
	date, err := rowDate(t, r.cDate)
	if err != nil {
		return nil, err
	}
	rc := &RollCall{File: r.file, Line: t.line}
	rc.Body = record.GA
	rc.RCID = id
	rc.Date = date
	rc.Session = t.field(r.cSess)
	rc.Symbol = record.NormalizeSymbol(t.field(r.cRes))
	if truthy(t.field(r.cImp)) {
		rc.Flags |= record.Important
	}
	for i, c := range r.issueCols {
		if t.field(c) == "1" {
			rc.Topics = append(rc.Topics, voetenIssues[i].name)
		}
	}
	return rc, nil
}

// country resolves the row's Correlates of War code; 345 is Yugoslavia or
// its successors, by the date of the roll call.
func (r *voetenReader) country(t *table, date string) (string, error) {
	code := t.field(r.cCode)
	iso := r.cow[code]
	if iso == "" {
		n, err := strconv.Atoi(code)
		if err != nil {
			return "", t.errf(r.cCode, "bad country code %q", code)
		}
		c, ok := countries.ByCOW(n)
		if !ok {
			return "", t.errf(r.cCode, "unknown Correlates of War country code %d", n)
		}
		iso = c.ISO3
		r.cow[code] = iso
	}
	if code == "345" {
		// A roll call without a date still has a year, which tells whose
		// seat it was: the same seat the other datasets name.
		when := date
		if when == "" && r.cYear >= 0 {
			when = t.field(r.cYear)
		}
		iso = yugoslavia(when)
	}
	return iso, nil
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
