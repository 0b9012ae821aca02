package ingest_test

// Fuzz targets for every importer entry point: format detection (Plan),
// and each parser through Parse. The symbol normaliser is fuzzed in package
// record, the country-name resolver by FuzzLookup in plenary/data/countries.
// Run one for longer with
//
//	go test ./data/ingest -run '^$' -fuzz '^FuzzParseUNDL$' -fuzztime 5m
//
// (docs/reliability.md lists them all). Without -fuzz, the seeds below run
// as ordinary tests.

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"plenary/data"
	"plenary/data/countries"
	"plenary/data/ingest"
	"plenary/data/record"
)

// Seed files: small valid files of each layout. The UN Digital Library
// headers are those of ../shared/data/undl-layouts.md.
const (
	seedUNDL2026 = `undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link
4025241,AFG,AFGHANISTAN,Y,2023-10-27,ES-10,A/RES/ES-10/21,A/ES-10/L.25,,A/ES-10/PV.41,Protection of civilians and upholding legal and humanitarian obligations : resolution / adopted by the General Assembly,Illegal Israeli actions,TERRITORIES OCCUPIED BY ISRAEL--SETTLEMENT POLICY,,120.0,14.0,45.0,14.0,193.0,https://digitallibrary.un.org/record/4025241
4025241,USA,UNITED STATES,N,2023-10-27,ES-10,A/RES/ES-10/21,A/ES-10/L.25,,A/ES-10/PV.41,Protection of civilians and upholding legal and humanitarian obligations : resolution / adopted by the General Assembly,Illegal Israeli actions,TERRITORIES OCCUPIED BY ISRAEL--SETTLEMENT POLICY,,120.0,14.0,45.0,14.0,193.0,https://digitallibrary.un.org/record/4025241
4025241,CAN,CANADA,A,2023-10-27,ES-10,A/RES/ES-10/21,A/ES-10/L.25,,A/ES-10/PV.41,Protection of civilians and upholding legal and humanitarian obligations : resolution / adopted by the General Assembly,Illegal Israeli actions,TERRITORIES OCCUPIED BY ISRAEL--SETTLEMENT POLICY,,120.0,14.0,45.0,14.0,193.0,https://digitallibrary.un.org/record/4025241
4025241,VEN,VENEZUELA (BOLIVARIAN REPUBLIC OF),X,2023-10-27,ES-10,A/RES/ES-10/21,A/ES-10/L.25,,A/ES-10/PV.41,Protection of civilians and upholding legal and humanitarian obligations : resolution / adopted by the General Assembly,Illegal Israeli actions,TERRITORIES OCCUPIED BY ISRAEL--SETTLEMENT POLICY,,120.0,14.0,45.0,14.0,193.0,https://digitallibrary.un.org/record/4025241
`
	seedUNDL2024 = `undl_id,ms_codes,ms_names,ms_votes,resolutions,title,modality,draft,committee_report,meeting,agenda_titles,subjects,date,yes,no,abstentions,non-voting,total-voting,undl_link
999001,FRA,FRANCE,Y,A/RES/78/1,A title,Recorded - No-Vote Count,A/78/L.1,,A/78/PV.1,Agenda,SUBJECT ONE;SUBJECT TWO,2023-09-05,2,0,0,1,2,https://digitallibrary.un.org/record/999001
999001,DEU,GERMANY,Y,A/RES/78/1,A title,Recorded - No-Vote Count,A/78/L.1,,A/78/PV.1,Agenda,SUBJECT ONE;SUBJECT TWO,2023-09-05,2,0,0,1,2,https://digitallibrary.un.org/record/999001
999001,,CÔTE D'IVOIRE,NV,A/RES/78/1,A title,Recorded - No-Vote Count,A/78/L.1,,A/78/PV.1,Agenda,SUBJECT ONE;SUBJECT TWO,2023-09-05,2,0,0,1,2,https://digitallibrary.un.org/record/999001
`
	seedUNDLSC = `undl_id,ms_code,ms_name,permanent_member,ms_vote,date,resolution,draft,meeting,description,agenda,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,modality,undl_link
4077017,CHN,CHINA,True,Y,2025-02-24,S/RES/2774(2025),S/2025/112,S/PV.9865,Maintenance of peace and security of Ukraine,Ukraine,UKRAINE SITUATION,,10,0,5,0,15,Voting,https://digitallibrary.un.org/record/4077017
4077017,FRA,FRANCE,True,A,2025-02-24,S/RES/2774(2025),S/2025/112,S/PV.9865,Maintenance of peace and security of Ukraine,Ukraine,UKRAINE SITUATION,,10,0,5,0,15,Voting,https://digitallibrary.un.org/record/4077017
4077018,USA,UNITED STATES,True,Y,1992-01-06,S/RES/726 (1992),,S/PV.3026,,Middle East,,,,,,,,Adopted without vote,
`
	seedUnvotesRollCalls = `rcid,session,importantvote,date,unres,amend,para,short,descr
3,1,0,1946-01-01,R/1/66,1,0,"AMENDMENTS, RULES OF PROCEDURE","TO ADOPT A CUBAN AMENDMENT TO THE UK PROPOSAL"
5309,68,1,2014-03-27,R/68/262,0,0,TERRITORIAL INTEGRITY OF UKRAINE,"""quoted"" text	with a tab"
9001,10,0,2019-12-19,ESS/10/14,,,,
`
	seedUnvotesVotes = `rcid,country,country_code,vote
9001,Russia,RU,no
3,United States,US,abstain
3,Canada,CA,yes
5309,Ukraine,UA,no
5309,Namibia,NA,yes
5309,Federal Republic of Germany,,no
3,Yugoslavia,YU,abstain
`
	seedUnvotesIssues = `rcid,short_name,issue
5309,hr,Human rights
9001,nu,Nuclear weapons and nuclear material (seed)
7777,me,Palestinian conflict (seed)
`
	seedVoeten = `rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year
5309,68,2,369,1,1,2014-03-27,R/68/262,0,0,0,1,0,0,2014
3,1,1,2,1,0,1946-01-02,R/1/66,0,0,0,0,0,0,1946
3,1,3,20,1,0,1946-01-02,R/1/66,0,0,0,0,0,0,1946
3,1,8,345,1,0,1946-01-02,R/1/66,0,0,0,0,0,0,1946
3,1,9,40,0,0,1946-01-02,R/1/66,0,0,0,0,0,0,1946
`
	seedPlenary = `body,symbol,date,title,topics,draft,link,yes,no,abstain,non_voting,country,vote
GA,A/RES/ES-11/7,2025-02-24,"Advancing a comprehensive, just and lasting peace in Ukraine",Ukraine; Peace and security,A/ES-11/L.10,https://digitallibrary.un.org/record/4076672,1,1,1,0,AFG,X
GA,A/RES/ES-11/7,2025-02-24,"Advancing a comprehensive, just and lasting peace in Ukraine",Ukraine; Peace and security,A/ES-11/L.10,https://digitallibrary.un.org/record/4076672,1,1,1,0,AGO,A
GA,A/RES/ES-11/7,2025-02-24,"Advancing a comprehensive, just and lasting peace in Ukraine",Ukraine; Peace and security,A/ES-11/L.10,https://digitallibrary.un.org/record/4076672,1,1,1,0,ALB,Y
GA,A/RES/ES-11/7,2025-02-24,"Advancing a comprehensive, just and lasting peace in Ukraine",Ukraine; Peace and security,A/ES-11/L.10,https://digitallibrary.un.org/record/4076672,1,1,1,0,USA,N
SC,S/RES/2774 (2025),2025-02-24,Maintenance of peace and security of Ukraine,Ukraine,S/2025/112,,1,0,0,0,CHN,Y
`
	seedPlenaryFeb = `body,resolution,date,country_iso3,country_name,vote
GA,A/RES/1/1,2001-02-03,AFG,Afghanistan,X
GA,A/RES/1/1,2001-02-03,AGO,Angola,A
SC,S/RES/9999 (2001),2001-02-03,DNK,Denmark,A
`
	seedPlenarySC = `resolution,number,year,date,draft,outcome,agenda_item,category,region,member_name,member_iso3,vote,permanent
S/RES/9001 (1999),9001,1999,1999-01-06,S/1999/1,Adopted unanimously,An agenda item,Thematic,,Austria,AUT,Y,0
S/RES/9001 (1999),9001,1999,1999-01-06,S/1999/1,Adopted unanimously,An agenda item,Thematic,,Côte d’Ivoire,CIV,Y,0
`
	seedRollCalls = `resolution,date,title,topic_tags,undl_link,yes,no,abstain,no_vote
A/RES/ES-11/8,2025-02-24,The path to peace,POLITICAL AND LEGAL QUESTIONS; PEACEBUILDING,https://digitallibrary.un.org/record/4076673,93,8,73,17
A/RES/ES-11/7,2025-02-24,"Advancing a comprehensive, just and lasting peace in Ukraine",POLITICAL AND LEGAL QUESTIONS,https://digitallibrary.un.org/record/4076672,93,18,65,15
A/RES/ES-11/7,2025-02-24,"Twice, the later row wins",,,,,,
`
	seedVetoes = `year,date,month,draft,meeting_record,agenda_item,crisis_topic,region,member_veto1,member_veto2,member_veto3,China,France,Russia,USSR,USA,UK
1946,1946-02-16,2,S/PV.23,S/PV.23,Letter from the Heads of the Lebanese and Syrian delegations,Lebanon,Middle East,USSR,,,0,0,0,1,0,0
1946,1946-06-26,6,S/PV.49,S/PV.49,The Spanish question,Spain,Western Europe,USSR,,,0,0,0,1,0,0
1946,1946-06-26,6,S/PV.49,S/PV.49,The Spanish question,Spain,Western Europe,USSR,,,0,0,0,1,0,0
1976,1976-10-19,10,S/12211,S/PV.1963,"Namibia
question",Namibia,Africa,France,UK,USA,0,0,0,0,1,1
2019,2019-02-28,2,S/2019/186,S/PV.8476,Situation in Venezuela,Venezuela,Americas,Russia,China,,1,0,1,0,0,0
`
	seedFailed = `draft_seq,meeting_number,year,voting_on,submitted_by,note,country_name,country_iso3,vote,source_tally_for,source_tally_abstain,source_tally_against
28,706,1955,S/3510,United States,Negative vote,Russian Federation,RUS,N,3,0,1
28,706,1955,S/3510,United States,Negative vote,United States,USA,Y,3,0,1
28,706,1955,S/3510,United States,Negative vote,China,CHN,Y,3,0,1
28,706,1955,S/3510,United States,Negative vote,France,FRA,Y,3,0,1
37,7354,2014,S/2014/916,Jordan,,United States,USA,N,1,1,1
37,7354,2014,S/2014/916,Jordan,,Jordan,JOR,Y,1,1,1
37,7354,2014,S/2014/916,Jordan,,Nigeria,NGA,A,1,1,1
`
	seedPositions = `country,date,topic,stance,summary,quote,source
RUS,2025-02-25,Peace in Ukraine,supports,"The Kremlin welcomed the United States' ""much more balanced position""",much more balanced position,"news report, 25 February 2025"
FRA,2025-02-24,Peace in Ukraine,opposes,"Peace ""cannot mean the surrender of Ukraine""",,
Côte d'Ivoire,24/02/2025,Peace in Ukraine,neutral,Abstained,,
`
)

