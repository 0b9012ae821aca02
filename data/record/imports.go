package record

// ImportInfo is one entry of the store's import log: what a chart's footer
// and Help ▸ About say about where the data came from.
type ImportInfo struct {
	ID         int64
	Finished   string
	Format     string
	Dataset    string
	AppVersion string
	Sample     bool
	RollCalls  struct{ Added, Updated, Unchanged int }
	Votes      struct{ Added, Changed, Unchanged int }
	Files      []ImportFile
	Warnings   int
}

// ImportFile is a file of an import.
type ImportFile struct {
	Name   string
	Size   int64
	SHA256 string
}

// Version is Plenary's version: printed in every chart's footer and
// written into the import log. FyneApp.toml carries the same number for
// packaging; a test keeps the two in step.
const Version = "0.1.0"
