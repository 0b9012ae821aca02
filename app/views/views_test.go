package views_test

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
	"plenary/data/words"
)

func TestMain(m *testing.M) { os.Exit(comparetest.Main(m)) }

func build(t testing.TB, tb *record.Table, req views.Request) *views.Chart {
	t.Helper()
	c, err := views.Build(tb, req)
	if err != nil {
		t.Fatalf("Build(%s): %v", req.Kind, err)
	}
	return c
}

func readCSV(t *testing.T, c *views.Chart) [][]string {
	t.Helper()
	b, err := c.Bytes(views.CSV, charts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s CSV: %v", c.Kind, err)
	}
	return recs
}

// TestEveryKind builds every kind on real data and renders it in each
// format: the PNG must decode at the asked size, the SVG must be an SVG
// of that size, and the CSV must parse.
func TestEveryKind(t *testing.T) {
	db := comparetest.Recent(t)
	prov := views.ProvenanceOf(db.Imports)
	positions := comparetest.Sample(t).Positions
	f := compare.Filter{Countries: []string{"USA", "RUS", "CHN", "IND", "BRA", "EU"}, From: "2010"}
	for _, v := range views.Views() {
		k := v.Kind
		t.Run(string(k), func(t *testing.T) {
			c := build(t, db.Table, withChangeInputs(views.Request{Kind: k, Filter: f, Ref: "USA", Metric: compare.Voeten, Provenance: prov, Positions: positions,
				Query: "climate", Mentions: mentions(f)}))
			if c.Empty {
				t.Fatalf("empty chart; meta %+v", c.Meta)
			}
			// The maps show every state: their filter keeps the dates only.
			if !strings.Contains(c.Meta.Subtitle, "from 2010") || !v.EveryState && !strings.Contains(c.Meta.Subtitle, "USA, RUS, CHN, IND, BRA, EU") {
				t.Errorf("subtitle %q does not state the filter", c.Meta.Subtitle)
			}
			source, imported := "Plenary CSV", true
			if v.Uses(views.UsesPositions) {
				source, imported = "news report", false // the positions' own sources
			}
			if v.Uses(views.UsesSpeeches) {
				source = "General Debate Corpus"
			}
			if !strings.Contains(c.Meta.Source, source) || c.Meta.Version != record.Version || c.Meta.Imported.IsZero() == imported {
				t.Errorf("footer %q %v %q", c.Meta.Source, c.Meta.Imported, c.Meta.Version)
			}
			img, err := c.Bytes(views.PNG, charts.Options{Width: 1000, Height: 700})
			if err != nil {
				t.Fatal(err)
			}
			p, err := png.Decode(bytes.NewReader(img))
			if err != nil {
				t.Fatal(err)
			}
			if b := p.Bounds(); b.Dx() != 1000 || b.Dy() != 700 {
				t.Errorf("PNG is %v", b)
			}
			svg, err := c.Bytes(views.SVG, charts.Options{Width: 800, Height: 600})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(svg, []byte(`<svg`)) || !bytes.Contains(svg, []byte(`width="800" height="600"`)) {
				t.Errorf("SVG starts %q", svg[:min(len(svg), 200)])
			}
			if recs := readCSV(t, c); len(recs) < 2 {
				t.Errorf("CSV has %d records", len(recs))
			}
		})
	}
}

