package charts

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/golang/freetype/raster"

	"plenary/charts/geo"
	"plenary/data/compare/comparetest"
	"plenary/data/countries"
)

// registryLineage is what the app passes: the registry's successors and
// continued seats, with the map's territorial additions.
func registryLineage() geo.Lineage {
	l := geo.Lineage{Successors: map[string][]string{}, Continues: map[string]string{}}
	for _, c := range countries.All() {
		if len(c.Successors) > 0 {
			l.Successors[c.ISO3] = c.Successors
		}
		if c.Continues != "" {
			l.Continues[c.ISO3] = c.Continues
		}
	}
	return l.WithTerritory()
}

func readMapCSV(t testing.TB, path string) [][]string {
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

var voteCodes = map[string]Vote{"Y": VoteYes, "N": VoteNo, "A": VoteAbstain, "X": VoteNonVoting,
	"yes": VoteYes, "no": VoteNo, "abstain": VoteAbstain}

// es117 reads the 193 votes on A/RES/ES-11/7 from the feb2025 dataset.
func es117(t testing.TB) VoteMap {
	t.Helper()
	recs := readMapCSV(t, comparetest.Dataset(t, "feb2025/votes.csv"))
	m := VoteMap{
		Meta:    Meta{Title: "A/RES/ES-11/7: Advancing a comprehensive, just and lasting peace in Ukraine", Subtitle: "General Assembly, 24 February 2025", Source: "UN Digital Library"},
		Lineage: registryLineage(),
	}
	for _, r := range recs[1:] { // body,resolution,date,country_iso3,country_name,vote
		if r[1] == "A/RES/ES-11/7" {
			m.Votes = append(m.Votes, MapVote{ISO3: r[3], Name: r[4], Vote: voteCodes[r[5]]})
		}
	}
	return m
}

// zionism1975 reads the unvotes record of A/RES/3379 (XXX), 10 November
// 1975 (dated 1 November in the dataset): every member of that day, with
// its vote, or non-voting where the dataset has no row (it drops absences).
func zionism1975(t testing.TB) VoteMap {
	t.Helper()
	dir := comparetest.Dataset(t, "unvotes")
	const rcid, date = "1622", "1975-11-01"
	votes := map[string]Vote{}
	for _, r := range readMapCSV(t, filepath.Join(dir, "votes.csv"))[1:] { // rcid,country,country_code,vote
		if r[0] != rcid {
			continue
		}
		iso, ok := countries.LookupAt(r[1], date)
		if !ok {
			c, ok2 := countries.ByISO2(r[2])
			if !ok2 {
				t.Fatalf("unknown country %q", r[1])
			}
			iso = c.ISO3
		}
		votes[iso] = voteCodes[r[3]]
	}
	m := VoteMap{Meta: Meta{Title: "A/RES/3379 (XXX): Elimination of all forms of racial discrimination", Subtitle: "General Assembly, 10 November 1975", Source: "unvotes (Voeten)"},
		Lineage: registryLineage()}
	for _, iso := range countries.Members(date) {
		c, _ := countries.ByISO3(iso)
		v, ok := votes[iso]
		if !ok {
			v = VoteNonVoting
		}
		m.Votes = append(m.Votes, MapVote{ISO3: iso, Name: c.Name, Vote: v})
	}
	if len(votes) < 130 {
		t.Fatalf("only %d votes read for rcid %s", len(votes), rcid)
	}
	return m
}

// svgGroups parses an SVG and returns the fill of every <g id=…>, failing
// on a repeated id.
func svgGroups(t *testing.T, b []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "g" {
			continue
		}
		var id, fill string
		for _, a := range e.Attr {
			switch a.Name.Local {
			case "id":
				id = a.Value
			case "fill":
				fill = a.Value
			}
		}
		if _, dup := out[id]; dup {
			t.Errorf("id %q appears twice", id)
		}
		out[id] = fill
	}
	return out
}

