package gui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"plenary/data/record"
)

// webURL is the address a link read from a file opens, or nil when it must
// not be opened: only http and https addresses with a host are
// (record.WebLink). Every link from data that the window shows goes
// through here or newDataLink.
func webURL(link string) *url.URL {
	if !record.WebLink(link) {
		return nil
	}
	u, err := url.Parse(link)
	if err != nil {
		return nil
	}
	return u
}

// newDataLink shows a link read from a file: a hyperlink labelled text
// when it is a web address, otherwise the address as plain text after the
// label, which can be read and copied but never opens anything.
func newDataLink(text, link string) fyne.CanvasObject {
	if u := webURL(link); u != nil {
		return widget.NewHyperlink(text, u)
	}
	l := widget.NewLabel(text + " (not a web address, not opened): " + link)
	l.Wrapping = fyne.TextWrapWord
	return l
}
