package charts

import (
	"image/color"
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Theme picks the background and text colours. Exports use Light (a white
// page); the app uses whichever matches its own theme so that a chart on
// screen does not glare or vanish.
type Theme int

const (
	// Light draws dark text on a white background; use it for exports.
	Light Theme = iota
	// Dark draws light text on a dark background for dark-mode screens.
	Dark
)

// String names the theme for logs and test names.
func (t Theme) String() string {
	if t == Dark {
		return "dark"
	}
	return "light"
}

// Vote is one member state's vote on one roll call. It is the package's own
// small enum so that callers need not share a type with the data layer.
type Vote int8

const (
	// VoteNone means there is no record: not yet a member, or no data.
	VoteNone Vote = iota
	// VoteYes is a vote in favour.
	VoteYes
	// VoteNo is a vote against.
	VoteNo
	// VoteAbstain is a recorded abstention.
	VoteAbstain
	// VoteNonVoting means a member was present in the record but did not vote.
	VoteNonVoting
)

// String gives the word used in legends and CSV files.
func (v Vote) String() string {
	switch v {
	case VoteYes:
		return "yes"
	case VoteNo:
		return "no"
	case VoteAbstain:
		return "abstain"
	case VoteNonVoting:
		return "non-voting"
	}
	return ""
}

// Okabe–Ito colours: distinguishable with the common colour-vision
// deficiencies, and used for the same meaning in every chart.
var (
	colYes       = drawing.ColorFromHex("0072B2") // blue
	colNo        = drawing.ColorFromHex("D55E00") // vermilion
	colAbstain   = drawing.ColorFromHex("E69F00") // amber
	colNonVoting = drawing.ColorFromHex("999999") // grey
)

// VoteColor returns the colour every chart uses for v, so that widgets drawn
// by the app (legends, badges) can match the images exactly. VoteNone has no
// fixed colour and returns a fully transparent value.
func VoteColor(v Vote) color.NRGBA {
	c, ok := voteColor(v)
	if !ok {
		return color.NRGBA{}
	}
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: c.A}
}

func voteColor(v Vote) (drawing.Color, bool) {
	switch v {
	case VoteYes:
		return colYes, true
	case VoteNo:
		return colNo, true
	case VoteAbstain:
		return colAbstain, true
	case VoteNonVoting:
		return colNonVoting, true
	}
	return drawing.Color{}, false
}

// palette holds the theme-dependent colours. None of them equals a vote
// colour, so vote colours can be counted in tests and read without doubt.
type palette struct {
	bg      drawing.Color // page
	text    drawing.Color // titles, labels
	muted   drawing.Color // subtitle, footer, axis labels
	grid    drawing.Color // grid lines
	axis    drawing.Color // axis base lines
	noData  drawing.Color // cells without data
	elected drawing.Color // lighter abstain tint for elected members
	series  []drawing.Color
}

func paletteFor(t Theme) palette {
	// Series colours put the non-vote Okabe–Ito hues first so that lines and
	// grouped bars are not read as yes/no/abstain.
	if t == Dark {
		return palette{
			bg:      drawing.ColorFromHex("1E1F22"),
			text:    drawing.ColorFromHex("ECECEC"),
			muted:   drawing.ColorFromHex("B4B7BD"),
			grid:    drawing.ColorFromHex("3A3D42"),
			axis:    drawing.ColorFromHex("7C8088"),
			noData:  drawing.ColorFromHex("33363B"),
			elected: drawing.ColorFromHex("8A6410"),
			series: []drawing.Color{
				drawing.ColorFromHex("009E73"), drawing.ColorFromHex("CC79A7"),
				drawing.ColorFromHex("56B4E9"), drawing.ColorFromHex("ECECEC"),
				drawing.ColorFromHex("0072B2"), drawing.ColorFromHex("D55E00"),
				drawing.ColorFromHex("E69F00"),
			},
		}
	}
	return palette{
		bg:      drawing.ColorFromHex("FFFFFF"),
		text:    drawing.ColorFromHex("1A1A1A"),
		muted:   drawing.ColorFromHex("5A5F66"),
		grid:    drawing.ColorFromHex("E4E6E9"),
		axis:    drawing.ColorFromHex("8C9096"),
		noData:  drawing.ColorFromHex("EEEFF1"),
		elected: drawing.ColorFromHex("F5D28A"),
		series: []drawing.Color{
			drawing.ColorFromHex("009E73"), drawing.ColorFromHex("CC79A7"),
			drawing.ColorFromHex("56B4E9"), drawing.ColorFromHex("1A1A1A"),
			drawing.ColorFromHex("0072B2"), drawing.ColorFromHex("D55E00"),
			drawing.ColorFromHex("E69F00"),
		},
	}
}

// seriesStyle gives series i a colour and, once the colours run out, a dash
// pattern, so that up to 21 lines stay tellable apart without colour alone.
func (p palette) seriesStyle(i int) (drawing.Color, []float64) {
	n := len(p.series)
	c := p.series[i%n]
	switch (i / n) % 3 {
	case 1:
		return c, []float64{8, 4}
	case 2:
		return c, []float64{2, 3}
	}
	return c, nil
}

// inkOn returns black or white, whichever reads better on fill.
func inkOn(fill drawing.Color) drawing.Color {
	if relLuminance(fill) > 0.18 {
		return drawing.ColorFromHex("111111")
	}
	return drawing.ColorFromHex("FFFFFF")
}

func relLuminance(c drawing.Color) float64 {
	lin := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Font sizes in pixels at scale 1.
const (
	sizeTitle    = 24.0
	sizeSubtitle = 15.0
	sizeLegend   = 13.0
	sizeLabel    = 13.0
	sizeTick     = 12.0
	sizeFooter   = 12.0
	sizeMessage  = 26.0
	sizeMin      = 7.5 // smallest text still worth drawing
)
