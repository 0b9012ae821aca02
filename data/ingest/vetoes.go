package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"plenary/data/countries"
	"plenary/data/record"
)

// Veto is a veto read from a file.
type Veto struct {
	record.Veto
	// Seq tells apart the vetoes a list gives the same day, draft and
	// agenda item (two drafts vetoed at one meeting of 1946 are both
	// listed as S/PV.49): the first is 1, the next 2.
	Seq  int
	File string
	Line int
}

// sovietEnd is the day the Russian Federation took the Soviet Union's
// seat: vetoes before it are the USSR's (SUN), vetoes from it Russia's.
const sovietEnd = "1991-12-24"

// The columns of a list of vetoes (the Dag Hammarskjöld Library's list as
// the World Politics Datalab published it). The vetoing members are in
// member_veto1, member_veto2, … ; the one-column-per-member flags, where
// present, are only checked against them.
var (
	vetoDate    = []string{"date"}
	vetoDraft   = []string{"draft", "draft_symbol"}
	vetoMember1 = []string{"member_veto1", "vetoed_by", "member_veto"}
	vetoMeeting = []string{"meeting_record", "meeting"}
	vetoAgenda  = []string{"agenda_item", "agenda"}
	vetoTopic   = []string{"crisis_topic", "topic"}
	vetoRegion  = []string{"region"}
	vetoYear    = []string{"year"}
)

// vetoFlags are the flag columns of the veto list, by the member each
// stands for.
var vetoFlags = []struct{ col, name string }{
	{"china", "China"}, {"france", "France"}, {"russia", "Russia"}, {"ussr", "USSR"}, {"usa", "USA"}, {"uk", "UK"},
}

// permanentCode reads a permanent member as a veto list names it. The
// Soviet Union and the Russian Federation are told apart by name, and each
// must fall in its own years; China is CHN throughout, as the lists have it
// (the Republic of China held the seat until 1971), unless the file names
// the Republic of China.
func permanentCode(s, date string, year int) (string, error) {
	var iso string
	switch strings.ToUpper(strings.Join(strings.Fields(s), " ")) {
	case "USSR", "U.S.S.R.", "SUN", "SOVIET UNION", "UNION OF SOVIET SOCIALIST REPUBLICS":
		iso = "SUN"
	case "RUSSIA", "RUSIA", "RUS", "RUSSIAN FEDERATION":
		iso = "RUS"
	case "CHINA", "CHN", "PEOPLE'S REPUBLIC OF CHINA", "PRC":
		iso = "CHN"
	case "REPUBLIC OF CHINA", "TWN":
		iso = "TWN"
	case "FRANCE", "FRA":
		iso = "FRA"
	case "UK", "GBR", "UNITED KINGDOM", "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND":
		iso = "GBR"
	case "USA", "US", "U.S.", "UNITED STATES", "UNITED STATES OF AMERICA":
		iso = "USA"
	default:
		if code, ok := countries.Lookup(s); ok {
			return "", fmt.Errorf("%s (%s) is not a permanent member of the Security Council, and only they can veto", s, code)
		}
		return "", fmt.Errorf("unknown member %q (expected China, France, Russia, USSR, UK or USA)", s)
	}
	before := func(d string) bool {
		if date != "" {
			return date < d
		}
		return year < atoiOr(d[:4], 0)
	}
	switch {
	case iso == "SUN" && date != "" && !before(sovietEnd):
		return "", fmt.Errorf("a veto of the USSR dated %s, after the Russian Federation took its seat on %s", date, sovietEnd)
	case iso == "RUS" && date != "" && before(sovietEnd):
		return "", fmt.Errorf("a veto of Russia dated %s, before it took the Soviet Union's seat on %s (write USSR)", date, sovietEnd)
	case iso == "TWN" && !before("1971-10-25"):
		return "", fmt.Errorf("a veto of the Republic of China in %s, after the People's Republic took China's seat on 1971-10-25", yearOr(date, year))
	}
	return iso, nil
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}

func yearOr(date string, year int) string {
	if date != "" {
		return date
	}
	return strconv.Itoa(year)
}

