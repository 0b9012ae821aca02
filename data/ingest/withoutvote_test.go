package ingest

import "testing"

// TestWithoutVoteWording accepts the wordings of "adopted without a vote"
// and nothing else that merely contains one of its words.
func TestWithoutVoteWording(t *testing.T) {
	for s, want := range map[string]bool{
		"Adopted without a vote":                        true,
		"ADOPTED WITHOUT VOTE":                          true,
		"adopted without a vote.":                       true,
		"Without a vote":                                true,
		"Adopted without a recorded vote":               true,
		"Adopted without reference to a Main Committee": false,
		"Recorded vote; adopted without amendment":      false,
		"Adopted by consensus":                          false,
		"Adopted by acclamation":                        false,
		"Recorded vote":                                 false,
		"":                                              false,
	} {
		if got := withoutVote(s); got != want {
			t.Errorf("withoutVote(%q) = %v, want %v", s, got, want)
		}
	}
}
