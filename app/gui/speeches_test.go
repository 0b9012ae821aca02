package gui

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"plenary/app/views"
	"plenary/data"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// speechCorpus writes a small corpus in the authors' layout: three states'
// speeches of session 79 (2024) and one of session 78.
func speechCorpus(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "UNGDC.tgz")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	for name, body := range map[string]string{
		"TXT/Session 79 - 2024/UKR_79_2024.txt": "We seek a just and lasting peace. Peace in Ukraine means the withdrawal of the troops. <b>Not markup</b>",
		"TXT/Session 79 - 2024/RUS_79_2024.txt": "The so-called peace formula for Ukraine is an ultimatum. We want peace on our terms.",
		"TXT/Session 79 - 2024/USA_79_2024.txt": "America stands with Ukraine. Climate change is here.",
		"TXT/Session 78 - 2023/UKR_78_2023.txt": "Peace formula.",
	} {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg})
		io.WriteString(tw, body)
	}
	tw.Close()
	gz.Close()
	f.Close()
	return p
}

// TestSpeechesBesideTheVotes: a roll call of the General Assembly offers
// its session's speeches; the search window lists them with the key words
// of the roll call in bold, shows a second state's passages beside the
// first's, and records a passage as a position; the mentions view counts
// the filter's search.
func TestSpeechesBesideTheVotes(t *testing.T) {
	path := copyDB(t, comparetest.Sample(t).Path)
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(context.Background(), []string{speechCorpus(t)}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	u := startUI(t, path)
	u.sync(func() { u.filters.picker.clear() })
	waitIdle(t, u)
	var rc record.RollCall
	u.sync(func() {
		for i, r := range u.rolls.rows {
			if r.rc.Symbol == "A/RES/ES-11/7" {
				rc = *r.rc
				u.rolls.table.Select(widget.TableCellID{Row: i, Col: 2})
			}
		}
	})
	if rc.Symbol == "" {
		t.Fatal("A/RES/ES-11/7 is not in the table")
	}
	found := false
	u.sync(func() {
		walk(u.rolls.detail, func(c fyne.CanvasObject) {
			if b, ok := c.(*widget.Button); ok && b.Text == "Speeches of this session" {
				found = true
			}
		})
	})
	if !found {
		t.Fatal("no button to the session's speeches")
	}
	if got := rollCallSession(rc); got != 79 {
		t.Fatalf("A/RES/ES-11/7 of %s: session %d, want 79", rc.Date, got)
	}
	var s *speechSearch
	u.sync(func() { s = u.showSpeeches(rollCallQuery(rc), rollCallSession(rc)) })
	<-s.searched
	u.sync(func() {
		if len(s.hits) != 3 {
			t.Fatalf("%d speeches of session 79 on %q, want 3 (%s)", len(s.hits), s.q.Text, s.status.Text)
		}
		for _, h := range s.hits {
			if h.Session != 79 || h.Matches == 0 || h.Snippet.Match == "" {
				t.Errorf("hit %+v", h)
			}
		}
		s.list.Select(0)
		s.other.SetText("Russia")
		s.chosen = &s.hits[0]
		s.showChosen()
	})
	var left, right []string
	var bold []string
	u.sync(func() {
		collect := func(box *fyne.Container, out *[]string) {
			walk(box, func(c fyne.CanvasObject) {
				switch w := c.(type) {
				case *widget.Label:
					*out = append(*out, w.Text)
				case *widget.RichText:
					for _, seg := range w.Segments {
						if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold && ts.Style.ColorName == "primary" {
							bold = append(bold, strings.ToLower(ts.Text))
						}
					}
					*out = append(*out, w.String())
				}
			})
		}
		collect(s.left, &left)
		collect(s.right, &right)
	})
	if len(right) == 0 || right[0] != "Russia, session 79 (2024)" {
		t.Errorf("beside: %q", right)
	}
	if len(bold) == 0 {
		t.Error("no mention in bold")
	}
	for _, b := range bold {
		if !strings.Contains(s.q.Text, b) {
			t.Errorf("%q in bold is not a key word of %q", b, s.q.Text)
		}
	}
	if joined := strings.Join(left, " "); strings.Contains(joined, "<b>") && !strings.Contains(joined, "<b>Not markup</b>") {
		t.Errorf("the speech's text was read as markup: %q", joined)
	}

	// Save a passage of the first speech as a position.
	var done chan struct{}
	u.sync(func() {
		h := s.hits[0]
		text, _ := u.store.SpeechText(ctxBackground, h.ID)
		p := s.q.Passages(text, passageWords, 1)[0]
		f := s.savePosition(h.Speech, p)
		if err := f.validate(); err != nil {
			t.Fatalf("the form from a passage: %v", err)
		}
		done = u.positions.save(f.position())
	})
	<-done
	u.sync(func() {
		h := s.hits[0]
		ok := false
		for _, p := range u.positions.all {
			if p.Country == h.Country && p.Date == "2024-09-30" && strings.Contains(p.Source, h.File) && p.Quote != "" {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no position recorded from %s's speech", h.Country)
		}
	})

	// The mentions view counts the filter's search.
	u.sync(func() {
		u.model.Update(func(f *filterState) { f.setInput("query", "peace"); f.Countries = []string{"UKR", "RUS"} })
		u.selectKind(views.MentionsTime)
	})
	waitIdle(t, u)
	u.sync(func() {
		c := u.last.chart
		if c == nil || c.Empty || c.Kind != views.MentionsTime {
			t.Fatalf("mentions-time: %+v, %v", c, u.last.err)
		}
	})
	if dir := os.Getenv("PLENARY_SCREENSHOT"); dir != "" {
		u.sync(func() {
			f, _ := os.Create(filepath.Join(dir, "speeches.png"))
			png.Encode(f, s.win.Canvas().Capture())
			f.Close()
		})
	}
}
