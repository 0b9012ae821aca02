// Package compare answers the questions Plenary asks of the votes: how a
// roll call split, who abstained on the Security Council, how often two
// countries vote alike, and where a group of countries parted ways.
//
// It works on the dense record.Table and nothing else (no SQL, no UI), so
// that the desktop app, the command line and the tests share one
// implementation. The app recomputes on every change of the filter, so the
// work is split in two: NewIndex precomputes, once per table, what every
// question needs (per-roll-call totals and flags, and for every country one
// bit per roll call for yes, abstain, no and non-voting); Index.Select then
// turns a Filter into a Selection in about a millisecond, and the
// Selection's methods count with bitwise AND and population counts instead
// of walking the table.
//
// # Agreement metrics
//
// Comparisons look at the General Assembly unless the filter names a body
// (Filter.ForComparison); the Security Council is compared on its own, and
// the two are mixed only when Both is asked for.
//
// Each agreement figure comes with n, the number of roll calls it rests on.
// A roll call counts for a pair only if both countries have a vote row on
// it, and non-voting (absent) is never a vote:
//
//   - Identical: of the roll calls where both voted yes, no or abstain, the
//     share where they voted the same.
//   - Voeten: Erik Voeten's index over the same roll calls, scoring 1 for
//     the same vote, 0.5 when one abstained and the other voted yes or no,
//     and 0 for yes against no.
//   - Coincidence: the US State Department's "voting coincidence": only
//     the roll calls where both voted yes or no, and the share where they
//     voted the same (abstentions are left out entirely).
//
// # Groups and seats
//
// A grouping counts a state only while it belonged, and the regional
// groups are dated too (countries.Grouping): the group filters and ByGroup
// use the same memberships, so a chart by group and a filter by group
// always agree. A historical state asked for by name finds its votes where
// the datasets file them (the USSR's under Russia's code, for the Soviet
// years).
package compare
