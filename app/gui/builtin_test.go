package gui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"plenary/data"
	"plenary/data/record"
)

// TestFirstStartBuiltin opens the window on a database that does not exist
// yet: the built-in history is shown, written to the database, and the
// status bar says what is loaded and what to import for the years after.
func TestFirstStartBuiltin(t *testing.T) {
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ga, first := 0, ""
	for _, rc := range d.RollCalls {
		if rc.Body == record.GA {
			ga++
			if first == "" || rc.Date < first {
				first = rc.Date
			}
		}
	}
	u := startUI(t, filepath.Join(t.TempDir(), "plenary.db"))
	var status string
	var banner bool
	eventually(t, "the built-in history in the database", func() bool {
		u.sync(func() { status, banner = u.status.Text, u.banner.Visible() })
		return strings.Contains(status, "GA: "+thousands(ga)+" roll calls")
	})
	want := fmt.Sprintf("GA %s–", first[:4])
	if !strings.HasPrefix(status, want) || !strings.Contains(status, "built in (Voeten, CC0) · import the UN Digital Library file for") {
		t.Errorf("status %q: want it to start %q and name what to import", status, want)
	}
	if !banner {
		t.Error("no banner with the import button while only the built-in data is loaded")
	}
	info, err := u.store.Info(context.Background())
	if err != nil || len(info.Imports) != 1 || info.Imports[0].Format != string(data.FormatBuiltin) || !info.SampleOnly {
		t.Errorf("import log after the first start: %+v (%v)", info, err)
	}
}
