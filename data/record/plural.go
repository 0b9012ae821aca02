package record

// Plural picks the word for a count: one for 1, many otherwise ("1 vote",
// "0 votes", "2 countries"). Every message and title that counts uses it,
// so that none says "1 votes".
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
