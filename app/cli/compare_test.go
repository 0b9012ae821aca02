package cli_test

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plenary/app/cli"
	"plenary/app/views"
	"plenary/data/compare/comparetest"

	_ "modernc.org/sqlite" // independent counts straight from the database
)

// plenary runs the command line and returns the exit status, stdout and
// stderr.
func plenary(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := cli.Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// plenaryOK runs the command line and fails the test unless it succeeds.
func plenaryOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := plenary(args...)
	if code != 0 {
		t.Fatalf("plenary %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

// readCSVFile reads a whole CSV file, its header included.
func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// parseCSV reads command output as CSV and checks its header.
func parseCSV(t *testing.T, out, header string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%.500s", err, out)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != header {
		t.Fatalf("header %q, want %q", recs[:min(1, len(recs))], header)
	}
	return recs[1:]
}

// sqlAgreement computes the three metrics for pairs of countries per year
// with one SQL query over the votes table, independently of package
// compare. Keys are "A B YEAR" and "A B all"; values are the agreement
// and n per metric.
type sqlScore struct {
	agreement float64
	n         int
}

func sqlAgreement(t *testing.T, dbPath, body, metric string, a, b []string) map[string]sqlScore {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var num, den string
	switch metric {
	case "identical":
		num, den = "va.vote = vb.vote", "va.vote IN (1,2,3) AND vb.vote IN (1,2,3)"
	case "voeten":
		num = "CASE WHEN va.vote = vb.vote THEN 1.0 WHEN va.vote = 2 OR vb.vote = 2 THEN 0.5 ELSE 0 END"
		den = "va.vote IN (1,2,3) AND vb.vote IN (1,2,3)"
	case "coincidence":
		num, den = "va.vote = vb.vote", "va.vote IN (1,3) AND vb.vote IN (1,3)"
	}
	in := func(list []string) string { return "'" + strings.Join(list, "','") + "'" }
	q := `SELECT ca.iso3, cb.iso3, coalesce(substr(r.date, 1, 4), ''), sum(` + num + `), count(*)
		FROM votes va JOIN countries ca ON ca.id = va.country_id
		JOIN votes vb ON vb.roll_call_id = va.roll_call_id JOIN countries cb ON cb.id = vb.country_id
		JOIN roll_calls r ON r.id = va.roll_call_id
		WHERE ca.iso3 IN (` + in(a) + `) AND cb.iso3 IN (` + in(b) + `) AND ca.iso3 != cb.iso3 AND ` + den + `
		AND (r.body = '` + body + `' OR '` + body + `' = '')
		GROUP BY 1, 2, 3`
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]sqlScore{}
	for rows.Next() {
		var x, y, year string
		var sum float64
		var n int
		if err := rows.Scan(&x, &y, &year, &sum, &n); err != nil {
			t.Fatal(err)
		}
		out[x+" "+y+" "+year] = sqlScore{sum / float64(n), n}
		all := out[x+" "+y+" all"]
		all.agreement += sum // a sum until the end
		all.n += n
		out[x+" "+y+" all"] = all
	}
	for k, v := range out {
		if strings.HasSuffix(k, " all") {
			out[k] = sqlScore{v.agreement / float64(v.n), v.n}
		}
	}
	return out
}

// checkPairs compares the rows of `plenary agreement` with the SQL scores.
func checkPairs(t *testing.T, rows [][]string, metric string, want map[string]sqlScore) {
	t.Helper()
	for _, r := range rows {
		if r[3] != metric {
			t.Fatalf("metric column %q, want %q", r[3], metric)
		}
		got, err := strconv.ParseFloat(r[4], 64)
		if err != nil || got < 0 || got > 1 {
			t.Fatalf("agreement %q is not a fraction", r[4])
		}
		n, _ := strconv.Atoi(r[5])
		w, ok := want[r[0]+" "+r[1]+" "+r[2]]
		if !ok || n != w.n || math.Abs(got-w.agreement) > 1e-9 {
			t.Errorf("%s–%s %s: %v over %d, SQL says %v over %d", r[0], r[1], r[2], got, n, w.agreement, w.n)
		}
	}
}

func TestAgreementCommand(t *testing.T) {
	db := comparetest.Recent(t)
	countries := []string{"USA", "RUS", "CHN", "FRA", "GBR", "IND", "BRA", "ZAF"}
	for _, metric := range []string{"identical", "voeten", "coincidence"} {
		t.Run(metric, func(t *testing.T) {
			// Both bodies, asked for, give the years of the Security
			// Council data.
			want := sqlAgreement(t, db.Path, "", metric, countries, countries)
			out := plenaryOK(t, "--db", db.Path, "--read-only", "agreement", "--countries", strings.Join(countries, ","),
				"--by", "year", "--metric", metric, "--format", "csv", "--body", "both")
			rows := parseCSV(t, out, "a,b,period,metric,agreement,n")
			years := map[string]bool{}
			for _, r := range rows {
				years[r[2]] = true
			}
			if len(rows) < 28*2 || len(years) < 30 {
				t.Errorf("%d rows over %d years", len(rows), len(years))
			}
			checkPairs(t, rows, metric, want)

			out = plenaryOK(t, "--db", db.Path, "--read-only", "agreement", "--countries", strings.Join(countries, ","), "--metric", metric, "--format", "csv", "--body", "both")
			rows = parseCSV(t, out, "a,b,period,metric,agreement,n")
			if len(rows) != 28 {
				t.Errorf("%d pairs of 8 countries, want 28", len(rows))
			}
			checkPairs(t, rows, metric, want)
		})
	}
}

// TestAgreementRef ranks every country by agreement with the United States
// and checks each against SQL.
func TestAgreementRef(t *testing.T) {
	db := comparetest.Recent(t)
	out := plenaryOK(t, "--db", db.Path, "--read-only", "agreement", "--countries", "all", "--ref", "United States", "--metric", "voeten", "--format", "csv")
	rows := parseCSV(t, out, "a,b,period,metric,agreement,n")
	if len(rows) < 185 {
		t.Fatalf("%d countries ranked", len(rows))
	}
	var others []string
	prev := 1.0
	for _, r := range rows {
		if r[0] != "USA" || r[2] != "all" {
			t.Fatalf("row %q", r)
		}
		if a, _ := strconv.ParseFloat(r[4], 64); a > prev {
			t.Errorf("not ranked at %q", r)
		} else {
			prev = a
		}
		others = append(others, r[1])
	}
	checkPairs(t, rows, "voeten", sqlAgreement(t, db.Path, "GA", "voeten", []string{"USA"}, others))

	out = plenaryOK(t, "--db", db.Path, "--read-only", "agreement", "--countries", "P5", "--ref", "FRA", "--by", "year", "--from", "2000", "--format", "csv", "--body", "SC")
	rows = parseCSV(t, out, "a,b,period,metric,agreement,n")
	if len(rows) < 4*20 {
		t.Errorf("%d rows for France and the other four over 26 years", len(rows))
	}
	checkPairs(t, rows, "identical", sqlAgreement(t, db.Path, "SC", "identical", []string{"FRA"}, []string{"CHN", "GBR", "RUS", "USA"}))
}

// TestAgreementSample checks the published facts of the votes of 24
// February 2025 in the built-in data.
func TestAgreementSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.db")
	plenaryOK(t, "--db", path, "sample")
	out := plenaryOK(t, "--db", path, "agreement", "--countries", "USA,Russian Federation", "--symbol", "A/RES/ES-11/7", "--format", "csv")
	if out != "a,b,period,metric,agreement,n\nUSA,RUS,all,identical,1,1\n" {
		t.Errorf("USA and RUS on A/RES/ES-11/7:\n%s", out)
	}
	out = plenaryOK(t, "--db", path, "abstentions", "--by", "resolution", "--from", "2025", "--format", "csv")
	if out != "symbol,date,abstained\nS/RES/2774 (2025),2025-02-24,DNK FRA GBR GRC SVN\n" {
		t.Errorf("abstentions on S/RES/2774 (2025):\n%s", out)
	}
	// The two General Assembly votes of that day by default (same on
	// ES-11/7, A against N on ES-11/8); the Security Council's 2774 only
	// when both bodies are asked for. The built-in data also holds 1946–2019.
	out = plenaryOK(t, "--db", path, "agreement", "--countries", "USA,RUS,UKR", "--from", "2025-02-24")
	if !strings.Contains(out, "USA  RUS  all     identical  0.500      2") {
		t.Errorf("table output:\n%s", out)
	}
	out = plenaryOK(t, "--db", path, "agreement", "--countries", "USA,RUS,UKR", "--body", "both", "--from", "2025-02-24")
	if !strings.Contains(out, "USA  RUS  all     identical  0.667      3") {
		t.Errorf("table output, both bodies:\n%s", out)
	}
}