// oneLine folds the line breaks and runs of spaces a scraped cell holds.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// parseVetoes reads a list of vetoes: one row per vetoed draft, with its
// date, draft, agenda item and vetoing members. It holds no member votes,
// so it adds no roll call: the vetoes are kept as they are listed.
func parseVetoes(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	b.Dataset = "UN Security Council vetoes (Dag Hammarskjöld Library list, World Politics Datalab)"
	seen := map[string]int{}
	var members []int
	var flags []int
	var c struct{ date, draft, meeting, agenda, topic, region, year int }
	setup := func(t *table) (rowFunc, error) {
		c.date, c.draft, c.meeting, c.agenda = t.col(vetoDate...), t.col(vetoDraft...), t.col(vetoMeeting...), t.col(vetoAgenda...)
		c.topic, c.region, c.year = t.col(vetoTopic...), t.col(vetoRegion...), t.col(vetoYear...)
		members = append(members, t.col(vetoMember1...))
		for n := 2; ; n++ {
			i := t.col("member_veto" + strconv.Itoa(n))
			if i < 0 {
				break
			}
			members = append(members, i)
		}
		flags = make([]int, len(vetoFlags))
		for i, f := range vetoFlags {
			flags[i] = t.col(f.col)
		}
		return func(t *table) error {
			v, err := vetoOfRow(t, c.date, c.draft, c.year, members)
			if err != nil {
				return err
			}
			v.Meeting, v.Agenda = oneLine(t.field(c.meeting)), oneLine(t.field(c.agenda))
			v.Topic, v.Region = oneLine(t.field(c.topic)), oneLine(t.field(c.region))
			key := v.Date + "|" + v.Draft + "|" + v.Agenda
			seen[key]++
			v.Seq = seen[key]
			checkVetoFlags(b, t, v, flags)
			b.Vetoes = append(b.Vetoes, v)
			return nil
		}, nil
	}
	_, err := eachRow(ctx, fsys, file, m, b, [][]string{vetoDate, vetoDraft, vetoMember1}, setup)
	return err
}

// vetoOfRow reads the date, draft and vetoing members of a row.
func vetoOfRow(t *table, cDate, cDraft, cYear int, members []int) (*Veto, error) {
	v := &Veto{File: t.file, Line: t.line}
	date, err := parseDate(t.field(cDate))
	if err != nil {
		return nil, t.errf(cDate, "%v", err)
	}
	v.Date, v.Year = date, atoiOr(date[:4], 0)
	if y := t.field(cYear); cYear >= 0 && y != "" && y != date[:4] {
		return nil, t.errf(cYear, "year %s but the date is %s", y, date)
	}
	if v.Draft = oneLine(t.field(cDraft)); v.Draft == "" {
		return nil, t.errf(cDraft, "no draft symbol")
	}
	for _, col := range members {
		s := t.field(col)
		if s == "" {
			continue
		}
		iso, err := permanentCode(s, date, v.Year)
		if err != nil {
			return nil, t.errf(col, "%v", err)
		}
		if slices.Contains(v.Members, iso) {
			return nil, t.errf(col, "%s is named twice as vetoing %s", s, v.Draft)
		}
		v.Members = append(v.Members, iso)
	}
	if len(v.Members) == 0 {
		return nil, t.errf(members[0], "no vetoing member for %s", v.Draft)
	}
	return v, nil
}

// checkVetoFlags warns when the one-column-per-member flags of a row name
// other members than its member columns. The list as published has such
// rows (the flags leave out France in the triple vetoes of 1976–1981); the
// member columns, which are the Library's list, are kept.
func checkVetoFlags(b *Batch, t *table, v *Veto, flags []int) {
	var flagged []string
	present := false
	for i, f := range vetoFlags {
		if flags[i] < 0 {
			continue
		}
		present = true
		if truthy(t.field(flags[i])) {
			flagged = append(flagged, f.name)
		}
	}
	if !present {
		return
	}
	var named []string
	for _, iso := range v.Members {
		named = append(named, vetoName(iso))
	}
	a, bb := slices.Clone(flagged), slices.Clone(named)
	slices.Sort(a)
	slices.Sort(bb)
	if !slices.Equal(a, bb) {
		b.warn(t.file, t.line, "%s (%s): the flag columns name %s but the member columns %s; the member columns are kept",
			v.Draft, v.Date, orNone(flagged), orNone(named))
	}
}

