package gui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"plenary/data/countries"
)

// literals returns every rune of the string literals in the non-test Go
// files matched by the patterns, with a place where each first appears.
func literals(t *testing.T, patterns ...string) map[rune]string {
	t.Helper()
	runes := map[rune]string{}
	fset := token.NewFileSet()
	for _, pattern := range patterns {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", pattern, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
				}
				for _, r := range s {
					if _, seen := runes[r]; !seen {
						runes[r] = fset.Position(lit.Pos()).String()
					}
				}
				return true
			})
		}
	}
	return runes
}

// covers reports whether one of the fonts has a glyph for r.
func covers(t *testing.T, fonts []*sfnt.Font, r rune) bool {
	var buf sfnt.Buffer
	for _, f := range fonts {
		if i, err := f.GlyphIndex(&buf, r); err == nil && i != 0 {
			return true
		}
	}
	return false
}

// Every character the window draws from Plenary's own text (its labels,
// menus, dialogs, the views' names and help, the countries' names) is in
// the fonts built into Fyne, the text font or the symbol font it falls
// back to. A system font fills a gap on Linux, through fontconfig, but
// Windows has no such fallback and draws a box instead.
func TestGlyphsInBundledFonts(t *testing.T) {
	var fonts []*sfnt.Font
	for _, res := range []fyne.Resource{theme.DefaultTextFont(), theme.DefaultTextBoldFont(), theme.DefaultSymbolFont()} {
		f, err := sfnt.Parse(res.Content())
		if err != nil {
			t.Fatalf("%s: %v", res.Name(), err)
		}
		fonts = append(fonts, f)
	}
	// The views' titles and subtitles are drawn into the charts, in the
	// charts' own font (tested in package charts); the registry's names
	// and help are the window's.
	runes := literals(t, "*.go", "../views/kinds.go", "../../data/countries/*.go", "../../data/compare/*.go")
	for _, c := range countries.All() {
		for _, name := range append([]string{c.Name, c.UNName}, c.AltNames...) {
			for _, r := range name {
				if _, seen := runes[r]; !seen {
					runes[r] = "the name " + name
				}
			}
		}
	}
	if len(runes) < 80 {
		t.Fatalf("only %d distinct characters found: the sources were not read", len(runes))
	}
	var missing []string
	for r, where := range runes {
		if unicode.IsControl(r) || r == '\ufeff' || covers(t, fonts, r) {
			continue
		}
		missing = append(missing, where+": "+strconv.QuoteRune(r))
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("%s is in no bundled font: draw it as an icon or choose another character", m)
	}
}
