package record

import "testing"

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{-1, "votes"}, {0, "votes"}, {1, "vote"}, {2, "votes"}, {1000, "votes"}} {
		if got := Plural(c.n, "vote", "votes"); got != c.want {
			t.Errorf("Plural(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