// checkVoteFills finds every state of m by id with the fill of its vote:
// one fill per vote category, a different one for each category. The
// expected fills are the published Okabe–Ito hex codes, not the package's
// variables.
func checkVoteFills(t *testing.T, m VoteMap, svg []byte) {
	t.Helper()
	want := map[Vote]string{VoteYes: "#0072b2", VoteNo: "#d55e00", VoteAbstain: "#e69f00", VoteNonVoting: "#999999"}
	groups := svgGroups(t, svg)
	fills := map[Vote]map[string]bool{}
	for _, v := range m.Votes {
		got, ok := groups[v.ISO3]
		if !ok {
			t.Errorf("%s (%s) not in the SVG", v.ISO3, v.Name)
			continue
		}
		if got != want[v.Vote] {
			t.Errorf("%s voted %s but is filled %s, want %s", v.ISO3, v.Vote, got, want[v.Vote])
		}
		if fills[v.Vote] == nil {
			fills[v.Vote] = map[string]bool{}
		}
		fills[v.Vote][got] = true
	}
	seen := map[string]Vote{}
	for v, fs := range fills {
		if len(fs) != 1 {
			t.Errorf("%s has %d fills: %v", v, len(fs), fs)
		}
		for f := range fs {
			if o, dup := seen[f]; dup {
				t.Errorf("%s and %s share the fill %s", o, v, f)
			}
			seen[f] = v
		}
	}
}

func TestVoteMapES117SVG(t *testing.T) {
	m := es117(t)
	if len(m.Votes) != 193 {
		t.Fatalf("%d votes on A/RES/ES-11/7, want 193", len(m.Votes))
	}
	o := Options{Width: 1200, Height: 800, Format: SVG}
	b := svgOf(t, m, o)
	checkSVG(t, b, o)
	checkVoteFills(t, m, b)
	// The legend counts are the published result: 93 yes, 18 no, 65
	// abstentions, 17 non-voting; and every member is shown.
	for _, s := range []string{">Yes 93<", ">No 18<", ">Abstain 65<", ">Non-voting 17<", ">193 of 193 members shown<", "do not imply endorsement"} {
		if !strings.Contains(string(b), s) {
			t.Errorf("SVG lacks %q", s)
		}
	}
}

func TestVoteMap1975SVG(t *testing.T) {
	m := zionism1975(t)
	b := svgOf(t, m, Options{Width: 1200, Height: 800, Format: SVG})
	checkVoteFills(t, m, b)
	// Published result of 10 November 1975: 72 in favour, 35 against, 32
	// abstentions.
	for _, s := range []string{">Yes 72<", ">No 35<", ">Abstain 32<", fmt.Sprintf(">%d of %d members shown<", len(m.Votes), len(m.Votes))} {
		if !strings.Contains(string(b), s) {
			t.Errorf("SVG lacks %q", s)
		}
	}
	for _, iso := range []string{"DDR", "YUG", "SUN", "CSK", "YAR", "YMD"} {
		if !slices.ContainsFunc(m.Votes, func(v MapVote) bool { return v.ISO3 == iso }) {
			t.Errorf("%s is not among the 1975 voters", iso)
		}
	}
	// How each former state is shown, in the CSV.
	_, rows := m.table()
	shown := map[string]string{}
	for _, r := range rows {
		shown[r[0]] = r[3]
	}
	for iso, want := range map[string]string{
		"DDR": "marker", "YMD": "marker", "CSK": "territory of CZE SVK", "YAR": "territory of YEM", "DEU": "territory",
	} {
		if shown[iso] != want {
			t.Errorf("%s shown as %q, want %q", iso, shown[iso], want)
		}
	}
	if !strings.Contains(shown["SUN"], " RUS ") || !strings.Contains(shown["SUN"], " KAZ ") || !strings.Contains(shown["YUG"], " SRB ") {
		t.Errorf("SUN shown as %q, YUG as %q", shown["SUN"], shown["YUG"])
	}
}

