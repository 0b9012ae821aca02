package record

import (
	"regexp"
	"strings"
)

var (
	spaceRun   = regexp.MustCompile(`\s+`)
	scNoSpace  = regexp.MustCompile(`^S/RES/(\d+)\s*\((\d{4})\)?$`)
	unvotesRes = regexp.MustCompile(`^(R|ESS|SS)/(\d+)(?:/(.*))?$`)
)

// NormalizeSymbol writes a resolution symbol in the UN's own form, whatever
// the source wrote: unvotes' R/68/262 is A/RES/68/262, its ESS/10/14 and
// SS/2/33 are the emergency and special sessions A/RES/ES-10/14 and
// A/RES/S-2/33; S/RES/2747(2024) gains its space. Unknown forms are kept as
// written, with white space folded.
func NormalizeSymbol(s string) string {
	s = strings.TrimSpace(spaceRun.ReplaceAllString(s, " "))
	if s == "" {
		return ""
	}
	up := asciiUpper(s)
	if m := scNoSpace.FindStringSubmatch(up); m != nil {
		return "S/RES/" + m[1] + " (" + m[2] + ")"
	}
	if m := unvotesRes.FindStringSubmatch(up); m != nil {
		// Dropping the slashes can bring two spaces together: fold them
		// again, so that the result is a fixed point.
		rest := strings.TrimSpace(spaceRun.ReplaceAllString(strings.ReplaceAll(m[3], "/", ""), " "))
		prefix := map[string]string{"R": "A/RES/", "ESS": "A/RES/ES-", "SS": "A/RES/S-"}[m[1]]
		if rest == "" {
			return prefix + m[2]
		}
		return prefix + m[2] + "/" + rest
	}
	if strings.HasPrefix(up, "A/RES/") || strings.HasPrefix(up, "S/RES/") || strings.HasPrefix(up, "A/DEC/") {
		return up
	}
	return s
}

// asciiUpper upper-cases ASCII letters only: symbols are ASCII, and
// strings.ToUpper would turn each byte of invalid UTF-8 into a three-byte
// replacement character.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
