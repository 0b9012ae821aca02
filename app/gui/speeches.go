package gui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"plenary/app/views"
	"plenary/data"
	"plenary/data/compare"
	"plenary/data/record"
	"plenary/data/words"
)

// countMentions counts a speech view's query in the speeches of its
// filter, for compute (off the UI goroutine).
func (u *ui) countMentions(v views.View, req views.Request) ([]words.Count, error) {
	q, err := words.ParseQuery(req.Query)
	if err != nil {
		return nil, err
	}
	sel, err := u.selectSpeeches(v.SpeechFilter(req.Filter))
	if err != nil {
		return nil, err
	}
	return u.store.CountMentions(ctxBackground, q, sel)
}

// selectSpeeches is the stored speeches a filter selects (its sessions
// too, which words.Select leaves to the caller).
func (u *ui) selectSpeeches(f compare.Filter) ([]words.Speech, error) {
	all, err := u.store.Speeches(ctxBackground)
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, errors.New("no speeches in the database: import the UN General Debate Corpus (File › Import, UNGDC_1946-2024.tgz)")
	}
	sessions := f.Sessions
	f.Sessions = nil
	sel, err := words.Select(all, f)
	if err != nil || len(sessions) == 0 {
		return sel, err
	}
	var out []words.Speech
	for _, s := range sel {
		for _, want := range sessions {
			if strconv.Itoa(s.Session) == strings.TrimSpace(want) {
				out = append(out, s)
				break
			}
		}
	}
	return out, nil
}

// speechSearch is the window that searches the General Debate's speeches:
// a search with its countries, years and session, the ranked speeches with
// their snippets, the passages of the one chosen beside those of a second
// state in the same session, and a button that records a passage as a
// position.
type speechSearch struct {
	u                          *ui
	win                        fyne.Window
	query, countries, from, to *widget.Entry
	session, other             *widget.Entry
	status                     *widget.Label
	list                       *widget.List
	hits                       []data.Hit
	left, right                *fyne.Container
	chosen                     *data.Hit
	q                          words.Query
	searched                   chan struct{} // closed after each search shows its results (tests)
}

// maxHits is how many speeches a search lists, best first.
const maxHits = 50

// passageWords is how many words a passage shows on either side of a
// mention.
const passageWords = 30

// showSpeeches opens the search window with a search, the countries of the
// filter and, when not empty, one session.
func (u *ui) showSpeeches(query string, session int) *speechSearch {
	s := &speechSearch{u: u, win: u.app.NewWindow("General Debate speeches")}
	s.query = widget.NewEntry()
	s.query.SetPlaceHolder(`words, "phrases", prefix*, AND OR NOT`)
	s.query.SetText(query)
	s.query.OnSubmitted = func(string) { s.search() }
	f := u.model.Get()
	s.countries = widget.NewEntry()
	s.countries.SetPlaceHolder("all states (or ISO3 codes, names, groups)")
	s.countries.SetText(strings.Join(f.Countries, ", "))
	s.countries.OnSubmitted = func(string) { s.search() }
	s.from, s.to = widget.NewEntry(), widget.NewEntry()
	s.from.SetPlaceHolder("from (year)")
	s.to.SetPlaceHolder("to (year)")
	s.from.SetText(f.From)
	s.to.SetText(f.To)
	s.session = widget.NewEntry()
	s.session.SetPlaceHolder("session")
	if session > 0 {
		s.session.SetText(strconv.Itoa(session))
	}
	s.other = widget.NewEntry()
	s.other.SetPlaceHolder("beside: another state")
	s.other.OnSubmitted = func(string) { s.showChosen() }
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.hits) },
		func() fyne.CanvasObject {
			head := widget.NewLabel("")
			head.TextStyle.Bold = true
			snip := widget.NewRichText()
			snip.Wrapping = fyne.TextWrapWord
			return container.NewVBox(head, snip)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			h := s.hits[id]
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %d (session %d) · %d %s", words.Name(h.Country), h.Year, h.Session, h.Matches, mentionWord(h.Matches)))
			setPassage(box.Objects[1].(*widget.RichText), h.Snippet)
			s.list.SetItemHeight(id, box.MinSize().Height)
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.hits) {
			h := s.hits[id]
			s.chosen = &h
			s.showChosen()
		}
	}
	s.left, s.right = container.NewVBox(), container.NewVBox()
	search := widget.NewButton("Search", s.search)
	filters := container.NewGridWithColumns(4, s.countries, s.from, s.to, s.session)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, search, s.query), filters, s.status)
	passages := container.NewBorder(s.other, nil, nil, nil,
		container.NewGridWithColumns(2, container.NewVScroll(s.left), container.NewVScroll(s.right)))
	split := container.NewHSplit(s.list, passages)
	split.Offset = 0.4
	s.win.SetContent(container.NewBorder(top, nil, nil, nil, split))
	s.win.Resize(fyne.NewSize(1100, 720))
	s.win.Show()
	if strings.TrimSpace(query) != "" {
		s.search()
	}
	return s
}

