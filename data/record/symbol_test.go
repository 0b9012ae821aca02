package record

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The symbols of the datasets, as written there and in the UN's form.
func TestNormalizeSymbol(t *testing.T) {
	for in, want := range map[string]string{
		"R/68/262":          "A/RES/68/262",
		"R/1/66":            "A/RES/1/66",
		"ESS/10/14":         "A/RES/ES-10/14",
		"ESS/2/79/D":        "A/RES/ES-2/79D",
		"SS/2/33":           "A/RES/S-2/33",
		"SS/5":              "A/RES/S-5",
		"R/0/ /":            "A/RES/0",
		"A/RES/ES-11/7":     "A/RES/ES-11/7",
		"a/res/68/262":      "A/RES/68/262",
		"S/RES/2747(2024)":  "S/RES/2747 (2024)",
		"s/res/2774 (2025)": "S/RES/2774 (2025)",
		"S/RES/2785 (2025":  "S/RES/2785 (2025)",
		"  A/RES/1/1  ":     "A/RES/1/1",
		"":                  "",
		"Decision 79/501":   "Decision 79/501",
	} {
		if got := NormalizeSymbol(in); got != want {
			t.Errorf("NormalizeSymbol(%q) = %q, want %q", in, got, want)
		}
		if again := NormalizeSymbol(want); again != want {
			t.Errorf("NormalizeSymbol(%q) = %q: not a fixed point", want, again)
		}
	}
}

// FuzzNormalizeSymbol fuzzes the symbol normaliser every parser and the symbol filter use: its
// result is a fixed point, trimmed, valid UTF-8 for valid input, and not
// much longer than the input.
func FuzzNormalizeSymbol(f *testing.F) {
	for _, s := range []string{"R/68/262", "r/1/66", "ESS/10/14", "SS/2/33", "R/1/", "S/RES/2747(2024)", "s/res/2774 (2025)",
		"S/RES/1 (20", "A/RES/ES-11/7", "  a/res/79/1  ", "726 (1992)", "A/DEC/79/555", "", " \t\n", "\xff\xfe", "A/RES/ſ", "S/RES/12(ABC)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeSymbol(s)
		if n2 := NormalizeSymbol(n); n2 != n {
			t.Fatalf("not a fixed point: %q -> %q -> %q", s, n, n2)
		}
		if strings.TrimSpace(n) != n {
			t.Fatalf("%q -> %q is not trimmed", s, n)
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("%q -> %q is not UTF-8", s, n)
		}
		if len(n) > 2*len(s)+16 {
			t.Fatalf("%q (%d bytes) -> %d bytes", s, len(s), len(n))
		}
		if strings.TrimSpace(s) == "" && n != "" {
			t.Fatalf("blank %q -> %q", s, n)
		}
	})
}

// The sessions the symbols name, read off the symbol by hand.
func TestSymbolSession(t *testing.T) {
	for sym, want := range map[string]string{
		"A/RES/60/260":      "60",
		"A/RES/31/1":        "31",
		"A/RES/079/1":       "79",
		"A/RES/ES-10/14":    "ES-10",
		"A/RES/ES-11/7":     "ES-11",
		"A/RES/S-2/33":      "S-2",
		"A/RES/S-5":         "S-5",
		"A/RES/30/3379":     "", // before the UN numbered by session: unvotes' own form
		"A/RES/1/66":        "",
		"S/RES/2774 (2025)": "",
		"A/RES/ES-":         "",
		"A/DEC/60/551":      "",
		"":                  "",
	} {
		if got := SymbolSession(sym); got != want {
			t.Errorf("SymbolSession(%q) = %q, want %q", sym, got, want)
		}
	}
}
