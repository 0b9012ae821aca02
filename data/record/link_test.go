package record

import "testing"

// Only http and https addresses with a host are opened; the rest are
// shown as text, and those written as addresses are warned about.
func TestWebLink(t *testing.T) {
	for _, c := range []struct {
		s          string
		web, looks bool
	}{
		{"https://digitallibrary.un.org/record/4076672", true, true},
		{"http://undocs.org/A/RES/60/260", true, true},
		{"HTTPS://UN.ORG/", true, true},
		{"https://", false, true},
		{"https://:443/x", false, true},
		{"http:/relative", false, true},
		{"javascript:alert(1)", false, true},
		{"JavaScript:alert(1)", false, true},
		{"file:///C:/Windows/System32/calc.exe", false, true},
		{"smb://host/share", false, true},
		{`\\host\share\file`, false, true},
		{"ms-settings:privacy", false, true},
		{"C:\\Windows\\notepad.exe", false, true},
		{"//un.org/record", false, false},
		{"digitallibrary.un.org/record/1", false, false},
		{"https://un.org/\x00", false, true},
		{"UN press release, 24 February 2025", false, false},
		{"", false, false},
	} {
		if got := WebLink(c.s); got != c.web {
			t.Errorf("WebLink(%q) = %v, want %v", c.s, got, c.web)
		}
		if got := LooksLikeLink(c.s); got != c.looks {
			t.Errorf("LooksLikeLink(%q) = %v, want %v", c.s, got, c.looks)
		}
	}
}
