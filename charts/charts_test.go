package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wcharczuk/go-chart/v2"
)

// within runs f on its own goroutine and fails the test if it does not
// return in time, so that a hang in the renderer fails instead of blocking
// the whole test run.
func within(t testing.TB, what string, f func() error) {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("panic: %v", p)
			}
		}()
		done <- f()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: still running after 20 s (hang?)", what)
	}
}

// pngOf renders c as PNG bytes and decodes them again, as a viewer would.
func pngOf(t testing.TB, c Chart, o Options) image.Image {
	t.Helper()
	o.Format = PNG
	var img image.Image
	within(t, fmt.Sprintf("PNG %T %dx%d", c, o.Width, o.Height), func() error {
		var buf bytes.Buffer
		if err := Render(&buf, c, o); err != nil {
			return err
		}
		var err error
		img, err = png.Decode(&buf)
		return err
	})
	n := o.Normalized()
	if b := img.Bounds(); b.Dx() != n.Width || b.Dy() != n.Height {
		t.Fatalf("PNG is %dx%d, want %dx%d", b.Dx(), b.Dy(), n.Width, n.Height)
	}
	return img
}

func svgOf(t testing.TB, c Chart, o Options) []byte {
	t.Helper()
	o.Format = SVG
	var out []byte
	within(t, fmt.Sprintf("SVG %T %dx%d", c, o.Width, o.Height), func() error {
		var buf bytes.Buffer
		err := Render(&buf, c, o)
		out = buf.Bytes()
		return err
	})
	return out
}

var badNumber = regexp.MustCompile(`(?:x|y|d|r|cx|cy|width|height|textLength)="[^"]*(?:NaN|Inf)`)

// checkSVG parses the SVG and checks the size, the background and the
// absence of go-chart's stray "0.00" labels and of NaN coordinates.
func checkSVG(t *testing.T, b []byte, o Options) {
	t.Helper()
	n := o.Normalized()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var root *xml.StartElement
	var firstShape *xml.StartElement
	texts := 0
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			e = e.Copy()
			if root == nil {
				root = &e
			} else if firstShape == nil && e.Name.Local != "title" {
				firstShape = &e
			}
			inText = e.Name.Local == "text"
			if inText {
				texts++
			}
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText && strings.TrimSpace(string(e)) == "0.00" {
				t.Errorf("SVG has a stray \"0.00\" text")
			}
		}
	}
	if root == nil || root.Name.Local != "svg" {
		t.Fatalf("root element is not <svg>")
	}
	attr := func(e *xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	if attr(root, "width") != fmt.Sprint(n.Width) || attr(root, "height") != fmt.Sprint(n.Height) {
		t.Errorf("svg size %s×%s, want %d×%d", attr(root, "width"), attr(root, "height"), n.Width, n.Height)
	}
	bg := paletteFor(n.Theme).bg
	wantFill := fmt.Sprintf("#%02x%02x%02x", bg.R, bg.G, bg.B)
	if firstShape == nil || firstShape.Name.Local != "rect" || attr(firstShape, "width") != fmt.Sprint(n.Width) ||
		attr(firstShape, "height") != fmt.Sprint(n.Height) || attr(firstShape, "fill") != wantFill {
		t.Errorf("first element is not a full-size %s background rect: %+v", wantFill, firstShape)
	}
	if texts == 0 {
		t.Errorf("SVG has no text")
	}
	s := string(b)
	if nt, nl := strings.Count(s, "<text "), strings.Count(s, "<text textLength="); nt != nl {
		t.Errorf("%d of %d texts lack textLength", nt-nl, nt)
	}
	if strings.Contains(s, ">0.00<") {
		t.Error("SVG contains a 0.00 label")
	}
	if m := badNumber.FindString(s); m != "" {
		t.Errorf("SVG has a non-number coordinate: %s", m)
	}
	if !strings.Contains(s, "DejaVu Sans") || strings.Contains(s, "font-family:'Roboto',sans-serif") {
		t.Errorf("SVG lacks the font fallback list")
	}
}

