package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"plenary/data/ingest"
	"plenary/data/record"
	"plenary/data/words"
)

// ImportSpeeches reads the General Debate corpus from paths (its .tgz or
// .zip archive as downloaded, or the unpacked folder, and the speakers
// spreadsheet) and writes every speech with its full-text index in one
// transaction. A speech already stored with the same text, speaker and
// post is left as it is, so that importing the same release again changes
// nothing and a newer one adds what is new (and replaces what its authors
// corrected). Any error, or a cancelled ctx, leaves the database as it
// was.
func (s *Store) ImportSpeeches(ctx context.Context, paths []string, opt ImportOptions) (*Report, error) {
	if s.readOnly {
		return nil, ErrReadOnly
	}
	started := time.Now().UTC()
	sopt := ingest.SpeechOptions{}
	if opt.Progress != nil {
		last := time.Time{}
		sopt.Progress = func(read, total int64) {
			if now := time.Now(); now.Sub(last) > 50*time.Millisecond || read >= total {
				last = now
				opt.Progress(ImportProgress{Phase: "reading", Read: read, Total: total})
			}
		}
	}
	arch, err := ingest.ReadSpeeches(ctx, paths, sopt)
	if err != nil {
		return nil, err
	}
	rep := &Report{Sources: []string{arch.Dataset}, Rows: int64(len(arch.Speeches))}
	for _, f := range arch.Files {
		rep.Files = append(rep.Files, f.Name)
	}
	if n := len(arch.Skipped); n > 0 {
		rep.Skipped = append(rep.Skipped, fmt.Sprintf("%d hidden or stray files that are not speeches: %s", n, joinFirst(arch.Skipped, 12)))
	}
	if len(arch.Speeches) > 0 && arch.Speakers == 0 {
		rep.Warnings = append(rep.Warnings, "no speakers spreadsheet (Speakers_by_session.xlsx) beside the archive: speeches are imported without their speakers' names")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return nil, s.writeErr(err)
	}
	defer tx.Rollback()
	if err := s.writeSpeeches(ctx, tx, arch, rep, opt, started); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, s.writeErr(err)
	}
	if rep.Speeches.Added+rep.Speeches.Updated == 0 {
		rep.Previously = s.previousImport(ctx, arch.Files)
		return rep, nil // the deferred rollback leaves the database as it was
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, s.writeErr(err)
	}
	return rep, nil
}

// stored is what the database holds of a speech, to tell a new release's
// speech from the one stored.
type stored struct {
	id                 int64
	sha, speaker, post string
}

// writeSpeeches writes the archive's new and changed speeches in tx and
// records the import; rep counts what was added, updated and left. The
// writes run to their end once begun (the transaction is committed or
// rolled back as a whole): ctx is checked between speeches only.
func (s *Store) writeSpeeches(ctx context.Context, tx *sql.Tx, arch *ingest.SpeechArchive, rep *Report, opt ImportOptions, started time.Time) error {
	bg := context.WithoutCancel(ctx)
	have, err := storedSpeeches(bg, tx)
	if err != nil {
		return err
	}
	importID, err := beginSpeechImport(bg, tx, arch, started)
	if err != nil {
		return err
	}
	w, err := prepareSpeechWriter(bg, tx, importID)
	if err != nil {
		return err
	}
	defer w.close()
	for i := range arch.Speeches {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			reportSpeechesWritten(opt, i, len(arch.Speeches))
		}
		if err := w.write(&arch.Speeches[i], have, rep); err != nil {
			return err
		}
	}
	if rep.Speeches.Added+rep.Speeches.Updated > 0 {
		if err := optimizeSpeechIndex(bg, tx); err != nil {
			return err
		}
	}
	reportSpeechesWritten(opt, len(arch.Speeches), len(arch.Speeches))
	if err := finishSpeechImport(bg, tx, arch, rep, importID); err != nil {
		return err
	}
	rep.ImportID = importID
	return nil
}

