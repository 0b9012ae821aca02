package words

import (
	"fmt"
	"strings"
)

// Query is a search as a user typed it, checked and parsed: words,
// "quoted phrases", prefixes (nuclear*), AND (also implied between two
// terms), OR, NOT and parentheses. NOT binds tighter than AND, and AND
// tighter than OR, as in SQLite's FTS5, to which FTS translates it.
type Query struct {
	Text string
	root *node
}

// Phrase is a run of words that must follow each other; with Prefix the
// last word may be the start of a longer one.
type Phrase struct {
	Words  []string
	Prefix bool
}

type nodeKind int

const (
	nodePhrase nodeKind = iota
	nodeAnd
	nodeOr
	nodeNot // left AND NOT right
)

type node struct {
	kind        nodeKind
	phrase      Phrase
	left, right *node
}

// ParseQuery reads a search. Operators are written in capitals (AND, OR,
// NOT), so that "or" in lower case is a word; a term that holds several
// words ("nation's", "U.N.") is a phrase of them. An empty query, an
// operator without its terms, or an unclosed quote or parenthesis is an
// error saying where.
func ParseQuery(s string) (Query, error) {
	toks, err := lex(s)
	if err != nil {
		return Query{}, err
	}
	if len(toks) == 0 {
		return Query{}, fmt.Errorf("an empty search: type a word, a \"phrase\" or a prefix*")
	}
	p := &parser{toks: toks}
	root, err := p.or()
	if err != nil {
		return Query{}, err
	}
	if p.i < len(p.toks) {
		return Query{}, fmt.Errorf("search %q: unexpected %s", clip(s), p.toks[p.i].show())
	}
	return Query{Text: strings.TrimSpace(s), root: root}, nil
}

// FTS is the query in FTS5's syntax: every phrase quoted, so that nothing
// a user types is read as a column filter or an FTS5 function.
func (q Query) FTS() string {
	var b strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		switch n.kind {
		case nodePhrase:
			b.WriteString(`"` + strings.Join(n.phrase.Words, " ") + `"`)
			if n.phrase.Prefix {
				b.WriteString("*")
			}
			return
		}
		op := map[nodeKind]string{nodeAnd: " AND ", nodeOr: " OR ", nodeNot: " NOT "}[n.kind]
		b.WriteString("(")
		walk(n.left)
		b.WriteString(op)
		walk(n.right)
		b.WriteString(")")
	}
	if q.root != nil {
		walk(q.root)
	}
	return b.String()
}

// Phrases are the phrases whose mentions count: every phrase of the
// query but those after a NOT, which a matching speech does not hold.
func (q Query) Phrases() []Phrase {
	var out []Phrase
	var walk func(n *node)
	walk = func(n *node) {
		if n == nil {
			return
		}
		switch n.kind {
		case nodePhrase:
			for _, p := range out {
				if p.equal(n.phrase) {
					return
				}
			}
			out = append(out, n.phrase)
		case nodeNot:
			walk(n.left)
		default:
			walk(n.left)
			walk(n.right)
		}
	}
	walk(q.root)
	return out
}

func (p Phrase) equal(o Phrase) bool {
	return p.Prefix == o.Prefix && strings.Join(p.Words, " ") == strings.Join(o.Words, " ")
}

// lexeme is a token of a query.
type lexeme struct {
	op     string // "(", ")", "AND", "OR", "NOT"; empty for a phrase
	phrase Phrase
	text   string
}

func (l lexeme) show() string {
	if l.op != "" {
		return l.op
	}
	return fmt.Sprintf("%q", l.text)
}

func lex(s string) ([]lexeme, error) {
	var out []lexeme
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')':
			out = append(out, lexeme{op: string(c)})
			i++
		case c == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("search %q: a quote is not closed", clip(s))
			}
			text := s[i+1 : i+1+end]
			i += end + 2
			prefix := false
			if i < len(s) && s[i] == '*' {
				prefix = true
				i++
			}
			ws := Split(text)
			if len(ws) == 0 {
				return nil, fmt.Errorf("search %q: the phrase \"%s\" holds no word", clip(s), text)
			}
			out = append(out, lexeme{phrase: Phrase{Words: ws, Prefix: prefix}, text: text})
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\n\r()\"", rune(s[j])) {
				j++
			}
			text := s[i:j]
			i = j
			if text == "AND" || text == "OR" || text == "NOT" {
				out = append(out, lexeme{op: text})
				continue
			}
			prefix := strings.HasSuffix(text, "*")
			ws := Split(strings.TrimRight(text, "*"))
			if len(ws) == 0 {
				return nil, fmt.Errorf("search %q: %q holds no word (letters or digits)", clip(s), text)
			}
			out = append(out, lexeme{phrase: Phrase{Words: ws, Prefix: prefix}, text: text})
		}
	}
	return out, nil
}

// parser is a recursive-descent parser over the lexemes:
//
//	or  = and { "OR" and }
//	and = not { ["AND"] not }
//	not = term { "NOT" term }
//	term = phrase | "(" or ")"
type parser struct {
	toks []lexeme
	i    int
}

func (p *parser) peek() string {
	if p.i < len(p.toks) {
		if p.toks[p.i].op == "" {
			return "phrase"
		}
		return p.toks[p.i].op
	}
	return ""
}

func (p *parser) or() (*node, error) {
	left, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.peek() == "OR" {
		p.i++
		right, err := p.and()
		if err != nil {
			return nil, err
		}
		left = &node{kind: nodeOr, left: left, right: right}
	}
	return left, nil
}

func (p *parser) and() (*node, error) {
	left, err := p.not()
	if err != nil {
		return nil, err
	}
	for {
		switch p.peek() {
		case "AND":
			p.i++
		case "phrase", "(":
		default:
			return left, nil
		}
		right, err := p.not()
		if err != nil {
			return nil, err
		}
		left = &node{kind: nodeAnd, left: left, right: right}
	}
}

func (p *parser) not() (*node, error) {
	left, err := p.term()
	if err != nil {
		return nil, err
	}
	for p.peek() == "NOT" {
		p.i++
		right, err := p.term()
		if err != nil {
			return nil, err
		}
		left = &node{kind: nodeNot, left: left, right: right}
	}
	return left, nil
}

func (p *parser) term() (*node, error) {
	switch p.peek() {
	case "phrase":
		t := p.toks[p.i]
		p.i++
		return &node{kind: nodePhrase, phrase: t.phrase}, nil
	case "(":
		p.i++
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.peek() != ")" {
			return nil, fmt.Errorf("a parenthesis is not closed")
		}
		p.i++
		return n, nil
	case "":
		return nil, fmt.Errorf("the search ends where a word or a \"phrase\" should follow")
	}
	return nil, fmt.Errorf("%s where a word or a \"phrase\" should be (write operators between terms: peace AND security, peace OR security, peace NOT war)", p.toks[p.i].show())
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
