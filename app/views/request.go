package views

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"plenary/data/compare"
	"plenary/data/countries"
	"plenary/data/idealpoint"
	"plenary/data/words"
)

// Field declares one input of a request beyond the filter, once for the
// window and the command line: the Request field it fills, how it is read
// from text and checked, its default and whether two requests differ in
// it. A view reads the inputs whose Input bit it declares. Adding an input
// is one entry in fields (with its Input bit and its Request field) plus
// its use in the builder; the command line's flag, the window's control,
// the comparison of two requests and the test that walks the
// declarations follow from it.
type Field struct {
	// Input is the bit a view declares to read the field.
	Input Input
	// Name is the command line's flag (--name) and the key of the
	// window's saved text; it never changes.
	Name string
	// Label names the input in the window.
	Label string
	// Help is the flag's description.
	Help string
	// Example is a valid value other than the default, for help texts,
	// placeholders and the tests.
	Example string
	// Repeat, when set, is what joins the values of a flag given more than
	// once (--period A --period B is "A;B"); a field without it is given
	// once.
	Repeat string
	// parse reads the text into r; empty text sets the default. Its error
	// is the message both the window and the command line show.
	parse func(r *Request, text string) error
	// text writes r's value as parse reads it; "" for the default.
	text func(r *Request) string
	// same reports whether two requests agree on the field.
	same func(a, b *Request) bool
}

// Parse reads the field's text into r, or says what is wrong with it;
// empty text sets the default.
func (f Field) Parse(r *Request, text string) error { return f.parse(r, strings.TrimSpace(text)) }

// Text is r's value of the field as Parse reads it, "" for the default.
func (f Field) Text(r Request) string { return f.text(&r) }

// Same reports whether two requests agree on the field.
func (f Field) Same(a, b Request) bool { return f.same(&a, &b) }

// field declares an input held in one comparable Request field: get
// points at it, parse reads a value ("" is the default) and format writes
// one back ("" for the default).
func field[T comparable](in Input, name, label, help, example string, get func(*Request) *T,
	parse func(string) (T, error), format func(T) string) Field {
	return Field{
		Input: in, Name: name, Label: label, Help: help, Example: example,
		parse: func(r *Request, s string) error {
			v, err := parse(s)
			if err != nil {
				return err
			}
			*get(r) = v
			return nil
		},
		text: func(r *Request) string { return format(*get(r)) },
		same: func(a, b *Request) bool { return *get(a) == *get(b) },
	}
}

// fields is every input beyond the filter, in the order the window shows
// them.
var fields = []Field{
	field(UsesRef, "ref", "Reference country", "the reference country of the agreement charts (default: the first selected)", "India",
		func(r *Request) *string { return &r.Ref }, ParseRef, func(s string) string { return s }),
	field(UsesMetric, "metric", "Metric", "identical, voeten or coincidence", "voeten",
		func(r *Request) *compare.Metric { return &r.Metric }, compare.ParseMetric, func(m compare.Metric) string {
			if m == compare.Identical {
				return ""
			}
			return m.String()
		}),
	field(UsesSymbol, "symbol", "Roll call", "the roll call of a one-roll-call chart (default: the most recent selected)", "A/RES/68/262",
		func(r *Request) *string { return &r.Symbol }, parseSymbol, func(s string) string { return s }),
	field(UsesMinN, "min-n", "Fewest roll calls", fmt.Sprintf("leave out the countries whose agreement rests on fewer roll calls (default %d)", DefaultMinN), "25",
		func(r *Request) *int { return &r.MinN }, parseMinN, formatZero),
	field(UsesIdeal, "by", "Periods", "ideal points by year or session", "session",
		func(r *Request) *idealpoint.By { return &r.By }, idealpoint.ParseBy, func(b idealpoint.By) string {
			if b == idealpoint.ByYear {
				return ""
			}
			return b.String()
		}),
	field(UsesYear, "year", "Year (empty: the last)", "the year (or session) of a one-period ideal-point chart (default: the last)", "2019",
		func(r *Request) *int { return &r.Year }, ParseYear, formatZero),
	field(UsesPoles, "poles", "Poles of the alignment", "the two states of the alignment chart (default USA,CHN)", "RUS,FRA",
		func(r *Request) *[2]string { return &r.Poles }, ParsePoles, func(p [2]string) string {
			if p == ([2]string{}) {
				return ""
			}
			return p[0] + "," + p[1]
		}),
	withRepeat(";", field(UsesPeriods, "period", "Two periods (A;B)", "the two periods movers compares, each a year or YYYY-YYYY: --period A --period B (default: the first and last year selected)", "2015-2019;2021-2025",
		func(r *Request) *[2]Span { return &r.Change.Periods }, ParsePeriods, formatPeriods)),
	field(UsesMeasure, "measure", "Movers rank", "what movers ranks the change of: ideal (the default) or agreement with the reference", MeasureAgreement,
		func(r *Request) *string { return &r.Change.Measure }, ParseMeasure, func(m string) string {
			if m == MeasureIdeal {
				return ""
			}
			return m
		}),
	field(UsesSpeeches, "query", "Search the speeches", `the search of the speech charts: a word, "a phrase", a prefix*, with AND, OR, NOT`, `"climate change"`,
		func(r *Request) *string { return &r.Query }, parseQuery, func(s string) string { return s }),
	field(UsesBlocs, "blocs", "Number of blocs (empty: chosen)", "the number of blocs, 1 to 20 (default: chosen by the silhouette rule)", "4",
		func(r *Request) *int { return &r.Change.Blocs }, ParseBlocs, formatZero),
}

