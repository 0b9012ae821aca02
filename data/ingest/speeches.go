package ingest

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Speech is one General Debate speech read from the corpus.
type Speech struct {
	SpeechPath
	Country string // the code Plenary files it under (SpeakerCode)
	File    string // the entry's name in the archive or folder
	Text    string // UTF-8, without a byte-order mark
	SHA256  string // of the file as read
	Speaker string // from the speakers spreadsheet, when it names one
	Post    string
}

// SpeechLimits bound what one archive may make Plenary read, so that a
// crafted archive (a "zip bomb") cannot fill the memory: the corpus's
// largest speech is under 200 KB and the whole corpus 213 MB.
type SpeechLimits struct {
	Entry int64 // bytes one entry may expand to
	Total int64 // bytes all entries together may expand to
}

// DefaultSpeechLimits leave the corpus room to grow tenfold.
var DefaultSpeechLimits = SpeechLimits{Entry: 8 << 20, Total: 4 << 30}

// SpeechArchive is what an import of the corpus read: every speech,
// sorted by session and code, with the files it skipped.
type SpeechArchive struct {
	Speeches []Speech
	Skipped  []string // hidden and stray files, by name
	Files    []FileSum
	Speakers int // speeches the spreadsheet named a speaker for
	Dataset  string
}

// SpeechOptions tune a read of the corpus.
type SpeechOptions struct {
	Limits SpeechLimits // zero: DefaultSpeechLimits
	// Progress is called with the bytes read of the archives so far and
	// their total size.
	Progress func(read, total int64)
}

// SpeechDataset names the corpus on charts and in the import log.
const SpeechDataset = "UN General Debate Corpus (Jankin, Baturo, Dasandi)"

// IsSpeechPath reports whether a path the user named is the corpus as its
// authors pack it: a .tgz, .tar.gz or .zip archive, a folder holding
// "Session NN - YYYY" folders (itself, or a TXT folder in it), or the
// speakers spreadsheet. The vote formats are never any of these.
func IsSpeechPath(p string) bool {
	l := strings.ToLower(p)
	if strings.HasSuffix(l, ".tgz") || strings.HasSuffix(l, ".tar.gz") || strings.HasSuffix(l, ".zip") || strings.HasSuffix(l, ".xlsx") {
		return true
	}
	st, err := os.Stat(p)
	if err != nil || !st.IsDir() {
		return false
	}
	for _, dir := range []string{p, filepath.Join(p, "TXT")} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if _, _, ok := sessionFolder(e.Name()); ok && e.IsDir() {
				return true
			}
		}
	}
	return false
}

// ReadSpeeches reads the corpus from the paths named: archives, folders
// and the speakers spreadsheet (Speakers_by_session.xlsx). When no
// spreadsheet is named, one beside an archive or in a folder is read. Any
// bad entry — a name that breaks the layout or leads out of the archive,
// a text that is not UTF-8, an entry that expands past the limits, a
// truncated archive, an unknown code, a speech given twice — is an error
// naming it; nothing is returned with it.
func ReadSpeeches(ctx context.Context, paths []string, opt SpeechOptions) (*SpeechArchive, error) {
	if opt.Limits.Entry <= 0 {
		opt.Limits.Entry = DefaultSpeechLimits.Entry
	}
	if opt.Limits.Total <= 0 {
		opt.Limits.Total = DefaultSpeechLimits.Total
	}
	r := &speechReader{ctx: ctx, opt: opt, seen: map[[2]any]string{}, arch: &SpeechArchive{Dataset: SpeechDataset}}
	sheets, err := r.measure(paths)
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		if strings.HasSuffix(strings.ToLower(p), ".xlsx") {
			continue
		}
		if err := r.readSource(p); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, err
		}
		if len(sheets) == 0 {
			if beside, ok := speakersBeside(p); ok && r.sheet == nil {
				sheets = append(sheets, beside)
			}
		}
	}
	if len(r.arch.Speeches) == 0 {
		return nil, &Error{File: strings.Join(paths, ", "), Msg: "no speech of the General Debate corpus (TXT/Session NN - YYYY/ISO_NN_YYYY.txt) in it"}
	}
	if err := r.readSheets(sheets); err != nil {
		return nil, err
	}
	sortSpeeches(r.arch.Speeches)
	return r.arch, nil
}

