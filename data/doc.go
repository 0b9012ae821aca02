// Package data is Plenary's store: one SQLite file holding the countries,
// the roll calls of the General Assembly and the Security Council with
// every member's vote, the positions users record, and a log of every
// import so that each chart can name its sources.
//
// It is the only package that speaks SQL. The UI and the charts see the
// plain values of package record. Its sibling packages hold no SQL and do
// not import the driver: record (plain values), countries (the country
// registry), ingest (the parsers), merge (how an incoming roll call meets
// the stored ones), compare (analysis) and safefile (the one writer of
// exported files).
//
// The files are grouped by job, and each group touches only what it says:
//
//   - store_*.go open, migrate and read. store_open.go refuses files that
//     are not Plenary databases before anything could write to them, by
//     their application id or exact schema (store_identity.go), in checks
//     (preflight) that CheckBackup runs too, and opens read-only files in
//     folders that cannot be written (store_readonly*.go); store_dsn.go
//     writes every connection string; store_errors.go says in one place
//     (classify) what an engine error means, and words it with the way
//     forward for what the store was doing (describe);
//     store_migrate.go alone changes the schema (store_schema.go), at open;
//     store_countries.go keeps the country table in step with the registry;
//     store_read.go and store_ballots.go only read (RebuildBallots rewrites
//     the ballots cache from the votes table); store_columns.go maps values
//     to columns for reading and writing alike.
//   - import*.go are the import writer: import.go the entry points and the
//     report, import_tx.go the transaction, import_writer.go the writer,
//     which asks package merge which stored roll call an incoming one is and
//     stores the outcome (import_rollcalls.go, import_votes.go), with its
//     statements, progress and log in files of their own; import_stream.go
//     writes votes while a file is still read; import_sample.go loads and
//     removes the sample. They write roll_calls, votes, ballots,
//     roll_call_topics (each topic with the dataset that gave it), positions,
//     imports and import_files, inside one transaction per import, so that
//     a file that fails validation, a cancelled import or a crash leaves the
//     database exactly as it was.
//   - import_speeches.go writes the General Debate's speeches (speeches,
//     speech_texts and the FTS5 index speech_index) in one transaction of
//     their own; store_speeches.go lists them, asks the index which match a
//     search, and counts the mentions in their text with package words.
//   - positions.go reads and writes recorded positions (one by one, and as
//     an import stores them); positions_csv.go writes them as CSV.
//   - backup.go copies the database out (Backup, checked by CheckBackup) and
//     puts a backup in its place (Restore), refusing while another process
//     has the database open (backup_lock_*.go); files it writes go through
//     package safefile.
package data