// withRepeat lets a field's flag be given more than once, its values
// joined by sep.
func withRepeat(sep string, f Field) Field {
	f.Repeat = sep
	return f
}

// Fields lists every declared input in the window's order.
func Fields() []Field { return append([]Field(nil), fields...) }

// FieldNamed finds a declared input by its name.
func FieldNamed(name string) (Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Fields lists the inputs the view reads.
func (v View) Fields() []Field {
	var out []Field
	for _, f := range fields {
		if v.Uses(f.Input) {
			out = append(out, f)
		}
	}
	return out
}

// NewRequest is a request for the kind with every input at its default.
func NewRequest(k Kind) Request {
	r := Request{Kind: k}
	for _, f := range fields {
		_ = f.parse(&r, "") // the empty text is every field's default
	}
	return r
}

// Differ reports whether the view must be drawn again when its request
// changes from a to b: the filter as the view applies it (its body rules),
// the chosen countries (which the maps outline though they draw every
// state), or one of the inputs the view reads. Positions, the estimation
// and the provenance are the caller's to compare.
func (v View) Differ(a, b Request) bool {
	fa, fb := v.filter(a.Filter), v.filter(b.Filter)
	fa.Countries, fb.Countries = a.Filter.Countries, b.Filter.Countries
	if a.Kind != b.Kind || !SameFilter(fa, fb) {
		return true
	}
	for _, f := range v.Fields() {
		if !f.same(&a, &b) {
			return true
		}
	}
	return false
}

// SameFilter reports whether two filters select the same way, field by
// field, an empty list being the same as none.
func SameFilter(a, b compare.Filter) bool {
	return reflect.DeepEqual(withoutEmpty(a), withoutEmpty(b))
}

// withoutEmpty sets every empty list of a filter to nil, so that a list
// emptied in the window equals one never set.
func withoutEmpty(f compare.Filter) compare.Filter {
	v := reflect.ValueOf(&f).Elem()
	for i := range v.NumField() {
		if fv := v.Field(i); fv.Kind() == reflect.Slice && fv.Len() == 0 {
			fv.SetZero()
		}
	}
	return f
}

// ParseRef reads a reference country: one state, by ISO3 code or any of
// its names; empty for the first selected country.
func ParseRef(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	return oneState(s, "the reference must be one country, not %q")
}

// oneState resolves the text of one state, with the error worded by msg.
func oneState(s, msg string) (string, error) {
	if iso, ok := countries.Lookup(s); ok {
		return iso, nil
	}
	toks, err := compare.ParseCountries(s)
	if err != nil || len(toks) != 1 || toks[0] == compare.All {
		return "", fmt.Errorf(msg, s)
	}
	if _, ok := countries.ByISO3(toks[0]); !ok {
		return "", fmt.Errorf(msg+" (a group)", s)
	}
	return toks[0], nil
}

// ParsePoles reads the two poles of the alignment, "USA,CHN": two
// different states. Empty text, and the default pair, give the zero pair,
// which the alignment reads as DefaultPoles.
func ParsePoles(s string) ([2]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return [2]string{}, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		return [2]string{}, fmt.Errorf("the poles are two countries, such as USA,CHN, not %q", s)
	}
	var p [2]string
	for i, part := range parts {
		iso, err := oneState(strings.TrimSpace(part), "%q is not a country")
		if err != nil {
			return [2]string{}, err
		}
		p[i] = iso
	}
	if p[0] == p[1] {
		return [2]string{}, fmt.Errorf("the two poles must differ (both are %s)", p[0])
	}
	if p == DefaultPoles {
		return [2]string{}, nil
	}
	return p, nil
}

// ParseYear reads the year (or session number) of a one-period view:
// empty for the last period.
func ParseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1 || y > 2999 {
		return 0, fmt.Errorf("a year such as 2019 (or a session such as 74), or empty for the last, not %q", s)
	}
	return y, nil
}

// parseMinN reads the fewest roll calls an agreement may rest on: a
// positive number, or empty for DefaultMinN.
func parseMinN(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("the fewest roll calls is a number from 1, not %q", s)
	}
	return n, nil
}

// parseQuery checks a search of the speeches as the index reads it; empty
// is no search, which the speech views show as such.
func parseQuery(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if _, err := words.ParseQuery(s); err != nil {
		return "", err
	}
	return s, nil
}

// parseSymbol reads a roll call's symbol in the UN's form.
func parseSymbol(s string) (string, error) {
	if len(s) > 200 {
		return "", fmt.Errorf("a symbol such as A/RES/68/262, not %d characters", len(s))
	}
	return s, nil
}

// formatZero writes a number, or "" for zero, the default.
func formatZero(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
