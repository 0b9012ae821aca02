package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseDate accepts ISO dates (optionally followed by a time), and the
// day-first and year-first slash forms found in exported spreadsheets.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	for _, layout := range []string{"2006-01-02", "2006/01/02", "02/01/2006", "2/1/2006", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1945 || t.Year() > 2100 {
				return "", false
			}
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// parseCount reads a published total; the UN files write them as floats
// ("120.0"). An empty cell is "unknown".
func parseCount(s string) (n int, known bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "NA") {
		return 0, false, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1e6 && f == float64(int(f)) {
		return int(f), true, nil
	}
	return 0, false, fmt.Errorf("not a count: %q", s)
}

// bodyOfSymbol infers the body from a symbol's prefix.
func bodyOfSymbol(sym string) string {
	switch {
	case strings.HasPrefix(sym, "A/"):
		return "GA"
	case strings.HasPrefix(sym, "S/"):
		return "SC"
	}
	return ""
}

// splitTopics splits a subjects cell on the separators the datasets use.
func splitTopics(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	sep := ";"
	if strings.Contains(s, "|") {
		sep = "|"
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(s, sep) {
		p = strings.TrimSpace(p)
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "t", "yes", "y":
		return true
	}
	return false
}

// shortName names a file by its folder and base name ("feb2025/votes.csv"),
// which is how a chart's footer tells one CSV file from another.
func shortName(file string) string {
	file = strings.ReplaceAll(file, `\`, "/")
	parts := strings.Split(file, "/")
	if len(parts) >= 2 && parts[len(parts)-2] != "." && parts[len(parts)-2] != "" {
		return parts[len(parts)-2] + "/" + parts[len(parts)-1]
	}
	return parts[len(parts)-1]
}
