// Package words analyses the speeches of the General Debate: how a text
// splits into words, what a search query asks for, how often a speech
// says it, the passages around each mention, and mentions per 10,000
// words by state and year. It holds no SQL: the store finds the speeches
// that match with SQLite's full-text index, and this package counts in
// them, by the same rules as the index.
//
// The rules are those of SQLite's unicode61 tokenizer with
// remove_diacritics 2, which the index uses: a word is a run of letters,
// digits and private-use characters (Unicode categories L, N and Co);
// everything else separates words (so "nation's" is "nation" and "s", and
// "U.N." is "u" and "n"); case is folded and Latin diacritics are dropped
// ("Côte" is "cote"). There is no stemming: "nuclear" does not match
// "nuclearization", a prefix query ("nuclear*") does.
package words

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one word of a text: its folded form and where it is, in bytes.
type Token struct {
	Word       string
	Start, End int
}

// asciiWord marks the ASCII characters that belong to a word: a table
// lookup, since the test runs for every byte of every speech counted.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// isWordRune is unicode61's test for a character that belongs to a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// Tokens calls fn for each word of text in order, and stops when fn
// returns false.
func Tokens(text string, fn func(Token) bool) {
	var buf []byte
	scan(text, func(start, end int, ascii bool) bool {
		word := text[start:end]
		if ascii {
			word, buf = lowerASCII(word, buf)
		} else {
			word = Fold(word)
		}
		return fn(Token{Word: word, Start: start, End: end})
	})
}

// scan calls fn with the bytes of each word of text, and whether the word
// is all ASCII, without folding it: counting compares words in place.
func scan(text string, fn func(start, end int, ascii bool) bool) {
	for i := 0; i < len(text); {
		// Skip separators, ASCII first.
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += n
			continue
		}
		start := i
		ascii := true
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			ascii = false
			i += n
		}
		if !fn(start, i, ascii) {
			return
		}
	}
}

// same reports whether the raw word of a text is the folded word w (or,
// with prefix, starts with it).
func same(raw string, ascii bool, w string, prefix bool) bool {
	if !ascii {
		f := Fold(raw)
		if prefix {
			return len(f) >= len(w) && f[:len(w)] == w
		}
		return f == w
	}
	if prefix {
		if len(raw) < len(w) {
			return false
		}
		raw = raw[:len(w)]
	} else if len(raw) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := raw[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// lowerASCII folds an ASCII word, allocating only when it has capitals.
func lowerASCII(w string, buf []byte) (string, []byte) {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			buf = append(buf[:0], w...)
			for j := i; j < len(buf); j++ {
				if buf[j] >= 'A' && buf[j] <= 'Z' {
					buf[j] += 'a' - 'A'
				}
			}
			return string(buf), buf
		}
	}
	return w, buf
}

// Fold is a word as the index keeps it: lower case, without diacritics.
func Fold(w string) string {
	d := norm.NFD.String(w)
	out := make([]rune, 0, len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		out = append(out, unicode.ToLower(r))
	}
	return string(out)
}

// CountWords is the number of words of text, as Tokens would find them.
func CountWords(text string) int {
	n, in := 0, false
	for i := 0; i < len(text); {
		c := text[i]
		var word bool
		if c < utf8.RuneSelf {
			word = isWordRune(rune(c))
			i++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			word = isWordRune(r)
			i += size
		}
		if word && !in {
			n++
		}
		in = word
	}
	return n
}

// Split is the folded words of text.
func Split(text string) []string {
	var out []string
	Tokens(text, func(t Token) bool { out = append(out, t.Word); return true })
	return out
}
