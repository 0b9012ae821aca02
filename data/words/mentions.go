package words

import (
	"strings"
)

// Match is one mention in a text: the bytes of the words of a phrase.
type Match struct {
	Start, End int
}

// Matches finds every mention of the query's phrases (Phrases) in text, in
// order; where two overlap, both count, as FTS5 counts phrase instances.
// The caller knows from the index that the speech matches the query as a
// whole; this counts how often it says what was asked.
func (q Query) Matches(text string) []Match {
	var out []Match
	q.each(text, func(m Match) bool { out = append(out, m); return true })
	return out
}

// Count is the number of mentions of the query's phrases in text.
func (q Query) Count(text string) int {
	n := 0
	q.each(text, func(Match) bool { n++; return true })
	return n
}

// span is a word of a text, unfolded.
type span struct {
	start, end int
	ascii      bool
}

// each calls fn with each mention in text, until fn returns false. It
// keeps only a window of the last words, as long as the longest phrase,
// and compares them in place, so that counting allocates nothing.
func (q Query) each(text string, fn func(Match) bool) {
	phrases := q.Phrases()
	if len(phrases) == 0 {
		return
	}
	longest := 0
	for _, p := range phrases {
		longest = max(longest, len(p.Words))
	}
	ring := make([]span, longest)
	seen := 0
	scan(text, func(start, end int, ascii bool) bool {
		ring[seen%longest] = span{start, end, ascii}
		seen++
		for _, p := range phrases {
			k := len(p.Words)
			if seen < k {
				continue
			}
			ok := true
			for j, w := range p.Words {
				sp := ring[(seen-k+j)%longest]
				if !same(text[sp.start:sp.end], sp.ascii, w, p.Prefix && j == k-1) {
					ok = false
					break
				}
			}
			if ok && !fn(Match{Start: ring[(seen-k)%longest].start, End: end}) {
				return false
			}
		}
		return true
	})
}

// at reports whether the phrase starts at token i, and the index of its
// last token.
func (p Phrase) at(toks []Token, i int) (int, bool) {
	if i+len(p.Words) > len(toks) {
		return 0, false
	}
	for j, w := range p.Words {
		got := toks[i+j].Word
		if j == len(p.Words)-1 && p.Prefix {
			if !strings.HasPrefix(got, w) {
				return 0, false
			}
		} else if got != w {
			return 0, false
		}
	}
	return i + len(p.Words) - 1, true
}

// Passage is a mention with the words around it, keyword in context.
type Passage struct {
	Before, Match, After string
	Start, End           int // the mention's bytes in the text
}

// String is the passage on one line with the mention in brackets.
func (p Passage) String() string {
	return p.Before + "[" + p.Match + "]" + p.After
}

// Passages are up to limit mentions in text (all when limit is 0), each
// with about width words on either side, cut at word boundaries, with line
// breaks and runs of spaces folded.
func (q Query) Passages(text string, width, limit int) []Passage {
	var out []Passage
	q.each(text, func(m Match) bool {
		if len(out) > 0 && m.Start < out[len(out)-1].End {
			return true // overlaps the previous mention
		}
		out = append(out, passage(text, m, width))
		return limit == 0 || len(out) < limit
	})
	return out
}

// Snippet is the first passage of text, or the text's start when the query
// names no word that counts.
func (q Query) Snippet(text string, width int) Passage {
	if ps := q.Passages(text, width, 1); len(ps) > 0 {
		return ps[0]
	}
	end := wordsAfter(text, 0, 2*width)
	return Passage{After: oneLine(text[:end])}
}

func passage(text string, m Match, width int) Passage {
	from := wordsBefore(text, m.Start, width)
	to := wordsAfter(text, m.End, width)
	p := Passage{
		Before: oneLine(text[from:m.Start]),
		Match:  oneLine(text[m.Start:m.End]),
		After:  oneLine(text[m.End:to]),
		Start:  m.Start, End: m.End,
	}
	if from > 0 {
		p.Before = "…" + strings.TrimLeft(p.Before, " ")
	}
	if to < len(text) {
		p.After = strings.TrimRight(p.After, " ") + "…"
	}
	return p
}

// wordsBefore is where the n words before byte i start.
func wordsBefore(text string, i, n int) int {
	var starts []int
	Tokens(text[max(0, i-n*24):i], func(t Token) bool { starts = append(starts, t.Start); return true })
	base := max(0, i-n*24)
	if len(starts) == 0 {
		return i
	}
	k := max(0, len(starts)-n)
	if k == 0 && base == 0 {
		return 0
	}
	return base + starts[k]
}

// wordsAfter is where the n words after byte i end.
func wordsAfter(text string, i, n int) int {
	end, k := i, 0
	Tokens(text[i:min(len(text), i+n*24)], func(t Token) bool {
		end = i + t.End
		k++
		return k < n
	})
	if k < n && i+n*24 >= len(text) {
		return len(text)
	}
	return end
}

// oneLine folds runs of white space (line breaks included) into one space.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\f' || r == '\v' || r == 0x85 || r == 0xa0 || r == 0x2028 || r == 0x2029 {
			space = true
			continue
		}
		if r < ' ' || r == 0x7f {
			continue // a control character has no place on screen
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