// storedSpeeches reads what the database holds of every speech, by its
// country code and session.
func storedSpeeches(ctx context.Context, tx *sql.Tx) (map[[2]any]stored, error) {
	have := map[[2]any]stored{}
	rows, err := tx.QueryContext(ctx, `SELECT id, code, session, sha256, speaker, post FROM speeches`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var st stored
		var code string
		var session int
		if err := rows.Scan(&st.id, &code, &session, &st.sha, &st.speaker, &st.post); err != nil {
			return nil, err
		}
		have[[2]any{code, session}] = st
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return have, nil
}

// beginSpeechImport records the import's start and returns its id, which
// every speech it writes carries.
func beginSpeechImport(ctx context.Context, tx *sql.Tx, arch *ingest.SpeechArchive, started time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO imports (started, finished, format, dataset, app_version) VALUES (?, ?, 'ungdc', ?, ?)`,
		started.Format(time.RFC3339), nowUTC(), arch.Dataset, record.Version)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// reportSpeechesWritten tells opt's progress callback, if any, how many
// of the speeches are written.
func reportSpeechesWritten(opt ImportOptions, written, toWrite int) {
	if opt.Progress != nil {
		opt.Progress(ImportProgress{Phase: "writing", Read: 1, Total: 1, Written: written, ToWrite: toWrite})
	}
}

// speechWriter writes speeches of one import with its statements
// prepared once.
type speechWriter struct {
	ctx              context.Context
	tx               *sql.Tx
	importID         int64
	ins, text, index *sql.Stmt
}

// prepareSpeechWriter prepares the three inserts a speech needs: its row,
// its text and its full-text index entry.
func prepareSpeechWriter(ctx context.Context, tx *sql.Tx, importID int64) (*speechWriter, error) {
	w := &speechWriter{ctx: ctx, tx: tx, importID: importID}
	var err error
	if w.ins, err = tx.PrepareContext(ctx, `INSERT INTO speeches (country, code, session, year, words, speaker, post, file, sha256, import_id) VALUES (?,?,?,?,?,?,?,?,?,?)`); err != nil {
		return nil, err
	}
	if w.text, err = tx.PrepareContext(ctx, `INSERT INTO speech_texts (id, text) VALUES (?, ?)`); err != nil {
		w.close()
		return nil, err
	}
	if w.index, err = tx.PrepareContext(ctx, `INSERT INTO speech_index (rowid, text) VALUES (?, ?)`); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

// close closes the statements prepared.
func (w *speechWriter) close() {
	for _, st := range []*sql.Stmt{w.index, w.text, w.ins} {
		if st != nil {
			st.Close()
		}
	}
}

// write stores sp unless the database holds it already as it is: a
// speech whose speaker is newly named is updated in place, one whose
// text changed is replaced, and rep counts which it was.
func (w *speechWriter) write(sp *ingest.Speech, have map[[2]any]stored, rep *Report) error {
	old, ok := have[[2]any{sp.Code, sp.Session}]
	switch {
	case ok && old.sha == sp.SHA256 && (old.speaker == sp.Speaker && old.post == sp.Post || sp.Speaker == ""):
		rep.Speeches.Unchanged++
		return nil
	case ok && old.sha == sp.SHA256:
		// A newer spreadsheet names the speaker: the text and its index stay.
		if _, err := w.tx.ExecContext(w.ctx, `UPDATE speeches SET speaker=?, post=?, import_id=? WHERE id=?`, sp.Speaker, sp.Post, w.importID, old.id); err != nil {
			return err
		}
		rep.Speeches.Updated++
		return nil
	case ok:
		if err := w.remove(old.id); err != nil {
			return err
		}
		rep.Speeches.Updated++
	default:
		rep.Speeches.Added++
	}
	return w.insert(sp)
}

// remove deletes the stored speech id, whose text the authors corrected.
// Its old text leaves the index first: an external-content index forgets
// a row only when told its old text.
func (w *speechWriter) remove(id int64) error {
	for _, q := range []string{
		`INSERT INTO speech_index (speech_index, rowid, text) SELECT 'delete', id, text FROM speech_texts WHERE id = ?`,
		`DELETE FROM speech_texts WHERE id = ?`,
		`DELETE FROM speeches WHERE id = ?`,
	} {
		if _, err := w.tx.ExecContext(w.ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// insert writes sp's row, its text and its index entry.
func (w *speechWriter) insert(sp *ingest.Speech) error {
	r, err := w.ins.ExecContext(w.ctx, sp.Country, sp.Code, sp.Session, sp.Year, words.CountWords(sp.Text), sp.Speaker, sp.Post, sp.File, sp.SHA256, w.importID)
	if err != nil {
		return fmt.Errorf("%s: %w", sp.File, err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return err
	}
	if _, err := w.text.ExecContext(w.ctx, id, sp.Text); err != nil {
		return fmt.Errorf("%s: %w", sp.File, err)
	}
	if _, err := w.index.ExecContext(w.ctx, id, sp.Text); err != nil {
		return fmt.Errorf("%s: %w", sp.File, err)
	}
	return nil
}

// optimizeSpeechIndex merges the full-text index into one segment: a
// search then reads each term's list once, which halves the time of
// ranking a common word.
func optimizeSpeechIndex(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO speech_index (speech_index) VALUES ('optimize')`)
	return err
}

// finishSpeechImport records the import's end, its counts and warnings,
// and the files it read.
func finishSpeechImport(ctx context.Context, tx *sql.Tx, arch *ingest.SpeechArchive, rep *Report, importID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE imports SET finished=?, rows_read=?, speeches_added=?, speeches_updated=?, warnings=? WHERE id=?`,
		nowUTC(), rep.Rows, rep.Speeches.Added, rep.Speeches.Updated, joinLines(rep.Warnings), importID); err != nil {
		return err
	}
	for _, f := range arch.Files {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO import_files (import_id, name, size, sha256) VALUES (?,?,?,?)`,
			importID, f.Name, f.Size, f.SHA256); err != nil {
			return err
		}
	}
	return nil
}

func joinFirst(items []string, n int) string {
	out := ""
	for i, it := range items {
		if i == n {
			return out + fmt.Sprintf(", … and %d more", len(items)-n)
		}
		if i > 0 {
			out += ", "
		}
		out += it
	}
	return out
}

func joinLines(items []string) string {
	out := ""
	for i, it := range items {
		if i > 0 {
			out += "\n"
		}
		out += it
	}
	return out
}
