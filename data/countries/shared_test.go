package countries

import (
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// sharedData finds the shared UN voting datasets, which live beside the
// repository rather than in it: $PLENARY_SHARED_DATA, else
// ../../../shared/data from this package. Without them the test is skipped,
// except on CI (CI=true), where missing data must not pass silently.
func sharedData(t *testing.T) string {
	t.Helper()
	dirs := []string{os.Getenv("PLENARY_SHARED_DATA"), filepath.Join("..", "..", "..", "shared", "data")}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("shared data not found (tried %q)", dirs)
	}
	t.Skipf("shared data not found (tried %q)", dirs)
	return ""
}

// readCSV calls fn with each row of a shared CSV file as column -> value.
func readCSV(t *testing.T, path string, fn func(row map[string]string)) {
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
	head = append([]string(nil), head...)
	row := make(map[string]string, len(head))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for i, h := range head {
			row[h] = rec[i]
		}
		fn(row)
	}
}

// The three unvotes/Voeten states that have no ISO code in those files.
var noISO = map[string]string{
	"Federal Republic of Germany": "DEU",
	"Yemen Arab Republic":         "YAR",
	"Zanzibar":                    "ZZB",
}

// TestSharedNames resolves every country name in the shared datasets and
// checks it against the ISO3 code the file itself gives.
func TestSharedNames(t *testing.T) {
	dir := sharedData(t)
	for _, src := range []struct{ file, name, iso3 string }{
		{"unvotes/country_codes.csv", "country", "iso3"},
		{"unvotes/country_codes.csv", "iso_name", "iso3"},
		{"voeten/ccode_crosswalk.csv", "unvotes_country", "iso3"},
		{"unga2025/votes.csv", "country_name", "country_iso3"},
		{"feb2025/votes.csv", "country_name", "country_iso3"},
		{"ukraine_ga/votes.csv", "country_name", "country_iso3"},
		{"unsc/sc_votes_1992_2026.csv", "member_name", "member_iso3"},
		{"unsc/council_members.csv", "name", "iso3"},
		{"unsc/failed_drafts_member_votes.csv", "country_name", "country_iso3"},
	} {
		t.Run(src.file+":"+src.name, func(t *testing.T) {
			seen := map[[2]string]bool{}
			readCSV(t, filepath.Join(dir, src.file), func(row map[string]string) {
				name, want := row[src.name], row[src.iso3]
				if name == "" || seen[[2]string{name, want}] {
					return
				}
				seen[[2]string{name, want}] = true
				if want == "" {
					want = noISO[name]
					if want == "" {
						t.Errorf("%q has no ISO3 in the file and no known fallback", name)
						return
					}
				}
				if got, ok := Lookup(name); !ok || got != want {
					t.Errorf("Lookup(%q) = %q, %v; the file says %s", name, got, ok, want)
				}
			})
			if len(seen) == 0 {
				t.Errorf("no names read from column %s", src.name)
			}
		})
	}
}

// TestSharedISO2 resolves the two-letter codes of the unvotes data,
// including the withdrawn ones (CS, DD, YD, YU) and "NA" for Namibia.
func TestSharedISO2(t *testing.T) {
	dir := sharedData(t)
	for _, file := range []string{"unvotes/country_codes.csv", "voeten/ccode_crosswalk.csv"} {
		col := map[string]string{"unvotes/country_codes.csv": "country_code", "voeten/ccode_crosswalk.csv": "unvotes_country_code"}[file]
		n := 0
		readCSV(t, filepath.Join(dir, file), func(row map[string]string) {
			code, want := row[col], row["iso3"]
			if code == "" {
				return
			}
			n++
			if c, ok := ByISO2(code); !ok || c.ISO3 != want {
				t.Errorf("%s: ByISO2(%q) = %q, %v; want %s", file, code, c.ISO3, ok, want)
			}
		})
		if n < 190 {
			t.Errorf("%s: only %d codes read", file, n)
		}
	}
}

// TestSharedCOW resolves every Correlates of War code of the Voeten data.
func TestSharedCOW(t *testing.T) {
	dir := sharedData(t)
	fallback := map[int]string{260: "DEU", 678: "YAR", 511: "ZZB"}
	n := 0
	readCSV(t, filepath.Join(dir, "voeten/ccode_crosswalk.csv"), func(row map[string]string) {
		code, err := strconv.Atoi(row["ccode"])
		if err != nil {
			t.Fatalf("bad ccode %q", row["ccode"])
		}
		n++
		want := row["iso3"]
		if want == "" {
			want = fallback[code]
		}
		if c, ok := ByCOW(code); !ok || c.ISO3 != want {
			t.Errorf("ByCOW(%d) = %q, %v; want %s", code, c.ISO3, ok, want)
		}
	})
	if n != 200 {
		t.Errorf("read %d codes, want 200", n)
	}
}
