package views_test

import (
	"strings"
	"testing"

	"plenary/app/views"
	"plenary/data/record"
)

// TestSpeechProvenance: the vote charts' footers do not name the speech
// corpus, and the speech views give its import date.
func TestSpeechProvenance(t *testing.T) {
	imports := []record.ImportInfo{
		{Format: "ungdc", Dataset: "UN General Debate Corpus (Jankin, Baturo, Dasandi)", Finished: "2026-03-02T10:00:00Z"},
		{Format: "undl", Dataset: "UN Digital Library GA voting data", Finished: "2026-01-05T10:00:00Z"},
	}
	if p := views.ProvenanceOf(imports); strings.Contains(p.Source, "Debate") || !strings.Contains(p.Source, "Digital Library") {
		t.Errorf("vote provenance %q", p.Source)
	}
	if p := views.SpeechProvenanceOf(imports); p.Imported.Format("2006-01-02") != "2026-03-02" || !strings.Contains(p.Source, "doi:10.7910/DVN/0TJX8Y") {
		t.Errorf("speech provenance %+v", p)
	}
}