// measure adds up the size of what paths name, for the progress, and
// returns the spreadsheets among them.
func (r *speechReader) measure(paths []string) (sheets []string, err error) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, &Error{File: p, Msg: fileErr(err)}
		}
		if st.IsDir() {
			r.total += dirSize(p)
		} else {
			r.total += st.Size()
		}
		if strings.HasSuffix(strings.ToLower(p), ".xlsx") {
			sheets = append(sheets, p)
		}
	}
	return sheets, nil
}

// readSource reads the speeches of one archive or folder.
func (r *speechReader) readSource(p string) error {
	l := strings.ToLower(p)
	switch {
	case strings.HasSuffix(l, ".zip"):
		return r.readZip(p)
	case strings.HasSuffix(l, ".tgz") || strings.HasSuffix(l, ".tar.gz"):
		return r.readTar(p)
	}
	if st, e := os.Stat(p); e == nil && st.IsDir() {
		return r.readDir(p)
	}
	return &Error{File: p, Msg: "not an archive of the General Debate corpus (.tgz, .zip or its unpacked folder)"}
}

// speakersBeside returns the speakers spreadsheet in folder p, or beside
// archive p, if there is one.
func speakersBeside(p string) (string, bool) {
	beside := filepath.Join(filepath.Dir(p), "Speakers_by_session.xlsx")
	if st, e := os.Stat(p); e == nil && st.IsDir() {
		beside = filepath.Join(p, "Speakers_by_session.xlsx")
	}
	_, e := os.Stat(beside)
	return beside, e == nil
}

// readSheets reads the speakers spreadsheets named, after any found in an
// archive, and gives each speech its speaker.
func (r *speechReader) readSheets(sheets []string) error {
	for _, s := range sheets {
		b, sum, err := readLimited(s, r.opt.Limits.Entry*8)
		if err != nil {
			return err
		}
		r.arch.Files = append(r.arch.Files, sum)
		r.sheet = append(r.sheet, sheetBytes{s, b})
	}
	for _, sh := range r.sheet {
		if err := r.applySpeakers(sh.name, sh.data); err != nil {
			return err
		}
	}
	return nil
}

// sortSpeeches puts speeches in order of session, then of code.
func sortSpeeches(speeches []Speech) {
	sort.Slice(speeches, func(i, j int) bool {
		a, b := &speeches[i], &speeches[j]
		if a.Session != b.Session {
			return a.Session < b.Session
		}
		return a.Code < b.Code
	})
}

// sheetBytes is a speakers spreadsheet read whole (a zip of its own).
type sheetBytes struct {
	name string
	data []byte
}

// speechReader gathers the speeches of one import.
type speechReader struct {
	ctx      context.Context
	opt      SpeechOptions
	arch     *SpeechArchive
	seen     map[[2]any]string // (code, session) → file
	read     int64             // bytes of the archives read (compressed)
	total    int64
	expanded int64 // bytes the entries expanded to
	sheet    []sheetBytes
}

func (r *speechReader) progress(n int64) {
	r.read += n
	if r.opt.Progress != nil {
		r.opt.Progress(r.read, r.total)
	}
}

// countingReader reports the compressed bytes read and stops on a
// cancelled context.
type countingReader struct {
	ctx context.Context
	r   io.Reader
	on  func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	if n > 0 {
		c.on(int64(n))
	}
	return n, err
}

