package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// The window's size. A laptop's 1366×768 screen, and a 1280×720 one, less
// the desktop's top bar and the window's title bar, leave about 1260×650:
// the default fits there with every panel, the status bar included, and
// the window can shrink to minSize, below which the filter panel and the
// roll calls scroll instead of the window growing.
var (
	defaultSize = fyne.NewSize(1240, 640)
	minSize     = fyne.NewSize(900, 560)
)

// The split positions' preference keys and defaults: the filter panel's
// share of the width, the chart's share of the height above the roll
// calls.
const (
	prefSplitMain    = "window.split.main"
	prefSplitContent = "window.split.content"
	defaultMainSplit = 0.24
	defaultRollSplit = 0.62
)

// savedSize is the size the window last closed at, or the default; a
// saved size below the minimum (a setting of another screen) grows to it.
func savedSize(prefs fyne.Preferences) fyne.Size {
	s := fyne.NewSize(float32(prefs.FloatWithFallback(prefWidth, float64(defaultSize.Width))),
		float32(prefs.FloatWithFallback(prefHeight, float64(defaultSize.Height))))
	return s.Max(minSize)
}

// savedSplit is a split position saved in prefs, or def when none or out
// of its range is saved.
func savedSplit(prefs fyne.Preferences, key string, def float64) float64 {
	v := prefs.FloatWithFallback(key, def)
	if v < 0.1 || v > 0.9 {
		return def
	}
	return v
}

// saveLayout keeps the window's size and split positions for the next
// session.
func (u *ui) saveLayout() {
	prefs := u.app.Preferences()
	sz := u.win.Canvas().Size()
	prefs.SetFloat(prefWidth, float64(sz.Width))
	prefs.SetFloat(prefHeight, float64(sz.Height))
	for key, s := range map[string]*container.Split{prefSplitMain: u.splitMain, prefSplitContent: u.splitContent} {
		if s != nil {
			prefs.SetFloat(key, s.Offset)
		}
	}
}
