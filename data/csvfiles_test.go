package data_test

import (
	"encoding/csv"
	"io"
	"os"
	"testing"
)

// The tests read the shared datasets' CSV files with encoding/csv alone,
// independently of the parsers they check.

// readRecords reads a whole CSV file and returns its records after the
// header.
func readRecords(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[1:]
}

// eachRecord reads a CSV file a record at a time, for files too large to
// hold whole, and calls fn with the header's column numbers, each record
// after the header (reused between calls) and the line it starts on.
func eachRecord(t testing.TB, path string, fn func(col map[string]int, rec []string, line int)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	col := make(map[string]int, len(head))
	for i, h := range head {
		col[h] = i
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		line, _ := r.FieldPos(0)
		fn(col, rec, line)
	}
}

// readCSV calls fn with every record of a CSV file, by column name.
func readCSV(t testing.TB, path string, fn func(map[string]string)) {
	t.Helper()
	rec := map[string]string{}
	eachRecord(t, path, func(col map[string]int, row []string, _ int) {
		for h, i := range col {
			rec[h] = row[i]
		}
		fn(rec)
	})
}
