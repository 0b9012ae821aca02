package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"plenary/data/ingest"
	"plenary/data/record"
)

// votesPerInsert is how many vote rows go into one INSERT statement. Many
// rows per statement cut the per-statement cost of the driver, which
// dominates a large import.
const votesPerInsert = 250

// writer applies parsed batches inside one transaction, matching each roll
// call with the one already stored (by roll-call id, Library record, or
// body and symbol) so that a roll call that several datasets hold is
// stored once.
type writer struct {
	// ctx is for statements: it is never cancelled, so that SQLite never
	// interrupts one, which would roll the transaction back unseen; stop is
	// the import's context, checked between statements.
	ctx      context.Context
	stop     context.Context
	tx       *sql.Tx
	s        *Store
	opt      ImportOptions
	rep      *Report
	importID int64

	known  map[int64]*record.RollCall
	byRCID map[int]int64
	byUNDL map[int]int64
	bySym  map[string][]int64

	insRC, updRC, selVotes, updVote, selPos, insPos, updPos, putBallot *sql.Stmt
	votes                                                              *voteInserter
	pending                                                            []any
	written, toWrite                                                   int
	lastReport                                                         time.Time
	added                                                              map[int64]bool // roll calls this import created
	ballot                                                             []ballotVote   // reused for each roll call's ballot
	// claimed counts the built-in roll calls this import holds unchanged:
	// they lose their built-in mark, so that removing the built-in data
	// keeps them, and the import is committed and logged for them.
	claimed int

	// nextID is the id the next roll call gets: ids are given here, not by
	// SQLite, so that votes can be written before their roll call (see
	// stream).
	nextID int64
	// ids are the ids a streamed import gave the roll calls of the batch
	// as it met them; streamed are those of them whose votes were written
	// as they were read, each with the votes written so far.
	ids      map[*ingest.RollCall]int64
	streamed map[*ingest.RollCall]*streamedRollCall
	meter    *ingest.Meter // of a streamed import, for the progress
}

func symKey(b record.Body, sym string) string { return string(b) + "|" + sym }

