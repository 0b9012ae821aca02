package gui

import (
	"encoding/json"

	"fyne.io/fyne/v2"
)

// Preference keys. Settings live in fyne.Preferences under the app ID, so
// they follow the user from session to session.
const (
	prefWidth      = "window.width"
	prefHeight     = "window.height"
	prefFilter     = "filter"
	prefTab        = "tab"  // index of the tab, as saved before views had a registry
	prefView       = "view" // kind of the view shown
	prefExportDir  = "export.dir"
	prefExportSize = "export.size"
	prefExportFmt  = "export.format"
	prefImportDir  = "import.dir"
)

// loadFilter reads the saved filter, or the default one.
func loadFilter(prefs fyne.Preferences) filterState {
	f := defaultFilter()
	if s := prefs.String(prefFilter); s != "" {
		var saved filterState
		if json.Unmarshal([]byte(s), &saved) == nil {
			f = saved
		}
	}
	f.Metric = f.metric().String()
	return f
}

// saveFilter keeps the filter for the next session.
func saveFilter(prefs fyne.Preferences, f filterState) {
	if b, err := json.Marshal(f); err == nil {
		prefs.SetString(prefFilter, string(b))
	}
}
