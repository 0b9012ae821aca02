package idealpoint

import (
	"slices"
	"strings"
	"testing"

	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

func TestBridgeKey(t *testing.T) {
	long := "Situation of human rights in the Islamic Republic of Iran"
	tests := []struct {
		name string
		rc   record.RollCall
		want string
	}{
		{"description", record.RollCall{Body: record.GA, Title: "IRAN", Description: long}, "GA|SITUATION OF HUMAN RIGHTS IN THE ISLAMIC REPUBLIC OF IRAN"},
		{"title when no description", record.RollCall{Body: record.GA, Title: long + " : resolution / adopted by the General Assembly"}, "GA|SITUATION OF HUMAN RIGHTS IN THE ISLAMIC REPUBLIC OF IRAN"},
		{"punctuation and case", record.RollCall{Body: record.SC, Description: "  situation, of HUMAN-rights in the Islamic   Republic of Iran."}, "SC|SITUATION OF HUMAN RIGHTS IN THE ISLAMIC REPUBLIC OF IRAN"},
		{"amendment", record.RollCall{Body: record.GA, Description: long, Flags: record.Amendment}, ""},
		{"paragraph", record.RollCall{Body: record.GA, Description: long, Flags: record.Paragraph | record.Important}, ""},
		{"too short", record.RollCall{Body: record.GA, Description: "Draft resolution (L.23)"}, ""},
		{"empty", record.RollCall{Body: record.GA}, ""},
	}
	for _, tt := range tests {
		if got := bridgeKey(&tt.rc); got != tt.want {
			t.Errorf("%s: bridgeKey = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBridgeGroups(t *testing.T) {
	text := "Necessity of ending the economic, commercial and financial embargo"
	tab := &record.Table{RollCalls: []record.RollCall{
		{Body: record.GA, Description: text},           // period 0
		{Body: record.GA, Description: text},           // period 1
		{Body: record.GA, Description: "Other matter"}, // period 1
		{Body: record.GA, Description: text},           // period 2
		{Body: record.GA, Description: "Twice in one period, so not a bridge"},
		{Body: record.GA, Description: "Twice in one period, so not a bridge"},
	}}
	rows := []int{0, 1, 2, 3, 4, 5}
	period := []int{0, 1, 1, 2, 3, 3}
	got := bridgeGroups(tab, rows, period, true)
	want := [][]int{{0, 1, 3}, {2}, {4}, {5}}
	if len(got) != len(want) {
		t.Fatalf("groups %v, want %v", got, want)
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("groups %v, want %v", got, want)
		}
		for k := range want[i] {
			if got[i][k] != want[i][k] {
				t.Fatalf("groups %v, want %v", got, want)
			}
		}
	}
	if n := len(bridgeGroups(tab, rows, period, false)); n != 6 {
		t.Errorf("with bridging off: %d groups, want 6", n)
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		rc    record.RollCall
		by    By
		label string
		year  int
	}{
		{record.RollCall{Date: "1990-12-14", Session: "45"}, ByYear, "1990", 1990},
		{record.RollCall{Date: "1991-03-01", Session: "45"}, BySession, "45", 1990},
		{record.RollCall{Date: "2022-03-02", Session: "ES-11"}, BySession, "76", 2021},
		{record.RollCall{Date: "2022-09-20", Session: "ES-11"}, BySession, "77", 2022},
		{record.RollCall{Date: "2022-09-14"}, BySession, "76", 2021},
		{record.RollCall{Date: "1946-01-01"}, BySession, "1", 1946},
	}
	for _, tt := range tests {
		p, ok := periodOf(&tt.rc, tt.by)
		if !ok || p.Label != tt.label || p.Year != tt.year {
			t.Errorf("periodOf(%s %q, %v) = %+v %v, want %s %d", tt.rc.Date, tt.rc.Session, tt.by, p, ok, tt.label, tt.year)
		}
	}
	if _, ok := periodOf(&record.RollCall{Session: "ES-10"}, BySession); ok {
		t.Error("a roll call without a date or a session number got a period")
	}
}

// TestTridiagonal checks the solver and the diagonal of the inverse
// against a dense inverse by Gauss-Jordan elimination.
func TestTridiagonal(t *testing.T) {
	d := []float64{4, 5, 3, 6}
	c := []float64{-1, -2, -0.5, 0}
	n := len(d)
	aug := make([][]float64, n) // [A | I]
	for i := range n {
		aug[i] = make([]float64, 2*n)
		aug[i][i], aug[i][n+i] = d[i], 1
		if i+1 < n {
			aug[i][i+1] = c[i]
		}
		if i > 0 {
			aug[i][i-1] = c[i-1]
		}
	}
	for col := range n {
		p := aug[col][col]
		for k := range 2 * n {
			aug[col][k] /= p
		}
		for r := range n {
			if f := aug[r][col]; r != col {
				for k := range 2 * n {
					aug[r][k] -= f * aug[col][k]
				}
			}
		}
	}
	rhs := []float64{1, 2, 3, 4}
	x := make([]float64, n)
	solveTridiagonal(append([]float64(nil), d...), c, append([]float64(nil), rhs...), x)
	sd := make([]float64, n)
	diagInverse(d, c, make([]float64, n), make([]float64, n), sd)
	for i := range n {
		want := 0.0
		for k := range n {
			want += aug[i][n+k] * rhs[k]
		}
		if diff := x[i] - want; diff > 1e-12 || diff < -1e-12 {
			t.Errorf("x[%d] = %g, want %g", i, x[i], want)
		}
		if diff := sd[i]*sd[i] - aug[i][n+i]; diff > 1e-12 || diff < -1e-12 {
			t.Errorf("variance [%d] = %g, want %g", i, sd[i]*sd[i], aug[i][n+i])
		}
	}
}

// TestHasBridgeKeyAsBridgeKey holds the streaming comparison to the keys
// themselves: for every pair of a set of texts made to come close (the
// suffix, twice the suffix, a prefix, one letter more, other case and
// punctuation, letters outside ASCII, other bodies and flags), rc has a's
// key exactly when bridgeKey gives both the same key.
func TestHasBridgeKeyAsBridgeKey(t *testing.T) {
	base := "Situation of human rights in the Islamic Republic of Iran"
	suffix := " : resolution / adopted by the General Assembly"
	texts := []string{
		base, base + suffix, base + suffix + suffix, base + suffix + " (2)", base + " Iran",
		base[:len(base)-1], "situation, of HUMAN-rights in the Islamic   Republic of Iran.",
		base + " resolution adopted by the General", "Situation des droits de l'homme en République islamique d'Iran — Côte d'Ivoire",
		"SITUATION DES DROITS DE L'HOMME EN RÉPUBLIQUE ISLAMIQUE D'IRAN CÔTE D'IVOIRE", "Straße und Maß, long enough to be bridged",
		"STRASSE UND MASS, long enough to be bridged", "  " + base, "Draft resolution", "",
	}
	var rcs []record.RollCall
	for _, s := range texts {
		for _, body := range []record.Body{record.GA, record.SC} {
			rcs = append(rcs,
				record.RollCall{Body: body, Description: s},
				record.RollCall{Body: body, Description: " ", Title: s},
				record.RollCall{Body: body, Description: s, Flags: record.Amendment})
		}
	}
	matches := 0
	for i := range rcs {
		key := bridgeKey(&rcs[i])
		if key == "" {
			continue
		}
		for j := range rcs {
			want := bridgeKey(&rcs[j]) == key
			if got := hasBridgeKey(&rcs[j], key); got != want {
				t.Errorf("%+v has key %q: %v, bridgeKey says %v", rcs[j], key, got, want)
			}
			if want && i != j {
				matches++
			}
		}
	}
	if matches == 0 {
		t.Fatal("no two texts share a key: the comparison was never asked to match")
	}
}

// TestHasBridgeKeyOnHistory compares every GA roll call of the unvotes
// history with its own key and with the keys next to it in sorted order,
// the texts most alike.
func TestHasBridgeKeyOnHistory(t *testing.T) {
	tab := comparetest.Unvotes(t).Table
	type keyed struct {
		key string
		row int
	}
	var ks []keyed
	for r := range tab.RollCalls {
		if k := bridgeKey(&tab.RollCalls[r]); k != "" {
			ks = append(ks, keyed{k, r})
		}
	}
	if len(ks) < 1000 {
		t.Fatalf("only %d roll calls have a key", len(ks))
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	for i, k := range ks {
		rc := &tab.RollCalls[k.row]
		for j := max(0, i-2); j <= min(len(ks)-1, i+2); j++ {
			if got, want := hasBridgeKey(rc, ks[j].key), ks[j].key == k.key; got != want {
				t.Errorf("row %d (%q) has key %q: %v, want %v", k.row, k.key, ks[j].key, got, want)
			}
		}
	}
}