// readTar reads a gzip-compressed tar archive.
func (r *speechReader) readTar(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return &Error{File: p, Msg: fileErr(err)}
	}
	defer f.Close()
	h := sha256.New()
	cr := &countingReader{ctx: r.ctx, r: io.TeeReader(f, h), on: r.progress}
	gz, err := gzip.NewReader(cr)
	if err != nil {
		return &Error{File: p, Msg: "not a gzip-compressed archive: " + err.Error()}
	}
	tr := tar.NewReader(gz)
	last := ""
	for {
		hd, err := tr.Next()
		if err == io.EOF {
			break
		}
		if errors.Is(err, tar.ErrInsecurePath) && hd != nil {
			if e := checkEntryName(hd.Name); e != nil {
				return &Error{File: p, Msg: e.Error()}
			}
			err = nil
		}
		if err != nil {
			return truncated(r.ctx, p, last, err)
		}
		last = hd.Name
		if hd.Typeflag == tar.TypeDir || hd.Typeflag == tar.TypeXGlobalHeader {
			if err := checkEntryName(strings.TrimSuffix(hd.Name, "/")); err != nil {
				return &Error{File: p, Msg: err.Error()}
			}
			continue
		}
		if hd.Typeflag != tar.TypeReg && hd.Typeflag != tar.TypeRegA {
			if err := checkEntryName(hd.Name); err != nil {
				return &Error{File: p, Msg: err.Error()}
			}
			r.arch.Skipped = append(r.arch.Skipped, hd.Name+" (not a regular file)")
			continue
		}
		if err := r.entry(p, hd.Name, hd.Size, tr); err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return truncated(r.ctx, p, last, err)
			}
			return err
		}
	}
	// Read to the end of the gzip stream, so that its checksum is checked
	// and a cut after the last entry is found too.
	if _, err := io.Copy(io.Discard, gz); err != nil {
		return truncated(r.ctx, p, last, err)
	}
	st, _ := f.Stat()
	r.arch.Files = append(r.arch.Files, FileSum{Name: p, Size: st.Size(), SHA256: hex.EncodeToString(h.Sum(nil))})
	return nil
}

// truncated words the error of an archive that ends early.
func truncated(ctx context.Context, p, last string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	where := "at its start"
	if last != "" {
		where = "after entry " + last
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &Error{File: p, Msg: "the archive is truncated (it ends " + where + "); download it again"}
	}
	return &Error{File: p, Msg: "the archive is damaged " + where + ": " + err.Error()}
}

// readZip reads a zip archive.
func (r *speechReader) readZip(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return &Error{File: p, Msg: fileErr(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return &Error{File: p, Msg: fileErr(err)}
	}
	zr, err := zip.NewReader(f, st.Size())
	if errors.Is(err, zip.ErrInsecurePath) && zr != nil {
		err = nil // each name is checked below, and the bad one named
	}
	if err != nil {
		return &Error{File: p, Msg: "not a zip archive, or a truncated one (download it again): " + err.Error()}
	}
	for _, zf := range zr.File {
		if zf.FileInfo().IsDir() {
			if err := checkEntryName(strings.TrimSuffix(zf.Name, "/")); err != nil {
				return &Error{File: p, Msg: err.Error()}
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return &Error{File: p, Msg: fmt.Sprintf("entry %s: %v", zf.Name, err)}
		}
		err = r.entry(p, zf.Name, int64(zf.UncompressedSize64), &countingReader{ctx: r.ctx, r: rc, on: func(int64) {}})
		rc.Close()
		r.progress(int64(zf.CompressedSize64))
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return &Error{File: p, Msg: "the archive is truncated in entry " + zf.Name + "; download it again"}
		}
		if err != nil {
			return err
		}
	}
	sum, err := hashFile(p)
	if err != nil {
		return err
	}
	r.arch.Files = append(r.arch.Files, sum)
	return nil
}

// readDir reads the unpacked folder.
func (r *speechReader) readDir(root string) error {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &Error{File: p, Msg: fileErr(err)}
		}
		if err := r.ctx.Err(); err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() || rel == "." {
			return nil
		}
		if !d.Type().IsRegular() {
			r.arch.Skipped = append(r.arch.Skipped, rel+" (not a regular file)")
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return &Error{File: p, Msg: fileErr(err)}
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return &Error{File: p, Msg: fileErr(err)}
		}
		r.progress(info.Size())
		return r.entry(root, rel, info.Size(), f)
	})
	return err
}

