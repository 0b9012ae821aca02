package gui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plenary/data/countries"
)

// countryPicker chooses any number of countries: type part of a name or an
// ISO3 code, pick from the matches (Enter takes the first), and remove a
// choice with the × of its chip. Quick picks add a whole group.
type countryPicker struct {
	search   *widget.Entry
	matches  *widget.List
	matchBox *fyne.Container // shown only while there is text to match
	chips    *fyne.Container
	box      *fyne.Container
	selected []string
	found    []countries.Country
	all      []countries.Country
	keys     [][]string // normalised names of each of all, the first the short name
	onChange func([]string)
}

func newCountryPicker(onChange func([]string)) *countryPicker {
	p := &countryPicker{onChange: onChange}
	for _, c := range countries.All() {
		p.all = append(p.all, c)
	}
	sort.Slice(p.all, func(i, j int) bool { return p.all[i].Name < p.all[j].Name })
	// Names are normalised once, not on every keystroke.
	p.keys = make([][]string, len(p.all))
	for i, c := range p.all {
		for _, n := range append([]string{c.Name, c.UNName}, c.AltNames...) {
			p.keys[i] = append(p.keys[i], countries.Normalize(n))
		}
	}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Add a country: name or ISO3…")
	p.matches = widget.NewList(func() int { return len(p.found) },
		func() fyne.CanvasObject { return widget.NewLabel("Country name (ISO)") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := p.found[id]
			o.(*widget.Label).SetText(c.Name + " (" + c.ISO3 + ")")
		})
	p.matches.OnSelected = func(id widget.ListItemID) {
		if id < len(p.found) {
			p.add(p.found[id].ISO3)
		}
		p.matches.UnselectAll()
	}
	p.search.OnChanged = func(s string) { p.filter(s) }
	p.search.OnSubmitted = func(s string) {
		if len(p.found) > 0 {
			p.add(p.found[0].ISO3)
		}
	}
	p.chips = container.NewGridWrap(fyne.NewSize(92, 32))
	p.matchBox = container.NewGridWrap(fyne.NewSize(260, 132), p.matches)
	p.matchBox.Hide()
	p.box = container.NewVBox(p.search, p.matchBox, p.chips)
	p.filter("")
	return p
}

// filter lists the countries whose name, UN name, alternative name or code
// contains the text.
func (p *countryPicker) filter(s string) {
	s = strings.TrimSpace(s)
	p.found = p.found[:0]
	if s == "" {
		p.matchBox.Hide()
		p.matches.Refresh()
		return
	}
	p.matchBox.Show()
	key := countries.Normalize(s)
	up := strings.ToUpper(s)
	starts := map[string]bool{} // ISO3 of the countries whose short name starts with the text
	for i, c := range p.all {
		if c.Status == countries.StatusHistorical && len(key) < 3 {
			continue
		}
		match := c.ISO3 == up
		for _, k := range p.keys[i] {
			match = match || strings.Contains(k, key)
		}
		if match {
			p.found = append(p.found, c)
			starts[c.ISO3] = strings.HasPrefix(p.keys[i][0], key)
		}
	}
	// Exact codes first, then names that start with the text.
	sort.SliceStable(p.found, func(i, j int) bool {
		return rank(p.found[i], up, starts) < rank(p.found[j], up, starts)
	})
	if len(p.found) > 50 {
		p.found = p.found[:50]
	}
	p.matches.Refresh()
}

func rank(c countries.Country, up string, starts map[string]bool) int {
	switch {
	case c.ISO3 == up:
		return 0
	case starts[c.ISO3]:
		return 1
	}
	return 2
}

func (p *countryPicker) add(codes ...string) {
	changed := false
	for _, iso := range codes {
		if !contains(p.selected, iso) {
			p.selected = append(p.selected, iso)
			changed = true
		}
	}
	p.search.SetText("")
	if changed {
		p.showChips()
		p.onChange(p.selected)
	}
}

func (p *countryPicker) remove(iso string) {
	out := p.selected[:0]
	for _, c := range p.selected {
		if c != iso {
			out = append(out, c)
		}
	}
	p.selected = out
	p.showChips()
	p.onChange(p.selected)
}

// set replaces the selection without calling onChange (restoring settings).
func (p *countryPicker) set(codes []string) {
	p.selected = append([]string(nil), codes...)
	p.showChips()
}

func (p *countryPicker) clear() {
	p.selected = nil
	p.showChips()
	p.onChange(p.selected)
}

func (p *countryPicker) showChips() {
	p.chips.RemoveAll()
	for _, iso := range p.selected {
		iso := iso
		b := widget.NewButtonWithIcon(iso, theme.CancelIcon(), func() { p.remove(iso) })
		b.IconPlacement = widget.ButtonIconTrailingText
		b.Importance = widget.LowImportance
		p.chips.Add(b)
	}
	p.chips.Refresh()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
