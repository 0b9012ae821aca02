package idealpoint_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"plenary/data/record"
)

// synthetic is a data set drawn from the model itself, with the true
// positions kept for comparison.
type synthetic struct {
	table *record.Table
	truth map[key]float64 // true position by state and year
}

// synthParams shape a synthetic data set.
type synthParams struct {
	states, years, perYear int
	drift                  float64
	recurring              int // texts voted again every year (bridges)
	seed                   uint64
}

// drawSynthetic draws positions by a random walk (state 0 is "USA",
// started on the positive side), items with discriminations away from
// zero, and ordinal logit votes; 3% of votes are non-voting and some
// states join late.
func drawSynthetic(sp synthParams) synthetic {
	rng := rand.New(rand.NewPCG(sp.seed, 7))
	t := &record.Table{}
	s := synthetic{table: t, truth: map[key]float64{}}
	pos := make([][]float64, sp.states)
	join := make([]int, sp.states)
	for c := range sp.states {
		t.Countries = append(t.Countries, fmt.Sprintf("S%02d", c))
		pos[c] = make([]float64, sp.years)
		x := rng.NormFloat64()
		if c == 0 {
			t.Countries[0], x = "USA", 1.5
		}
		if c%5 == 4 {
			join[c] = rng.IntN(sp.years / 2)
		}
		for y := range sp.years {
			x += sp.drift * rng.NormFloat64()
			pos[c][y] = x
		}
	}
	type item struct{ beta, c1, c2 float64 }
	draw := func() item {
		b := (1 + 1.5*rng.Float64()) * float64(1-2*rng.IntN(2))
		c1 := rng.NormFloat64() * 1.5
		return item{b, c1, c1 + 0.3 + rng.Float64()}
	}
	recurring := make([]item, sp.recurring)
	for i := range recurring {
		recurring[i] = draw()
	}
	for y := range sp.years {
		year := 1990 + y
		for i := range sp.perYear {
			it, title := draw(), fmt.Sprintf("Question %d of %d", i, year)
			if i < sp.recurring {
				it, title = recurring[i], fmt.Sprintf("Recurring resolution on matter number %d", i)
			}
			t.RollCalls = append(t.RollCalls, record.RollCall{
				ID: int64(len(t.RollCalls) + 1), Body: record.GA, Date: fmt.Sprintf("%d-10-%02d", year, 1+i%28),
				Title: title, Description: title,
			})
			row := make([]record.Vote, sp.states)
			for c := range sp.states {
				if y < join[c] {
					continue // not yet a member: no vote row
				}
				row[c] = drawVote(rng, it.beta*pos[c][y], it.c1, it.c2)
			}
			t.Votes = append(t.Votes, row)
		}
		for c := range sp.states {
			if y >= join[c] {
				s.truth[key{t.Countries[c], year}] = pos[c][y]
			}
		}
	}
	return s
}

// drawVote draws one vote from the ordinal logit at eta with cut points
// c1 < c2.
func drawVote(rng *rand.Rand, eta, c1, c2 float64) record.Vote {
	if rng.Float64() < 0.03 {
		return record.NonVoting
	}
	u := rng.Float64()
	ystar := eta + math.Log(u/(1-u)) // logistic noise
	switch {
	case ystar < c1:
		return record.No
	case ystar < c2:
		return record.Abstain
	}
	return record.Yes
}