// entry reads one entry of an archive or folder, named relative to it.
func (r *speechReader) entry(archive, name string, size int64, rd io.Reader) error {
	kind, sp, err := classifyEntry(name)
	where := archive + ": " + name
	if err != nil {
		return &Error{File: archive, Msg: err.Error()}
	}
	switch kind {
	case entryStray:
		r.arch.Skipped = append(r.arch.Skipped, name)
		return nil
	case entrySpeakers:
		b, err := r.limited(where, size, rd)
		if err != nil {
			return err
		}
		r.sheet = append(r.sheet, sheetBytes{where, b})
		return nil
	}
	b, err := r.limited(where, size, rd)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		line, col := invalidAt(b)
		return &Error{File: where, Line: line, Column: col, Msg: "the text is not UTF-8 (the corpus is UTF-8; was the file re-encoded?)"}
	}
	key := [2]any{sp.Code, sp.Session}
	if prev, dup := r.seen[key]; dup {
		return &Error{File: where, Msg: fmt.Sprintf("a second speech of %s in session %d (the first is %s)", sp.Code, sp.Session, prev)}
	}
	r.seen[key] = name
	r.arch.Speeches = append(r.arch.Speeches, Speech{
		SpeechPath: sp, Country: SpeakerCode(sp.Code, sp.Year), File: name,
		Text: string(b), SHA256: hex.EncodeToString(sum[:]),
	})
	return nil
}

// limited reads an entry whole, refusing one that expands past the limits
// whatever its header claims.
func (r *speechReader) limited(where string, size int64, rd io.Reader) ([]byte, error) {
	lim := r.opt.Limits
	if size > lim.Entry {
		return nil, &Error{File: where, Msg: fmt.Sprintf("the entry expands to %d bytes, past the limit of %d for one speech", size, lim.Entry)}
	}
	var buf bytes.Buffer
	if size > 0 {
		buf.Grow(int(size))
	}
	n, err := io.Copy(&buf, io.LimitReader(rd, lim.Entry+1))
	if err != nil {
		if r.ctx.Err() != nil {
			return nil, r.ctx.Err()
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, err
		}
		return nil, &Error{File: where, Msg: "cannot be read: " + err.Error()}
	}
	if n > lim.Entry {
		return nil, &Error{File: where, Msg: fmt.Sprintf("the entry expands past the limit of %d bytes for one speech (a zip bomb?)", lim.Entry)}
	}
	r.expanded += n
	if r.expanded > lim.Total {
		return nil, &Error{File: where, Msg: fmt.Sprintf("the archive expands past the limit of %d bytes in all", lim.Total)}
	}
	return buf.Bytes(), nil
}

// invalidAt finds the line and column (in bytes) of the first byte that
// is not UTF-8.
func invalidAt(b []byte) (line, col int) {
	line, start := 1, 0
	for i := 0; i < len(b); {
		c, n := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && n <= 1 {
			return line, i - start + 1
		}
		if c == '\n' {
			line, start = line+1, i+1
		}
		i += n
	}
	return line, 0
}

func readLimited(p string, limit int64) ([]byte, FileSum, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, FileSum{}, &Error{File: p, Msg: fileErr(err)}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, FileSum{}, &Error{File: p, Msg: fileErr(err)}
	}
	if int64(len(b)) > limit {
		return nil, FileSum{}, &Error{File: p, Msg: fmt.Sprintf("larger than %d bytes: not the corpus's speakers spreadsheet", limit)}
	}
	sum := sha256.Sum256(b)
	return b, FileSum{Name: p, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])}, nil
}

func hashFile(p string) (FileSum, error) {
	f, err := os.Open(p)
	if err != nil {
		return FileSum{}, &Error{File: p, Msg: fileErr(err)}
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return FileSum{}, &Error{File: p, Msg: fileErr(err)}
	}
	return FileSum{Name: p, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func dirSize(root string) int64 {
	var n int64
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, e := d.Info(); e == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
