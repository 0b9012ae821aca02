package record

import (
	"os"
	"regexp"
	"testing"
)

// The packaged application and the binary must report the same version:
// FyneApp.toml is what `fyne package` stamps into the desktop file.
func TestVersionMatchesFyneApp(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != Version {
		t.Fatalf("FyneApp.toml says %s, record.Version %s", m[1], Version)
	}
}
