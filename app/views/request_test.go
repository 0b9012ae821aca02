package views

import (
	"reflect"
	"strings"
	"testing"

	"plenary/data/compare"
)

// invalid is text each declared input must refuse. A new input needs an
// entry here, or TestFieldsDeclared fails.
var invalid = map[string]string{
	"ref":     "Atlantis",
	"metric":  "cosine",
	"symbol":  strings.Repeat("A/", 101),
	"min-n":   "0",
	"by":      "decade",
	"year":    "19x9",
	"poles":   "USA,USA",
	"period":  "2015-2019",
	"measure": "distance",
	"blocs":   "0",
	"query":   `"unclosed`,
}

// changedFields names the Request fields that differ between a and b.
func changedFields(a, b Request) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, va.Type().Field(i).Name)
		}
	}
	return out
}

// TestFieldsDeclared walks the declared inputs: each reads its example
// into exactly one Request field, writes it back as text that reads the
// same, refuses bad text, tells two requests apart, and is read by the
// views that declare its bit and ignored by the others.
func TestFieldsDeclared(t *testing.T) {
	names := map[string]bool{}
	var bits Input
	for _, f := range Fields() {
		t.Run(f.Name, func(t *testing.T) {
			if names[f.Name] {
				t.Fatalf("two inputs are named %q", f.Name)
			}
			names[f.Name] = true
			if f.Input == 0 || f.Input&(f.Input-1) != 0 {
				t.Fatalf("input bit %b is not one bit", f.Input)
			}
			if bits&f.Input != 0 {
				t.Fatalf("input bit %b is declared twice", f.Input)
			}
			bits |= f.Input
			if f.Label == "" || f.Help == "" {
				t.Error("no label or help")
			}
			def := NewRequest(GABreakdown)
			if f.Text(def) != "" {
				t.Errorf("the default reads back as %q, want empty", f.Text(def))
			}
			r := def
			if err := f.Parse(&r, f.Example); err != nil {
				t.Fatalf("example %q: %v", f.Example, err)
			}
			if ch := changedFields(def, r); len(ch) != 1 {
				t.Fatalf("example %q changed the Request fields %v, want exactly one", f.Example, ch)
			}
			if f.Same(def, r) {
				t.Error("the example's request is the same as the default's")
			}
			for _, g := range Fields() {
				if g.Name != f.Name && !g.Same(def, r) {
					t.Errorf("setting %s changed %s", f.Name, g.Name)
				}
			}
			back := def
			if err := f.Parse(&back, f.Text(r)); err != nil || !f.Same(back, r) {
				t.Errorf("text %q reads back as %+v (%v), want %+v", f.Text(r), back, err, r)
			}
			if err := f.Parse(&back, ""); err != nil || !f.Same(back, def) {
				t.Errorf("empty text does not restore the default: %v", err)
			}
			bad, ok := invalid[f.Name]
			if !ok {
				t.Fatalf("no invalid text for %s in the test", f.Name)
			}
			before := r
			if err := f.Parse(&r, bad); err == nil {
				t.Errorf("%q was accepted", bad)
			} else if err.Error() == "" {
				t.Error("an empty error message")
			}
			if !reflect.DeepEqual(before, r) {
				t.Errorf("refused text %q changed the request", bad)
			}
			users := 0
			for _, v := range Views() {
				a, b := NewRequest(v.Kind), NewRequest(v.Kind)
				if err := f.Parse(&b, f.Example); err != nil {
					t.Fatal(err)
				}
				if got := v.Differ(a, b); got != v.Uses(f.Input) {
					t.Errorf("%s: Differ = %v after a change of %s, want %v", v.Kind, got, f.Name, v.Uses(f.Input))
				}
				if v.Uses(f.Input) {
					users++
				}
			}
			if users == 0 {
				t.Errorf("no view reads %s", f.Name)
			}
		})
	}
	for _, v := range Views() {
		if rest := v.Inputs &^ bits &^ UsesPositions &^ UsesVetoes; rest != 0 {
			t.Errorf("%s reads input bits %b that no field declares", v.Kind, rest)
		}
	}
}

// TestDifferFilter: the filter matters as the view applies it, an empty
// list equals none, and the maps ignore the chosen countries.
func TestDifferFilter(t *testing.T) {
	ga, _ := Lookup(GABreakdown)
	sc, _ := Lookup(SCAbstentions)
	vmap, _ := Lookup(VoteMap)
	a, b := NewRequest(GABreakdown), NewRequest(GABreakdown)
	b.Filter.Countries = []string{}
	if ga.Differ(a, b) {
		t.Error("an empty country list differs from none")
	}
	b.Filter.Countries = []string{"USA"}
	if !ga.Differ(a, b) {
		t.Error("a chosen country makes no difference to the breakdown")
	}
	a.Kind, b.Kind = VoteMap, VoteMap
	if !vmap.Differ(a, b) {
		t.Error("the vote map, which outlines the chosen countries, does not differ on them")
	}
	a, b = NewRequest(SCAbstentions), NewRequest(SCAbstentions)
	b.Filter.Body = "GA"
	if sc.Differ(a, b) {
		t.Error("the Security Council view differs on the body it overrides")
	}
	b.Filter.From = "2000"
	if !sc.Differ(a, b) {
		t.Error("a date makes no difference")
	}
	if !SameFilter(compare.Filter{Topics: []string{}}, compare.Filter{}) {
		t.Error("SameFilter: an empty topic list differs from none")
	}
}

// TestSharedValidators: the rules the window and the command line share.
func TestSharedValidators(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want [2]string
		err  string
	}{
		{"", [2]string{}, ""},
		{"USA,CHN", [2]string{}, ""}, // the default pair is the default
		{"United States, China", [2]string{}, ""},
		{"rus,France", [2]string{"RUS", "FRA"}, ""},
		{"USA,United States", [2]string{}, "must differ"},
		{"USA", [2]string{}, "two countries"},
		{"USA,Narnia", [2]string{}, "not a country"},
		{"USA,P5", [2]string{}, "a group"},
	} {
		got, err := ParsePoles(tc.in)
		if tc.err == "" && (err != nil || got != tc.want) {
			t.Errorf("ParsePoles(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
		if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("ParsePoles(%q): error %v, want one saying %q", tc.in, err, tc.err)
		}
	}
	for in, want := range map[string]string{"": "", "india": "IND", " IND ": "IND", "Russian Federation": "RUS"} {
		if got, err := ParseRef(in); err != nil || got != want {
			t.Errorf("ParseRef(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"all", "P5", "USA,CHN", "Narnia"} {
		if _, err := ParseRef(in); err == nil {
			t.Errorf("ParseRef(%q) accepted", in)
		}
	}
}
