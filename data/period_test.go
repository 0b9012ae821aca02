package data_test

import (
	"context"
	"slices"
	"testing"

	"plenary/data"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// TestTableYears reads parts of the built-in history by years: every roll
// call of those years (and every undated one) comes with every vote the
// whole table holds for it, and no other roll call comes.
func TestTableYears(t *testing.T) {
	db := comparetest.Builtin(t)
	st, err := data.Open(db.Path, data.Options{ReadOnly: true, Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	whole, err := st.Table(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, span := range [][2]int{{2019, 2019}, {1946, 1950}, {2000, 0}, {0, 1947}, {2030, 2040}} {
		part, err := st.TableYears(ctx, span[0], span[1])
		if err != nil {
			t.Fatalf("%v: %v", span, err)
		}
		in := func(rc record.RollCall) bool {
			y := rc.Year()
			return y == 0 || (span[0] == 0 || y >= span[0]) && (span[1] == 0 || y <= span[1])
		}
		if !slices.Equal(part.Countries, whole.Countries) {
			t.Fatalf("%v: %d columns, want the whole table's %d", span, len(part.Countries), len(whole.Countries))
		}
		want := 0
		for row, rc := range whole.RollCalls {
			if !in(rc) {
				continue
			}
			want++
			prow := -1
			for i := range part.RollCalls {
				if part.RollCalls[i].ID == rc.ID {
					prow = i
				}
			}
			if prow < 0 {
				t.Fatalf("%v: roll call %s (%s) is missing", span, rc.Symbol, rc.Date)
			}
			for col, iso := range whole.Countries {
				if got, v := part.Votes[prow][col], whole.Votes[row][col]; got != v {
					t.Fatalf("%v: %s on %s: %v, want %v", span, iso, rc.Symbol, got, v)
				}
			}
		}
		if len(part.RollCalls) != want {
			t.Errorf("%v: %d roll calls, want %d", span, len(part.RollCalls), want)
		}
	}
}
