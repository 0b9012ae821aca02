package ingest

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"plenary/data/countries"
)

// SpeechPath is where the General Debate corpus files a speech:
// "TXT/Session 79 - 2024/USA_79_2024.txt" is the United States' speech of
// the 79th session, in 2024.
type SpeechPath struct {
	Code    string // the corpus's code as filed: ISO 3166 alpha-3, or EU
	Session int    // 1 to 999
	Year    int    // the session's year: 1945 + Session
}

// NonStateSpeakers are the codes the corpus files speeches under that name
// no state of the registry, with their names: the European Union has
// spoken in the General Debate since 2011 under "EU".
var NonStateSpeakers = map[string]string{"EU": "European Union"}

// entryKind is what the corpus layout makes of one entry of an archive or
// folder.
type entryKind int

const (
	entrySpeech   entryKind = iota // a speech file
	entryStray                     // a file a real download carries that is no speech: skipped and counted
	entrySpeakers                  // the speakers spreadsheet
)

// classifyEntry decides what an entry is by its name alone (slash-separated,
// relative to the archive or folder). A hidden file (a name starting with a
// dot: .DS_Store, .Rhistory, ._ resource forks), anything under __MACOSX,
// and files that are neither text nor the spreadsheet are strays. A text
// file must follow the layout: one that does not is an error, for it may
// be a speech filed wrongly and leaving it out would change the counts
// without a word.
func classifyEntry(name string) (entryKind, SpeechPath, error) {
	if err := checkEntryName(name); err != nil {
		return 0, SpeechPath{}, err
	}
	base := path.Base(name)
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || part == "__MACOSX" {
			return entryStray, SpeechPath{}, nil
		}
	}
	lower := strings.ToLower(base)
	switch {
	case strings.HasSuffix(lower, ".xlsx") && strings.HasPrefix(lower, "speakers"):
		return entrySpeakers, SpeechPath{}, nil
	case !strings.HasSuffix(lower, ".txt"):
		return entryStray, SpeechPath{}, nil
	}
	sp, err := ParseSpeechPath(name)
	return entrySpeech, sp, err
}

// checkEntryName refuses names that would lead out of the folder they are
// unpacked in ("../../x", "/etc/x", "C:\x"): Plenary never writes them, but
// an archive that holds one was not packed by the corpus's authors.
func checkEntryName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("an entry without a name")
	case strings.HasPrefix(name, "/") || strings.Contains(name, `\`) || strings.Contains(name, ":"):
		return fmt.Errorf("entry %q: an absolute or non-portable path; an archive of the corpus holds only relative paths", name)
	case strings.ContainsRune(name, 0):
		return fmt.Errorf("entry %q: a NUL byte in the name", name)
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return fmt.Errorf("entry %q: a path that leads out of the archive (..)", name)
		}
	}
	return nil
}

// ParseSpeechPath reads the layout of one speech file,
// "…/Session NN - YYYY/ISO_NN_YYYY.txt": the folder and the file name must
// agree on the session and the year, and the year must be the session's
// (the first session met in 1946). The code must be one the registry
// knows (historical states included) or one of NonStateSpeakers.
func ParseSpeechPath(name string) (SpeechPath, error) {
	if err := checkEntryName(name); err != nil {
		return SpeechPath{}, err
	}
	dir, base := path.Split(strings.TrimSuffix(name, "/"))
	folder := path.Base(strings.TrimSuffix(dir, "/"))
	if !strings.HasSuffix(strings.ToLower(base), ".txt") {
		return SpeechPath{}, fmt.Errorf("%s: not a speech file: the corpus names them ISO_NN_YYYY.txt", name)
	}
	stem := base[:len(base)-len(".txt")]
	parts := strings.Split(stem, "_")
	if len(parts) != 3 {
		return SpeechPath{}, fmt.Errorf("%s: the file name does not follow the corpus layout ISO_NN_YYYY.txt (e.g. USA_79_2024.txt)", name)
	}
	code := parts[0]
	if (len(code) != 3 && len(code) != 2) || strings.ToUpper(code) != code || !isLetters(code) {
		return SpeechPath{}, fmt.Errorf("%s: %q is not a country code (three capital letters, or EU)", name, code)
	}
	session, ok := digits(parts[1], 2, 3)
	if !ok || session < 1 {
		return SpeechPath{}, fmt.Errorf("%s: %q is not a session number (NN, from 01)", name, parts[1])
	}
	year, ok := digits(parts[2], 4, 4)
	if !ok {
		return SpeechPath{}, fmt.Errorf("%s: %q is not a year (YYYY)", name, parts[2])
	}
	if year != 1945+session {
		return SpeechPath{}, fmt.Errorf("%s: session %d met in %d, not %d", name, session, 1945+session, year)
	}
	fs, fy, ok := sessionFolder(folder)
	if !ok {
		return SpeechPath{}, fmt.Errorf("%s: the speech is not in a session folder (\"Session NN - YYYY\")", name)
	}
	if fs != session || fy != year {
		return SpeechPath{}, fmt.Errorf("%s: the file says session %d of %d but its folder %q says session %d of %d", name, session, year, folder, fs, fy)
	}
	if _, known := NonStateSpeakers[code]; !known {
		if _, ok := countries.ByISO3(code); !ok {
			return SpeechPath{}, fmt.Errorf("%s: unknown country code %q: not in Plenary's country registry", name, code)
		}
	}
	return SpeechPath{Code: code, Session: session, Year: year}, nil
}

// sessionFolder reads "Session NN - YYYY".
func sessionFolder(s string) (session, year int, ok bool) {
	rest, found := strings.CutPrefix(s, "Session ")
	if !found {
		return 0, 0, false
	}
	n, y, found := strings.Cut(rest, " - ")
	if !found {
		return 0, 0, false
	}
	if session, ok = digits(n, 2, 3); !ok {
		return 0, 0, false
	}
	if year, ok = digits(y, 4, 4); !ok {
		return 0, 0, false
	}
	return session, year, true
}

// digits reads a number of min to max ASCII digits.
func digits(s string, min, max int) (int, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// SpeakerCode maps a corpus code to the code Plenary files the speech
// under, by the rule the votes follow (see docs/fidelity.md): the code as
// filed while its state, or a seat it carries on, was a member (the corpus
// files the Soviet Union's speeches under RUS, which carries the Soviet
// seat, as the voting datasets do), else the state that held the seat at
// the year's General Debate, else the code itself (an observer, or one of
// NonStateSpeakers).
func SpeakerCode(code string, year int) string {
	i, ok := countryIndex[code]
	if !ok {
		return code
	}
	d := DebateDate(year)
	if inSpans(ownSpans[i], d) || inSpans(seatSpans[i], d) {
		return code
	}
	if h, ok := countries.Holder(code, d); ok {
		return h
	}
	return code
}

// DebateDate is the date Plenary takes for a year's General Debate, for
// membership and groupings: the corpus gives no day, and the debate has
// opened in the second half of September nearly every year (in 1946, in
// late October).
func DebateDate(year int) string { return fmt.Sprintf("%04d-09-30", year) }
