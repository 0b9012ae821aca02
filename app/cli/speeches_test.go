package cli_test

import (
	"archive/tar"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"plenary/data/compare/comparetest"
)

// yearCount is what the independent count finds in one year.
type yearCount struct{ speeches, matches, words int }

// archiveSpeeches counts the speeches of an archive by the counts of
// countFromArchive: every year's, whatever they say.
func archiveSpeeches(all map[int]int) (n, first, last int) {
	for year, c := range all {
		n += c
		if first == 0 || year < first {
			first = year
		}
		last = max(last, year)
	}
	return n, first, last
}

// countFromArchive counts, straight from the archive with the standard
// library and nothing of Plenary, per year: the speeches that hold word,
// its occurrences, and the words of every speech. The rules are the ones
// the search documents: a word is a run of letters and digits (every
// other character separates words), matched whole and ignoring case, with
// no stemming. The test words are plain ASCII, so the removal of accents
// does not enter.
// all is every year's number of speeches, whatever they say.
func countFromArchive(t *testing.T, tgz string, word string) (_ map[int]yearCount, all map[int]int) {
	t.Helper()
	f, err := os.Open(tgz)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	out, all := map[int]yearCount{}, map[int]int{}
	for {
		hd, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		base := path.Base(hd.Name)
		if hd.Typeflag != tar.TypeReg || strings.HasPrefix(base, ".") || !strings.HasSuffix(base, ".txt") {
			continue // the stray files of the download
		}
		parts := strings.Split(strings.TrimSuffix(base, ".txt"), "_")
		year, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			t.Fatalf("%s: %v", hd.Name, err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		all[year]++
		fields := strings.FieldsFunc(string(b), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		n := 0
		for _, w := range fields {
			if strings.EqualFold(w, word) {
				n++
			}
		}
		c := out[year]
		c.words += len(fields)
		c.matches += n
		if n > 0 {
			c.speeches++
		}
		out[year] = c
	}
	return out, all
}

// TestSpeechesCountedFromArchive compares `plenary speeches WORD --by year`
// with the count straight from the archive: speeches, mentions and words
// of every year agree exactly.
func TestSpeechesCountedFromArchive(t *testing.T) {
	tgz := comparetest.Dataset(t, "ungdc/UNGDC_1946-2024.tgz")
	db := filepath.Join(t.TempDir(), "plenary.db")
	out := plenaryOK(t, "--db", db, "import", tgz)
	if !strings.Contains(out, "speeches: 10952 added") || !strings.Contains(out, "9 hidden or stray files") {
		t.Fatalf("import report:\n%s", out)
	}
	var perYear map[int]int
	for _, word := range []string{"apartheid", "nuclear", "Ukraine"} {
		var want map[int]yearCount
		want, perYear = countFromArchive(t, tgz, word)
		rows := parseCSV(t, plenaryOK(t, "--db", db, "speeches", word, "--by", "year", "--format", "csv"), "period,speeches,matches,words")
		if len(rows) != len(want) {
			t.Errorf("%s: %d years, the archive has %d", word, len(rows), len(want))
		}
		total := 0
		for _, r := range rows {
			year, _ := strconv.Atoi(r[0])
			got := yearCount{atoi(t, r[1]), atoi(t, r[2]), atoi(t, r[3])}
			if got != want[year] {
				t.Errorf("%s %d: plenary %+v, the archive %+v", word, year, got, want[year])
			}
			total += got.speeches
		}
		if total == 0 {
			t.Errorf("%s: no speech mentions it", word)
		}
		// One row per speech, as many as the years sum to.
		list := parseCSV(t, plenaryOK(t, "--db", db, "speeches", word, "--format", "csv"), "iso3,name,year,session,matches,snippet")
		if len(list) != total {
			t.Errorf("%s: %d speeches listed, %d by year", word, len(list), total)
		}
		for _, r := range list[:min(len(list), 20)] {
			if !strings.Contains(strings.ToLower(r[5]), "["+strings.ToLower(word)+"]") {
				t.Errorf("%s: snippet %q does not show the word", word, r[5])
			}
		}
	}
	// info counts the speeches as the archive holds them.
	n, first, last := archiveSpeeches(perYear)
	info := plenaryOK(t, "--db", db, "info")
	if want := fmt.Sprintf("speeches: %d, of ", n); n == 0 || !strings.Contains(info, want) || !strings.Contains(info, fmt.Sprintf("%d–%d", first, last)) {
		t.Errorf("info does not say %q and %d–%d:\n%s", want, first, last, info)
	}
	// The filters: the permanent members' speeches of 1990–1999 only.
	rows := parseCSV(t, plenaryOK(t, "--db", db, "speeches", `"human rights"`, "--countries", "P5", "--from", "1990", "--to", "1999", "--format", "csv"), "iso3,name,year,session,matches,snippet")
	if len(rows) == 0 || len(rows) > 50 {
		t.Fatalf("%d speeches of the P5 in the 1990s", len(rows))
	}
	for _, r := range rows {
		if y := atoi(t, r[2]); y < 1990 || y > 1999 || !strings.Contains("CHN FRA GBR RUS USA", r[0]) {
			t.Errorf("outside the filter: %v", r)
		}
	}
	if code, _, errOut := plenary("--db", db, "speeches", "peace AND"); code != 2 || !strings.Contains(errOut, "should follow") {
		t.Errorf("a dangling AND: exit %d, %s", code, errOut)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return n
}

// speechDB is a database holding a small corpus in the authors' layout:
// the permanent members' speeches of 2020–2022.
func speechDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	tgz := filepath.Join(dir, "UNGDC.tgz")
	f, err := os.Create(tgz)
	if err != nil {
		t.Fatal(err)
	}
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	for y := 2020; y <= 2022; y++ {
		for i, c := range []string{"CHN", "FRA", "GBR", "RUS", "USA"} {
			s := strconv.Itoa(y - 1945)
			body := strings.Repeat("The United Nations. ", 40+i) + strings.Repeat("Climate change is with us. ", (y+i)%4)
			tw.WriteHeader(&tar.Header{Name: "TXT/Session " + s + " - " + strconv.Itoa(y) + "/" + c + "_" + s + "_" + strconv.Itoa(y) + ".txt", Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg})
			io.WriteString(tw, body)
		}
	}
	tw.Close()
	gz.Close()
	f.Close()
	db := filepath.Join(dir, "speeches.db")
	plenaryOK(t, "--db", db, "import", tgz)
	return db
}
