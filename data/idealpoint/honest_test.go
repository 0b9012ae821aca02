package idealpoint_test

import (
	"context"
	"errors"
	"testing"

	"plenary/data/idealpoint"
	"plenary/data/record"
)

// TestFewVotesFlagged keeps only three votes of one state in one year and
// cuts another year down to five roll calls: the first estimate must be
// flagged with a wide interval, the second year reported as thin.
func TestFewVotesFlagged(t *testing.T) {
	s := drawSynthetic(synthParams{states: 60, years: 6, perYear: 40, drift: 0.12, recurring: 10, seed: 3})
	tab := s.table
	kept := 0
	var rows []int
	for i, rc := range tab.RollCalls {
		if rc.Year() == 1993 && i%40 >= 5 {
			continue // 1993 keeps 5 roll calls
		}
		rows = append(rows, i)
		if rc.Year() == 1992 && tab.Votes[i][7].Cast() {
			if kept++; kept > 3 {
				tab.Votes[i][7] = record.NonVoting
			}
		}
	}
	res := estimate(t, tab, rows, idealpoint.Options{})
	few, ok := res.Lookup(tab.Countries[7], 1992)
	if !ok || few.N != 3 || !few.Flag {
		t.Fatalf("state with 3 votes: %+v (found %v), want N=3 and flagged", few, ok)
	}
	if few.Hi-few.Lo < 2*1.95996 {
		t.Errorf("state with 3 votes: interval %.2f wide, want at least that of the prior (3.92)", few.Hi-few.Lo)
	}
	full, _ := res.Lookup(tab.Countries[7], 1991)
	if full.Flag || full.Hi-full.Lo >= few.Hi-few.Lo {
		t.Errorf("the same state with %d votes: %+v, want unflagged and narrower", full.N, full)
	}
	if len(res.Thin) != 1 || res.Thin[0].Period.Year != 1993 || res.Thin[0].Contested != 5 {
		t.Fatalf("thin periods %+v, want 1993 with 5 contested roll calls", res.Thin)
	}
	for _, e := range res.Year(1993) {
		if !e.Flag {
			t.Errorf("%s in the thin year 1993 is not flagged", e.ISO3)
		}
	}
}

// TestCancelAndProgress cancels from the progress callback and checks that
// progress only goes forward.
func TestCancelAndProgress(t *testing.T) {
	s := drawSynthetic(synthParams{states: 40, years: 5, perYear: 30, drift: 0.12, recurring: 5, seed: 4})
	var seen []int
	progress := func(done, total int) {
		if total != idealpoint.DefaultMaxIter {
			t.Errorf("total %d, want %d", total, idealpoint.DefaultMaxIter)
		}
		seen = append(seen, done)
	}
	res, err := idealpoint.Estimate(context.Background(), s.table, nil, idealpoint.Options{}, progress)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != res.Iterations+1 || seen[len(seen)-1] != idealpoint.DefaultMaxIter {
		t.Errorf("progress %v for %d iterations, want one call per iteration and a final one at the total", seen, res.Iterations)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Errorf("progress went from %d to %d", seen[i-1], seen[i])
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err = idealpoint.Estimate(ctx, s.table, nil, idealpoint.Options{}, func(done, total int) {
		calls++
		cancel()
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("after cancelling: err %v after %d progress calls, want context.Canceled after 1", err, calls)
	}
}

// TestNoContestedVotes gives only unanimous roll calls.
func TestNoContestedVotes(t *testing.T) {
	tab := &record.Table{
		Countries: []string{"USA", "FRA", "CHN"},
		RollCalls: []record.RollCall{{Body: record.GA, Date: "2001-10-01"}, {Body: record.GA, Date: "2002-10-01"}},
		Votes:     [][]record.Vote{{record.Yes, record.Yes, record.NonVoting}, {record.No, record.No, record.No}},
	}
	if _, err := idealpoint.Estimate(context.Background(), tab, nil, idealpoint.Options{}, nil); !errors.Is(err, idealpoint.ErrNoVotes) {
		t.Errorf("err = %v, want ErrNoVotes", err)
	}
	if _, err := idealpoint.Estimate(context.Background(), tab, []int{5}, idealpoint.Options{}, nil); err == nil {
		t.Error("row 5 of 2 accepted")
	}
}
