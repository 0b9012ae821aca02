package charts

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

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
)

// Every character of the charts' own text (titles, subtitles, legends,
// notes, written here and in the views that fill them) has a glyph in the
// font the charts are drawn with, which is built in: a PNG or SVG looks
// the same on every system, with no box for a missing character.
func TestGlyphsInChartFont(t *testing.T) {
	f, err := loadFont()
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	runes := map[rune]string{}
	for _, pattern := range []string{"*.go", "../app/views/*.go"} {
		files, _ := filepath.Glob(pattern)
		if len(files) == 0 {
			t.Fatalf("%s: no Go files", pattern)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
					}
					for _, r := range s {
						if _, seen := runes[r]; !seen {
							runes[r] = fset.Position(lit.Pos()).String()
						}
					}
				}
				return true
			})
		}
	}
	if len(runes) < 80 {
		t.Fatalf("only %d distinct characters found: the sources were not read", len(runes))
	}
	var missing []string
	for r, where := range runes {
		if !unicode.IsControl(r) && r != '\ufeff' && f.Index(r) == 0 {
			missing = append(missing, where+": "+strconv.QuoteRune(r))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("%s is not in the charts' font", m)
	}
}

// TestMeasureAsTruetype holds the widths text layout measures, through
// the faces that keep each rune's advance, to a fresh truetype face's,
// before and after the advances are kept, for strings with kerned pairs,
// letters outside ASCII and runes the font lacks.
func TestMeasureAsTruetype(t *testing.T) {
	_, _, c := rasterCanvas(t, 200, 100, 1)
	strs := []string{"AVATAR To Ty", "Côte d'Ivoire · Türkiye · São Tomé", "", "…", "中国 ☃ \u0301", "USA 12 switched: Brazil, India, …"}
	for _, size := range []float64{7.5, 12, 13.125, 24} {
		face := truetype.NewFace(c.font, &truetype.Options{Size: size, DPI: 72, Hinting: font.HintingNone})
		for pass := range 2 {
			for _, s := range strs {
				want := float64(font.MeasureString(face, s)) / 64
				if got := c.measure(s, size); got != want {
					t.Errorf("pass %d, %q at %v: width %v, the face measures %v", pass, s, size, got, want)
				}
			}
			// The second pass measures new strings of the same runes, so
			// that the widths come from the kept advances, not kept widths.
			for i, s := range strs {
				strs[i] = s + " "
			}
		}
	}
}
