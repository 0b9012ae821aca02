package cli

import (
	"strconv"

	"plenary/data/compare"
	"plenary/data/countries"
)

// Every command names a seat as it stood on the date of what a row shows
// (countries.SeatOn): a roll call's own date; for a row that sums up a
// period, the date of the period's last selected roll call. The store
// files the Soviet Union's votes under Russia, which continues its seat,
// and a table of 1975 still says SUN, as the map of the same vote does.

// periodEnds dates the periods of a selection by their last roll call:
// "all" by the latest selected, each year ("1975") by its last selected
// roll call of that year. Undated roll calls date nothing, so "undated"
// rows keep the codes as stored.
func periodEnds(s *compare.Selection) map[string]string {
	out := map[string]string{}
	for _, r := range s.Rows {
		d := s.RollCall(r).Date
		if len(d) < 4 {
			continue
		}
		out["all"] = max(out["all"], d)
		out[d[:4]] = max(out[d[:4]], d)
	}
	return out
}

// seats memoises countries.SeatOn for the rows of one output, which
// repeat the same codes and periods many times.
type seats struct {
	ends map[string]string // period → date of its last roll call
	memo map[[2]string]string
}

// code is the code iso's seat had at the end of period.
func (s *seats) code(iso, period string) string {
	k := [2]string{iso, period}
	if c, ok := s.memo[k]; ok {
		return c
	}
	if s.memo == nil {
		s.memo = map[[2]string]string{}
	}
	c, _ := countries.SeatOn(iso, s.ends[period])
	s.memo[k] = c
	return c
}

// yearKey is the key periodEnds gives a year.
func yearKey(y int) string { return strconv.Itoa(y) }
