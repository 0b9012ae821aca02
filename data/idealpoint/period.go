package idealpoint

import (
	"strconv"

	"plenary/data/record"
)

// Period is one unit of time of the estimation: a calendar year or a
// General Assembly session.
type Period struct {
	// Label names the period: the year ("1990") or the session number
	// ("45").
	Label string
	// Year is the calendar year in which the period begins: the year
	// itself, or for a session the year it opened (1945 + its number).
	Year int
}

// sessionOpens is the month and day from which a date belongs to the
// session opened that year: regular sessions open in the second half of
// September.
const sessionOpens = "-09-15"

// PeriodOf is the period a roll call falls in when estimating by by; ok
// is false when its date (and, by session, its session) is unknown. The
// outputs use it to date a period's rows by its last roll call.
func PeriodOf(rc *record.RollCall, by By) (Period, bool) { return periodOf(rc, by) }

// periodOf places a roll call in its period; ok is false when its date
// (and, by session, its session) is unknown.
func periodOf(rc *record.RollCall, by By) (Period, bool) {
	if by == BySession {
		n := sessionNumber(rc)
		if n <= 0 {
			return Period{}, false
		}
		return Period{Label: strconv.Itoa(n), Year: 1945 + n}, true
	}
	y := rc.Year()
	if y == 0 {
		return Period{}, false
	}
	return Period{Label: strconv.Itoa(y), Year: y}, true
}

// sessionNumber is the regular session of a roll call: its own session
// when that is a number, otherwise (special and emergency special
// sessions, Security Council votes) the regular session running on its
// date.
func sessionNumber(rc *record.RollCall) int {
	if n, err := strconv.Atoi(rc.Session); err == nil && n > 0 {
		return n
	}
	y := rc.Year()
	if y == 0 {
		return 0
	}
	n := y - 1946
	if len(rc.Date) == 10 && rc.Date[4:] >= sessionOpens {
		n++
	}
	return max(n, 1)
}
