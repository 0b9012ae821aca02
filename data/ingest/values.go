package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseDate accepts ISO dates (optionally followed by a time), year-first
// slashes, day-first dots, and the slash forms of exported spreadsheets
// when they can be read only one way: 24/02/2025 is day first, 2/24/2025
// month first, while 3/2/2022 could be either and is refused rather than
// guessed.
func parseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	layouts := []string{"2006-01-02", "2006/01/02", "02.01.2006", "2.1.2006"}
	if a, b, _, ok := slashDate(s); ok {
		switch {
		case a > 12 || a == b:
			layouts = []string{"2/1/2006"}
		case b > 12:
			layouts = []string{"1/2/2006"}
		default:
			return "", fmt.Errorf("ambiguous date %q: day/month or month/day? Write it as YYYY-MM-DD", s)
		}
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1945 || t.Year() > 2100 {
				return "", fmt.Errorf("date %q is outside the years of the United Nations", s)
			}
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("bad date %q (expected YYYY-MM-DD)", s)
}

// slashDate splits a date written a/b/yyyy into its numbers.
func slashDate(s string) (a, b, y int, ok bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 || len(parts[2]) != 4 {
		return 0, 0, 0, false
	}
	var err [3]error
	a, err[0] = strconv.Atoi(parts[0])
	b, err[1] = strconv.Atoi(parts[1])
	y, err[2] = strconv.Atoi(parts[2])
	return a, b, y, err[0] == nil && err[1] == nil && err[2] == nil
}

// sessionMiddle is a day in the middle of regular General Assembly session
// s, which opens in September 1945+s: 1 March of the year after. It is ""
// for a session that is not a plain number (special and emergency ones).
func sessionMiddle(s string) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 150 {
		return ""
	}
	return fmt.Sprintf("%d-03-01", 1946+n)
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
