package ingest

import "testing"

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