// vetoName is the name a veto list's flag column gives a member.
func vetoName(iso string) string {
	switch iso {
	case "SUN":
		return "USSR"
	case "RUS":
		return "Russia"
	case "CHN", "TWN":
		return "China"
	case "GBR":
		return "UK"
	case "FRA":
		return "France"
	}
	return iso
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// The columns of a table of member votes on failed drafts (one row per
// member and draft, numbered by draft_seq).
var (
	failedSeq       = []string{"draft_seq"}
	failedYear      = []string{"year"}
	failedVotingOn  = []string{"voting_on"}
	failedMeeting   = []string{"meeting_number", "meeting"}
	failedSubmitter = []string{"submitted_by"}
	failedNote      = []string{"note"}
	failedFor       = []string{"source_tally_for"}
	failedAgainst   = []string{"source_tally_against"}
	failedAbstain   = []string{"source_tally_abstain"}
)

// affirmative is how many yes votes a Council draft needed: seven of
// eleven members until the enlargement of 1966, nine of fifteen since
// (Article 27 of the Charter).
func affirmative(year int) int {
	if year < 1966 {
		return 7
	}
	return 9
}

// parseFailedDrafts reads the member votes on Security Council drafts that
// were not adopted. Each draft becomes a Council roll call flagged as not
// adopted; a draft that had the votes it needed and failed on a permanent
// member's no was vetoed, and that veto is kept too, with the member that
// cast it. The file gives the year of each vote, not the day, so the roll
// calls are undated.
func parseFailedDrafts(ctx context.Context, fsys fs.FS, file string, m *Meter, b *Batch) error {
	b.Dataset = "Security Council failed drafts (member votes from the S/PV records)"
	res := newResolver()
	bySeq := map[string]*rollCallBuilder{}
	year := map[*RollCall]int{}
	seqOf := map[*RollCall]string{}
	var order []*rollCallBuilder
	var c struct{ seq, year, on, meeting, by, note, yes, no, abst, country, name, vote int }
	setup := func(t *table) (rowFunc, error) {
		c.seq, c.year, c.on, c.meeting = t.col(failedSeq...), t.col(failedYear...), t.col(failedVotingOn...), t.col(failedMeeting...)
		c.by, c.note, c.yes, c.no, c.abst = t.col(failedSubmitter...), t.col(failedNote...), t.col(failedFor...), t.col(failedAgainst...), t.col(failedAbstain...)
		c.country, c.name, c.vote = t.col(plenaryCountry...), t.col(plenaryNames...), t.col(plenaryVote...)
		if c.country < 0 && c.name < 0 {
			return nil, errorf(file, 1, 0, "missing column %q or %q", "country_iso3", "country_name")
		}
		return func(t *table) error {
			n, err := strconv.Atoi(t.field(c.seq))
			if err != nil || n < 1 {
				return t.errf(c.seq, "draft_seq %q is not a positive number", t.field(c.seq))
			}
			seq := strconv.Itoa(n)
			v, ok := record.ParseVote(t.field(c.vote))
			if !ok || v == record.None {
				return t.errf(c.vote, "unknown vote code %q (expected Y, N, A or X)", t.field(c.vote))
			}
			iso, err := plenaryCountryOf(t, res, c.country, c.name)
			if err != nil {
				return err
			}
			bl := bySeq[seq]
			if bl == nil {
				rc, y, err := failedRollCall(t, c.seq, c.year, c.on, c.meeting, c.by, c.note, c.yes, c.no, c.abst)
				if err != nil {
					return err
				}
				bl = newBuilder(rc)
				bySeq[seq] = bl
				year[rc], seqOf[rc] = y, seq
				order = append(order, bl)
			} else if y := t.field(c.year); y != strconv.Itoa(year[bl.rc]) {
				return t.errf(c.year, "draft %s: year %s, but line %d says %d", seq, y, bl.rc.Line, year[bl.rc])
			} else if on := oneLine(t.field(c.on)); on != bl.rc.Title {
				return t.errf(c.on, "draft %s: voting on %q, but line %d says %q", seq, on, bl.rc.Line, bl.rc.Title)
			}
			bl.add(b, file, t.line, iso, v)
			return nil
		}, nil
	}
	need := [][]string{failedSeq, failedYear, failedVotingOn, plenaryVote}
	if _, err := eachRow(ctx, fsys, file, m, b, need, setup); err != nil {
		return err
	}
	b.collect(order)
	symbols := map[string]int{}
	for _, rc := range b.RollCalls {
		if n := symbols[rc.Symbol]; n > 0 {
			// The symbol is the roll call's key: a second draft under the
			// same one gets its number, or it would be stored again at
			// every import.
			old := rc.Symbol
			rc.Symbol = fmt.Sprintf("%s (draft %s)", old, seqOf[rc])
			b.warn(file, rc.Line, "%s is also the subject of the draft on line %d; this one is stored as %q", old, symbols[old], rc.Symbol)
		} else {
			symbols[rc.Symbol] = rc.Line
		}
		if v := failedVeto(rc, year[rc]); v != nil {
			b.Vetoes = append(b.Vetoes, v)
		}
	}
	return nil
}

// failedRollCall describes the roll call of a draft from its first row.
func failedRollCall(t *table, cSeq int, cYear, cOn, cMeeting, cBy, cNote, cYes, cNo, cAbst int) (*RollCall, int, error) {
	seq := t.field(cSeq)
	y, err := strconv.Atoi(t.field(cYear))
	if err != nil || y < 1946 || y > 2100 {
		return nil, 0, t.errf(cYear, "year %q is not a year of the Security Council", t.field(cYear))
	}
	on := oneLine(t.field(cOn))
	if on == "" {
		return nil, 0, t.errf(cOn, "draft %s: nothing says what was voted on", seq)
	}
	rc := &RollCall{File: t.file, Line: t.line}
	rc.Body = record.SC
	rc.Symbol = record.NormalizeSymbol(on)
	rc.Title = on
	rc.Flags = record.NotAdopted
	if strings.HasPrefix(strings.ToUpper(on), "S/") {
		rc.Draft = record.DraftSymbol(on)
	}
	if n := t.field(cMeeting); n != "" {
		if _, err := strconv.Atoi(n); err != nil {
			return nil, 0, t.errf(cMeeting, "meeting number %q is not a number", n)
		}
		rc.Meeting = "S/PV." + n
	}
	desc := []string{fmt.Sprintf("%d (the source gives the year only)", y), "draft " + seq + " of the source"}
	if by := oneLine(t.field(cBy)); by != "" {
		desc = append(desc, "submitted by "+by)
	}
	if note := oneLine(t.field(cNote)); note != "" {
		desc = append(desc, note)
	}
	rc.Description = strings.Join(desc, "; ")
	if cYes >= 0 && cNo >= 0 && cAbst >= 0 {
		var p record.Totals
		var known [3]bool
		for i, f := range []struct {
			col int
			n   *int
		}{{cYes, &p.Yes}, {cNo, &p.No}, {cAbst, &p.Abstain}} {
			n, ok, err := parseCount(t.field(f.col))
			if err != nil {
				return nil, 0, t.errf(f.col, "%v", err)
			}
			*f.n, known[i] = n, ok
		}
		if known[0] && known[1] && known[2] {
			rc.Published = &p
		}
	}
	return rc, y, nil
}

// failedVeto is the veto of a failed draft, or nil: the draft had the
// affirmative votes it needed, and permanent members voted no. Russia's
// code stands for the Soviet Union until 1991 in these records, as the
// USSR's votes are filed under it, so a veto of those years is the USSR's.
func failedVeto(rc *RollCall, year int) *Veto {
	if rc.Counted().Yes < affirmative(year) {
		return nil
	}
	var who []string
	for _, cv := range rc.Votes {
		if cv.Vote != record.No {
			continue
		}
		switch cv.Country {
		case "RUS":
			if year <= 1991 {
				who = append(who, "SUN")
			} else {
				who = append(who, "RUS")
			}
		case "CHN", "FRA", "GBR", "USA", "SUN", "TWN":
			who = append(who, cv.Country)
		}
	}
	if len(who) == 0 {
		return nil
	}
	slices.Sort(who)
	draft := rc.Draft
	if draft == "" {
		draft = rc.Symbol
	}
	return &Veto{Veto: record.Veto{Draft: draft, Year: year, Meeting: rc.Meeting, Members: who, RollCall: rc.Symbol},
		Seq: 1, File: rc.File, Line: rc.Line}
}