// The CSV lists every state in the given order with its vote and how it
// is shown; the small states named in the requirement are markers.
func TestVoteMapCSV(t *testing.T) {
	m := es117(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, m); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], []string{"iso3", "name", "value", "shown_as"}) {
		t.Fatalf("header %v", recs[0])
	}
	if len(recs) != 194 {
		t.Fatalf("%d rows, want 193", len(recs)-1)
	}
	byISO := map[string][]string{}
	for i, r := range recs[1:] {
		if r[0] != m.Votes[i].ISO3 || r[2] != m.Votes[i].Vote.String() {
			t.Errorf("row %d: %v, want %s %s", i+1, r, m.Votes[i].ISO3, m.Votes[i].Vote)
		}
		byISO[r[0]] = r
	}
	for _, iso := range []string{"TUV", "NRU", "MCO", "SMR", "LIE", "AND", "MLT", "KNA", "VCT", "GRD", "DMA", "LCA", "ATG", "BRB", "MHL", "PLW", "FSM", "TON", "WSM", "KIR", "MDV", "SYC", "STP", "LUX"} {
		if s := byISO[iso][3]; !strings.HasPrefix(s, "marker") {
			t.Errorf("%s shown as %q, want a marker", iso, s)
		}
	}
	for _, iso := range []string{"USA", "RUS", "FRA", "BRA", "DEU", "UKR", "BEL", "NLD"} {
		if s := byISO[iso][3]; s != "territory" {
			t.Errorf("%s shown as %q, want territory", iso, s)
		}
	}
	// Independently: a state is a marker exactly when its area on the map,
	// summed from the shapes, is below the threshold.
	w, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for iso, r := range byISO {
		s, ok := w.Shape(iso)
		area := 0.0
		if ok {
			for _, ring := range s.Rings {
				area += shoelace(ring)
			}
		}
		km2 := area * 6371.007 * 6371.007
		if marker := strings.HasPrefix(r[3], "marker"); marker != (km2 < 15000) {
			t.Errorf("%s: %.0f km² on the map, shown as %q", iso, km2, r[3])
		}
	}
}

var regexpCircles = regexp.MustCompile(`<circle cx="(-?\d+)" cy="(-?\d+)" r="(\d+)"`)

func shoelace(r []geo.Point) float64 {
	s := 0.0
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		s += p.X*q.Y - q.X*p.Y
	}
	return s / 2
}

// No marker hides another, at any size, and the PNG shows every vote
// colour.
func TestVoteMapMarkersApart(t *testing.T) {
	m := es117(t)
	for _, o := range []Options{{Width: 1200, Height: 800}, {Width: 640, Height: 400}, {Width: 3840, Height: 2160, Scale: 2}, {Width: 1920, Height: 1080, Scale: 1.5}} {
		o = o.Normalized()
		b := svgOf(t, m, Options{Width: o.Width, Height: o.Height, Scale: o.Scale, Format: SVG})
		circles := regexpCircles.FindAllStringSubmatch(string(b), -1)
		if len(circles) < 20 {
			t.Fatalf("%dx%d: only %d markers", o.Width, o.Height, len(circles))
		}
		var cs [][3]float64
		for _, c := range circles {
			var x, y, r float64
			fmt.Sscan(c[1]+" "+c[2]+" "+c[3], &x, &y, &r)
			cs = append(cs, [3]float64{x, y, r})
		}
		for i := range cs {
			for j := i + 1; j < len(cs); j++ {
				if d := math.Hypot(cs[i][0]-cs[j][0], cs[i][1]-cs[j][1]); d < cs[i][2]+cs[j][2] {
					t.Errorf("%dx%d: markers at %v and %v overlap", o.Width, o.Height, cs[i], cs[j])
				}
			}
		}
		img := pngOf(t, m, o)
		for _, v := range []Vote{VoteYes, VoteNo, VoteAbstain, VoteNonVoting} {
			if n := countColor(img, VoteColor(v)); n < 50 {
				t.Errorf("%dx%d: %s colour on %d pixels", o.Width, o.Height, v, n)
			}
		}
	}
}

