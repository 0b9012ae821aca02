package gui

import (
	"encoding/json"
	"strings"
)

// Preference keys. Settings live in fyne.Preferences under the app ID, so
// they follow the user from session to session.
const (
	prefWidth      = "window.width"
	prefHeight     = "window.height"
	prefFilter     = "filter"
	prefTab        = "tab"
	prefExportDir  = "export.dir"
	prefExportSize = "export.size"
	prefExportFmt  = "export.format"
	prefImportDir  = "import.dir"
)

// filterState is what the filter panel selects. It is saved as JSON so
// that the window reopens on the last view.
type filterState struct {
	Countries []string `json:"countries"`
	Body      string   `json:"body"` // "GA", "SC" or "" for both
	From      string   `json:"from"` // YYYY-MM-DD or ""
	To        string   `json:"to"`
	Topic     string   `json:"topic"`
	Text      string   `json:"text"`
	Important bool     `json:"important"`
	Contested bool     `json:"contested"`
	Ref       string   `json:"ref"`    // reference country of the agreement views
	Metric    string   `json:"metric"` // identical, voeten or coincidence
	Focus     int64    `json:"focus"`  // roll call chosen in the table, 0 = none
}

func defaultFilter() filterState {
	return filterState{Countries: []string{"USA", "RUS", "CHN", "FRA", "GBR"}, Ref: "USA", Metric: "identical"}
}

func (u *ui) loadFilter() filterState {
	f := defaultFilter()
	if s := u.app.Preferences().String(prefFilter); s != "" {
		var saved filterState
		if json.Unmarshal([]byte(s), &saved) == nil {
			f = saved
		}
	}
	if f.Metric == "" {
		f.Metric = "identical"
	}
	return f
}

func (u *ui) saveFilter() {
	b, err := json.Marshal(u.filter)
	if err == nil {
		u.app.Preferences().SetString(prefFilter, string(b))
	}
}

// describe states the filter in words, for subtitles and file names.
func (f filterState) describe() string {
	var parts []string
	if len(f.Countries) > 0 {
		c := f.Countries
		if len(c) > 8 {
			c = append(append([]string{}, c[:8]...), "…")
		}
		parts = append(parts, strings.Join(c, ", "))
	}
	switch f.Body {
	case "GA":
		parts = append(parts, "General Assembly")
	case "SC":
		parts = append(parts, "Security Council")
	}
	switch {
	case f.From != "" && f.To != "":
		parts = append(parts, f.From+" to "+f.To)
	case f.From != "":
		parts = append(parts, "from "+f.From)
	case f.To != "":
		parts = append(parts, "to "+f.To)
	}
	if f.Topic != "" {
		parts = append(parts, "topic "+f.Topic)
	}
	if f.Text != "" {
		parts = append(parts, "“"+f.Text+"”")
	}
	if f.Important {
		parts = append(parts, "important votes")
	}
	if f.Contested {
		parts = append(parts, "contested votes")
	}
	return strings.Join(parts, " · ")
}
