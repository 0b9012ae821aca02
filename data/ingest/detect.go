package ingest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
)

// Format names a kind of input file.
type Format string

// The formats Plenary reads. Reference is a companion table that ships with
// a dataset (country code lists, council membership, veto lists): it is
// recognised so that a folder import can skip it with a reason instead of
// failing on it.
const (
	FormatUNDL      Format = "undl"          // UN Digital Library voting CSV, GA or SC, one row per member vote
	FormatUnvotes   Format = "unvotes"       // the unvotes R package's roll_calls.csv + votes.csv (+ issues.csv)
	FormatVoeten    Format = "voeten"        // Voeten's votes.csv with codes 1/2/3/8/9 and COW codes
	FormatPlenary   Format = "plenary"       // Plenary's long CSV: body, symbol, date, country, vote, …
	FormatRollCalls Format = "rollcalls"     // one row per roll call: symbol, date, title, totals, link
	FormatPositions Format = "positions"     // recorded positions: country, date, topic, stance, summary, …
	FormatVetoes    Format = "vetoes"        // a list of vetoed Security Council drafts: date, draft, agenda, vetoing members
	FormatFailed    Format = "failed-drafts" // member votes on Security Council drafts not adopted
	FormatReference Format = "reference"     // a known companion table without votes
)

// Formats lists the formats a user can name with --format.
func Formats() []Format {
	return []Format{FormatUNDL, FormatUnvotes, FormatVoeten, FormatPlenary, FormatRollCalls, FormatPositions, FormatVetoes, FormatFailed}
}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	switch s {
	case "undl-ga", "undl-sc", "un", "digital-library":
		return FormatUNDL, nil
	case "csv", "long":
		return FormatPlenary, nil
	}
	names := make([]string, 0, 6)
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown format %q (known: %s)", s, strings.Join(names, ", "))
}

// unvotesPart is the role of one of the unvotes tables.
type unvotesPart int

const (
	notUnvotes unvotesPart = iota
	unvotesVotes
	unvotesRollCalls
	unvotesIssues
)

// detection is what the header of a file says about it.
type detection struct {
	format Format
	part   unvotesPart
	reason string // for FormatReference: what the file is
}

// detectHeader decides the format from a header's column names alone.
func detectHeader(t *table) (detection, bool) {
	switch {
	case t.has("rcid", "vote", "ccode"):
		return detection{format: FormatVoeten}, true
	case t.has("rcid", "country", "country_code", "vote"):
		return detection{format: FormatUnvotes, part: unvotesVotes}, true
	case t.has("rcid", "unres", "date"):
		return detection{format: FormatUnvotes, part: unvotesRollCalls}, true
	case t.has("rcid", "short_name", "issue"):
		return detection{format: FormatUnvotes, part: unvotesIssues}, true
	case t.col("ms_vote", "ms_votes") >= 0 && t.col("ms_code", "ms_codes", "ms_name", "ms_names") >= 0:
		return detection{format: FormatUNDL}, true
	case t.has("country", "date", "topic", "stance"):
		return detection{format: FormatPositions}, true
	case t.has("country", "country_code", "iso3"):
		return detection{format: FormatReference, reason: "a country code list"}, true
	case t.has("ccode", "iso3"):
		return detection{format: FormatReference, reason: "a country code crosswalk"}, true
	case t.has("year", "name", "iso3", "permanent"):
		return detection{format: FormatReference, reason: "a list of Security Council members by year"}, true
	case t.has("member_veto1", "date", "draft"):
		return detection{format: FormatVetoes}, true
	case t.has("member_veto1") || t.has("single_veto"):
		return detection{format: FormatReference, reason: "a list of vetoes without dates or drafts"}, true
	case t.has("draft_seq", "voting_on", "vote"):
		return detection{format: FormatFailed}, true
	case t.col(plenaryVote...) >= 0 && t.col(plenarySymbol...) >= 0 && t.col(plenaryCountry...) >= 0:
		return detection{format: FormatPlenary}, true
	case t.col(plenarySymbol...) >= 0 && t.col(plenaryVote...) < 0 &&
		(t.col(plenaryYes...) >= 0 || t.col(plenaryTitle...) >= 0):
		return detection{format: FormatRollCalls}, true
	}
	return detection{}, false
}

// Source is one unit of import: a file, or the files of a dataset that are
// read together (the unvotes tables).
type Source struct {
	Format Format
	Files  []string
	Size   int64 // bytes of all files
	FS     fs.FS // where Files are; nil means the operating system's files
}

// Plan turns the paths a user gave — files and folders — into sources. A
// folder contributes every file in it (and below it) whose format is known;
// other files there are skipped. A file given by name must be of a known
// format, or forced with format. The unvotes tables of one folder become
// one source.
func Plan(paths []string, format Format) ([]Source, []Warning, error) {
	pl := &planner{format: format, unvotesDirs: map[string]bool{}, seen: map[string]bool{}}
	for _, p := range paths {
		if err := pl.visit(p, true); err != nil {
			return nil, pl.warns, err
		}
	}
	// Roll-call descriptions go after the votes so that they describe roll
	// calls the same import creates; positions last.
	out := pl.out
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i].Format) < rank(out[j].Format) })
	return out, pl.warns, nil
}

