// Package change finds what changed in the votes: how every member's
// vote moved from one roll call to another (Flow), how the votes on one
// question moved over a series of roll calls (NewSeries), which states
// moved most between two periods (IdealMovers, AgreementMovers), where a
// yearly series broke (Breaks), which states vote together (Cluster) and
// where two states voted against each other (Divergent).
//
// It is an analysis package: it reads the dense vote table, comparison
// selections and ideal-point results, and never the store, the SQL driver
// or the parsers. The methods are written down in docs/change.md.
package change