func rgbaAt(img image.Image, x, y int) color.RGBA {
	return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
}

func countColor(img image.Image, want color.NRGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := rgbaAt(img, x, y)
			if c.R == want.R && c.G == want.G && c.B == want.B {
				n++
			}
		}
	}
	return n
}

func lum(c color.RGBA) float64 {
	return (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
}

// checkMargins fails if anything but background was drawn in the outer
// strips of the image: text that ran off the canvas would show there.
func checkMargins(t *testing.T, img image.Image, o Options) {
	t.Helper()
	n := o.Normalized()
	bg := paletteFor(n.Theme).bg
	side, top, bottom := int(12*n.Scale), int(12*n.Scale), int(6*n.Scale)
	b := img.Bounds()
	bad := 0
	var first image.Point
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			if x >= side && x < b.Dx()-side && y >= top && y < b.Dy()-bottom {
				continue
			}
			c := rgbaAt(img, x, y)
			if c.R != bg.R || c.G != bg.G || c.B != bg.B {
				if bad == 0 {
					first = image.Pt(x, y)
				}
				bad++
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d pixels drawn in the margin (first at %v): something runs off the canvas", bad, first)
	}
}

func TestEveryKindRendersAtEverySize(t *testing.T) {
	sizes := [][2]int{{640, 400}, {1200, 800}, {3840, 2160}}
	for _, k := range kinds() {
		for _, sz := range sizes {
			o := Options{Width: sz[0], Height: sz[1]}
			t.Run(fmt.Sprintf("%s/%dx%d", k.name, sz[0], sz[1]), func(t *testing.T) {
				t.Parallel()
				img := pngOf(t, k.chart, o)
				checkMargins(t, img, o)
				checkSVG(t, svgOf(t, k.chart, o), o)
			})
		}
	}
}

// TestBreakdownColourProportions counts the vote colours of one real
// result, A/RES/ES-11/7 (93–18–65, 17 not voting): bar areas must follow
// the counts, on an absolute scale, in PNG and SVG alike.
func TestBreakdownColourProportions(t *testing.T) {
	for _, sz := range [][2]int{{1200, 800}, {3840, 2160}} {
		o := Options{Width: sz[0], Height: sz[1]}
		img := pngOf(t, singleBreakdown(), o)
		yes := countColor(img, VoteColor(VoteYes))
		no := countColor(img, VoteColor(VoteNo))
		abst := countColor(img, VoteColor(VoteAbstain))
		nv := countColor(img, VoteColor(VoteNonVoting))
		if yes == 0 {
			t.Fatalf("%v: no yes-blue pixels", sz)
		}
		for _, c := range []struct {
			name string
			got  int
			want float64
		}{{"no", no, 18}, {"abstain", abst, 65}, {"non-voting", nv, 17}} {
			ratio := float64(c.got) / float64(yes)
			want := c.want / 93
			if math.Abs(ratio-want)/want > 0.12 {
				t.Errorf("%v: %s/yes pixel ratio %.3f, want %.3f ±12%%", sz, c.name, ratio, want)
			}
		}
		// An absolute scale: 176 voters of an axis ending at 200 must not
		// fill the width the way a 100 % stacked bar would.
		if total := yes + no + abst + nv; total == 0 {
			t.Fatal("no bar pixels")
		}
	}
	svg := string(svgOf(t, singleBreakdown(), Options{}))
	for _, col := range []string{"rgba(0,114,178,1.0)", "rgba(213,94,0,1.0)", "rgba(230,159,0,1.0)", "rgba(153,153,153,1.0)"} {
		if !strings.Contains(svg, col) {
			t.Errorf("SVG lacks vote colour %s", col)
		}
	}
	for _, label := range []string{"A/RES/ES-11/7", "93–18–65"} {
		if !strings.Contains(svg, label) {
			t.Errorf("SVG lacks label %q", label)
		}
	}
}

// TestBreakdownIsAbsolute checks that a roll call with half the votes gets
// half the bar, which go-chart's stacked bars (always 100 %) would not do.
func TestBreakdownIsAbsolute(t *testing.T) {
	big := GABreakdown{Meta: meta24, RollCalls: []RollCall{{"A", feb24, Totals{Yes: 180}}}}
	small := GABreakdown{Meta: meta24, RollCalls: []RollCall{{"A", feb24, Totals{Yes: 180}}, {"B", feb24.Add(time.Hour), Totals{Yes: 90}}}}
	bi := pngOf(t, big, Options{})
	si := pngOf(t, small, Options{})
	rowWidth := func(img image.Image) []int {
		var widths []int
		b := img.Bounds()
		for y := 0; y < b.Dy(); y++ {
			n := 0
			for x := 0; x < b.Dx(); x++ {
				if c := rgbaAt(img, x, y); c.R == colYes.R && c.G == colYes.G && c.B == colYes.B {
					n++
				}
			}
			if n > 40 {
				widths = append(widths, n)
			}
		}
		return widths
	}
	bw, sw := rowWidth(bi), rowWidth(si)
	if len(bw) == 0 || len(sw) == 0 {
		t.Fatal("no bars found")
	}
	maxW, minW := 0, math.MaxInt
	for _, w := range sw {
		maxW, minW = max(maxW, w), min(minW, w)
	}
	if r := float64(minW) / float64(maxW); math.Abs(r-0.5) > 0.03 {
		t.Errorf("90-vote bar is %.2f of the 180-vote bar, want 0.5", r)
	}
}

// hardCase builds each kind from one shape of awkward input.
type hardCase func(title string, names []string) []Chart

func allKinds(m Meta, names []string, n int, v func(i, j int) float64, votes func(i, j int) Vote) []Chart {
	var rcs []RollCall
	var groups []GroupTotals
	var members []CouncilMember
	var years []MemberYears
	var vetoes []VetoSeries
	var series []AgreementSeries
	var scores []AgreementScore
	for i := range n {
		t := Totals{int(v(i, 0) * 100), int(v(i, 1) * 20), int(v(i, 2) * 60), int(v(i, 3) * 15)}
		rcs = append(rcs, RollCall{Label: names[i], Date: feb24.AddDate(0, 0, -i), Totals: t})
		groups = append(groups, GroupTotals{Group: names[i], Totals: t})
		members = append(members, CouncilMember{Code: fmt.Sprint(i), Name: names[i], Permanent: i < 5, Abstentions: t.Abstain, Votes: t.Sum()})
		var ys []YearCount
		var vs []VetoCount
		var ps []AgreementPoint
		for y := range min(n, 80) {
			ys = append(ys, YearCount{1946 + y, int(v(i, y) * 5)})
			vs = append(vs, VetoCount{1946 + y, int(v(i, y) * 3)})
			ps = append(ps, AgreementPoint{Year: 1946 + y, Agreement: v(i, y), N: 70})
		}
		years = append(years, MemberYears{Member: names[i], Years: ys})
		vetoes = append(vetoes, VetoSeries{Member: names[i], Years: vs})
		series = append(series, AgreementSeries{Country: names[i], Points: ps})
		scores = append(scores, AgreementScore{Country: names[i], Agreement: v(i, 0), N: 90})
	}
	mat := make([][]float64, n)
	grid := make([][]Vote, n)
	for i := range n {
		mat[i] = make([]float64, n)
		for j := range n {
			mat[i][j] = v(i, j)
		}
		grid[i] = make([]Vote, n+100)
		for j := range grid[i] {
			grid[i][j] = votes(i, j)
		}
	}
	rc := make([]string, n+100)
	for j := range rc {
		rc[j] = names[j%len(names)]
	}
	if n == 0 {
		rc = nil
	}
	return []Chart{
		GABreakdown{Meta: m, RollCalls: rcs},
		ByGroup{Meta: m, Groups: groups},
		SCAbstentions{Meta: m, Members: members},
		SCAbstentionsByYear{Meta: m, Members: years},
		VetoesByYear{Meta: m, Members: vetoes},
		AgreementOverTime{Meta: m, Reference: names[0], Series: series},
		AgreementRanking{Meta: m, Reference: names[0], Scores: scores, Count: n},
		AgreementMatrix{Meta: m, Countries: names[:n], Agreement: mat},
		VoteGrid{Meta: m, Countries: names[:n], RollCalls: rc, Votes: grid},
	}
}

func wave(i, j int) float64 { return 0.5 + 0.5*math.Sin(float64(i*7+j*3)) }

func voteWave(i, j int) Vote { return Vote((i*3 + j*5 + i*j) % 5) }

func longText(n int) string {
	words := strings.Fields("Resolution adopted by the General Assembly on the situation in the temporarily occupied territories including the question of the status of internally displaced persons and refugees")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()[:n]
}

func TestHardCases(t *testing.T) {
	long := longText(300)
	longNames := make([]string, 200)
	for i := range longNames {
		longNames[i] = fmt.Sprintf("%03d %s", i, long)[:300]
	}
	longMeta := Meta{Title: long, Subtitle: "Filter: " + long, Source: long, Imported: feb24, Version: long[:40]}
	cases := []struct {
		name  string
		opts  Options
		chart []Chart
	}{
		{"all-zero", Options{}, allKinds(meta24, countryNames(12), 12, func(int, int) float64 { return 0 }, func(int, int) Vote { return VoteNone })},
		{"one-point", Options{}, allKinds(meta24, countryNames(1), 1, wave, voteWave)},
		{"200-countries", Options{}, allKinds(meta24, countryNames(200), 200, wave, voteWave)},
		{"200-countries-small", Options{Width: 640, Height: 400}, allKinds(meta24, countryNames(200), 200, wave, voteWave)},
		{"300-char-text", Options{}, allKinds(longMeta, longNames, 12, wave, voteWave)},
		{"300-char-text-small", Options{Width: 640, Height: 400}, allKinds(longMeta, longNames, 12, wave, voteWave)},
		{"300-char-text-scale4", Options{Width: 3840, Height: 2160, Scale: 4}, allKinds(longMeta, longNames, 12, wave, voteWave)},
		{"scale2", Options{Width: 2400, Height: 1600, Scale: 2}, allKinds(meta24, countryNames(30), 30, wave, voteWave)},
		{"scale4-small", Options{Width: 640, Height: 400, Scale: 4}, allKinds(meta24, countryNames(30), 30, wave, voteWave)},
		{"odd-years", Options{}, []Chart{
			AgreementOverTime{Meta: meta24, Series: []AgreementSeries{{Country: "A", Points: []AgreementPoint{{Year: -2000000000, Agreement: 0.5}, {Year: 2000000000, Agreement: 0.7}}}}},
			AgreementOverTime{Meta: meta24, Series: []AgreementSeries{{Country: "A", Points: []AgreementPoint{{Year: -5, Agreement: 0.5}, {Year: 3, Agreement: math.Inf(1)}, {Year: 7, Agreement: 2}}}}},
			SCAbstentionsByYear{Meta: meta24, Members: []MemberYears{{Member: "USA", Years: []YearCount{{-3, 1}, {1946, 2}, {1 << 40, 1 << 40}}}}},
			VetoesByYear{Meta: meta24, Members: []VetoSeries{{Member: "USA", Years: []VetoCount{{-3, 1}, {1946, 2}, {1 << 40, 1 << 40}}}, {Member: "SUN", Years: []VetoCount{{1946, 1 << 62}, {1947, -4}}}}},
			GABreakdown{Meta: meta24, RollCalls: []RollCall{{"A", feb24, Totals{1 << 40, 3, -5, 2}}}},
		}},
		{"NaN-and-negative", Options{}, allKinds(meta24, countryNames(20), 20, func(i, j int) float64 {
			if (i+j)%3 == 0 {
				return math.NaN()
			}
			return -wave(i, j)
		}, func(i, j int) Vote { return Vote(i*j%9 - 2) })},
	}
	for _, tc := range cases {
		for _, c := range tc.chart {
			t.Run(fmt.Sprintf("%s/%T", tc.name, c), func(t *testing.T) {
				t.Parallel()
				img := pngOf(t, c, tc.opts)
				checkMargins(t, img, tc.opts)
				checkSVG(t, svgOf(t, c, tc.opts), tc.opts)
				var buf bytes.Buffer
				if err := WriteCSV(&buf, c); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// TestEmptyInputDrawsNoRollCallsMatch checks that every kind given nothing
// draws exactly the Empty image.
func TestEmptyInputDrawsNoRollCallsMatch(t *testing.T) {
	want := pngOf(t, Empty{Meta: meta24}, Options{})
	empties := append(allKinds(meta24, []string{"x"}, 0, wave, voteWave),
		VoteGrid{Meta: meta24, Countries: []string{"France"}},        // no roll calls
		VoteGrid{Meta: meta24, RollCalls: []string{"A/RES/ES-11/7"}}, // no countries
		AgreementOverTime{Meta: meta24, Series: []AgreementSeries{{Country: "France"}}},
		AgreementOverTime{Meta: meta24, Series: []AgreementSeries{{Country: "France", Points: []AgreementPoint{{Year: 2020, Agreement: math.NaN()}}}}},
		AgreementRanking{Meta: meta24, Scores: []AgreementScore{{Country: "France", Agreement: math.NaN()}}},
		SCAbstentionsByYear{Meta: meta24, Members: []MemberYears{{Member: "USA"}}},
		VetoesByYear{Meta: meta24, Members: []VetoSeries{{Member: "USA"}}},
		VetoesByYear{Meta: meta24, Members: []VetoSeries{{Member: "USA", Years: []VetoCount{{1990, 0}, {1991, 0}}}}},
	)
	for _, c := range empties {
		got := pngOf(t, c, Options{})
		if !sameImage(got, want) {
			t.Errorf("%T with no data does not draw the %q image", c, DefaultEmptyMessage)
		}
	}
	var nilChart Chart
	if !sameImage(pngOf(t, nilChart, Options{}), pngOf(t, Empty{}, Options{})) {
		t.Error("nil chart does not draw Empty")
	}
	// The message itself must be drawn: another message, another image.
	other := pngOf(t, Empty{Meta: meta24, Message: "Nothing"}, Options{})
	if sameImage(want, other) {
		t.Error("the empty image shows no message")
	}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgbaAt(a, x, y) != rgbaAt(b, x, y) {
				return false
			}
		}
	}
	return true
}

func TestDarkTheme(t *testing.T) {
	for _, k := range kinds() {
		t.Run(k.name, func(t *testing.T) {
			o := Options{Theme: Dark}
			img := pngOf(t, k.chart, o)
			if l := lum(rgbaAt(img, 2, 2)); l > 0.2 {
				t.Errorf("background luminance %.2f, want dark", l)
			}
			light := 0
			b := img.Bounds()
			for y := 0; y < b.Dy()/6; y++ { // the title block
				for x := 0; x < b.Dx(); x++ {
					if lum(rgbaAt(img, x, y)) > 0.75 {
						light++
					}
				}
			}
			if light < 200 {
				t.Errorf("only %d light text pixels in the title block", light)
			}
			checkMargins(t, img, o)
			checkSVG(t, svgOf(t, k.chart, o), o)
		})
	}
}

// inkBox is the bounding box of everything that is not background.
func inkBox(img image.Image, bg color.RGBA) image.Rectangle {
	var r image.Rectangle
	b := img.Bounds()
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			if rgbaAt(img, x, y) != bg {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return r
}

// TestScaleScalesEverything checks that scale 2 at twice the size draws the
// same picture twice as large: fonts, paddings and positions alike.
func TestScaleScalesEverything(t *testing.T) {
	bg := color.RGBA{255, 255, 255, 255}
	one := inkBox(pngOf(t, sampleEmpty(), Options{Width: 1200, Height: 800}), bg)
	two := inkBox(pngOf(t, sampleEmpty(), Options{Width: 2400, Height: 1600, Scale: 2}), bg)
	for _, p := range [][2]int{{one.Min.X, two.Min.X}, {one.Min.Y, two.Min.Y}, {one.Max.X, two.Max.X}} {
		if d := math.Abs(float64(p[1]) - 2*float64(p[0])); d > 4 {
			t.Errorf("scale 2 puts an edge at %d, want about %d", p[1], 2*p[0])
		}
	}
	// Title height: the first text line scales too.
	t1 := inkBox(cropTop(pngOf(t, sampleEmpty(), Options{Width: 1200, Height: 800}), 50), bg)
	t2 := inkBox(cropTop(pngOf(t, sampleEmpty(), Options{Width: 2400, Height: 1600, Scale: 2}), 100), bg)
	if r := float64(t2.Dy()) / float64(t1.Dy()); math.Abs(r-2) > 0.15 {
		t.Errorf("title is %.2f× as tall at scale 2", r)
	}
}

func cropTop(img image.Image, h int) image.Image {
	return img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(0, 0, img.Bounds().Dx(), h))
}

// TestTextMeasureMatchesRaster guards the font-size quirk of go-chart's
// raster renderer: measured widths must match the pixels drawn, or labels
// would overlap bars.
func TestTextMeasureMatchesRaster(t *testing.T) {
	img, err := RenderImage(Empty{Meta: Meta{Title: "MMMMMMMMMM"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	box := inkBox(cropTop(img, 48), color.RGBA{255, 255, 255, 255})
	r, err := chart.PNG(100, 100)
	if err != nil {
		t.Fatal(err)
	}
	cv, err := newCanvas(r, Options{}.Normalized())
	if err != nil {
		t.Fatal(err)
	}
	want := cv.measure("MMMMMMMMMM", cv.px(sizeTitle))
	if d := math.Abs(float64(box.Dx()) - want); d > 4 {
		t.Errorf("title drawn %d px wide, measured %.1f", box.Dx(), want)
	}
}

func TestOptionsNormalized(t *testing.T) {
	for _, c := range []struct{ in, want Options }{
		{Options{}, Options{Width: 1200, Height: 800, Scale: 1}},
		{Options{Width: 10, Height: 10, Scale: -3}, Options{Width: 640, Height: 400, Scale: 1}},
		{Options{Width: 99999, Height: 99999, Scale: 9}, Options{Width: 3840, Height: 2160, Scale: 4}},
		{Options{Width: 640, Height: 400, Scale: 4}, Options{Width: 640, Height: 400, Scale: 1}},
		{Options{Width: 1280, Height: 800, Scale: 2, Theme: Dark, Format: SVG}, Options{Width: 1280, Height: 800, Scale: 2, Theme: Dark, Format: SVG}},
		{Options{Scale: math.NaN(), Theme: 7, Format: 9}, Options{Width: 1200, Height: 800, Scale: 1}},
	} {
		if got := c.in.Normalized(); got != c.want {
			t.Errorf("%+v.Normalized() = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestSVGEscapesText(t *testing.T) {
	c := GABreakdown{Meta: Meta{Title: `Votes <b> & "quotes"`, Subtitle: "a\x00b\x1bc"},
		RollCalls: []RollCall{{Label: "A&B <script>", Date: feb24, Totals: Totals{1, 2, 3, 4}}}}
	b := svgOf(t, c, Options{})
	checkSVG(t, b, Options{})
	if !strings.Contains(string(b), "A&amp;B &lt;script&gt;") {
		t.Error("label not escaped")
	}
}

// TestConcurrentRendering renders every kind in parallel, as the app may;
// run with -race to check that nothing is shared unsafely.
func TestConcurrentRendering(t *testing.T) {
	done := make(chan error)
	for _, k := range kinds() {
		for _, f := range []Format{PNG, SVG} {
			go func() {
				done <- Render(io.Discard, k.chart, Options{Width: 800, Height: 500, Format: f})
			}()
		}
	}
	for range 2 * len(kinds()) {
		select {
		case err := <-done:
			if err != nil {
				t.Error(err)
			}
		case <-time.After(60 * time.Second):
			t.Fatal("concurrent rendering did not finish")
		}
	}
}
