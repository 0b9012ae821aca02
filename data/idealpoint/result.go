package idealpoint

import (
	"fmt"
	"sort"
)

// Point is a state's position in one period.
type Point struct {
	ISO3   string
	Period Period
	// Ideal is the posterior mode; Lo and Hi bound its 95% interval, Ideal
	// ± 1.96 SD.
	Ideal, Lo, Hi, SD float64
	// N is the number of votes (yes, abstain, no) the state cast in the
	// period on the roll calls used.
	N int
	// Flag marks an estimate resting on fewer than Options.MinVotes votes
	// or made in a thin period: its interval is widened and it should not
	// be read as a confident position.
	Flag bool
}

// ThinPeriod is a period with fewer contested roll calls than
// Options.MinContested. Its states are still placed (the random walk links
// it to its neighbours) but every estimate in it is flagged.
type ThinPeriod struct {
	Period    Period
	Contested int
}

// Result is the outcome of Estimate.
type Result struct {
	// Estimates holds one entry per state and period in which the state
	// voted, sorted by state (table column order), then period.
	Estimates []Point
	// Periods lists the periods estimated, in time order.
	Periods []Period
	// Thin lists the periods with too few contested roll calls.
	Thin []ThinPeriod

	Options      Options // the options used, defaults filled in
	Iterations   int
	Converged    bool    // whether the largest move fell below the tolerance
	LastMove     float64 // the largest move of a position in the last iteration
	LogPosterior float64

	RollCalls int // roll calls used (those with at least two kinds of vote)
	Bridged   int // of which those sharing parameters with a re-vote of the same text
	Items     int // distinct sets of roll-call parameters
	Votes     int // votes used
}

// Describe is a one-line account of the estimation for chart subtitles.
func (r *Result) Describe() string {
	state := fmt.Sprintf("converged in %d iterations", r.Iterations)
	if !r.Converged {
		state = fmt.Sprintf("NOT converged after %d iterations (last move %.2g)", r.Iterations, r.LastMove)
	}
	return fmt.Sprintf("Dynamic ordinal logit ideal points by %s: %d roll calls (%d bridged across periods), %d votes, %d periods; %s",
		r.Options.By, r.RollCalls, r.Bridged, r.Votes, len(r.Periods), state)
}

// Series is one state's estimates in time order (nil when it did not vote).
func (r *Result) Series(iso3 string) []Point {
	var out []Point
	for _, e := range r.Estimates {
		if e.ISO3 == iso3 {
			out = append(out, e)
		}
	}
	return out
}

// Year is every state's estimate in the period that begins in year,
// sorted from the lowest position to the highest.
func (r *Result) Year(year int) []Point {
	var out []Point
	for _, e := range r.Estimates {
		if e.Period.Year == year {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Ideal < out[j].Ideal })
	return out
}

// Lookup finds a state's estimate in the period that begins in year.
func (r *Result) Lookup(iso3 string, year int) (Point, bool) {
	for _, e := range r.Estimates {
		if e.ISO3 == iso3 && e.Period.Year == year {
			return e, true
		}
	}
	return Point{}, false
}