// TestAbstentionsCommand counts the abstentions of the Security Council
// file plainly and compares with `plenary abstentions`.
func TestAbstentionsCommand(t *testing.T) {
	db := comparetest.Recent(t)
	f, err := os.Open(comparetest.Dataset(t, "unsc/sc_votes_1992_2026.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, _ := r.Read()
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	abst, votes, perm := map[string]int{}, map[string]int{}, map[string]string{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		iso := rec[col["member_iso3"]]
		votes[iso]++
		perm[iso] = rec[col["permanent"]]
		if rec[col["vote"]] == "A" {
			abst[iso]++
		}
	}
	out := plenaryOK(t, "--db", db.Path, "--read-only", "abstentions", "--format", "csv")
	rows := parseCSV(t, out, "iso3,permanent,abstentions,votes")
	if len(rows) != len(votes) {
		t.Errorf("%d members, the file has %d", len(rows), len(votes))
	}
	permanent := 0
	for _, row := range rows {
		iso := row[0]
		if row[1] != perm[iso] || row[2] != strconv.Itoa(abst[iso]) || row[3] != strconv.Itoa(votes[iso]) {
			t.Errorf("%q; file: permanent %s, %d abstentions, %d votes", row, perm[iso], abst[iso], votes[iso])
		}
		if row[1] == "1" {
			permanent++
		}
	}
	if permanent != 5 || abst["CHN"] == 0 {
		t.Errorf("%d permanent members; CHN abstained %d times", permanent, abst["CHN"])
	}
	out = plenaryOK(t, "--db", db.Path, "--read-only", "abstentions", "--by", "year", "--countries", "P5", "--format", "csv")
	if rows := parseCSV(t, out, "iso3,year,abstentions,votes"); len(rows) != 5*35 {
		t.Errorf("%d member-years, want 175", len(rows))
	}
	if code, _, errs := plenary("--db", db.Path, "--read-only", "abstentions", "--body", "GA"); code != 2 || !strings.Contains(errs, "Security Council") {
		t.Errorf("--body GA: exit %d, %s", code, errs)
	}
}

// TestChartCommand draws every registered kind from the command line in
// every format; a kind without a case here fails the test.
func TestChartCommand(t *testing.T) {
	db := comparetest.Recent(t)
	sample := comparetest.Sample(t)
	dir := t.TempDir()
	type chartCase struct {
		args []string
		w, h int
		db   string
	}
	cases := map[views.Kind]chartCase{
		views.GABreakdown:         {[]string{"--from", "2025-06", "--contested"}, 0, 0, db.Path},
		views.ByGroup:             {[]string{"--symbol", "A/RES/ES-11/7"}, 640, 400, db.Path},
		views.SCAbstentions:       {[]string{"--from", "2010"}, 1600, 900, db.Path},
		views.SCAbstentionsByYear: {[]string{"--countries", "P5", "--theme", "dark"}, 0, 0, db.Path},
		views.VetoesByYear:        {[]string{"--countries", "P5", "--from", "1992"}, 0, 0, db.Path},
		views.AgreementTime:       {[]string{"--countries", "USA,RUS,CHN,IND", "--metric", "coincidence"}, 3840, 2160, db.Path},
		views.AgreementRank:       {[]string{"--ref", "IND", "--countries", "BRICS,G7", "--body", "GA"}, 0, 0, db.Path},
		views.AgreementMatrix:     {[]string{"--countries", "EU", "--body", "GA", "--scale", "2"}, 2400, 1600, db.Path},
		views.VoteGrid:            {[]string{"--countries", "P5", "--text", "nuclear"}, 0, 0, db.Path},
		views.PositionsTimeline:   {[]string{"--topic", "ukraine", "--countries", "P5,UKR"}, 0, 0, sample.Path},
		views.VoteMap:             {[]string{"--symbol", "S/RES/2774"}, 1920, 1080, db.Path},
		views.AgreementMap:        {[]string{"--ref", "CHN", "--body", "GA", "--metric", "voeten"}, 0, 0, db.Path},
		views.IdealMap:            {[]string{"--countries", "P5", "--year", "2025"}, 0, 0, db.Path},
		views.IdealTime:           {[]string{"--countries", "USA,RUS,CHN"}, 0, 0, db.Path},
		views.IdealDistribution:   {[]string{"--countries", "BRICS"}, 0, 0, db.Path},
		views.IdealDistance:       {[]string{"--countries", "USA,CHN,RUS"}, 0, 0, db.Path},
		views.Alignment:           {[]string{"--countries", "IND,BRA", "--poles", "USA,CHN"}, 0, 0, db.Path},
		views.VoteFlow:            {[]string{"--symbol", "A/RES/ES-11/7", "--symbol", "A/RES/ES-11/8"}, 0, 0, db.Path},
		views.Series:              {[]string{"--symbol", "A/RES/ES-11/7", "--symbol", "A/RES/ES-11/8"}, 0, 0, db.Path},
		views.Movers:              {[]string{"--measure", "agreement", "--ref", "USA", "--body", "SC", "--period", "2015", "--period", "2024"}, 0, 0, db.Path},
		views.Blocs:               {[]string{"--from", "2025"}, 0, 0, db.Path},
		views.Divergent:           {[]string{"--countries", "USA,RUS"}, 0, 0, db.Path},
		views.MentionsTime:        {[]string{"--query", "climate", "--countries", "P5"}, 0, 0, speechDB(t)},
		views.MentionsMap:         {[]string{"--query", `"climate change"`, "--from", "2021"}, 0, 0, speechDB(t)},
	}
	for _, v := range views.Views() {
		c, ok := cases[v.Kind]
		if !ok {
			t.Errorf("%s has no command-line case", v.Kind)
			continue
		}
		t.Run(string(v.Kind), func(t *testing.T) {
			png1 := filepath.Join(dir, string(v.Kind)+".png")
			args := append([]string{"--db", c.db, "--read-only", "chart", string(v.Kind), "-o", png1}, c.args...)
			if c.w != 0 {
				args = append(args, "--width", strconv.Itoa(c.w), "--height", strconv.Itoa(c.h))
			}
			out := plenaryOK(t, args...)
			if !strings.Contains(out, "wrote "+png1) || strings.Contains(out, "(0 roll calls)") {
				t.Errorf("said %q", out)
			}
			w, h := c.w, c.h
			if w == 0 {
				w, h = 1200, 800
			}
			decodePNG(t, png1, w, h)
			svg := filepath.Join(dir, string(v.Kind)+".svg")
			plenaryOK(t, append(args[:5:5], append([]string{"-o", svg}, args[7:]...)...)...)
			if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte("<svg")) || !bytes.Contains(b, []byte(`width="`+strconv.Itoa(w)+`"`)) {
				t.Errorf("SVG: %v %.200s", err, b)
			}
			csvFile := filepath.Join(dir, string(v.Kind)+".csv")
			plenaryOK(t, append(args[:5:5], append([]string{"-o", csvFile}, args[7:]...)...)...)
			if b, err := os.ReadFile(csvFile); err != nil {
				t.Error(err)
			} else if recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll(); err != nil || len(recs) < 2 {
				t.Errorf("CSV: %v, %d records", err, len(recs))
			}
		})
	}
	ents, _ := os.ReadDir(dir)
	if want := len(views.Views()) * 3; len(ents) != want {
		t.Errorf("%d files in the output folder, want %d (a temporary file was left?)", len(ents), want)
	}
}

// TestChartNeverOverwritesData: a chart written onto the database itself
// (whatever it is named), onto a link to it, or onto a read-only file is
// refused, and leaves every byte and mode as it was and no temporary file.
func TestChartNeverOverwritesData(t *testing.T) {
	dir := t.TempDir()
	dbFile := filepath.Join(dir, "mydata.csv") // a database with an export's name
	plenaryOK(t, "--db", dbFile, "sample")
	link := filepath.Join(dir, "chart.png")
	if err := os.Symlink(dbFile, link); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "old.svg")
	if err := os.WriteFile(ro, []byte("<svg/>"), 0o444); err != nil {
		t.Fatal(err)
	}
	before := snapshotDir(t, dir)
	for target, want := range map[string]string{dbFile: "database", link: "database", ro: "read-only"} {
		code, _, errs := plenary("--db", dbFile, "chart", "ga-breakdown", "-o", target)
		if code == 0 || !strings.Contains(errs, want) || !strings.Contains(errs, filepath.Base(target)) {
			t.Errorf("-o %s: exit %d, %q; want a refusal naming the file and %q", filepath.Base(target), code, errs, want)
		}
	}
	if after := snapshotDir(t, dir); after != before {
		t.Errorf("the folder changed:\n%s\nwas\n%s", after, before)
	}
}

