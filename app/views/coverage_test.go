package views

import (
	"fmt"
	"testing"

	"plenary/data/record"
)

// span makes a table with one General Assembly roll call on each date.
func span(flags record.Flags, dates ...string) *record.Table {
	t := &record.Table{}
	for _, d := range dates {
		t.RollCalls = append(t.RollCalls, record.RollCall{Body: record.GA, Date: d, Flags: flags})
	}
	return t
}

func TestCoverage(t *testing.T) {
	var years []string
	for y := 1946; y <= 2019; y++ {
		if y != 1964 { // the Assembly recorded no vote that year
			years = append(years, fmt.Sprintf("%d-12-10", y))
		}
	}
	history := span(record.Sample, append(years, "2020-01-14", "2025-02-24")...)
	if got, want := Coverage(history, 2026), "GA 1946–2020 built in (Voeten, CC0) · import the UN Digital Library file for 2020 onward"; got != want {
		t.Errorf("built in:\n got %q\nwant %q", got, want)
	}
	full := span(record.Sample, years...)
	if got, want := Coverage(full, 2026), "GA 1946–2019 built in (Voeten, CC0) · import the UN Digital Library file for 2020 onward"; got != want {
		t.Errorf("to December 2019:\n got %q\nwant %q", got, want)
	}
	// Imported years close the gap.
	later := span(0, "2020-12-01", "2021-06-01", "2022-06-01", "2023-06-01", "2024-06-01", "2025-12-01")
	full.RollCalls = append(full.RollCalls, later.RollCalls...)
	if got, want := Coverage(full, 2025), "GA 1946–2025 (built in and imported)"; got != want {
		t.Errorf("with imports:\n got %q\nwant %q", got, want)
	}
	if got := Coverage(later, 2025); got != "GA 2020–2025" {
		t.Errorf("imports only: %q", got)
	}
	// Two years without a vote end the span.
	if got, want := Coverage(span(0, "1990-12-01", "1991-12-01", "1994-12-01"), 2000), "GA 1990–1991 · import the UN Digital Library file for 1992 onward"; got != want {
		t.Errorf("after a gap:\n got %q\nwant %q", got, want)
	}
	// A later imported session is named, and the hint is the gap.
	for i := range 30 {
		full.RollCalls = append(full.RollCalls, record.RollCall{Body: record.GA, Date: fmt.Sprintf("2030-03-%02d", i%28+1)})
	}
	if got, want := Coverage(full, 2031), "GA 1946–2025 (built in and imported) and 2030 · import the UN Digital Library file for 2026–2029"; got != want {
		t.Errorf("with a later session:\n got %q\nwant %q", got, want)
	}
	sc := &record.Table{RollCalls: []record.RollCall{{Body: record.SC, Date: "2025-02-24"}}}
	if got := Coverage(sc, 2025); got != "" {
		t.Errorf("Security Council only: %q", got)
	}
}

// TestProvenanceBuiltin: chart footers name the datasets of the built-in
// history, not "sample".
func TestProvenanceBuiltin(t *testing.T) {
	p := ProvenanceOf([]record.ImportInfo{{Finished: "2026-03-01T10:00:00Z", Format: "builtin", Sample: true,
		Dataset: "Voeten and unvotes UN General Assembly voting data (CC0), built in"}})
	if p.Source != "Voeten and unvotes UN General Assembly voting data (CC0), built in" {
		t.Errorf("footer source %q", p.Source)
	}
}
