package idealpoint

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"plenary/data/record"
)

// The bridging rule. Bailey, Strezhnev and Voeten hold the parameters of
// a resolution fixed when the identical text is voted again in a later
// session; that is what places the sessions on one scale. Plenary finds
// such re-votes by their text: two roll calls of the same body in
// different periods are the same question when their normalized
// descriptions (the title when there is no description) are equal. The
// normalization ignores case, punctuation and spacing and drops the
// Digital Library's "resolution / adopted by the General Assembly"
// suffix. Amendments, separate votes on paragraphs, texts shorter than
// minBridgeText letters ("DRAFT RESOLUTION") and texts voted more than
// once in one period (parts A and B under one heading) are never
// bridged, because equal wording there does not mean an equal question.

// minBridgeText is the shortest normalized text that may bridge periods.
const minBridgeText = 25

// boilerplate is the normalized suffix the Digital Library adds to titles.
const boilerplate = " RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY"

// bridgeKey is the text that identifies a roll call across periods, or ""
// when it must not be bridged.
func bridgeKey(rc *record.RollCall) string {
	if rc.Flags&(record.Amendment|record.Paragraph) != 0 {
		return ""
	}
	text := rc.Description
	if strings.TrimSpace(text) == "" {
		text = rc.Title
	}
	k := normalizeText(text)
	k = strings.TrimSuffix(k, boilerplate)
	if len(k) < minBridgeText {
		return ""
	}
	return string(rc.Body) + "|" + k
}

// normalizeText upper-cases letters and digits and turns every run of
// anything else into one space.
func normalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	eachNormalized(s, func(p []byte) bool {
		b.Write(p)
		return true
	})
	return b.String()
}

// eachNormalized hands normalizeText's output, a rune or a space at a
// time, to out, until out returns false.
func eachNormalized(s string, out func([]byte) bool) {
	var buf [utf8.UTFMax]byte
	space, started := false, false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && started {
			buf[0] = ' '
			if !out(buf[:1]) {
				return
			}
		}
		space, started = false, true
		if !out(utf8.AppendRune(buf[:0], unicode.ToUpper(r))) {
			return
		}
	}
}

// hasBridgeKey reports whether bridgeKey(rc) is key, a key bridgeKey
// made, without building rc's: it compares rc's normalized text with
// key's as it goes, and most texts differ from the first words. Searching
// a whole history for a text's re-votes built thousands of keys.
func hasBridgeKey(rc *record.RollCall, key string) bool {
	body, want, ok := strings.Cut(key, "|")
	if !ok || string(rc.Body) != body || rc.Flags&(record.Amendment|record.Paragraph) != 0 {
		return false
	}
	text := rc.Description
	if strings.TrimSpace(text) == "" {
		text = rc.Title
	}
	// The key is the text with the boilerplate suffix trimmed, so rc's
	// normalized text is want+boilerplate, or want when want itself does
	// not end in the suffix (which would have been trimmed too).
	full := want + boilerplate
	n, same := 0, true
	eachNormalized(text, func(p []byte) bool {
		if n+len(p) > len(full) || full[n:n+len(p)] != string(p) {
			same = false
			return false
		}
		n += len(p)
		return true
	})
	return same && (n == len(full) || n == len(want) && !strings.HasSuffix(want, boilerplate))
}

// bridgeGroups returns, for each roll call of rows (by position), the
// group of roll calls that share its parameters: positions into rows.
// Roll calls that are not bridged form a group of one.
func bridgeGroups(t *record.Table, rows []int, period []int, enabled bool) [][]int {
	byKey := map[string][]int{}
	keys := make([]string, len(rows))
	if enabled {
		for k, r := range rows {
			keys[k] = bridgeKey(&t.RollCalls[r])
			if keys[k] != "" {
				byKey[keys[k]] = append(byKey[keys[k]], k)
			}
		}
	}
	var groups [][]int
	done := make([]bool, len(rows))
	for k := range rows {
		if done[k] {
			continue
		}
		members := []int{k}
		if g := byKey[keys[k]]; keys[k] != "" && bridges(g, period) {
			members = g
		}
		for _, m := range members {
			done[m] = true
		}
		groups = append(groups, members)
	}
	return groups
}

// bridges reports whether a set of roll calls with one text spans several
// periods with at most one roll call in each.
func bridges(g []int, period []int) bool {
	if len(g) < 2 {
		return false
	}
	seen := make(map[int]bool, len(g))
	for _, k := range g {
		if seen[period[k]] {
			return false
		}
		seen[period[k]] = true
	}
	return true
}

// ReVotes lists, in table order, the roll calls among rows that the
// estimation bridges with the roll call at table row row: the re-votes of
// the same text, by the rule above with periods grouped by by. It is nil
// when the roll call is bridged with none (its text is too short, it is an
// amendment or a separate vote, it stands alone, or its text was voted
// twice in one period), so that a caller shows exactly the re-votes the
// ideal points rest on.
func ReVotes(t *record.Table, rows []int, row int, by By) []int {
	key := bridgeKey(&t.RollCalls[row])
	if key == "" {
		return nil
	}
	var group, period, same []int // same: the rows of the same text
	index := map[int]int{}
	for _, r := range rows {
		rc := &t.RollCalls[r]
		if !hasBridgeKey(rc, key) {
			continue
		}
		same = append(same, r)
		p, ok := periodOf(rc, by)
		if !ok {
			continue
		}
		if _, ok := index[p.Year]; !ok {
			index[p.Year] = len(index)
		}
		period = append(period, index[p.Year])
		group = append(group, len(group))
	}
	if !bridges(group, period) {
		return nil
	}
	out := make([]int, 0, len(group))
	for _, r := range same {
		if _, ok := periodOf(&t.RollCalls[r], by); ok {
			out = append(out, r)
		}
	}
	if !slices.Contains(out, row) {
		return nil
	}
	return out
}
