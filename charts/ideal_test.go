package charts

import (
	"bytes"
	"encoding/csv"
	"image"
	"image/png"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// idealSample is three states' positions, with a gap, a flagged estimate
// and a point without a value.
func idealSample() IdealTime {
	line := func(from, to int, base, slope float64) []IdealPoint {
		var out []IdealPoint
		for y := from; y <= to; y++ {
			v := base + slope*float64(y-from) + 0.2*math.Sin(float64(y))
			out = append(out, IdealPoint{Year: y, Ideal: v, Lo: v - 0.25, Hi: v + 0.25, N: 80})
		}
		return out
	}
	usa := line(1970, 2012, 1.8, 0.02)
	rus := append(line(1970, 1984, -2.1, 0.01), line(1990, 2012, -0.2, -0.02)...) // 1985-1989 missing
	zaf := line(1970, 2012, 0.5, -0.03)
	zaf[10].Flag, zaf[10].N, zaf[10].Lo, zaf[10].Hi = true, 3, zaf[10].Ideal-1.96, zaf[10].Ideal+1.96
	zaf[20].Ideal = math.NaN()
	m := Meta{Title: "Ideal points", Subtitle: "General Assembly, by session", Source: "unvotes", Imported: feb24, Version: "test"}
	return IdealTime{Meta: m, Series: []IdealSeries{
		{Country: "United States", Points: usa}, {Country: "Russia", Points: rus}, {Country: "South Africa", Points: zaf},
	}}
}

func TestIdealRunsBreakAtGaps(t *testing.T) {
	s := IdealSeries{Points: []IdealPoint{
		{Year: 2003, Ideal: 1, Lo: 0, Hi: 2}, {Year: 2001, Ideal: 1, Lo: 0, Hi: 2}, {Year: 2002, Ideal: 1, Lo: 0, Hi: 2},
		{Year: 2002, Ideal: 5, Lo: 4, Hi: 6}, // duplicate year: the first stays
		{Year: 2006, Ideal: 1, Lo: 0, Hi: 2}, {Year: 2007, Ideal: math.Inf(1), Lo: 0, Hi: 2}, {Year: 2008, Ideal: 1, Lo: 0, Hi: 2},
	}}
	runs := s.runs()
	want := [][]int{{2001, 2002, 2003}, {2006}, {2008}}
	if len(runs) != len(want) {
		t.Fatalf("runs %v, want years %v", runs, want)
	}
	for i, r := range runs {
		if len(r) != len(want[i]) {
			t.Fatalf("run %d: %v, want years %v", i, r, want[i])
		}
		for k, p := range r {
			if p.Year != want[i][k] || p.Ideal != 1 {
				t.Errorf("run %d point %d: %+v, want year %d at 1", i, k, p, want[i][k])
			}
		}
	}
}

// TestIdealTimeGapLeftEmpty renders a single series with a five-year gap
// and checks that no pixel of the series colour lies in the gap.
func TestIdealTimeGapLeftEmpty(t *testing.T) {
	a := idealSample()
	a.Series = a.Series[1:2] // Russia alone, missing 1985-1989
	img := pngOf(t, a, Options{})
	col := paletteFor(Light).series[0]
	// Year x positions are linear between the first and the last dot, so
	// the gap's middle (1987) is found from the dots' extreme columns.
	left, right := math.MaxInt, math.MinInt
	b := img.Bounds()
	match := func(x, y int) bool {
		r, g, bl, _ := img.At(x, y).RGBA()
		return uint8(r>>8) == col.R && uint8(g>>8) == col.G && uint8(bl>>8) == col.B
	}
	for y := b.Min.Y + b.Dy()/8; y < b.Max.Y-b.Dy()/6; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if match(x, y) {
				left, right = min(left, x), max(right, x)
			}
		}
	}
	if left >= right {
		t.Fatal("the series colour is nowhere in the plot")
	}
	perYear := float64(right-left) / float64(2012-1970+1)
	mid := left + int(perYear*(1987-1970+0.5))
	for y := b.Min.Y + b.Dy()/8; y < b.Max.Y-b.Dy()/6; y++ {
		for x := mid - int(perYear); x <= mid+int(perYear); x++ {
			if match(x, y) {
				t.Fatalf("series colour at (%d,%d), inside the 1985-1989 gap", x, y)
			}
		}
	}
}

func TestIdealTimeOutput(t *testing.T) {
	a := idealSample()
	img := pngOf(t, a, Options{})
	checkMargins(t, img, Options{})
	checkSVG(t, svgOf(t, a, Options{}), Options{})
	var buf bytes.Buffer
	if err := WriteCSV(&buf, a); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 43 + 38 + 42 plotted points (one without a value) and the header.
	if len(rows) != 1+43+38+42 {
		t.Errorf("%d CSV rows, want %d", len(rows), 1+43+38+42)
	}
	if got := rows[0]; len(got) != 7 || got[2] != "ideal" || got[6] != "flagged" {
		t.Errorf("CSV header %v", got)
	}
	if empty := pngOf(t, IdealTime{Meta: meta24, Series: []IdealSeries{{Country: "France"}}}, Options{}); !sameImage(empty, pngOf(t, Empty{Meta: meta24}, Options{})) {
		t.Error("IdealTime without points does not draw the empty image")
	}
	if dir := os.Getenv("PLENARY_CHART_DIR"); dir != "" {
		writePNG(t, dir+"/ideal_time.png", img)
	}
}