// TestSampleNumbers checks the numbers behind the charts of the built-in
// sample against the published results of 24 February 2025.
func TestSampleNumbers(t *testing.T) {
	db := comparetest.Sample(t)
	c := build(t, db.Table, views.Request{Kind: views.GABreakdown})
	got := readCSV(t, c)
	want := [][]string{
		{"roll_call", "date", "yes", "no", "abstain", "non_voting"},
		{"A/RES/ES-11/7", "2025-02-24", "93", "18", "65", "17"},
		{"A/RES/ES-11/8", "2025-02-24", "93", "8", "73", "19"},
	}
	slices.SortFunc(got[1:], func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("ga-breakdown CSV %q, want %q", got, want)
	}

	c = build(t, db.Table, views.Request{Kind: views.ByGroup, Symbol: "a/res/es-11/7"})
	if !strings.HasPrefix(c.Meta.Title, "A/RES/ES-11/7") {
		t.Errorf("by-group title %q", c.Meta.Title)
	}
	var sum [4]int
	for _, r := range readCSV(t, c)[1:] {
		for i := range sum {
			sum[i] += atoi(t, r[i+1])
		}
	}
	if sum != [4]int{93, 18, 65, 17} {
		t.Errorf("by-group rows add up to %v", sum)
	}

	c = build(t, db.Table, views.Request{Kind: views.SCAbstentions, Filter: compare.Filter{From: "2025", To: "2025"}})
	abst := map[string]string{}
	for _, r := range readCSV(t, c)[1:] {
		abst[r[0]] = r[3] + "/" + r[4]
	}
	for _, iso := range []string{"DNK", "FRA", "GBR", "GRC", "SVN"} {
		if abst[iso] != "1/1" {
			t.Errorf("%s: abstentions/votes %q, want 1/1", iso, abst[iso])
		}
	}
	if abst["USA"] != "0/1" || abst["RUS"] != "0/1" || len(abst) != 8 { // the five permanent members and three elected abstainers
		t.Errorf("abstentions %v", abst)
	}

	c = build(t, db.Table, views.Request{Kind: views.AgreementMatrix, Filter: compare.Filter{Countries: []string{"USA", "RUS", "UKR"}, Body: record.GA}})
	m := map[string]string{}
	for _, r := range readCSV(t, c)[1:] {
		m[r[0]+"-"+r[1]] = r[2] + "/" + r[3]
	}
	// ES-11/7: USA N, RUS N, UKR Y; ES-11/8: USA A, RUS Y, UKR A.
	if m["USA-RUS"] != "0.5/2" || m["USA-UKR"] != "0.5/2" || m["RUS-UKR"] != "0/2" || m["USA-USA"] != "1/2" {
		t.Errorf("matrix %v", m)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("%q is not a count", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func TestEmptySelection(t *testing.T) {
	db := comparetest.Sample(t)
	for _, k := range views.Kinds() {
		c := build(t, db.Table, views.Request{Kind: k, Ref: "USA", Filter: compare.Filter{From: "1990", To: "1991"}})
		if !c.Empty || c.RollCalls != 0 {
			t.Errorf("%s: Empty %v with %d roll calls", k, c.Empty, c.RollCalls)
		}
		if _, ok := c.Chart.(charts.Empty); !ok {
			t.Errorf("%s: %T, want charts.Empty", k, c.Chart)
		}
		img, err := c.Bytes(views.PNG, charts.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p, err := png.Decode(bytes.NewReader(img)); err != nil || p.Bounds().Dx() != charts.DefaultWidth {
			t.Errorf("%s: empty PNG %v", k, err)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	db := comparetest.Sample(t)
	for _, c := range []struct {
		req  views.Request
		want string
	}{
		{views.Request{Kind: "pie"}, "unknown chart"},
		{views.Request{Kind: views.GABreakdown, Filter: compare.Filter{From: "2025-13"}}, "from date"},
		{views.Request{Kind: views.AgreementRank, Ref: "Atlantis"}, "Atlantis"},
		{views.Request{Kind: views.AgreementRank, Ref: "P5"}, "one country"},
		{views.Request{Kind: views.AgreementRank}, "reference"},
		{views.Request{Kind: views.AgreementTime, Ref: "TWN"}, "no votes"},
		{views.Request{Kind: views.ByGroup, Symbol: "A/RES/1/1"}, "not among"},
	} {
		_, err := views.Build(db.Table, c.req)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.req, err, c.want)
		}
	}
}

func TestProvenanceOf(t *testing.T) {
	day1, day2 := "2025-03-01T10:00:00Z", "2025-04-02T09:00:00Z"
	p := views.ProvenanceOf([]record.ImportInfo{
		{Finished: day2, Dataset: "UN Digital Library voting data"},
		{Finished: day1, Dataset: "unvotes (Voeten, Harvard Dataverse); Plenary CSV"},
		{Finished: day1, Dataset: "UN Digital Library voting data"},
	})
	want := "UN Digital Library voting data (imported 2 Apr 2025); unvotes (Voeten, Harvard Dataverse) (imported 1 Mar 2025); Plenary CSV (imported 1 Mar 2025)"
	if p.Source != want || !p.Imported.IsZero() {
		t.Errorf("got %q %v\nwant %q", p.Source, p.Imported, want)
	}
	p = views.ProvenanceOf([]record.ImportInfo{{Finished: day1, Dataset: "a; b"}, {Finished: day1, Dataset: "Plenary CSV", Sample: true}})
	if p.Source != "a; b; Plenary's built-in sample" || !p.Imported.Equal(time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("got %q %v", p.Source, p.Imported)
	}
	if p := views.ProvenanceOf(nil); p.Source != "" || !p.Imported.IsZero() {
		t.Errorf("no imports: %+v", p)
	}
}

func TestWriteFile(t *testing.T) {
	db := comparetest.Sample(t)
	c := build(t, db.Table, views.Request{Kind: views.GABreakdown})
	dir := t.TempDir()
	for _, name := range []string{"a.png", "b.SVG", "c.csv"} {
		if err := c.WriteFile(filepath.Join(dir, name), charts.Options{Width: 640, Height: 400}); err != nil {
			t.Fatal(err)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 3 {
		t.Errorf("%d files in the folder, want 3 (no temporary files)", len(ents))
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "d.gif"):            "unknown extension",
		filepath.Join(dir, "noext"):            "no extension",
		filepath.Join(dir, "missing", "a.png"): "does not exist",
	} {
		if err := c.WriteFile(path, charts.Options{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	if os.Geteuid() != 0 { // root writes anywhere
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		if err := c.WriteFile(filepath.Join(ro, "a.png"), charts.Options{}); err == nil || !strings.Contains(err.Error(), "cannot be written") {
			t.Errorf("read-only folder: %v", err)
		}
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range views.Kinds() {
		if got, err := views.ParseKind(strings.ToUpper(string(k))); err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
		}
		if k.Label() == string(k) {
			t.Errorf("%s has no label", k)
		}
	}
	if _, err := views.ParseKind("pie"); err == nil || !strings.Contains(err.Error(), "vote-grid") {
		t.Errorf("ParseKind(pie): %v", err)
	}
}

// TestConcurrentBuild builds charts of two tables from several goroutines
// at once, as the app may while an export runs; run with -race.
func TestConcurrentBuild(t *testing.T) {
	tables := []*record.Table{comparetest.Sample(t).Table, comparetest.Recent(t).Table}
	done := make(chan error)
	for g := range 8 {
		go func() {
			var err error
			for i := range 6 {
				k := views.Kinds()[(g+i)%len(views.Kinds())]
				var c *views.Chart
				if c, err = views.Build(tables[(g+i)%2], views.Request{Kind: k, Ref: "USA", Filter: compare.Filter{Countries: []string{"P5", "UKR"}}}); err != nil {
					break
				}
				if _, err = c.Bytes(views.CSV, charts.Options{}); err != nil {
					break
				}
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestSelectMatchesBuild checks that Select, which the window uses to list
// the roll calls beside the chart, selects what Build drew.
func TestSelectMatchesBuild(t *testing.T) {
	db := comparetest.Recent(t)
	f := compare.Filter{Countries: []string{"P5"}, From: "2020", Contested: true}
	s, err := views.Select(db.Table, views.FilterFor(views.VoteGrid, f))
	if err != nil {
		t.Fatal(err)
	}
	c := build(t, db.Table, views.Request{Kind: views.VoteGrid, Filter: f})
	if s.Len() != c.RollCalls || s.Len() < 100 || !slices.Equal(s.Countries, c.Countries) {
		t.Errorf("Select: %d roll calls of %v; Build: %d of %v", s.Len(), s.Countries, c.RollCalls, c.Countries)
	}
	if _, err := views.Select(db.Table, compare.Filter{To: "soon"}); err == nil {
		t.Error("an invalid filter was accepted")
	}
}

// mentions are counts of a term in speeches of the filter's states and
// years, as data.Store.CountMentions gives them, for the speech views.
func mentions(f compare.Filter) []words.Count {
	var out []words.Count
	for i, c := range []string{"USA", "RUS", "CHN", "IND", "BRA", "FRA", "GBR"} {
		for y := 2010; y <= 2024; y++ {
			out = append(out, words.Count{Speech: words.Speech{ID: int64(i*100 + y), Country: c, Year: y, Session: y - 1945, Words: 3000 + 10*y%7},
				Matches: (i + y) % 5})
		}
	}
	sel, _ := selectCounts(out, f)
	return sel
}

// selectCounts keeps the counts of the speeches the filter selects.
func selectCounts(cs []words.Count, f compare.Filter) ([]words.Count, error) {
	var ss []words.Speech
	by := map[int64]words.Count{}
	for _, c := range cs {
		ss = append(ss, c.Speech)
		by[c.ID] = c
	}
	sel, err := words.Select(ss, f)
	var out []words.Count
	for _, s := range sel {
		out = append(out, by[s.ID])
	}
	return out, err
}
