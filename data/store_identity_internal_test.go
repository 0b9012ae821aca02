package data

import (
	"slices"
	"testing"
)

// TestCurrentTables: the tables written out for the current schema are
// those its migrations make, run on an empty database.
func TestCurrentTables(t *testing.T) {
	all, err := schemas()
	if err != nil {
		t.Fatal(err)
	}
	if got := all.tables[SchemaVersion]; !slices.Equal(got, currentTables) {
		t.Errorf("the migrations make the tables\n%q\ncurrentTables lists\n%q", got, currentTables)
	}
}
