package data_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenary/data"
)

// TestUpdatesListed imports a file, then another that gives two of its
// roll calls another title and session and changes one vote: the report
// names each updated roll call with its fields old → new and the dataset,
// and the summary lists them, the first twenty and then a count.
func TestUpdatesListed(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	write := func(path, title, session string, usa string, n int) {
		var s strings.Builder
		s.WriteString("body,symbol,date,session,title,country,vote\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&s, "GA,A/RES/70/%d,2015-12-0%d,%s,%s %d,USA,%s\n", i, 1+i%9, session, title, i, usa)
			fmt.Fprintf(&s, "GA,A/RES/70/%d,2015-12-0%d,%s,%s %d,FRA,Y\n", i, 1+i%9, session, title, i)
		}
		if err := os.WriteFile(path, []byte(s.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "Old title", "", "Y", 25)
	write(b, "New title", "70", "N", 25)
	if _, err := st.Import(ctx, []string{a}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	rep, err := st.Import(ctx, []string{b}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.RollCalls.Updated != 25 || len(rep.Updates) != 25 {
		t.Fatalf("%d updated, %d listed, want 25 and 25", rep.RollCalls.Updated, len(rep.Updates))
	}
	// The source is the dataset that wrote the roll call, named with its file.
	want := `A/RES/70/1: session "" → "70", title "Old title 1" → "New title 1", 1 vote added or changed (` + rep.Sources[0] + ")"
	if got := rep.Updates[0].String(); got != want || !strings.HasSuffix(got, "b.csv)") {
		t.Errorf("first update:\n%s\nwant\n%s", got, want)
	}
	sum := rep.Summary()
	for _, line := range []string{"25 roll calls updated:\n", "  " + want + "\n", "  … and 5 more\n"} {
		if !strings.Contains(sum, line) {
			t.Errorf("the summary lacks %q:\n%s", line, sum)
		}
	}
	if strings.Contains(sum, "A/RES/70/21:") {
		t.Errorf("the summary lists more than twenty updates:\n%s", sum)
	}
	again, err := st.Import(ctx, []string{b}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Updates) != 0 || strings.Contains(again.Summary(), "updated:") {
		t.Errorf("the same file again lists updates: %v", again.Updates)
	}
}
