package gui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plenary/data"
)

// hostile are links a file may carry that must never be opened.
var hostile = []string{
	"javascript:alert(document.cookie)",
	"file:///C:/Windows/System32/calc.exe",
	"smb://attacker.example/share",
	"ms-settings:privacy",
	"https://",
}

// TestDataLink: a link from data is a hyperlink only when it is an http or
// https address with a host; any other is plain text.
func TestDataLink(t *testing.T) {
	test.NewTempApp(t)
	web := "https://digitallibrary.un.org/record/4076672"
	h, ok := newDataLink("Open the UN record", web).(*widget.Hyperlink)
	if !ok || h.URL == nil || h.URL.String() != web {
		t.Fatalf("%s: not a hyperlink to it (%v)", web, h)
	}
	for _, link := range hostile {
		o := newDataLink("Open the UN record", link)
		if _, isLink := o.(*widget.Hyperlink); isLink {
			t.Errorf("%s: shown as a hyperlink", link)
		}
		if l, isLabel := o.(*widget.Label); !isLabel || !strings.Contains(l.Text, link) {
			t.Errorf("%s: not shown as text (%T)", link, o)
		}
		if webURL(link) != nil {
			t.Errorf("%s: webURL gives an address", link)
		}
	}
}

// TestRollCallLinkNotOpened imports roll calls whose links are a web
// address and hostile ones, and shows each in the window's roll-call
// detail: only the web address becomes a hyperlink.
func TestRollCallLinkNotOpened(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plenary.db")
	csvFile := filepath.Join(t.TempDir(), "links.csv")
	links := append([]string{"https://digitallibrary.un.org/record/4076672"}, hostile...)
	var b strings.Builder
	b.WriteString("body,symbol,date,country,vote,link\n")
	for i, l := range links {
		b.WriteString("GA,A/RES/79/" + string(rune('1'+i)) + ",2025-01-0" + string(rune('1'+i)) + ",USA,Y," + l + "\n")
	}
	if err := os.WriteFile(csvFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(context.Background(), []string{csvFile}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	u := startUI(t, path)
	u.sync(func() { u.filters.picker.clear() })
	waitIdle(t, u)
	var rows []rowView
	u.sync(func() { rows = append(rows, u.rolls.rows...) })
	seen := 0
	for _, row := range rows {
		r := row.rc
		u.sync(func() { u.rolls.focus(row) })
		var hyperlinks []*widget.Hyperlink
		text := false
		u.sync(func() {
			walk(u.rolls.detail, func(c fyne.CanvasObject) {
				switch o := c.(type) {
				case *widget.Hyperlink:
					hyperlinks = append(hyperlinks, o)
				case *widget.Label:
					text = text || strings.Contains(o.Text, r.Link)
				}
			})
		})
		seen++
		if r.Link == links[0] {
			if len(hyperlinks) != 1 || hyperlinks[0].URL == nil || hyperlinks[0].URL.String() != r.Link {
				t.Errorf("%s: the web link is not a hyperlink to it: %v", r.Symbol, hyperlinks)
			}
			continue
		}
		if len(hyperlinks) != 0 || !text {
			t.Errorf("%s with link %q: %d hyperlinks, shown as text %v", r.Symbol, r.Link, len(hyperlinks), text)
		}
	}
	if seen != len(links) {
		t.Errorf("%d roll calls shown, want %d", seen, len(links))
	}
}
