package charts

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var examplesDir = flag.String("examples", "", "write one example PNG per chart kind into this directory")

// TestWriteExamples writes the images shown in the documentation:
//
//	go test ./charts -run TestWriteExamples -examples ../docs/charts
func TestWriteExamples(t *testing.T) {
	if *examplesDir == "" {
		t.Skip("no -examples directory given")
	}
	if err := os.MkdirAll(*examplesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds() {
		f, err := os.Create(filepath.Join(*examplesDir, k.name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := Render(f, k.chart, Options{Width: 1200, Height: 800}); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