// BenchmarkVoteMap draws the map of A/RES/ES-11/7 at 1200×800 (goal: 50
// ms for a PNG).
func BenchmarkVoteMap(b *testing.B) {
	m := es117(b)
	for _, f := range []Format{PNG, SVG} {
		b.Run(f.String(), func(b *testing.B) {
			for b.Loop() {
				if err := Render(io.Discard, m, Options{Width: 1200, Height: 800, Format: f}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The Security Council map of S/RES/2774 (2025): the fifteen members in
// the colours of their votes (10 yes, 5 abstentions), every other state in
// the grey of the land no member holds.
func TestVoteMapCouncil(t *testing.T) {
	recs := readMapCSV(t, comparetest.Dataset(t, "feb2025/votes.csv"))
	m := VoteMap{Meta: Meta{Title: "S/RES/2774 (2025)"}, NonMembers: "Not on the Council", Lineage: registryLineage()}
	for _, r := range recs[1:] {
		if r[0] == "SC" {
			m.Votes = append(m.Votes, MapVote{ISO3: r[3], Name: r[4], Vote: voteCodes[r[5]]})
		}
	}
	if len(m.Votes) != 15 {
		t.Fatalf("%d Council votes, want 15", len(m.Votes))
	}
	b := svgOf(t, m, Options{Format: SVG})
	checkVoteFills(t, m, b)
	groups := svgGroups(t, b)
	for _, iso := range []string{"DEU", "BRA", "IND", "UKR", "AUS"} { // not on the Council in 2025
		if groups[iso] != "#d9dce1" {
			t.Errorf("%s filled %s, want the grey of non-members", iso, groups[iso])
		}
	}
	for _, s := range []string{">Yes 10<", ">No 0<", ">Abstain 5<", ">Not on the Council<", ">15 of 15 members shown<"} {
		if !bytes.Contains(b, []byte(s)) {
			t.Errorf("SVG lacks %q", s)
		}
	}
}

// The note under a map explains only the kinds of circles it has.
func TestMapMarkerNote(t *testing.T) {
	for _, c := range []struct {
		m    VoteMap
		want string
	}{
		{es117(t), noteSmall},
		{zionism1975(t), noteBoth},
		{VoteMap{Votes: []MapVote{{ISO3: "DDR"}, {ISO3: "DEU"}}, Lineage: registryLineage()}, noteFormer},
		{VoteMap{Votes: []MapVote{{ISO3: "FRA"}}, Lineage: registryLineage()}, ""},
	} {
		b := string(svgOf(t, c.m, Options{Width: 1600, Format: SVG}))
		for _, n := range []string{noteSmall, noteFormer, noteBoth} {
			if strings.Contains(b, n) != (n == c.want) {
				t.Errorf("%d states: note %q present = %v, want note %q", len(c.m.Votes), n, !(n == c.want), c.want)
			}
		}
	}
}

// BenchmarkVoteMapCold is BenchmarkVoteMap's PNG with nothing kept from an
// earlier chart: the first map a window draws at a new size.
func BenchmarkVoteMapCold(b *testing.B) {
	m := es117(b)
	for b.Loop() {
		shapeCache.Lock()
		shapeCache.m = map[shapeKey]shapeRaster{}
		shapeCache.Unlock()
		glyphCache.Lock()
		glyphCache.m = map[glyphKey][]raster.Span{}
		glyphCache.Unlock()
		if err := Render(io.Discard, m, Options{Width: 1200, Height: 800, Format: PNG}); err != nil {
			b.Fatal(err)
		}
	}
}
