package idealpoint

import (
	"fmt"
	"runtime"
)

// By says how roll calls are grouped into periods, the units a state's
// position may move between.
type By int

const (
	// ByYear groups roll calls by the calendar year of their date.
	ByYear By = iota
	// BySession groups General Assembly roll calls by regular session (the
	// 45th session opened in September 1990); Bailey, Strezhnev and Voeten
	// publish their estimates this way. Special and emergency special
	// sessions count with the regular session running on their date.
	BySession
)

// String is the word used in command lines and subtitles.
func (b By) String() string {
	if b == BySession {
		return "session"
	}
	return "year"
}

// ParseBy reads "year" or "session".
func ParseBy(s string) (By, error) {
	switch s {
	case "", "year":
		return ByYear, nil
	case "session":
		return BySession, nil
	}
	return ByYear, fmt.Errorf("unknown period %q (year or session)", s)
}

// Options tune the estimation. The zero value is the documented model;
// zero fields take their defaults.
type Options struct {
	// By chooses calendar years or sessions as periods.
	By By
	// Drift is the standard deviation of a state's move from one period
	// to the next (the random walk), on the scale of the ideal points. A
	// gap of k periods without roll calls allows sqrt(k) times as much,
	// and a state's first three moves twice as much. Default 0.12.
	Drift float64
	// MinVotes is the number of votes below which a state's estimate in a
	// period is flagged and its interval widened. Default 10.
	MinVotes int
	// MinContested is the number of contested roll calls (at least 2.5%
	// of the votes cast against the most common vote) below which a
	// period is reported in Result.Thin. Default 10.
	MinContested int
	// Tolerance ends the iterations once no position moves by more than
	// it in an iteration. They also end once an iteration raises the
	// log-posterior by less than a millionth of it, which is what usually
	// happens first (see docs/idealpoints.md). Default 1e-4.
	Tolerance float64
	// MaxIter bounds the iterations; it is also the total given to the
	// progress callback, which receives it as done at the end however
	// early the estimate converged. Default 500.
	MaxIter int
	// Anchor is the state placed on the positive side. Default "USA";
	// when it has no votes in the selection, the first of the United
	// Kingdom, France and Canada that has is used instead.
	Anchor string
	// NoBridge estimates every roll call's parameters separately, even
	// when the same text was voted in several periods.
	NoBridge bool
	// Workers is the number of goroutines. Default GOMAXPROCS.
	Workers int
}

// Default values of Options.
const (
	DefaultDrift        = 0.12
	DefaultMinVotes     = 10
	DefaultMinContested = 10
	DefaultTolerance    = 1e-4
	DefaultMaxIter      = 500
	DefaultAnchor       = "USA"
)

// fallbackAnchors stand in for the anchor when it did not vote.
var fallbackAnchors = []string{"GBR", "FRA", "CAN"}

// withDefaults fills the zero fields.
func (o Options) withDefaults() Options {
	if o.Drift <= 0 {
		o.Drift = DefaultDrift
	}
	if o.MinVotes <= 0 {
		o.MinVotes = DefaultMinVotes
	}
	if o.MinContested <= 0 {
		o.MinContested = DefaultMinContested
	}
	if o.Tolerance <= 0 {
		o.Tolerance = DefaultTolerance
	}
	if o.MaxIter <= 0 {
		o.MaxIter = DefaultMaxIter
	}
	if o.Anchor == "" {
		o.Anchor = DefaultAnchor
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}
