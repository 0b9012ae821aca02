package ingest

import "testing"

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

// Dates in the forms the datasets and spreadsheets write them.
func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025-02-24":          "2025-02-24",
		"2025-02-24 00:00:00": "2025-02-24",
		"2025-02-24T10:00:00": "2025-02-24",
		"24/02/2025":          "2025-02-24",
		"2025/02/24":          "2025-02-24",
		"2025-13-01":          "",
		"1900-01-01":          "",
		"yesterday":           "",
	} {
		got, ok := parseDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
