package record

// Plural is one or many by n, for the counts every message and title
// shows: Plural(1, "vote", "votes") is "vote", Plural(0, "vote", "votes")
// is "votes". The two forms are given whole, so that a noun with its own
// plural, or one with a trailing space or a count in it, reads right.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
