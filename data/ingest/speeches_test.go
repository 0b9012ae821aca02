package ingest

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// entry is a file of a test archive.
type entry struct {
	name string
	body string
}

// corpusEntries is a small corpus in the authors' layout, with the stray
// files a real download carries.
var corpusEntries = []entry{
	{"TXT/.DS_Store", "\x00\x00\x00\x01Bud1"},
	{"TXT/Session 01 - 1946/ARG_01_1946.txt", "Peace and security. The peace of the world."},
	{"TXT/Session 01 - 1946/RUS_01_1946.txt", "The Soviet delegation speaks of peace."},
	{"TXT/Session 35 - 1980/.Rhistory", "library(quanteda)"},
	{"TXT/Session 79 - 2024/USA_79_2024.txt", "\xef\xbb\xbfClimate change is here. Côte d'Ivoire agrees."},
	{"TXT/Session 79 - 2024/EU_79_2024.txt", "The European Union speaks."},
	{"TXT/Session 79 - 2024/.DS_Store-to-UTF-8.txt", "junk"},
}

func writeTgz(t *testing.T, path string, ents []entry) {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range ents {
		if err := tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(e.body))
	}
	tw.Close()
	gz.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeZip(t *testing.T, path string, ents []entry) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range ents {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.body))
	}
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeDir(t *testing.T, root string, ents []entry) {
	t.Helper()
	for _, e := range ents {
		p := filepath.Join(root, filepath.FromSlash(e.name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(e.body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReadSpeechesEveryPacking reads the same corpus as a .tgz, a .zip and
// an unpacked folder: the same speeches, codes, texts and skipped files.
func TestReadSpeechesEveryPacking(t *testing.T) {
	dir := t.TempDir()
	tgz, zp, folder := filepath.Join(dir, "c.tgz"), filepath.Join(dir, "c.zip"), filepath.Join(dir, "unpacked")
	writeTgz(t, tgz, corpusEntries)
	writeZip(t, zp, corpusEntries)
	writeDir(t, folder, corpusEntries)
	if !IsSpeechPath(tgz) || !IsSpeechPath(zp) || !IsSpeechPath(folder) || !IsSpeechPath(filepath.Join(folder, "TXT")) {
		t.Fatal("IsSpeechPath does not know the corpus's packings")
	}
	if IsSpeechPath(filepath.Join(folder, "TXT", "Session 01 - 1946", "ARG_01_1946.txt")) {
		t.Fatal("a single text file taken for the corpus")
	}
	for _, p := range []string{tgz, zp, folder} {
		a, err := ReadSpeeches(context.Background(), []string{p}, SpeechOptions{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var got []string
		for _, s := range a.Speeches {
			got = append(got, s.Code+"/"+s.Country+"/"+itoa(s.Session)+"/"+itoa(s.Year))
		}
		want := "ARG/ARG/1/1946 RUS/RUS/1/1946 EU/EU/79/2024 USA/USA/79/2024"
		if strings.Join(got, " ") != want {
			t.Errorf("%s: speeches %v, want %s", p, got, want)
		}
		if len(a.Skipped) != 3 {
			t.Errorf("%s: skipped %v, want the .DS_Store, .Rhistory and .DS_Store-to-UTF-8.txt", p, a.Skipped)
		}
		if s := a.Speeches[3]; strings.HasPrefix(s.Text, "\ufeff") || !strings.Contains(s.Text, "Côte") {
			t.Errorf("%s: text %q: the byte-order mark stays or the accent is lost", p, s.Text)
		}
	}
}

func itoa(n int) string {
	return strings.TrimLeft(string([]byte{byte('0' + n/1000%10), byte('0' + n/100%10), byte('0' + n/10%10), byte('0' + n%10)}), "0")
}

// TestHostileSpeechArchives: each bad archive is an error naming the
// entry (or the archive, when it is cut), and reads nothing.
func TestHostileSpeechArchives(t *testing.T) {
	good := corpusEntries[1]
	cases := []struct {
		name  string
		ents  []entry
		limit SpeechLimits
		want  string
	}{
		{"not utf-8", []entry{good, {"TXT/Session 02 - 1947/FRA_02_1947.txt", "Line one\nla d\xe9l\xe9gation"}}, SpeechLimits{}, "FRA_02_1947.txt:2:5: the text is not UTF-8"},
		{"layout", []entry{good, {"TXT/Session 79 - 2024/USA_79.txt", "Speech"}}, SpeechLimits{}, "USA_79.txt: the file name does not follow the corpus layout"},
		{"folder", []entry{{"TXT/Session 78 - 2023/USA_79_2024.txt", "Speech"}}, SpeechLimits{}, `its folder "Session 78 - 2023" says session 78`},
		{"year", []entry{{"TXT/Session 79 - 2024/USA_79_2023.txt", "Speech"}}, SpeechLimits{}, "session 79 met in 2024, not 2023"},
		{"no folder", []entry{{"TXT/USA_79_2024.txt", "Speech"}}, SpeechLimits{}, "not in a session folder"},
		{"unknown code", []entry{{"TXT/Session 79 - 2024/XYZ_79_2024.txt", "Speech"}}, SpeechLimits{}, `XYZ_79_2024.txt: unknown country code "XYZ"`},
		{"traversal", []entry{good, {"../../x", "gotcha"}}, SpeechLimits{}, `entry "../../x": a path that leads out of the archive`},
		{"traversal inside", []entry{{"TXT/Session 79 - 2024/../../../etc/USA_79_2024.txt", "x"}}, SpeechLimits{}, "leads out of the archive"},
		{"absolute", []entry{{"/etc/passwd", "x"}}, SpeechLimits{}, "an absolute or non-portable path"},
		{"bomb", []entry{good, {"TXT/Session 79 - 2024/USA_79_2024.txt", strings.Repeat("peace ", 200000)}}, SpeechLimits{Entry: 1 << 20}, "USA_79_2024.txt: the entry expands to 1200000 bytes, past the limit of 1048576"},
		{"twice", []entry{good, good}, SpeechLimits{}, "a second speech of ARG in session 1"},
	}
	dir := t.TempDir()
	for _, tc := range cases {
		for _, pack := range []string{"tgz", "zip"} {
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+"."+pack)
			if pack == "tgz" {
				writeTgz(t, p, tc.ents)
			} else {
				writeZip(t, p, tc.ents)
			}
			a, err := ReadSpeeches(context.Background(), []string{p}, SpeechOptions{Limits: tc.limit})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s (%s): error %v, want one containing %q", tc.name, pack, err, tc.want)
			}
			if a != nil {
				t.Errorf("%s (%s): speeches returned with the error", tc.name, pack)
			}
		}
	}
}

// TestZipBombLyingHeader: a zip entry whose header claims a small size but
// whose data expands further is stopped at the limit, not read whole.
func TestZipBombLyingHeader(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	big := strings.Repeat("a", 3<<20)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "TXT/Session 79 - 2024/USA_79_2024.txt", Method: zip.Deflate})
	w.Write([]byte(big))
	zw.Close()
	p := filepath.Join(t.TempDir(), "bomb.zip")
	os.WriteFile(p, buf.Bytes(), 0o644)
	_, err := ReadSpeeches(context.Background(), []string{p}, SpeechOptions{Limits: SpeechLimits{Entry: 1 << 20}})
	if err == nil || !strings.Contains(err.Error(), "USA_79_2024.txt") || !strings.Contains(err.Error(), "limit") {
		t.Fatalf("error %v, want the limit named with the entry", err)
	}
}

// TestTruncatedSpeechArchive cuts a real-shaped archive at several
// lengths: each is an error that says the archive is truncated or damaged.
func TestTruncatedSpeechArchive(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full.tgz")
	ents := append([]entry(nil), corpusEntries...)
	ents = append(ents, entry{"TXT/Session 02 - 1947/FRA_02_1947.txt", strings.Repeat("The General Assembly. ", 5000)})
	writeTgz(t, full, ents)
	b, _ := os.ReadFile(full)
	for _, n := range []int{len(b) - 1, len(b) - 9, len(b) / 2, 30} {
		p := filepath.Join(dir, "cut.tgz")
		os.WriteFile(p, b[:n], 0o644)
		_, err := ReadSpeeches(context.Background(), []string{p}, SpeechOptions{})
		if err == nil || !(strings.Contains(err.Error(), "truncated") || strings.Contains(err.Error(), "damaged")) || !strings.Contains(err.Error(), "cut.tgz") {
			t.Errorf("cut at %d of %d bytes: error %v", n, len(b), err)
		}
	}
	zp := filepath.Join(dir, "full.zip")
	writeZip(t, zp, ents)
	zb, _ := os.ReadFile(zp)
	os.WriteFile(zp, zb[:len(zb)/2], 0o644)
	if _, err := ReadSpeeches(context.Background(), []string{zp}, SpeechOptions{}); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("cut zip: error %v", err)
	}
}

// TestReadSpeechesCancel: a cancelled context stops the read.
func TestReadSpeechesCancel(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.tgz")
	writeTgz(t, p, corpusEntries)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadSpeeches(ctx, []string{p}, SpeechOptions{}); err != context.Canceled {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

// TestParseSpeechPath checks the layout parser on the names of the real
// corpus and on names that break it.
func TestParseSpeechPath(t *testing.T) {
	sp, err := ParseSpeechPath("TXT/Session 79 - 2024/USA_79_2024.txt")
	if err != nil || sp != (SpeechPath{Code: "USA", Session: 79, Year: 2024}) {
		t.Fatalf("got %+v, %v", sp, err)
	}
	if sp, err := ParseSpeechPath("Session 01 - 1946/YUG_01_1946.txt"); err != nil || sp.Code != "YUG" {
		t.Fatalf("historical code: %+v, %v", sp, err)
	}
	for _, bad := range []string{"USA_79.txt", "TXT/Session 79 - 2024/usa_79_2024.txt", "TXT/Session 79 - 2024/USA_7a_2024.txt",
		"TXT/Session 79 - 2024/USA_79_2024_2.txt", "TXT/Session 79-2024/USA_79_2024.txt", "TXT/Session 79 - 2024/USAA_79_2024.txt"} {
		if _, err := ParseSpeechPath(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// TestSpeakerCodeFollowsTheVotes: the corpus's codes are filed as the
// votes are (docs/fidelity.md): Russia's under RUS in every year, a code
// dated outside its seat under the seat's holder.
func TestSpeakerCodeFollowsTheVotes(t *testing.T) {
	for _, tc := range []struct {
		code string
		year int
		want string
	}{{"RUS", 1950, "RUS"}, {"RUS", 2000, "RUS"}, {"YUG", 1960, "YUG"}, {"DDR", 1980, "DDR"}, {"EU", 2015, "EU"}, {"PSE", 2020, "PSE"}, {"USA", 1946, "USA"}} {
		if got := SpeakerCode(tc.code, tc.year); got != tc.want {
			t.Errorf("SpeakerCode(%s, %d) = %s, want %s", tc.code, tc.year, got, tc.want)
		}
	}
}

// FuzzSpeechPath: the layout parser never panics, accepts only names it
// can print back, and never accepts a name that leads out of the archive.
func FuzzSpeechPath(f *testing.F) {
	for _, s := range []string{"TXT/Session 79 - 2024/USA_79_2024.txt", "USA_79.txt", "../../x", "TXT/Session 01 - 1946/EU_01_1946.txt", "Session 100 - 2045/FRA_100_2045.txt", "/abs/Session 01 - 1946/FRA_01_1946.txt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		kind, sp, err := classifyEntry(name)
		if err != nil {
			return
		}
		if strings.Contains(name, "..") && strings.Contains("/"+name+"/", "/../") {
			t.Fatalf("%q accepted", name)
		}
		if kind != entrySpeech {
			return
		}
		if sp.Year != 1945+sp.Session || sp.Session < 1 {
			t.Fatalf("%q: %+v", name, sp)
		}
		again, err := ParseSpeechPath(name)
		if err != nil || again != sp {
			t.Fatalf("%q: parsed twice differently: %+v, %v", name, again, err)
		}
	})
}