// seedsByFormat are the valid seed files of each single-file format.
var seedsByFormat = map[ingest.Format][]string{
	ingest.FormatUNDL:      {seedUNDL2026, seedUNDL2024, seedUNDLSC},
	ingest.FormatVoeten:    {seedVoeten},
	ingest.FormatPlenary:   {seedPlenary, seedPlenaryFeb, seedPlenarySC},
	ingest.FormatRollCalls: {seedRollCalls},
	ingest.FormatPositions: {seedPositions},
	ingest.FormatVetoes:    {seedVetoes},
	ingest.FormatFailed:    {seedFailed},
}

// hostileSeeds are byte patterns every target also starts from.
var hostileSeeds = []string{
	"",
	"\ufeff",
	"\x00\x00\x00",
	"body,symbol,country,vote\n",
	"body;symbol;country;vote\r\nGA;A/RES/1/1;FRA;Y\r\n",
	"body\tsymbol\tcountry\tvote\nGA\tA/RES/1/1\tFRA\tY\n",
	"body,symbol,country,vote\nGA,\"A/RES/1/1,FRA,Y\n",
	"body,symbol,country,vote\nGA,A/RES/1/1,C\xf4te d'Ivoire,Y\n",
	"body,symbol,country,vote\nGA,A/RES/1/1,FRA,Y,extra\n",
	"\"\"\"\n\"\n",
}