func mentionWord(n int) string {
	if n == 1 {
		return "mention"
	}
	return "mentions"
}

// setPassage shows a passage with its mention in bold. The text is set as
// plain segments, never parsed as markup: the speeches are data.
func setPassage(rt *widget.RichText, p words.Passage) {
	rt.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: p.Before, Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: p.Match, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: "primary"}},
		&widget.TextSegment{Text: p.After, Style: widget.RichTextStyleInline},
	}
	rt.Refresh()
}

// filter reads the window's countries, years and session.
func (s *speechSearch) filter() (compare.Filter, error) {
	f := compare.Filter{From: strings.TrimSpace(s.from.Text), To: strings.TrimSpace(s.to.Text)}
	if c := strings.TrimSpace(s.countries.Text); c != "" {
		toks, err := compare.ParseCountries(c)
		if err != nil {
			return f, err
		}
		f.Countries = toks
	}
	if n := strings.TrimSpace(s.session.Text); n != "" {
		if _, err := strconv.Atoi(n); err != nil {
			return f, fmt.Errorf("session %q: a number such as 79", n)
		}
		f.Sessions = []string{n}
	}
	return f, f.Validate()
}

// search runs the search off the UI goroutine and lists what it found.
func (s *speechSearch) search() {
	done := make(chan struct{})
	s.searched = done
	q, err := words.ParseQuery(s.query.Text)
	if err == nil {
		var f compare.Filter
		if f, err = s.filter(); err == nil {
			s.status.SetText("searching…")
			go func() {
				var res *data.SpeechSearch
				sel, err := s.u.selectSpeeches(f)
				if err == nil {
					res, err = s.u.store.SearchSpeeches(ctxBackground, q, sel, maxHits)
				}
				s.u.do(func() {
					defer close(done)
					if err != nil {
						s.status.SetText(err.Error())
						return
					}
					s.q, s.hits = q, res.Hits
					s.list.UnselectAll()
					s.list.Refresh()
					s.status.SetText(fmt.Sprintf("%d of %d speeches match %s; the best %d are listed", res.Total, len(sel), q.Text, len(res.Hits)))
				})
			}()
			return
		}
	}
	s.status.SetText(err.Error())
	close(done)
}

// showChosen shows the passages of the chosen speech, and beside them
// those of the other state's speech of the same session.
func (s *speechSearch) showChosen() {
	if s.chosen == nil {
		return
	}
	h := *s.chosen
	s.fill(s.left, h.Speech)
	s.right.Objects = nil
	s.right.Refresh()
	other := strings.TrimSpace(s.other.Text)
	if other == "" {
		return
	}
	toks, err := compare.ParseCountries(other)
	if err != nil || len(toks) != 1 {
		s.right.Add(widget.NewLabel(fmt.Sprintf("%q: name one state", other)))
		return
	}
	sel, err := s.u.selectSpeeches(compare.Filter{Countries: toks, Sessions: []string{strconv.Itoa(h.Session)}})
	switch {
	case err != nil:
		s.right.Add(widget.NewLabel(err.Error()))
	case len(sel) == 0:
		s.right.Add(widget.NewLabel(fmt.Sprintf("%s gave no speech in session %d", words.Name(toks[0]), h.Session)))
	default:
		s.fill(s.right, sel[0])
	}
}