func writePNG(t *testing.T, path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// idealDistributionSample is 190 states spread over the scale, five of
// them selected, one with too few votes.
func idealDistributionSample() IdealDistribution {
	var states []IdealState
	for i := range 190 {
		v := 2.2*math.Sin(float64(i)*1.7) + 0.3*math.Cos(float64(i)*0.3)
		states = append(states, IdealState{Country: "State " + strconv.Itoa(i), Ideal: v, Lo: v - 0.2, Hi: v + 0.2, N: 90})
	}
	names := []string{"United States", "Russia", "China", "India", "Brazil"}
	for i, n := range names {
		states[i*7].Country = n
	}
	states[21].Flag, states[21].Lo, states[21].Hi = true, states[21].Ideal-1.96, states[21].Ideal+1.96
	states = append(states, IdealState{Country: "No value", Ideal: math.NaN()})
	m := Meta{Title: "Ideal points, 2019", Subtitle: "General Assembly", Source: "unvotes", Imported: feb24, Version: "test"}
	return IdealDistribution{Meta: m, States: states, Selected: names}
}

func TestIdealDistributionOutput(t *testing.T) {
	a := idealDistributionSample()
	img := pngOf(t, a, Options{})
	checkMargins(t, img, Options{})
	checkSVG(t, svgOf(t, a, Options{}), Options{})
	small := pngOf(t, a, Options{Width: 640, Height: 400})
	checkMargins(t, small, Options{Width: 640, Height: 400})
	var buf bytes.Buffer
	if err := WriteCSV(&buf, a); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+190 {
		t.Fatalf("%d CSV rows, want 191 (the state without a value left out)", len(rows))
	}
	selected := 0
	for _, r := range rows[1:] {
		if r[6] == "true" {
			selected++
		}
	}
	if selected != 5 {
		t.Errorf("%d selected rows, want 5", selected)
	}
	// The selected states' colour is in the image.
	col := paletteFor(Light).series[0]
	found := false
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && !found; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if uint8(r>>8) == col.R && uint8(g>>8) == col.G && uint8(bl>>8) == col.B {
				found = true
				break
			}
		}
	}
	if !found {
		t.Error("the first selected state's colour is not drawn")
	}
	if empty := pngOf(t, IdealDistribution{Meta: meta24}, Options{}); !sameImage(empty, pngOf(t, Empty{Meta: meta24}, Options{})) {
		t.Error("IdealDistribution without states does not draw the empty image")
	}
	if dir := os.Getenv("PLENARY_CHART_DIR"); dir != "" {
		writePNG(t, dir+"/ideal_distribution.png", img)
		writePNG(t, dir+"/ideal_distribution_small.png", small)
	}
}

func TestIdealDistanceAndAlignment(t *testing.T) {
	s := idealSample()
	var dist []IdealPoint
	rus := map[int]IdealPoint{}
	for _, p := range s.Series[1].Points {
		rus[p.Year] = p
	}
	for _, p := range s.Series[0].Points {
		if r, ok := rus[p.Year]; ok {
			d := math.Abs(p.Ideal - r.Ideal)
			dist = append(dist, IdealPoint{Year: p.Year, Ideal: d, Lo: d, Hi: d, N: p.N})
		}
	}
	d := IdealDistance{Meta: s.Meta, Pairs: []IdealSeries{{Country: "United States – Russia", Points: dist}}}
	states := idealDistributionSample().States
	var al []AlignmentState
	a, b := states[0].Ideal, states[7].Ideal // United States, Russia
	for _, st := range states {
		al = append(al, AlignmentState{Country: st.Country, Alignment: (2*st.Ideal - a - b) / (a - b)})
	}
	align := Alignment{Meta: s.Meta, PoleA: "United States", PoleB: "Russia", States: al, Selected: []string{"United States", "Russia", "China", "India", "Brazil"}}
	for name, c := range map[string]Chart{"ideal_distance": d, "alignment": align} {
		img := pngOf(t, c, Options{})
		checkMargins(t, img, Options{})
		checkSVG(t, svgOf(t, c, Options{}), Options{})
		var buf bytes.Buffer
		if err := WriteCSV(&buf, c); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"ideal_distance": 1 + 15 + 23, "alignment": 1 + 190}[name]
		if len(rows) != want {
			t.Errorf("%s: %d CSV rows, want %d", name, len(rows), want)
		}
		if dir := os.Getenv("PLENARY_CHART_DIR"); dir != "" {
			writePNG(t, dir+"/"+name+".png", img)
		}
	}
	rows, _ := csv.NewReader(bytes.NewReader(must(t, align))).ReadAll()
	poles := map[string]string{}
	for k, r := range rows[1:] {
		if r[0] != strconv.Itoa(k+1) {
			t.Errorf("row %d ranked %s", k+1, r[0])
		}
		poles[r[1]] = r[2]
	}
	num := func(s string) float64 { // cells starting with "-" carry the CSV's formula guard
		v, _ := strconv.ParseFloat(strings.TrimPrefix(s, "'"), 64)
		return v
	}
	if math.Abs(num(poles["United States"])-1) > 1e-9 || math.Abs(num(poles["Russia"])+1) > 1e-9 {
		t.Errorf("poles at %s and %s, want 1 and -1", poles["United States"], poles["Russia"])
	}
	for _, c := range []Chart{IdealDistance{Meta: meta24}, Alignment{Meta: meta24, States: []AlignmentState{{"France", math.NaN()}}}} {
		if !sameImage(pngOf(t, c, Options{}), pngOf(t, Empty{Meta: meta24}, Options{})) {
			t.Errorf("%T without data does not draw the empty image", c)
		}
	}
}

// must is the CSV of a chart.
func must(t *testing.T, c Chart) []byte {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