// variants returns a seed as written by other programs: with a byte-order
// mark, CRLF line ends, and (when the text has no semicolons) semicolons.
func variants(s string) []string {
	out := []string{s, "\ufeff" + s, strings.ReplaceAll(s, "\n", "\r\n")}
	if !strings.Contains(s, ";") && !strings.Contains(s, `"`) {
		out = append(out, strings.ReplaceAll(s, ",", ";"))
	}
	return out
}

// parseWithin runs Parse with a deadline: no input may make it hang.
func parseWithin(t *testing.T, src ingest.Source) (*ingest.Batch, error) {
	t.Helper()
	type result struct {
		b   *ingest.Batch
		err error
	}
	ch := make(chan result, 1)
	var first []*ingest.RollCall                          // in the order of their first runs
	runs := map[*ingest.RollCall]map[string]record.Vote{} // each roll call's votes, from its runs
	go func() {
		b, err := ingest.ParseStream(context.Background(), src, nil, func(rc *ingest.RollCall, votes []ingest.Cast) {
			if runs[rc] == nil {
				first = append(first, rc)
				runs[rc] = map[string]record.Vote{}
			}
			for _, c := range votes {
				runs[rc][c.Country] = c.Vote
			}
		})
		ch <- result{b, err}
	}()
	select {
	case r := <-ch:
		if r.err == nil {
			checkRuns(t, r.b, first, runs)
		}
		return r.b, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("Parse of %v did not return within 10 s", src.Files)
	}
	return nil, nil
}

