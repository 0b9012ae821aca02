// Package data is Plenary's store: one SQLite file holding the countries,
// the roll calls of the General Assembly and the Security Council with
// every member's vote, the positions users record, and a log of every
// import so that each chart can name its sources.
//
// Everything that touches SQL lives here; the UI and the charts only see
// the plain values of package record. Imports run in one transaction each,
// so a file that fails validation, a cancelled import or a crash leaves the
// database exactly as it was.
package data
