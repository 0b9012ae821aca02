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

func (s *Store) writeSpeeches(ctx context.Context, tx *sql.Tx, arch *ingest.SpeechArchive, rep *Report, opt ImportOptions, started time.Time) error {
	bg := context.WithoutCancel(ctx)
	have := map[[2]any]stored{}
	rows, err := tx.QueryContext(bg, `SELECT id, code, session, sha256, speaker, post FROM speeches`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var st stored
		var code string
		var session int
		if err := rows.Scan(&st.id, &code, &session, &st.sha, &st.speaker, &st.post); err != nil {
			rows.Close()
			return err
		}
		have[[2]any{code, session}] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	now := nowUTC()
	res, err := tx.ExecContext(bg, `INSERT INTO imports (started, finished, format, dataset, app_version) VALUES (?, ?, 'ungdc', ?, ?)`,
		started.Format(time.RFC3339), now, arch.Dataset, record.Version)
	if err != nil {
		return err
	}
	importID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	ins, err := tx.PrepareContext(bg, `INSERT INTO speeches (country, code, session, year, words, speaker, post, file, sha256, import_id) VALUES (?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	text, err := tx.PrepareContext(bg, `INSERT INTO speech_texts (id, text) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer text.Close()
	index, err := tx.PrepareContext(bg, `INSERT INTO speech_index (rowid, text) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer index.Close()
	for i := range arch.Speeches {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if opt.Progress != nil {
				opt.Progress(ImportProgress{Phase: "writing", Read: 1, Total: 1, Written: i, ToWrite: len(arch.Speeches)})
			}
		}
		sp := &arch.Speeches[i]
		old, ok := have[[2]any{sp.Code, sp.Session}]
		switch {
		case ok && old.sha == sp.SHA256 && (old.speaker == sp.Speaker && old.post == sp.Post || sp.Speaker == ""):
			rep.Speeches.Unchanged++
			continue
		case ok && old.sha == sp.SHA256:
			// A newer spreadsheet names the speaker: the text and its index stay.
			if _, err := tx.ExecContext(bg, `UPDATE speeches SET speaker=?, post=?, import_id=? WHERE id=?`, sp.Speaker, sp.Post, importID, old.id); err != nil {
				return err
			}
			rep.Speeches.Updated++
			continue
		case ok:
			// The authors corrected the text: the old one leaves the index
			// first (an external-content index forgets a row only when
			// told its old text).
			if _, err := tx.ExecContext(bg, `INSERT INTO speech_index (speech_index, rowid, text) SELECT 'delete', id, text FROM speech_texts WHERE id = ?`, old.id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(bg, `DELETE FROM speech_texts WHERE id = ?`, old.id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(bg, `DELETE FROM speeches WHERE id = ?`, old.id); err != nil {
				return err
			}
			rep.Speeches.Updated++
		default:
			rep.Speeches.Added++
		}
		r, err := ins.ExecContext(bg, sp.Country, sp.Code, sp.Session, sp.Year, words.CountWords(sp.Text), sp.Speaker, sp.Post, sp.File, sp.SHA256, importID)
		if err != nil {
			return fmt.Errorf("%s: %w", sp.File, err)
		}
		id, err := r.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := text.ExecContext(bg, id, sp.Text); err != nil {
			return fmt.Errorf("%s: %w", sp.File, err)
		}
		if _, err := index.ExecContext(bg, id, sp.Text); err != nil {
			return fmt.Errorf("%s: %w", sp.File, err)
		}
	}
	if rep.Speeches.Added+rep.Speeches.Updated > 0 {
		// One segment: a search then reads each term's list once, which
		// halves the time of ranking a common word.
		if _, err := tx.ExecContext(bg, `INSERT INTO speech_index (speech_index) VALUES ('optimize')`); err != nil {
			return err
		}
	}
	if opt.Progress != nil {
		opt.Progress(ImportProgress{Phase: "writing", Read: 1, Total: 1, Written: len(arch.Speeches), ToWrite: len(arch.Speeches)})
	}
	if _, err := tx.ExecContext(bg, `UPDATE imports SET finished=?, rows_read=?, speeches_added=?, speeches_updated=?, warnings=? WHERE id=?`,
		nowUTC(), rep.Rows, rep.Speeches.Added, rep.Speeches.Updated, joinLines(rep.Warnings), importID); err != nil {
		return err
	}
	for _, f := range arch.Files {
		if _, err := tx.ExecContext(bg, `INSERT OR REPLACE INTO import_files (import_id, name, size, sha256) VALUES (?,?,?,?)`,
			importID, f.Name, f.Size, f.SHA256); err != nil {
			return err
		}
	}
	rep.ImportID = importID
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