// checkRuns checks what ParseStream promises a streamed import: the runs
// of rows it handed over hold each roll call's final votes, the later vote
// winning where a country is listed twice, and the batch lists the roll
// calls with streamed votes in the order of their first runs, before the
// others. The one exception is a vote cast in the years of the seat the
// state carries on (Russia's in the Soviet Union's), which waits for the
// whole roll call (the seat has one vote) and goes in with the batch.
func checkRuns(t *testing.T, b *ingest.Batch, first []*ingest.RollCall, runs map[*ingest.RollCall]map[string]record.Vote) {
	t.Helper()
	streamed := func(rc *ingest.RollCall) []ingest.Cast {
		var out []ingest.Cast
		for _, c := range rc.Votes {
			if h, ok := countries.Holder(c.Country, rc.Date); rc.Date == "" || !ok || h == c.Country {
				out = append(out, c)
			} else if _, inRun := runs[rc][c.Country]; !inRun {
				continue
			} else {
				out = append(out, c)
			}
		}
		return out
	}
	var withRuns []*ingest.RollCall
	for _, rc := range b.RollCalls {
		if runs[rc] != nil {
			withRuns = append(withRuns, rc)
		} else if len(streamed(rc)) > 0 {
			t.Fatalf("%s has streamed votes but no run", rc.Label())
		}
	}
	if len(withRuns) != len(first) {
		t.Fatalf("%d roll calls had runs, the batch holds %d of them", len(first), len(withRuns))
	}
	for i, rc := range withRuns {
		if b.RollCalls[i] != rc {
			t.Fatalf("%s had runs but comes after %s, which had none", rc.Label(), b.RollCalls[i].Label())
		}
		if rc != first[i] {
			t.Fatalf("roll call %d with runs in the batch is %s; the %d-th first run was of %s", i, rc.Label(), i, first[i].Label())
		}
	}
	for _, rc := range b.RollCalls {
		got, want := runs[rc], streamed(rc)
		if len(got) != len(want) {
			t.Fatalf("%s: %d votes in its runs, %d in the batch", rc.Label(), len(got), len(want))
		}
		for _, c := range want {
			if got[c.Country] != c.Vote {
				t.Fatalf("%s: %s voted %v in its runs, %v in the batch", rc.Label(), c.Country, got[c.Country], c.Vote)
			}
		}
	}
}

// lines counts the physical lines of an input.
func lines(b []byte) int { return bytes.Count(b, []byte{'\n'}) + 1 }

