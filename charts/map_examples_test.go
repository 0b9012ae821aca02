package charts

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteMapExamples draws the three maps shown in the documentation
// from the shared datasets:
//
//	go test ./charts -run TestWriteMapExamples -examples ../docs/charts
func TestWriteMapExamples(t *testing.T) {
	if *examplesDir == "" {
		t.Skip("no -examples directory given")
	}
	if err := os.MkdirAll(*examplesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	maps := map[string]Chart{
		"vote-map":      es117(t),
		"vote-map-1975": zionism1975(t),
		"agreement-map": agreementUSA2025(t),
		"ideal-map":     ideal2012(t),
	}
	for name, c := range maps {
		out, err := os.Create(filepath.Join(*examplesDir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := Render(out, c, Options{Width: 1200, Height: 800}); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
