package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"
	"time"

	"plenary/assets"
	"plenary/data/builtin"
	"plenary/data/ingest"
	"plenary/data/record"
)

// FormatBuiltin names the built-in history in the import log.
const FormatBuiltin ingest.Format = "builtin"

// builtinFile reads and decodes the embedded history once per process.
var builtinFile = sync.OnceValues(func() (*builtinData, error) {
	raw, err := fs.ReadFile(assets.Builtin, assets.BuiltinFile)
	if err != nil {
		return nil, fmt.Errorf("this Plenary has no built-in history: %w", err)
	}
	d, err := builtin.DecodeBytes(raw)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	return &builtinData{Data: d, size: int64(len(raw)), sha: hex.EncodeToString(sum[:])}, nil
})

// builtinData is the decoded history with the size and SHA-256 of its file.
type builtinData struct {
	*builtin.Data
	size int64
	sha  string
}

// Builtin returns the built-in history as decoded from the binary. The
// result is shared: do not change it.
func Builtin() (*builtin.Data, error) {
	b, err := builtinFile()
	if err != nil {
		return nil, err
	}
	return b.Data, nil
}

// BuiltinTable is the table an empty database holds once the built-in
// history is loaded into it, ids included: the window shows it while the
// history is still being written.
func BuiltinTable() (*record.Table, error) {
	d, err := Builtin()
	if err != nil {
		return nil, err
	}
	t := &record.Table{Countries: d.Countries, RollCalls: make([]record.RollCall, len(d.RollCalls)), Votes: make([][]record.Vote, len(d.Votes))}
	order := make([]int, len(d.RollCalls))
	for i := range order {
		order[i] = i
	}
	// Ids are given in the file's order (see writer.apply); the table is
	// sorted by date, then id, as Store.Table sorts it.
	sort.SliceStable(order, func(a, b int) bool { return d.RollCalls[order[a]].Date < d.RollCalls[order[b]].Date })
	for i, j := range order {
		rc := d.RollCalls[j]
		rc.ID = int64(j + 1)
		rc.Flags |= record.Sample
		t.RollCalls[i], t.Votes[i] = rc, d.Votes[j]
	}
	return t, nil
}

// LoadBuiltin writes the built-in history (the General Assembly's roll
// calls 1946–2019 with the absences of Voeten's data, and the sample of 24
// February 2025 with its positions) marked as built-in data, by the rules
// of an import: into a database that holds some of it already, roll calls
// are matched and merged as an import of the same files would. progress,
// when not nil, is told how many roll calls and positions are written.
func (s *Store) LoadBuiltin(ctx context.Context, progress func(done, total int)) (*Report, error) {
	if s.readOnly {
		return nil, ErrReadOnly
	}
	bd, err := builtinFile()
	if err != nil {
		return nil, err
	}
	b, err := builtinBatch(bd.Data)
	if err != nil {
		return nil, err
	}
	opt := ImportOptions{sample: true, keepSource: true}
	if progress != nil {
		opt.Progress = func(p ImportProgress) { progress(p.Written, p.ToWrite) }
	}
	rep := &Report{}
	w, end, err := s.beginWriter(ctx, opt, rep)
	if err != nil {
		return nil, err
	}
	defer end()
	// The whole history fits in the page cache: SQLite then never writes
	// a page twice while the votes go in. The default comes back before the
	// connection returns to the pool (see restoreCache).
	if _, err := w.tx.ExecContext(w.ctx, "PRAGMA cache_size = -131072"); err != nil {
		return nil, s.writeErr(err)
	}
	defer restoreCache(w)
	started := time.Now().UTC()
	rep.add(b)
	w.prog.toWrite = len(b.RollCalls) + len(b.Positions)
	if err := w.apply(b); err != nil {
		return nil, s.importErr(ctx, err)
	}
	restoreCache(w)
	files := []ingest.FileSum{{Name: path.Base(assets.BuiltinFile), Size: bd.size, SHA256: bd.sha}}
	for _, f := range bd.Files {
		files = append(files, ingest.FileSum{Name: f.Name, Size: f.Size, SHA256: f.SHA256})
	}
	return s.finishWrite(ctx, w, []*ingest.Batch{b}, files, started)
}

// restoreCache gives the import's connection SQLite's default page cache
// again. After a commit it does nothing, having been called before.
func restoreCache(w *writer) { _, _ = w.tx.ExecContext(w.ctx, "PRAGMA cache_size = -2000") }

// builtinBatch turns the decoded history into the batch an import of it
// would read, so that the writer stores and merges it as any other.
func builtinBatch(d *builtin.Data) (*ingest.Batch, error) {
	b := &ingest.Batch{Format: FormatBuiltin, Dataset: d.Dataset, Files: []string{path.Base(assets.BuiltinFile)}}
	for i := range d.RollCalls {
		in := &ingest.RollCall{RollCall: d.RollCalls[i], File: path.Base(assets.BuiltinFile), Line: i + 1}
		for c, v := range d.Votes[i] {
			if v != record.None {
				in.Votes = append(in.Votes, ingest.Cast{Country: d.Countries[c], Vote: v})
			}
		}
		b.Rows += int64(len(in.Votes))
		b.RollCalls = append(b.RollCalls, in)
	}
	for i, p := range d.Positions {
		if _, ok := record.ParseStance(string(p.Stance)); !ok {
			return nil, fmt.Errorf("built-in position %d: stance %q", i+1, p.Stance)
		}
		b.Positions = append(b.Positions, &ingest.Position{Position: p, File: b.Files[0], Line: i + 1})
		b.Rows++
	}
	return b, nil
}

// LoadBuiltinIfEmpty loads the built-in history into a database that holds
// nothing and never held an import, as the desktop app does on its first
// start; a database from which the built-in data was removed stays empty.
// It reports whether it loaded.
func (s *Store) LoadBuiltinIfEmpty(ctx context.Context, progress func(done, total int)) (bool, error) {
	if s.readOnly {
		return false, nil
	}
	info, err := s.Info(ctx)
	if err != nil {
		return false, err
	}
	if !info.Empty() || len(info.Imports) > 0 {
		return false, nil
	}
	_, err = s.LoadBuiltin(ctx, progress)
	return err == nil, err
}

// RemoveBuiltin deletes what only the built-in data provided: its roll
// calls and positions that no import has written since. Imports and the
// positions users record stay. It returns how many roll calls and positions
// were removed.
func (s *Store) RemoveBuiltin(ctx context.Context) (int, error) { return s.RemoveSample(ctx) }