// fill lists a speech's passages on the search, each with a button that
// records it as a position.
func (s *speechSearch) fill(box *fyne.Container, sp words.Speech) {
	box.Objects = nil
	head := widget.NewLabel(fmt.Sprintf("%s, session %d (%d)", words.Name(sp.Country), sp.Session, sp.Year))
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	box.Add(head)
	if sp.Speaker != "" {
		by := widget.NewLabel(strings.TrimSpace(sp.Speaker + ", " + sp.Post))
		by.Wrapping = fyne.TextWrapWord
		box.Add(by)
	}
	text, err := s.u.store.SpeechText(ctxBackground, sp.ID)
	if err != nil {
		box.Add(widget.NewLabel(err.Error()))
		box.Refresh()
		return
	}
	ps := s.q.Passages(text, passageWords, 0)
	if len(ps) == 0 {
		box.Add(widget.NewLabel("The speech does not mention " + s.q.Text))
	}
	for _, p := range ps {
		rt := widget.NewRichText()
		rt.Wrapping = fyne.TextWrapWord
		setPassage(rt, p)
		save := widget.NewButton("Save as position", func() { s.savePosition(sp, p) })
		box.Add(rt)
		box.Add(container.NewHBox(save))
	}
	box.Refresh()
}

// positionFrom is a passage as a recorded position: its words as the
// quote, the debate's date, the speech as the source.
func positionFrom(sp words.Speech, p words.Passage, topic string) record.Position {
	return record.Position{
		Country: sp.Country, Date: sp.Date(), Topic: topic, Stance: record.Neutral,
		Summary: fmt.Sprintf("General Debate speech, session %d", sp.Session),
		Quote:   strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(p.Before+p.Match+p.After, "…"), "…")),
		Source:  sp.Source(),
	}
}

// savePosition opens the position form filled from a passage.
func (s *speechSearch) savePosition(sp words.Speech, p words.Passage) *positionForm {
	if s.u.store == nil || s.u.store.ReadOnly() {
		dialog.ShowError(errors.New("the database is not writable"), s.win)
		return nil
	}
	topic := strings.Trim(s.q.Text, `"`)
	f := newPositionForm(positionFrom(sp, p, topic))
	d := dialog.NewForm("Record the passage as a position", "Save", "Cancel", f.items, func(ok bool) {
		if ok {
			s.u.positions.save(f.position())
		}
	}, s.win)
	d.Resize(fyne.NewSize(620, 520))
	d.Show()
	return f
}

// rollCallQuery is a search for the key words of a roll call's title: its
// longer words, joined by OR, so that the speeches of the session that
// speak of its subject come first.
func rollCallQuery(rc record.RollCall) string {
	stop := map[string]bool{"resolution": true, "adopted": true, "general": true, "assembly": true, "draft": true, "united": true,
		"nations": true, "their": true, "other": true, "which": true, "whole": true, "paragraph": true, "security": false}
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(rc.Title, func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		if len([]rune(lw)) < 5 || stop[lw] || seen[lw] {
			continue
		}
		seen[lw] = true
		out = append(out, lw)
		if len(out) == 5 {
			break
		}
	}
	return strings.Join(out, " OR ")
}

// rollCallSession is the General Assembly session of a roll call: the one
// it names, or the one its date falls in (a session opens in September).
func rollCallSession(rc record.RollCall) int {
	if n, err := strconv.Atoi(strings.TrimSpace(rc.Session)); err == nil && n > 0 {
		return n
	}
	if len(rc.Date) >= 7 {
		y, _ := strconv.Atoi(rc.Date[:4])
		m, _ := strconv.Atoi(rc.Date[5:7])
		if y > 1945 {
			if m >= 9 {
				return y - 1945
			}
			return y - 1946
		}
	}
	return 0
}
