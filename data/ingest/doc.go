// Package ingest reads the vote and position files Plenary imports — the UN
// Digital Library's voting CSVs, the unvotes and Voeten datasets, Plenary's
// own long CSV and positions CSV — into plain batches of records.
//
// It knows nothing of the database: parsing is kept apart from storing so
// that every parser can be tested and fuzzed on its own. A caller may take
// the votes while a file is still being read (ParseStream), to write them
// meanwhile inside a transaction it rolls back should the file turn out
// bad. Files are streamed (read record by record, never loaded whole) and
// every error names the file, line and column it comes from.
//
// A parser reads what a file says and guesses nothing: a date that reads
// two ways (3/2/2022), a country code and name of two different states, a
// header naming a column twice are errors. A vote dated outside its
// state's membership is filed under the state that held the seat that day,
// and what no state can take is kept and listed in the warnings (see
// docs/fidelity.md for the rules on seats).
package ingest