// parseFS parses files held in memory as one source.
func parseFS(t *testing.T, format ingest.Format, names []string, contents ...[]byte) (*ingest.Batch, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	var size int64
	for i, n := range names {
		fsys[n] = &fstest.MapFile{Data: contents[i], Mode: 0o644}
		size += int64(len(contents[i]))
	}
	b, err := parseWithin(t, ingest.Source{Format: format, Files: names, Size: size, FS: fsys})
	checkResult(t, b, err, names, contents...)
	return b, err
}

// checkResult checks what a parser returned: an *ingest.Error naming one of
// the files and a line inside it, or a batch whose every record is valid
// and whose size is bounded by the input's.
func checkResult(t *testing.T, b *ingest.Batch, err error, names []string, contents ...[]byte) {
	t.Helper()
	total := 0
	for _, c := range contents {
		total += lines(c)
	}
	if err != nil {
		var ie *ingest.Error
		if !errors.As(err, &ie) {
			t.Fatalf("error %T %q is not an *ingest.Error", err, err)
		}
		i := slices.Index(names, ie.File)
		if i < 0 {
			t.Fatalf("error %q names file %q, not one of %q", err, ie.File, names)
		}
		if ie.Line < 0 || ie.Line > lines(contents[i])+1 || ie.Column < 0 {
			t.Fatalf("error %q: line %d of a file of %d lines", err, ie.Line, lines(contents[i]))
		}
		if ie.Msg == "" || !utf8.ValidString(err.Error()) {
			t.Fatalf("error message %q is empty or not UTF-8", err)
		}
		if b != nil {
			t.Fatalf("a batch and an error")
		}
		return
	}
	if b == nil {
		t.Fatal("no batch and no error")
	}
	if b.Rows > int64(total) || len(b.RollCalls) > total || len(b.Positions) > total || len(b.Warnings) > 2*total+len(b.RollCalls) {
		t.Fatalf("%d rows, %d roll calls, %d positions, %d warnings from %d lines", b.Rows, len(b.RollCalls), len(b.Positions), len(b.Warnings), total)
	}
	votes := 0
	for _, rc := range b.RollCalls {
		if rc.Body != record.GA && rc.Body != record.SC {
			t.Fatalf("%s: body %q", rc.Label(), rc.Body)
		}
		if rc.Symbol != record.NormalizeSymbol(rc.Symbol) {
			t.Fatalf("symbol %q is not in normal form", rc.Symbol)
		}
		if rc.Date != "" {
			if _, err := time.Parse("2006-01-02", rc.Date); err != nil {
				t.Fatalf("%s: date %q", rc.Label(), rc.Date)
			}
		}
		if rc.MetaOnly && len(rc.Votes) > 0 {
			t.Fatalf("%s: described only, with %d votes", rc.Label(), len(rc.Votes))
		}
		for i, c := range rc.Votes {
			if i > 0 && rc.Votes[i-1].Country >= c.Country {
				t.Fatalf("%s: votes not sorted or repeated at %s", rc.Label(), c.Country)
			}
			if !slices.Contains(record.Votes, c.Vote) {
				t.Fatalf("%s: vote %d of %s", rc.Label(), c.Vote, c.Country)
			}
			if _, ok := countries.ByISO3(c.Country); !ok {
				t.Fatalf("%s: country %q is not in the registry", rc.Label(), c.Country)
			}
		}
		votes += len(rc.Votes)
	}
	if votes > total {
		t.Fatalf("%d votes from %d lines", votes, total)
	}
	if len(b.Vetoes) > total {
		t.Fatalf("%d vetoes from %d lines", len(b.Vetoes), total)
	}
	for _, v := range b.Vetoes {
		checkVeto(t, v)
	}
	for _, p := range b.Positions {
		if err := data.ValidatePosition(p.Position); err != nil {
			t.Fatalf("line %d: a position the store would refuse: %v", p.Line, err)
		}
	}
}

// fuzzFormat is the body of the single-file parser targets.
func fuzzFormat(f *testing.F, format ingest.Format) {
	for _, s := range seedsByFormat[format] {
		for _, v := range variants(s) {
			f.Add([]byte(v))
		}
	}
	if format == ingest.FormatUNDL {
		// The UN Digital Library layouts kept as test files of package data.
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "undl", "*.csv"))
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		parseFS(t, format, []string{"input.csv"}, in)
	})
}

