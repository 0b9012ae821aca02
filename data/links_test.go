package data_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"plenary/data"
)

// TestLinkWarnings imports a roll call whose link is not a web address and
// a position whose source is a Windows share: both are kept as the file
// has them, and the import warns about each with its file and line; web
// addresses and a source in words are not warned about.
func TestLinkWarnings(t *testing.T) {
	st, _ := openTemp(t)
	dir := t.TempDir()
	votes, positions := filepath.Join(dir, "votes.csv"), filepath.Join(dir, "positions.csv")
	os.WriteFile(votes, []byte("body,symbol,date,country,vote,link\n"+
		"GA,A/RES/79/1,2024-10-01,USA,Y,https://digitallibrary.un.org/record/1\n"+
		"GA,A/RES/79/2,2024-10-02,USA,Y,javascript:alert(1)\n"+
		"GA,A/RES/79/2,2024-10-02,FRA,N,javascript:alert(1)\n"), 0o644)
	os.WriteFile(positions, []byte("country,date,topic,stance,summary,quote,source\n"+
		"FRA,2025-02-24,Ukraine,supports,For the resolution,,UN press release GA/12673\n"+
		"USA,2025-02-24,Ukraine,opposes,Against the resolution,,smb://host/share/note.txt\n"), 0o644)
	rep, err := st.Import(context.Background(), []string{votes, positions}, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`votes.csv:3: A/RES/79/2: the link "javascript:alert(1)" is not an http or https address: it is kept, shown as text and never opened`,
		`positions.csv:3: the source of USA's position of 2025-02-24: the link "smb://host/share/note.txt" is not an http or https address: it is kept, shown as text and never opened`,
	}
	if len(rep.Warnings) != len(want) {
		t.Fatalf("warnings:\n%v\nwant\n%v", rep.Warnings, want)
	}
	for i := range want {
		if rep.Warnings[i] != want[i] {
			t.Errorf("warning %d:\n%s\nwant\n%s", i, rep.Warnings[i], want[i])
		}
	}
	rcs, err := st.FindRollCalls(context.Background(), "A/RES/79/2")
	if err != nil || len(rcs) != 1 || rcs[0].Link != "javascript:alert(1)" {
		t.Errorf("the link is not kept as the file has it: %+v %v", rcs, err)
	}
}
