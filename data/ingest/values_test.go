package ingest

import (
	"strings"
	"testing"
)

// Dates in the forms the datasets and spreadsheets write them.
func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025-02-24":          "2025-02-24",
		"2025-02-24 00:00:00": "2025-02-24",
		"2025-02-24T10:00:00": "2025-02-24",
		"24/02/2025":          "2025-02-24",
		"2025/02/24":          "2025-02-24",
		"2/24/2025":           "2025-02-24",
		"24.02.2025":          "2025-02-24",
		"3/3/2022":            "2022-03-03",
		"3/2/2022":            "",
		"03/02/2022":          "",
		"2025-13-01":          "",
		"1900-01-01":          "",
		"yesterday":           "",
	} {
		got, err := parseDate(in)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := parseDate("3/2/2022"); err == nil || !strings.Contains(err.Error(), "ambiguous") {
		t.Errorf("3/2/2022: %v, want an ambiguous date", err)
	}
}
