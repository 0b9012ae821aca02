package charts

import (
	"math"
	"path/filepath"
	"strconv"
	"testing"

	"plenary/data/compare/comparetest"
	"plenary/data/countries"
)

// agreementUSA2025 computes, from the 2025 General Assembly votes, each
// member's agreement with the United States: the share of roll calls on
// which both voted (yes, no or abstain) and voted the same.
func agreementUSA2025(t testing.TB) AgreementMap {
	t.Helper()
	recs := readMapCSV(t, filepath.Join(comparetest.Dataset(t, "unga2025"), "votes.csv"))
	votes := map[string]map[string]string{} // resolution -> iso3 -> vote
	for _, r := range recs[1:] {            // resolution,date,country_iso3,country_name,vote
		if votes[r[0]] == nil {
			votes[r[0]] = map[string]string{}
		}
		votes[r[0]][r[2]] = r[4]
	}
	same, n := map[string]int{}, map[string]int{}
	for _, byState := range votes {
		us := byState["USA"]
		if us == "X" || us == "" {
			continue
		}
		for iso, v := range byState {
			if v == "X" {
				continue
			}
			n[iso]++
			if v == us {
				same[iso]++
			}
		}
	}
	m := AgreementMap{
		Meta:    Meta{Title: "Agreement with the United States, General Assembly 2025", Subtitle: "Share of roll calls voted the same way (identical votes), 192 recorded votes", Source: "UN Digital Library via the 3DL database"},
		Ref:     "USA",
		RefName: "United States",
		Metric:  "Agreement (identical votes)",
		MinN:    10,
		Lineage: registryLineage(),
	}
	for _, iso := range countries.Members("2025-12-31") {
		c, _ := countries.ByISO3(iso)
		v := math.NaN()
		if n[iso] > 0 {
			v = float64(same[iso]) / float64(n[iso])
		}
		m.States = append(m.States, MapValue{ISO3: iso, Name: c.Name, Value: v, N: n[iso]})
	}
	return m
}

// bsvNames are the dataset's names that the registry does not know.
var bsvNames = map[string]string{"German Federal Republic": "DEU"}

// ideal2012 reads Bailey, Strezhnev and Voeten's published ideal points
// of 2012, matching states by name.
func ideal2012(t testing.TB) IdealMap {
	t.Helper()
	recs := readMapCSV(t, comparetest.Dataset(t, "bsv/unvoting_qss.csv"))
	m := IdealMap{
		Meta:    Meta{Title: "Ideal points, General Assembly 2012", Subtitle: "Bailey, Strezhnev and Voeten's estimates; higher: closer to the United States", Source: "Bailey, Strezhnev and Voeten (2017)"},
		Label:   "Ideal point (higher: closer to the US)",
		Lineage: registryLineage(),
	}
	for _, r := range recs[1:] { // Year,CountryAbb,CountryName,idealpoint,...
		if r[0] != "2012" {
			continue
		}
		iso, ok := countries.LookupAt(r[2], "2012-12-31")
		if !ok {
			iso, ok = bsvNames[r[2]]
		}
		if !ok {
			t.Errorf("unknown state %q", r[2])
			continue
		}
		v, err := strconv.ParseFloat(r[3], 64)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := countries.ByISO3(iso)
		m.States = append(m.States, MapValue{ISO3: iso, Name: c.Name, Value: v})
	}
	return m
}

// The agreement map: the reference in the text colour, states under the
// minimum in grey, and the others on viridis, which grows lighter with
// agreement, so fill lightness must rank states as their values do.
func TestAgreementMap(t *testing.T) {
	m := agreementUSA2025(t)
	b := svgOf(t, m, Options{Width: 1200, Height: 800, Format: SVG})
	groups := svgGroups(t, b)
	type pair struct{ v, lum float64 }
	var pairs []pair
	for _, s := range m.States {
		fill, ok := groups[s.ISO3]
		if !ok {
			t.Errorf("%s missing from the SVG", s.ISO3)
			continue
		}
		switch {
		case s.ISO3 == "USA":
			if fill != "#1a1a1a" {
				t.Errorf("reference filled %s", fill)
			}
		case s.N < m.MinN:
			if fill != "#9ea3aa" {
				t.Errorf("%s rests on %d roll calls but is filled %s", s.ISO3, s.N, fill)
			}
		default:
			pairs = append(pairs, pair{s.Value, hexLum(t, fill)})
		}
	}
	// Afghanistan and Venezuela have no votes in this dataset.
	if groups["AFG"] != "#9ea3aa" || groups["VEN"] != "#9ea3aa" {
		t.Errorf("AFG %s, VEN %s: want the grey of too few roll calls", groups["AFG"], groups["VEN"])
	}
	if len(pairs) < 180 {
		t.Fatalf("only %d coloured states", len(pairs))
	}
	for i := range pairs {
		for j := range pairs {
			if pairs[i].v+0.02 < pairs[j].v && pairs[i].lum > pairs[j].lum {
				t.Fatalf("agreement %.3f is lighter (%.3f) than %.3f (%.3f)", pairs[i].v, pairs[i].lum, pairs[j].v, pairs[j].lum)
			}
		}
	}
	// The CSV has the agreement and the roll calls it rests on.
	h, rows := m.table()
	if len(h) != 5 || h[4] != "n" || len(rows) != len(m.States) {
		t.Fatalf("CSV header %v, %d rows", h, len(rows))
	}
	for i, r := range rows {
		if r[4] != strconv.Itoa(m.States[i].N) {
			t.Errorf("row %v: n %s, want %d", r, r[4], m.States[i].N)
		}
	}
}

func hexLum(t *testing.T, hex string) float64 {
	t.Helper()
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("bad fill %q", hex)
	}
	r, g, b := float64(v>>16), float64(v>>8&0xff), float64(v&0xff)
	return 0.2126*r + 0.7152*g + 0.0722*b
}

// The ideal-point map is centred: the scale runs symmetrically from −e to
// +e, zero takes ColorBrewer's RdYlBu middle (#FFFFBF) and the extremes
// its ends (#D73027, #4575B4).
func TestIdealMapCentred(t *testing.T) {
	m := ideal2012(t)
	m.States = append(m.States[:0:0], m.States...)
	idx := map[string]int{}
	for i, s := range m.States {
		idx[s.ISO3] = i
	}
	// The half-width covers the largest |value|, rounded up to a half.
	e, big := m.extent(), 0.0
	for _, s := range m.States {
		big = math.Max(big, math.Abs(s.Value))
	}
	if e < big || e >= big+0.5 || math.Mod(e, 0.5) != 0 {
		t.Fatalf("extent %g for a largest |value| of %g", e, big)
	}
	// Put three states at the middle and at both ends of the scale.
	m.States[idx["FRA"]].Value = 0
	m.States[idx["USA"]].Value = e
	m.States[idx["IRN"]].Value = -e
	groups := svgGroups(t, svgOf(t, m, Options{Format: SVG}))
	for iso, want := range map[string]string{"FRA": "#ffffbf", "USA": "#4575b4", "IRN": "#d73027"} {
		if groups[iso] != want {
			t.Errorf("%s filled %s, want %s", iso, groups[iso], want)
		}
	}
	if len(m.States) != 193 {
		t.Errorf("%d states in 2012, want 193", len(m.States))
	}
}