// FuzzParseUNDL fuzzes the UN Digital Library voting CSV parser (GA and SC,
// every known header layout).
func FuzzParseUNDL(f *testing.F) { fuzzFormat(f, ingest.FormatUNDL) }

// FuzzParseVetoes fuzzes the parser of veto lists.
func FuzzParseVetoes(f *testing.F) { fuzzFormat(f, ingest.FormatVetoes) }

// FuzzParseFailedDrafts fuzzes the parser of member votes on failed drafts.
func FuzzParseFailedDrafts(f *testing.F) { fuzzFormat(f, ingest.FormatFailed) }

// FuzzParseVoeten fuzzes the parser of Voeten's votes.csv.
func FuzzParseVoeten(f *testing.F) { fuzzFormat(f, ingest.FormatVoeten) }

// FuzzParsePlenary fuzzes the parser of Plenary's long CSV.
func FuzzParsePlenary(f *testing.F) { fuzzFormat(f, ingest.FormatPlenary) }

// FuzzParseRollCalls fuzzes the parser of the one-row-per-roll-call CSV.
func FuzzParseRollCalls(f *testing.F) { fuzzFormat(f, ingest.FormatRollCalls) }

// FuzzParsePositions fuzzes the parser of the positions CSV.
func FuzzParsePositions(f *testing.F) { fuzzFormat(f, ingest.FormatPositions) }

// FuzzParseUnvotes fuzzes the unvotes parser with its three tables.
func FuzzParseUnvotes(f *testing.F) {
	for _, rc := range variants(seedUnvotesRollCalls) {
		f.Add([]byte(rc), []byte(seedUnvotesVotes), []byte(seedUnvotesIssues))
	}
	for _, v := range variants(seedUnvotesVotes) {
		f.Add([]byte(seedUnvotesRollCalls), []byte(v), []byte(seedUnvotesIssues))
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(seedUnvotesRollCalls), []byte(s), []byte(seedUnvotesIssues))
		f.Add([]byte(s), []byte(seedUnvotesVotes), []byte(s))
	}
	f.Fuzz(func(t *testing.T, rollCalls, votes, issues []byte) {
		parseFS(t, ingest.FormatUnvotes, []string{"roll_calls.csv", "votes.csv", "issues.csv"}, rollCalls, votes, issues)
	})
}

// FuzzDetect fuzzes format detection: Plan on a file named alone and on its
// folder, then Parse of whatever Plan found. Plan reads only real files, so
// each input is written to a temporary folder.
func FuzzDetect(f *testing.F) {
	for _, ss := range seedsByFormat {
		for _, s := range ss {
			f.Add([]byte(s))
		}
	}
	for _, s := range []string{seedUnvotesRollCalls, seedUnvotesVotes, seedUnvotesIssues} {
		f.Add([]byte(s))
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("country,country_code,iso3\nFrance,FR,FRA\n"))
	f.Add([]byte("year,name,iso3,permanent\n2025,France,FRA,1\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "input.csv")
		if err := os.WriteFile(path, in, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, arg := range []string{path, dir} {
			type result struct {
				src  []ingest.Source
				warn []ingest.Warning
				err  error
			}
			ch := make(chan result, 1)
			go func() {
				src, warn, err := ingest.Plan([]string{arg}, "")
				ch <- result{src, warn, err}
			}()
			var r result
			select {
			case r = <-ch:
			case <-time.After(10 * time.Second):
				t.Fatalf("Plan(%s) did not return within 10 s", arg)
			}
			if r.err != nil {
				var ie *ingest.Error
				if !errors.As(r.err, &ie) {
					t.Fatalf("Plan error %T %q is not an *ingest.Error", r.err, r.err)
				}
				if ie.File != path && ie.File != dir {
					t.Fatalf("Plan error %q names %q", r.err, ie.File)
				}
				continue
			}
			for _, w := range r.warn {
				if w.File != path {
					t.Fatalf("warning %q about another file", w)
				}
			}
			for _, src := range r.src {
				if src.Format == ingest.FormatReference || len(src.Files) != 1 || src.Files[0] != path {
					t.Fatalf("Plan(%s) = %+v", arg, src)
				}
				b, err := parseWithin(t, src)
				checkResult(t, b, err, []string{path}, in)
			}
		}
	})
}
