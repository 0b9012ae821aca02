package data

import (
	"fmt"
	"maps"
	"slices"

	"plenary/data/ingest"
	"plenary/data/merge"
	"plenary/data/record"
)

// insert stores a new roll call with its votes and ballot.
func (w *writer) insert(in *ingest.RollCall, id int64) error {
	rc, err := w.insertRollCall(in, id)
	if err != nil {
		return err
	}
	if in.MetaOnly {
		w.warn(in, "%s is described but none of its votes has been imported", rc.Label())
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
	w.heedSymbol(in, &rc)
	if w.opt.sample {
		rc.Flags |= record.Sample
	}
	if _, err := w.st.insRC.ExecContext(w.ctx, append(rollCallArgs(&rc), w.importID, id)...); err != nil {
		return nil, fmt.Errorf("storing %s: %w", rc.Label(), err)
	}
	if err := w.creditTopics(id, rc.Topics, in.Source); err != nil {
		return nil, err
	}
	w.idx.Add(&rc)
	w.added[id] = true
	w.rep.RollCalls.Added++
	return &rc, nil
}

// heedSymbol gives rc the session its symbol names when the session it was
// given contradicts it (merge.Session), and warns, naming the row that
// stated the other session.
func (w *writer) heedSymbol(in *ingest.RollCall, rc *record.RollCall) {
	if s, contradicted := merge.Session(rc); contradicted {
		w.warn(in, "%s: session %s contradicts the symbol, which names session %s: session %s kept", rc.Label(), rc.Session, s, s)
		rc.Session = s
	}
}

// creditTopics notes which dataset gave a roll call's topics.
func (w *writer) creditTopics(id int64, topics []string, source string) error {
	for _, t := range topics {
		if _, err := w.st.insTopic.ExecContext(w.ctx, id, t, source); err != nil {
			return err
		}
	}
	return nil
}

// writeBallot stores a roll call's votes in the ballots cache.
func (w *writer) writeBallot(id int64, votes []ballotVote) error {
	_, err := w.st.putBallot.ExecContext(w.ctx, id, encodeBallot(votes))
	return err
}

// update merges an incoming roll call into the stored one with the id.
// Its votes are written at once; the roll call's own row is written once,
// at the end of the import (writeRollCalls), and only when it ends up
// different: datasets that describe one roll call differently then leave
// it as it was, instead of rewriting it back and forth on every import.
func (w *writer) update(id int64, in *ingest.RollCall) error {
	old := w.idx.Get(id)
	if _, ok := w.orig[id]; !ok {
		w.orig[id] = *old
	}
	merged := merge.RollCall(old, &in.RollCall, w.opt.sample)
	w.heedSymbol(in, &merged)
	metaChanged := !merge.Same(old, &merged)
	if err := w.creditTopics(id, in.Topics, in.Source); err != nil {
		return err
	}
	if !w.added[id] {
		for _, t := range merge.NewTopics(old.Topics, merged.Topics) {
			w.rep.Topics = append(w.rep.Topics, TopicChange{RollCall: merged.Label(), Topic: t, Source: in.Source})
		}
	}
	votesChanged, err := w.mergeVotes(id, merged.Label(), in.Votes)
	if err != nil {
		return err
	}
	if !metaChanged && votesChanged == 0 && !claims(old, &merged) {
		return nil
	}
	if err := w.checkMergedTotals(id, in, &merged); err != nil {
		return err
	}
	w.votesChanged[id] += votesChanged
	merged.Source = in.Source
	*old = merged
	w.idx.Add(old)
	return nil
}

// writeRollCalls writes the roll calls the import merged into, where
// their content changed since the start of the import, and counts the
// stored ones as updated or unchanged.
func (w *writer) writeRollCalls() error {
	ids := slices.Sorted(maps.Keys(w.orig))
	for _, id := range ids {
		orig, cur := w.orig[id], w.idx.Get(id)
		fields := merge.Changes(&orig, cur)
		changed := len(fields) > 0 || w.votesChanged[id] > 0
		claimed := claims(&orig, cur)
		if changed || claimed {
			if _, err := w.st.updRC.ExecContext(w.ctx, append(rollCallArgs(cur), w.importID, id)...); err != nil {
				return fmt.Errorf("updating %s: %w", cur.Label(), err)
			}
		}
		switch {
		case w.added[id]:
		case changed:
			w.rep.RollCalls.Updated++
			w.rep.Updates = append(w.rep.Updates, Update{RollCall: cur.Label(), Fields: fields, Votes: w.votesChanged[id], Source: cur.Source})
		default:
			w.rep.RollCalls.Unchanged++
			if claimed {
				w.claimed++
			}
		}
	}
	w.orig = map[int64]record.RollCall{}
	return nil
}

// checkMergedTotals warns when the votes a roll call holds once merged
// differ from its published totals: each source may agree with its own
// totals (the 2025 file lists 191 members, the February one 193), and
// only the merge shows that the counts no longer do.
func (w *writer) checkMergedTotals(id int64, in *ingest.RollCall, rc *record.RollCall) error {
	p := rc.Published
	if p == nil {
		return nil
	}
	if err := w.flush(); err != nil { // the votes just queued count too
		return err
	}
	have, err := w.storedVotes(id)
	if err != nil {
		return err
	}
	if len(have) == 0 {
		return nil
	}
	var c record.Totals
	for _, v := range have {
		c.Add(v)
	}
	// A published non-voting count of 0 is most often a column the source
	// lacks, so it is compared only when given.
	if c.Yes != p.Yes || c.No != p.No || c.Abstain != p.Abstain || p.NonVoting > 0 && c.NonVoting != p.NonVoting {
		w.warn(in, "%s: the votes now stored, %d–%d–%d with %d non-voting, differ from the published totals %d–%d–%d with %d non-voting",
			rc.Label(), c.Yes, c.No, c.Abstain, c.NonVoting, p.Yes, p.No, p.Abstain, p.NonVoting)
	}
	return nil
}

// mergeVotes adds and changes the votes of a stored roll call, counts and
// reports each, writes its ballot again when a vote changed, and returns
// how many it added or changed.
func (w *writer) mergeVotes(id int64, label string, votes []ingest.Cast) (changed int, err error) {
	if len(votes) == 0 {
		return 0, nil
	}
	have, err := w.storedVotes(id)
	if err != nil {
		return 0, err
	}
	for _, c := range votes {
		cid, ok := w.s.countryID[c.Country]
		if !ok {
			return 0, fmt.Errorf("country %s is not in the country table", c.Country)
		}
		switch ch, prev := merge.Vote(have, cid, c.Vote); ch {
		case merge.Added:
			if _, err := w.queueVote(id, c); err != nil {
				return 0, err
			}
			w.rep.Votes.Added++
			changed++
		case merge.Changed:
			if _, err := w.st.updVote.ExecContext(w.ctx, int(c.Vote), id, cid); err != nil {
				return 0, err
			}
			w.rep.Votes.Changed++
			w.rep.Differences = append(w.rep.Differences, Difference{RollCall: label, Country: c.Country, Old: prev, New: c.Vote})
			changed++
		default:
			w.rep.Votes.Unchanged++
		}
	}
	if changed > 0 {
		return changed, w.writeBallot(id, ballotOf(have))
	}
	return 0, nil
}

// storedVotes reads a stored roll call's votes, by country row id.
func (w *writer) storedVotes(id int64) (map[int64]record.Vote, error) {
	have := map[int64]record.Vote{}
	rows, err := w.st.selVotes.QueryContext(w.ctx, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var cid int64
		var v int
		if err := rows.Scan(&cid, &v); err != nil {
			return nil, err
		}
		have[cid] = record.Vote(v)
	}
	return have, rows.Err()
}

// claims reports whether an import takes over a built-in roll call it
// holds: the roll call loses its built-in mark, so that removing the
// built-in data keeps it.
func claims(old, cur *record.RollCall) bool {
	return old.Flags.Has(record.Sample) && !cur.Flags.Has(record.Sample)
}