// snapshotDir describes every entry of a folder: name, mode, link target
// and content hash.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		dest, _ := os.Readlink(p)
		content, _ := os.ReadFile(p)
		fmt.Fprintf(&b, "%s %v %s %x\n", e.Name(), fi.Mode(), dest, sha256.Sum256(content))
	}
	return b.String()
}

func decodePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Errorf("%s is %dx%d, want %dx%d", path, b.Dx(), b.Dy(), w, h)
	}
}

// TestChartCommandMistakes checks that every mistake is refused with a
// message naming it and leaves no file behind.
func TestChartCommandMistakes(t *testing.T) {
	db := comparetest.Sample(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "c.png")
	base := []string{"--db", db.Path, "--read-only", "chart"}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"pie", "-o", out}, 2, "unknown chart"},
		{[]string{"ga-breakdown"}, 2, "-o"},
		{[]string{"ga-breakdown", "-o", filepath.Join(dir, "c.gif")}, 2, ".gif"},
		{[]string{"ga-breakdown", "-o", out, "--width", "639"}, 2, "outside"},
		{[]string{"ga-breakdown", "-o", out, "--height", "2161"}, 2, "outside"},
		{[]string{"ga-breakdown", "-o", out, "--width", "4000", "--height", "3000"}, 2, "outside"},
		{[]string{"ga-breakdown", "-o", out, "--scale", "0.5"}, 2, "scale"},
		{[]string{"ga-breakdown", "-o", out, "--scale", "NaN"}, 2, "scale"},
		{[]string{"ga-breakdown", "-o", out, "--metric", "cosine"}, 2, "cosine"},
		{[]string{"ga-breakdown", "-o", out, "--theme", "neon"}, 2, "neon"},
		{[]string{"ga-breakdown", "-o", out, "--countries", "Narnia"}, 2, "Narnia"},
		{[]string{"ga-breakdown", "-o", out, "--from", "2025-02-30x"}, 2, "from date"},
		{[]string{"ga-breakdown", "-o", out, "--body", "ECOSOC"}, 2, "ECOSOC"},
		{[]string{"agreement-rank", "-o", out}, 1, "reference"},
		{[]string{"ga-breakdown", "-o", filepath.Join(dir, "missing", "c.png")}, 1, "does not exist"},
	} {
		code, _, errs := plenary(append(base, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, %q; want exit %d with %q", c.args, code, errs, c.code, c.want)
		}
	}
	if os.Geteuid() != 0 { // root may write anywhere
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		code, _, errs := plenary(append(base, "ga-breakdown", "-o", filepath.Join(ro, "c.png"))...)
		if code != 1 || !strings.Contains(errs, "cannot be written") {
			t.Errorf("read-only folder: exit %d, %q", code, errs)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) > 1 {
		t.Errorf("files left behind: %v", ents)
	}
	// An empty selection is not a mistake: the image says so.
	plenaryOK(t, append(base, "ga-breakdown", "-o", out, "--from", "1990", "--to", "1991")...)
	decodePNG(t, out, 1200, 800)
}

func TestCompareCommandMistakes(t *testing.T) {
	db := comparetest.Sample(t)
	// A database that exists but holds no votes (read commands never
	// create one).
	empty := filepath.Join(t.TempDir(), "empty.db")
	plenaryOK(t, "--db", empty, "sample")
	plenaryOK(t, "--db", empty, "sample", "--remove")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db.Path, "agreement"}, 2, "--countries"},
		{[]string{"--db", db.Path, "agreement", "--countries", "USA,RUS", "--by", "month"}, 2, "month"},
		{[]string{"--db", db.Path, "agreement", "--countries", "USA,RUS", "--ref", "P5"}, 2, "one country"},
		{[]string{"--db", db.Path, "agreement", "--countries", "USA,RUS", "--format", "xml"}, 2, "xml"},
		{[]string{"--db", db.Path, "agreement", "--countries", "USA", "--ref", "TWN"}, 1, "TWN"},
		{[]string{"--db", db.Path, "abstentions", "--by", "decade"}, 2, "decade"},
		{[]string{"--db", empty, "agreement", "--countries", "all"}, 1, "no votes"},
		{[]string{"--db", db.Path, "agreement", "--countries", "USSR,USA"}, 1, "no votes in the database for Soviet Union"},
	} {
		code, _, errs := plenary(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, %q; want exit %d with %q", c.args, code, errs, c.code, c.want)
		}
	}
	for _, cmd := range []string{"chart", "agreement", "abstentions"} {
		out := plenaryOK(t, "help", cmd)
		for _, want := range []string{"--countries", "--contested", "usage: plenary"} {
			if !strings.Contains(out, want) {
				t.Errorf("help %s lacks %q", cmd, want)
			}
		}
	}
}
