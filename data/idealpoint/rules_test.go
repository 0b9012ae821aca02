package idealpoint

import (
	"testing"

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
