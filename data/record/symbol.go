package record

import (
	"regexp"
	"strconv"
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

// regularSymbol and specialSymbol are the General Assembly resolution
// symbols that name their session: A/RES/60/260, A/RES/ES-10/14,
// A/RES/S-2/33.
var (
	regularSymbol = regexp.MustCompile(`^A/RES/(\d+)/`)
	specialSymbol = regexp.MustCompile(`^A/RES/((?:ES|S)-\d+)(?:/|$)`)
)

// firstNumberedSession is the first session whose resolutions the UN
// numbered A/RES/session/number (1976); earlier ones were 1514 (XV), and
// the session/number form the datasets give them is their own.
const firstNumberedSession = 31

// SymbolSession is the session a General Assembly resolution symbol (in
// the UN's form) names: "60" for A/RES/60/260, "ES-10" for A/RES/ES-10/14,
// "S-2" for A/RES/S-2/33; "" for a symbol that names none (Security
// Council, decisions, the resolutions before the 31st session).
func SymbolSession(symbol string) string {
	if m := specialSymbol.FindStringSubmatch(symbol); m != nil {
		return m[1]
	}
	if m := regularSymbol.FindStringSubmatch(symbol); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= firstNumberedSession {
			return strconv.Itoa(n)
		}
	}
	return ""
}
