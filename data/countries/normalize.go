package countries

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize reduces a country name to the key Lookup uses, so that the
// spellings datasets produce for one state meet in one map entry: it
// lower-cases, folds Latin diacritics (Côte → cote, Türkiye → turkiye),
// treats every apostrophe and punctuation mark as a space, reads "&" as
// "and" and "St" as "saint", joins initials (U.S.A. → usa), drops a leading
// "the" and collapses spaces. It is exported so tests and fuzzers can check
// it; Normalize(Normalize(s)) == Normalize(s) for every s.
func Normalize(name string) string {
	tokens := make([]string, 0, 8)
	var tok strings.Builder
	flush := func() {
		if tok.Len() > 0 {
			tokens = append(tokens, tok.String())
			tok.Reset()
		}
	}
	for _, r := range name {
		switch {
		case r == '&' || r == '＆':
			flush()
			tokens = append(tokens, "and")
			continue
		case unicode.IsMark(r):
			// A combining accent of decomposed text: "Co\u0302te" is "Côte".
			continue
		case isApostrophe(r):
			flush()
			continue
		}
		r = unicode.ToLower(r)
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				tok.WriteRune(r)
			} else {
				flush()
			}
		case foldTable[r] != "":
			tok.WriteString(foldTable[r])
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			tok.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	tokens = joinInitials(tokens)
	for i, t := range tokens {
		if t == "st" {
			tokens[i] = "saint"
		}
	}
	for len(tokens) > 0 && tokens[0] == "the" {
		tokens = tokens[1:]
	}
	return strings.Join(tokens, " ")
}

// joinInitials merges runs of one-letter tokens, because punctuation has
// already split "U.S.A." into "u s a" and it should meet "USA". It runs
// before "st" becomes "saint" so that "S.T." cannot survive as "st" and
// make a second Normalize differ from the first.
func joinInitials(tokens []string) []string {
	single := func(t string) bool {
		r, n := utf8.DecodeRuneInString(t)
		return n == len(t) && unicode.IsLetter(r)
	}
	out := tokens[:0]
	for i := 0; i < len(tokens); {
		j := i
		for j < len(tokens) && single(tokens[j]) {
			j++
		}
		if j-i >= 2 {
			out = append(out, strings.Join(tokens[i:j], ""))
			i = j
			continue
		}
		out = append(out, tokens[i])
		i++
	}
	return out
}

// isApostrophe reports the apostrophe-like letters Unicode classes as
// modifier letters (ʼ ʻ ʹ ...); they would otherwise be kept as part of a
// word and "Cote dʼIvoire" would not meet "Cote d'Ivoire".
func isApostrophe(r rune) bool {
	switch r {
	case 'ʹ', 'ʻ', 'ʼ', 'ʽ', 'ʾ', 'ʿ', 'ˈ', 'ˊ', 'ˋ':
		return true
	}
	return false
}

// foldTable maps lower-case Latin letters with diacritics to plain ASCII.
// The standard library has no Unicode decomposition, and country names need
// only the Latin letters below, so a table is simpler than a dependency.
var foldTable = func() map[rune]string {
	groups := []struct{ from, to string }{
		{"àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ", "a"},
		{"çćĉċč", "c"},
		{"ďđð", "d"},
		{"èéêëēĕėęěȅȇȩẹẻẽếềểễệ", "e"},
		{"ĝğġģǧǵ", "g"},
		{"ĥħ", "h"},
		{"ìíîïĩīĭįıǐȉȋỉị", "i"},
		{"ĵ", "j"},
		{"ķǩ", "k"},
		{"ĺļľŀł", "l"},
		{"ñńņňŉǹ", "n"},
		{"òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợ", "o"},
		{"ŕŗřȑȓ", "r"},
		{"śŝşšș", "s"},
		{"ţťŧț", "t"},
		{"ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự", "u"},
		{"ŵẁẃẅ", "w"},
		{"ýÿŷȳỳỵỷỹ", "y"},
		{"źżžƶ", "z"},
		{"ß", "ss"},
		{"æǽǣ", "ae"},
		{"œ", "oe"},
		{"þ", "th"},
		{"ĳ", "ij"},
	}
	m := make(map[rune]string, 256)
	for _, g := range groups {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()