// planner gathers the sources of Plan. A path is explicit when the user
// named it; files found in a folder are skipped with a warning where a
// named file would be an error.
type planner struct {
	format      Format
	out         []Source
	warns       []Warning
	unvotesDirs map[string]bool
	seen        map[string]bool
}

func (pl *planner) visit(path string, explicit bool) error {
	st, err := os.Stat(path)
	if err != nil {
		return &Error{File: path, Msg: fileErr(err)}
	}
	if st.IsDir() {
		return pl.visitDir(path)
	}
	if pl.seen[path] {
		return nil
	}
	pl.seen[path] = true
	if !st.Mode().IsRegular() {
		if explicit {
			return &Error{File: path, Msg: "not a regular file"}
		}
		return nil
	}
	if !explicit && !looksTabular(path) {
		return nil
	}
	det, err := detectFile(path)
	if err != nil {
		if explicit {
			return err
		}
		pl.warn(path, "skipped: "+errMsg(err))
		return nil
	}
	if pl.format != "" && explicit {
		det = detection{format: pl.format}
		if pl.format == FormatUnvotes {
			det.part = unvotesVotes
		}
	}
	return pl.add(path, st.Size(), det, explicit)
}

// visitDir visits a folder's entries in name order, leaving hidden ones
// and links to folders.
func (pl *planner) visitDir(path string) error {
	ents, err := os.ReadDir(path)
	if err != nil {
		return &Error{File: path, Msg: fileErr(err)}
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := path + string(os.PathSeparator) + e.Name()
		if e.Type()&fs.ModeSymlink != 0 {
			// A link to a folder may lead anywhere, up to the folder's own
			// parent ("up -> .."): only folders the user named are walked.
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				pl.warn(p, "skipped: a link to a folder, which is not followed")
				continue
			}
		}
		if err := pl.visit(p, false); err != nil {
			return err
		}
	}
	return nil
}

// add makes a source of a detected file, or says why it has none.
func (pl *planner) add(path string, size int64, det detection, explicit bool) error {
	switch det.format {
	case "":
		if explicit {
			return &Error{File: path, Line: 1, Msg: "unknown file layout: the header matches none of the formats Plenary reads (see `plenary help import`); name one with --format"}
		}
		pl.warn(path, "skipped: not a file Plenary knows")
	case FormatReference:
		if explicit {
			return &Error{File: path, Line: 1, Msg: "this is " + det.reason + ", which holds no votes to import"}
		}
		pl.warn(path, "skipped: "+det.reason+", no votes to import")
	case FormatUnvotes:
		dir := dirOf(path)
		if pl.unvotesDirs[dir] {
			return nil
		}
		pl.unvotesDirs[dir] = true
		src, err := unvotesSource(dir)
		if err != nil {
			return err
		}
		for _, f := range src.Files {
			pl.seen[f] = true
		}
		pl.out = append(pl.out, src)
	default:
		pl.out = append(pl.out, Source{Format: det.format, Files: []string{path}, Size: size})
	}
	return nil
}

func (pl *planner) warn(path, msg string) { pl.warns = append(pl.warns, Warning{File: path, Msg: msg}) }

func rank(f Format) int {
	switch f {
	case FormatRollCalls:
		return 1
	case FormatPositions:
		return 2
	}
	return 0
}

func looksTabular(path string) bool {
	l := strings.ToLower(path)
	return strings.HasSuffix(l, ".csv") || strings.HasSuffix(l, ".tsv") || strings.HasSuffix(l, ".txt")
}

func dirOf(path string) string {
	i := strings.LastIndexAny(path, `/\`)
	if i < 0 {
		return "."
	}
	return path[:i]
}

func fileErr(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file or folder"
	case os.IsPermission(err):
		return "permission denied (the file cannot be read)"
	}
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func errMsg(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Msg
	}
	return err.Error()
}

// detectFile opens a file and reads its header.
func detectFile(path string) (detection, error) {
	f, err := os.Open(path)
	if err != nil {
		return detection{}, &Error{File: path, Msg: fileErr(err)}
	}
	defer f.Close()
	t, err := openTable(path, io.LimitReader(f, 1<<20))
	if err != nil {
		return detection{}, err
	}
	det, _ := detectHeader(t)
	return det, nil
}

// unvotesSource finds the three unvotes tables in a folder by their headers.
func unvotesSource(dir string) (Source, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return Source{}, &Error{File: dir, Msg: fileErr(err)}
	}
	parts := map[unvotesPart]string{}
	var size int64
	for _, e := range ents {
		p := dir + string(os.PathSeparator) + e.Name()
		if e.IsDir() || !looksTabular(p) {
			continue
		}
		det, err := detectFile(p)
		if err != nil || det.format != FormatUnvotes {
			continue
		}
		if _, dup := parts[det.part]; dup {
			return Source{}, &Error{File: p, Msg: "two unvotes tables of the same kind in one folder"}
		}
		parts[det.part] = p
		if st, err := os.Stat(p); err == nil {
			size += st.Size()
		}
	}
	if parts[unvotesVotes] == "" || parts[unvotesRollCalls] == "" {
		return Source{}, &Error{File: dir, Msg: "an unvotes import needs votes.csv and roll_calls.csv in the same folder"}
	}
	files := []string{parts[unvotesRollCalls], parts[unvotesVotes]}
	if parts[unvotesIssues] != "" {
		files = append(files, parts[unvotesIssues])
	}
	return Source{Format: FormatUnvotes, Files: files, Size: size}, nil
}
