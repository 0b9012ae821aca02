package idealpoint_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"testing"

	"plenary/data/idealpoint"
	"plenary/data/record"
)

// fuzzVotes maps a byte to a vote row value, no row included.
var fuzzVotes = []record.Vote{record.None, record.Yes, record.No, record.Abstain, record.NonVoting}

// fuzzTable builds a small table from bytes: the first gives the number of
// states, each next group of states+1 bytes one roll call (its year and
// its votes). Two texts recur, so that bridging happens.
func fuzzTable(data []byte) *record.Table {
	t := &record.Table{}
	if len(data) == 0 {
		return t
	}
	states := 2 + int(data[0])%6
	for c := range states {
		t.Countries = append(t.Countries, fmt.Sprintf("S%d", c))
	}
	t.Countries[0] = "USA"
	for rest := data[1:]; len(rest) > states; rest = rest[states+1:] {
		year := 2000 + int(rest[0])%4
		text := fmt.Sprintf("Resolution on the recurring question number %d", rest[0]%3)
		t.RollCalls = append(t.RollCalls, record.RollCall{Body: record.GA, Date: fmt.Sprintf("%d-11-01", year), Description: text})
		row := make([]record.Vote, states)
		for c := range states {
			row[c] = fuzzVotes[int(rest[1+c])%len(fuzzVotes)]
		}
		t.Votes = append(t.Votes, row)
	}
	return t
}

// FuzzEstimate checks on arbitrary small tables that the estimation ends,
// and that every estimate is finite, inside its interval, and counts the
// votes the state cast in its period.
func FuzzEstimate(f *testing.F) {
	f.Add([]byte{1, 0, 1, 2, 0, 2, 1, 1, 1, 2, 3, 2, 2, 1})
	f.Add([]byte{4, 0, 1, 1, 2, 2, 3, 1, 1, 2, 2, 1, 3, 3, 2, 2, 1, 1, 1, 4, 0, 3, 1, 1, 2, 2, 2})
	f.Add([]byte{0, 3, 1, 1, 3, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		tab := fuzzTable(data)
		res, err := idealpoint.Estimate(context.Background(), tab, nil, idealpoint.Options{MaxIter: 60}, nil)
		if errors.Is(err, idealpoint.ErrNoVotes) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		cast := map[[2]any]int{}
		for i, rc := range tab.RollCalls {
			for c, v := range tab.Votes[i] {
				if v.Cast() {
					cast[[2]any{tab.Countries[c], rc.Year()}]++
				}
			}
		}
		for _, e := range res.Estimates {
			if math.IsNaN(e.Ideal) || math.IsInf(e.Ideal, 0) || !(e.Lo <= e.Ideal && e.Ideal <= e.Hi) {
				t.Fatalf("estimate %+v", e)
			}
			if n := cast[[2]any{e.ISO3, e.Period.Year}]; e.N > n || e.N == 0 {
				t.Fatalf("estimate %+v counts %d votes of %d cast", e, e.N, n)
			}
		}
	})
}