func newWriter(ctx context.Context, conn *sql.Conn, tx *sql.Tx, s *Store, opt ImportOptions, rep *Report) (*writer, error) {
	w := &writer{ctx: context.WithoutCancel(ctx), stop: ctx, tx: tx, s: s, opt: opt, rep: rep, votes: newVoteInserter(ctx, conn),
		known: map[int64]*record.RollCall{}, added: map[int64]bool{}, byRCID: map[int]int64{}, byUNDL: map[int]int64{}, bySym: map[string][]int64{}}
	now := nowUTC()
	res, err := tx.ExecContext(w.ctx, `INSERT INTO imports (started, finished, format, dataset, app_version, sample) VALUES (?, ?, '', '', ?, ?)`,
		now, now, record.Version, opt.sample)
	if err != nil {
		return nil, err
	}
	if w.importID, err = res.LastInsertId(); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) + 1 FROM roll_calls`).Scan(&w.nextID); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(w.ctx, `SELECT id, body, symbol, date, session, title, description, topics, draft, meeting, flags,
		pub_yes, pub_no, pub_abstain, pub_nonvoting, source, link, coalesce(rcid, 0), coalesce(undl_id, 0) FROM roll_calls`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		rc, err := scanRollCall(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		w.index(rc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(w.ctx, q)
		return st
	}
	w.insRC = prep(`INSERT INTO roll_calls (body, symbol, date, session, title, description, topics, draft, meeting, flags,
		pub_yes, pub_no, pub_abstain, pub_nonvoting, source, link, rcid, undl_id, import_id, id)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	w.updRC = prep(`UPDATE roll_calls SET body=?, symbol=?, date=?, session=?, title=?, description=?, topics=?, draft=?, meeting=?, flags=?,
		pub_yes=?, pub_no=?, pub_abstain=?, pub_nonvoting=?, source=?, link=?, rcid=?, undl_id=?, import_id=? WHERE id=?`)
	w.selVotes = prep(`SELECT country_id, vote FROM votes WHERE roll_call_id = ?`)
	w.updVote = prep(`UPDATE votes SET vote = ? WHERE roll_call_id = ? AND country_id = ?`)
	w.selPos = prep(`SELECT id, stance, quote, source FROM positions WHERE country_id=? AND date=? AND topic=? AND summary=?`)
	w.insPos = prep(`INSERT INTO positions (country_id, date, topic, stance, summary, quote, source, sample, import_id, created, updated)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	w.updPos = prep(`UPDATE positions SET stance=?, quote=?, source=?, import_id=?, updated=? WHERE id=?`)
	w.putBallot = prep(`INSERT OR REPLACE INTO ballots (roll_call_id, votes) VALUES (?, ?)`)
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *writer) close() {
	w.votes.close()
	for _, st := range []*sql.Stmt{w.insRC, w.updRC, w.selVotes, w.updVote, w.selPos, w.insPos, w.updPos, w.putBallot} {
		if st != nil {
			st.Close()
		}
	}
}

func (w *writer) index(rc *record.RollCall) {
	w.known[rc.ID] = rc
	if rc.RCID != 0 {
		w.byRCID[rc.RCID] = rc.ID
	}
	if rc.UNDLID != 0 {
		w.byUNDL[rc.UNDLID] = rc.ID
	}
	if rc.Symbol != "" {
		k := symKey(rc.Body, rc.Symbol)
		if !slices.Contains(w.bySym[k], rc.ID) {
			w.bySym[k] = append(w.bySym[k], rc.ID)
		}
	}
}

// partial reports whether a roll call is a vote on part of a text, which
// never stands for the resolution as a whole when matching by symbol.
func partial(f record.Flags) bool { return f&(record.Amendment|record.Paragraph) != 0 }

// match finds the stored roll call an incoming one describes, or 0.
func (w *writer) match(in *ingest.RollCall, symbolUnique bool) (int64, string) {
	if in.RCID != 0 {
		if id, ok := w.byRCID[in.RCID]; ok {
			return id, ""
		}
	}
	if in.UNDLID != 0 {
		if id, ok := w.byUNDL[in.UNDLID]; ok {
			return id, ""
		}
	}
	if in.Symbol == "" || partial(in.Flags) || !symbolUnique {
		return 0, ""
	}
	var cands []int64
	for _, id := range w.bySym[symKey(in.Body, in.Symbol)] {
		k := w.known[id]
		if partial(k.Flags) {
			continue
		}
		if in.RCID != 0 && k.RCID != 0 && k.RCID != in.RCID {
			continue // another roll call of the same dataset
		}
		if in.UNDLID != 0 && k.UNDLID != 0 && k.UNDLID != in.UNDLID {
			continue
		}
		cands = append(cands, id)
	}
	switch len(cands) {
	case 0:
		return 0, ""
	case 1:
		return cands[0], ""
	}
	for _, id := range cands {
		if w.known[id].Date == in.Date && in.Date != "" {
			return id, ""
		}
	}
	last := cands[len(cands)-1]
	return last, fmt.Sprintf("%s matches %d stored roll calls; it was merged with the last one (id %d)", in.Symbol, len(cands), last)
}

// apply writes one batch.
func (w *writer) apply(b *ingest.Batch) error {
	symCount := map[string]int{}
	for _, rc := range b.RollCalls {
		if rc.Symbol != "" && !partial(rc.Flags) {
			symCount[symKey(rc.Body, rc.Symbol)]++
		}
	}
	for _, in := range b.RollCalls {
		if err := w.stop.Err(); err != nil {
			return err
		}
		if !w.opt.keepSource {
			in.Source = b.Dataset
		}
		// Every roll call takes the next id in the batch's order, used or
		// not, so that a streamed import and a plain one give the same.
		newID, ok := w.ids[in]
		if !ok {
			newID = w.nextID
			w.nextID++
		}
		id, warn := w.match(in, symCount[symKey(in.Body, in.Symbol)] == 1)
		if warn != "" {
			w.rep.Warnings = append(w.rep.Warnings, fmt.Sprintf("%s:%d: %s", baseName(in.File), in.Line, warn))
		}
		var err error
		switch st := w.streamed[in]; {
		case st != nil && id != 0:
			// Written as new while it was read, yet it matches a stored roll
			// call: only a plain import can merge the two.
			return errRestart
		case st != nil:
			err = w.insertStreamed(in, st)
			delete(w.streamed, in)
		case id == 0:
			err = w.insert(in, newID)
		default:
			err = w.update(id, in)
		}
		if err != nil {
			return err
		}
		w.step()
	}
	if len(w.streamed) > 0 {
		// Votes were written for a roll call the batch does not hold.
		return errRestart
	}
	w.ids = nil
	for _, p := range b.Positions {
		if err := w.position(p); err != nil {
			return err
		}
		w.step()
	}
	return nil
}

func (w *writer) step() {
	w.written++
	if w.opt.Progress != nil {
		if now := time.Now(); now.Sub(w.lastReport) > 50*time.Millisecond || w.written == w.toWrite {
			w.lastReport = now
			p := ImportProgress{Phase: "writing", Written: w.written, ToWrite: w.toWrite}
			if w.meter != nil {
				r := w.meter.Now()
				p.File, p.Read, p.Total, p.Rows, p.Streamed = r.File, r.Read, r.Total, r.Rows, true
			}
			w.opt.Progress(p)
		}
	}
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func rollCallArgs(rc *record.RollCall) []any {
	var py, pn, pa, pv any
	if p := rc.Published; p != nil {
		py, pn, pa, pv = p.Yes, p.No, p.Abstain, p.NonVoting
	}
	return []any{string(rc.Body), rc.Symbol, rc.Date, rc.Session, rc.Title, rc.Description, joinTopics(rc.Topics), rc.Draft, rc.Meeting,
		int(rc.Flags), py, pn, pa, pv, rc.Source, rc.Link, nullInt(rc.RCID), nullInt(rc.UNDLID)}
}

func (w *writer) insert(in *ingest.RollCall, id int64) error {
	rc, err := w.insertRollCall(in, id)
	if err != nil {
		return err
	}
	if in.MetaOnly {
		w.rep.Warnings = append(w.rep.Warnings, fmt.Sprintf("%s:%d: %s is described but none of its votes has been imported", baseName(in.File), in.Line, rc.Label()))
	}
	ballot := w.ballot[:0]
	for _, c := range in.Votes {
		cid, err := w.queueVote(rc.ID, c)
		if err != nil {
			return err
		}
		ballot = append(ballot, ballotVote{cid, c.Vote})
		w.rep.Votes.Added++
	}
	w.ballot = ballot
	if len(ballot) > 0 {
		return w.writeBallot(rc.ID, ballot)
	}
	return nil
}

// insertRollCall stores a new roll call with the given id.
func (w *writer) insertRollCall(in *ingest.RollCall, id int64) (*record.RollCall, error) {
	rc := in.RollCall
	rc.ID = id
	if w.opt.sample {
		rc.Flags |= record.Sample
	}
	if _, err := w.insRC.ExecContext(w.ctx, append(rollCallArgs(&rc), w.importID, id)...); err != nil {
		return nil, fmt.Errorf("storing %s: %w", rc.Label(), err)
	}
	w.index(&rc)
	w.added[id] = true
	w.rep.RollCalls.Added++
	return &rc, nil
}

// writeBallot stores a roll call's votes in the ballots cache.
func (w *writer) writeBallot(id int64, votes []ballotVote) error {
	_, err := w.putBallot.ExecContext(w.ctx, id, encodeBallot(votes))
	return err
}

// merge folds what an import says of a roll call into what is stored:
// values the import has replace the stored ones, values it lacks are kept.
func (w *writer) merge(old *record.RollCall, in *record.RollCall) record.RollCall {
	m := *old
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Symbol, in.Symbol)
	set(&m.Date, in.Date)
	set(&m.Session, in.Session)
	set(&m.Title, in.Title)
	set(&m.Description, in.Description)
	set(&m.Draft, in.Draft)
	set(&m.Meeting, in.Meeting)
	set(&m.Link, in.Link)
	if len(in.Topics) > 0 {
		m.Topics = in.Topics
	}
	if in.Published != nil {
		p := *in.Published
		m.Published = &p
	}
	if m.RCID == 0 {
		m.RCID = in.RCID
	}
	if m.UNDLID == 0 {
		m.UNDLID = in.UNDLID
	}
	m.Flags |= in.Flags &^ record.Sample
	if !w.opt.sample {
		m.Flags &^= record.Sample
	}
	return m
}

func sameRollCall(a, b *record.RollCall) bool {
	pa, pb := a.Published, b.Published
	samePub := (pa == nil && pb == nil) || (pa != nil && pb != nil && *pa == *pb)
	return a.Symbol == b.Symbol && a.Date == b.Date && a.Session == b.Session && a.Title == b.Title &&
		a.Description == b.Description && a.Draft == b.Draft && a.Meeting == b.Meeting && a.Link == b.Link &&
		sameTopics(a.Topics, b.Topics) && samePub && a.RCID == b.RCID && a.UNDLID == b.UNDLID && a.Flags&^record.Sample == b.Flags&^record.Sample
}

func (w *writer) update(id int64, in *ingest.RollCall) error {
	old := w.known[id]
	merged := w.merge(old, &in.RollCall)
	metaChanged := !sameRollCall(old, &merged)
	votesChanged := false
	if len(in.Votes) > 0 {
		have := map[int64]record.Vote{}
		rows, err := w.selVotes.QueryContext(w.ctx, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var cid int64
			var v int
			if err := rows.Scan(&cid, &v); err != nil {
				rows.Close()
				return err
			}
			have[cid] = record.Vote(v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range in.Votes {
			cid, ok := w.s.countryID[c.Country]
			if !ok {
				return fmt.Errorf("country %s is not in the country table", c.Country)
			}
			prev, ok := have[cid]
			switch {
			case !ok:
				if _, err := w.queueVote(id, c); err != nil {
					return err
				}
				have[cid] = c.Vote
				w.rep.Votes.Added++
				votesChanged = true
			case prev != c.Vote:
				have[cid] = c.Vote
				if _, err := w.updVote.ExecContext(w.ctx, int(c.Vote), id, cid); err != nil {
					return err
				}
				w.rep.Votes.Changed++
				w.rep.Differences = append(w.rep.Differences, Difference{RollCall: merged.Label(), Country: c.Country, Old: prev, New: c.Vote})
				votesChanged = true
			default:
				w.rep.Votes.Unchanged++
			}
		}
		if votesChanged {
			if err := w.writeBallot(id, ballotOf(have)); err != nil {
				return err
			}
		}
	}
	claimed := old.Flags.Has(record.Sample) && !merged.Flags.Has(record.Sample)
	if !metaChanged && !votesChanged && !claimed {
		if !w.added[id] {
			w.rep.RollCalls.Unchanged++
		}
		return nil
	}
	merged.Source = in.Source
	if _, err := w.updRC.ExecContext(w.ctx, append(rollCallArgs(&merged), w.importID, id)...); err != nil {
		return fmt.Errorf("updating %s: %w", merged.Label(), err)
	}
	*old = merged
	w.index(old)
	switch {
	case w.added[id]:
	case metaChanged || votesChanged:
		w.rep.RollCalls.Updated++
	default:
		w.rep.RollCalls.Unchanged++
		w.claimed++
	}
	return nil
}

// queueVote adds a vote to the rows of the next INSERT, and returns the
// country's row id.
func (w *writer) queueVote(rcID int64, c ingest.Cast) (int64, error) {
	cid, ok := w.s.countryID[c.Country]
	if !ok {
		return 0, fmt.Errorf("country %s is not in the country table", c.Country)
	}
	w.pending = append(w.pending, rcID, cid, int64(c.Vote))
	if len(w.pending) == 3*votesPerInsert {
		if err := w.votes.exec(w.pending); err != nil {
			return 0, err
		}
		w.pending = w.pending[:0]
	}
	return cid, nil
}

// flush writes the votes still queued.
func (w *writer) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	err := w.votes.exec(w.pending)
	w.pending = w.pending[:0]
	return err
}

func (w *writer) position(p *ingest.Position) error {
	cid, ok := w.s.countryID[p.Country]
	if !ok {
		return fmt.Errorf("country %s is not in the country table", p.Country)
	}
	now := nowUTC()
	var id int64
	var stance, quote, source string
	err := w.selPos.QueryRowContext(w.ctx, cid, p.Date, p.Topic, p.Summary).Scan(&id, &stance, &quote, &source)
	switch {
	case err == sql.ErrNoRows:
		if _, err := w.insPos.ExecContext(w.ctx, cid, p.Date, p.Topic, string(p.Stance), p.Summary, p.Quote, p.Source, w.opt.sample, w.importID, now, now); err != nil {
			return err
		}
		w.rep.Positions.Added++
	case err != nil:
		return err
	case stance == string(p.Stance) && quote == p.Quote && source == p.Source:
		w.rep.Positions.Unchanged++
	default:
		if _, err := w.updPos.ExecContext(w.ctx, string(p.Stance), p.Quote, p.Source, w.importID, now, id); err != nil {
			return err
		}
		w.rep.Positions.Updated++
	}
	return nil
}

// checkReferences does, once per import, the check that foreign-key
// enforcement would do for every row (see beginImport). Roll-call ids need
// none: each comes from a row this transaction read or inserted. Country
// ids all come from the store's copy of the country table, read when it
// opened, so each of those is checked against the table as it is now.
func (w *writer) checkReferences() error {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id FROM countries`)
	if err != nil {
		return err
	}
	have := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		have[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for iso, id := range w.s.countryID {
		if !have[id] {
			return fmt.Errorf("country %s (row %d) is no longer in the country table; reopen the database and import again", iso, id)
		}
	}
	return nil
}

