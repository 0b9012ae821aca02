package charts

import (
	"bytes"
	"image/png"
	"math"
	"strings"
	"testing"
)

// TestMentionsCharts draws the speech charts empty, huge and with long
// labels, and checks the CSV carries what each point rests on.
func TestMentionsCharts(t *testing.T) {
	long := strings.Repeat("Saint Vincent and the Grenadines ", 6)
	var huge []MentionSeries
	for i := 0; i < 8; i++ {
		s := MentionSeries{Country: long}
		for y := 1946; y <= 2024; y++ {
			if y%11 == 0 {
				continue // a year without a speech breaks the line
			}
			s.Points = append(s.Points, MentionPoint{Year: y, Per10k: float64((y*7+i)%13) / 3, Mentions: y % 5, Words: 4000, Speeches: 1})
		}
		huge = append(huge, s)
	}
	var states []MapValue
	for i, iso := range []string{"USA", "FRA", "TUV", "CHN"} {
		states = append(states, MapValue{ISO3: iso, Name: long, Value: float64(i), N: i + 1})
	}
	states = append(states, MapValue{ISO3: "BRA", Name: "Brazil", Value: math.NaN()})
	meta := Meta{Title: long, Subtitle: long, Source: long}
	for _, c := range []Chart{MentionsTime{Meta: meta}, MentionsTime{Meta: meta, Series: huge}, MentionsMap{Meta: meta}, MentionsMap{Meta: meta, States: states, Term: "“" + long + "”"}} {
		var b bytes.Buffer
		if err := Render(&b, c, Options{Width: 1200, Height: 800}); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
		if _, err := png.Decode(&b); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
	}
	h, rows := MentionsTime{Series: huge}.table()
	if strings.Join(h, ",") != "country,year,per_10000_words,mentions,words,speeches" || len(rows) != 8*(79-8) {
		t.Errorf("mentions-time CSV: %v, %d rows", h, len(rows))
	}
	h, rows = MentionsMap{States: states}.table()
	if h[len(h)-1] != "speeches" || len(rows) != 5 {
		t.Errorf("mentions-map CSV: %v, %v", h, rows)
	}
}