// logImport completes the imports row with what was done, and the files
// with their SHA-256, so that charts can print their provenance.
func (w *writer) logImport(started time.Time, batches []*ingest.Batch, files []ingest.FileSum) error {
	var formats, datasets []string
	for _, b := range batches {
		if !contains(formats, string(b.Format)) {
			formats = append(formats, string(b.Format))
		}
		if !contains(datasets, b.Dataset) {
			datasets = append(datasets, b.Dataset)
		}
	}
	r := w.rep
	_, err := w.tx.ExecContext(w.ctx, `UPDATE imports SET started=?, finished=?, format=?, dataset=?, rows_read=?,
		roll_calls_added=?, roll_calls_updated=?, roll_calls_unchanged=?, votes_added=?, votes_changed=?, votes_unchanged=?,
		positions_added=?, positions_updated=?, warnings=? WHERE id=?`,
		started.Format(time.RFC3339), nowUTC(), strings.Join(formats, ", "), strings.Join(datasets, "; "), r.Rows,
		r.RollCalls.Added, r.RollCalls.Updated, r.RollCalls.Unchanged, r.Votes.Added, r.Votes.Changed, r.Votes.Unchanged,
		r.Positions.Added, r.Positions.Updated, strings.Join(r.Warnings, "\n"), w.importID)
	if err != nil {
		return err
	}
	for _, f := range files {
		if _, err := w.tx.ExecContext(w.ctx, `INSERT OR REPLACE INTO import_files (import_id, name, size, sha256) VALUES (?,?,?,?)`,
			w.importID, f.Name, f.Size, f.SHA256); err != nil {
			return err
		}
	}
	r.ImportID = w.importID
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// scanRollCall reads the columns selected by rollCallColumns.
func scanRollCall(rows interface{ Scan(...any) error }) (*record.RollCall, error) {
	var rc record.RollCall
	var body, topics string
	var flags int
	var py, pn, pa, pv sql.NullInt64
	if err := rows.Scan(&rc.ID, &body, &rc.Symbol, &rc.Date, &rc.Session, &rc.Title, &rc.Description, &topics, &rc.Draft, &rc.Meeting,
		&flags, &py, &pn, &pa, &pv, &rc.Source, &rc.Link, &rc.RCID, &rc.UNDLID); err != nil {
		return nil, err
	}
	rc.Body = record.Body(body)
	rc.Topics = splitTopics(topics)
	rc.Flags = record.Flags(flags)
	if py.Valid || pn.Valid || pa.Valid {
		rc.Published = &record.Totals{Yes: int(py.Int64), No: int(pn.Int64), Abstain: int(pa.Int64), NonVoting: int(pv.Int64)}
	}
	return &rc, nil
}

// rollCallColumns is the select list scanRollCall reads.
const rollCallColumns = `id, body, symbol, date, session, title, description, topics, draft, meeting, flags,
	pub_yes, pub_no, pub_abstain, pub_nonvoting, source, link, coalesce(rcid, 0), coalesce(undl_id, 0)`
