package data

import (
	"context"
	"fmt"
	"time"

	"plenary/data/ingest"
	"plenary/data/record"
)

// minStreamRun is the fewest consecutive rows of one roll call that are
// written while the file is still being read. A file sorted by country has
// runs of one row: writing them as they come would put most votes in the
// middle of the table, which is slower than writing them at the end.
const minStreamRun = 8

// testStreamed, when a test sets it, is called after each source of a
// streamed import is read, before its roll calls are stored.
var testStreamed func(*writer)

// streamedRollCall is a roll call whose votes were written while its file
// was read: its id, given before the roll call itself is stored, and the
// vote written for each country row id (record.None for none).
type streamedRollCall struct {
	id   int64
	sent []record.Vote
}

// stream reads a source and, on this goroutine, writes its votes while
// another goroutine reads: on a large file the reading then costs almost
// nothing. Only the first run of rows of a roll call that is surely new
// (no stored roll call has its id in the source, Library record or symbol)
// is written, up to the first roll call whose first run is short;
// everything else waits for apply, which also stores the roll calls
// themselves, adds what later runs brought, and writes the ballots.
// A parse error is returned as it is; nothing is committed either way.
func (w *writer) stream(src ingest.Source, m *ingest.Meter) (*ingest.Batch, error) {
	ctx, cancel := context.WithCancel(w.stop)
	defer cancel()
	// Room for a few tens of thousands of votes: the end of a file sorted by
	// country gives nothing to write until it is read, and the writing
	// catches up meanwhile.
	out := make(chan []any, 256)
	// Written rows go back to the reader to be filled again: a large file
	// would otherwise make tens of megabytes of garbage.
	free := make(chan []any, 32)
	size := int64(0)
	for _, id := range w.s.countryID {
		size = max(size, id+1)
	}
	k := &voteSink{w: w, out: out, free: free, nextID: w.nextID, size: size,
		ids: map[*ingest.RollCall]int64{}, streamed: map[*ingest.RollCall]*streamedRollCall{}}
	var b *ingest.Batch
	var perr error
	go func() {
		defer close(out)
		b, perr = ingest.ParseStream(ctx, src, m, k.run)
		if perr == nil && len(k.rows) > 0 {
			out <- k.rows
		}
	}()
	w.prog.meter = m
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var werr error
	for open := true; open; {
		select {
		case rows, ok := <-out:
			if !ok {
				open = false
				break
			}
			// After a failure, keep taking rows so that the reader, which
			// stops at the cancelled context, is never left blocked.
			if werr == nil {
				if werr = w.votes.exec(rows); werr != nil {
					cancel()
				}
			}
			select {
			case free <- rows[:0]:
			default:
			}
		case <-tick.C:
			w.prog.reading()
		}
	}
	// out is closed: the reading goroutine has set b and perr.
	if werr != nil {
		return nil, w.s.writeErr(werr)
	}
	if perr != nil {
		return nil, perr
	}
	w.prog.reading()
	w.nextID, w.ids, w.streamed = k.nextID, k.ids, k.streamed
	return b, nil
}

// voteSink turns the runs of rows the parser hands over into vote rows for
// the writing goroutine. It runs on the reading goroutine, and reads the
// writer's indexes, which nothing changes while a source is read.
type voteSink struct {
	w      *writer
	out    chan<- []any
	free   <-chan []any
	rows   []any
	nextID int64
	size   int64 // country row ids are below it
	// ids are the ids given to every roll call met so far, in the order met,
	// which is the order of the batch (see ingest.ParseStream); streamed
	// are those whose votes were written.
	ids      map[*ingest.RollCall]int64
	streamed map[*ingest.RollCall]*streamedRollCall
	stopped  bool // a roll call was held back: nothing more is streamed
}

// run takes a run of rows of one roll call (see ingest.ParseStream).
func (k *voteSink) run(rc *ingest.RollCall, votes []ingest.Cast) {
	if _, ok := k.ids[rc]; ok {
		return // a later run: apply adds it
	}
	k.ids[rc] = k.nextID
	k.nextID++
	if len(votes) < minStreamRun {
		// Its votes wait for apply. Later roll calls have larger ids:
		// streaming them now would leave its votes to be written in the
		// middle of the table instead of at its end.
		k.stopped = true
	}
	if k.stopped || !k.w.surelyNew(rc) {
		return
	}
	sent := make([]record.Vote, k.size)
	for _, c := range votes {
		cid, ok := k.w.s.countryID[c.Country]
		if !ok || cid < 0 || cid >= k.size {
			return // apply reports it
		}
		sent[cid] = c.Vote // a country listed twice: the later vote, as the batch keeps
	}
	st := &streamedRollCall{id: k.ids[rc], sent: sent}
	k.streamed[rc] = st
	id := any(st.id) // boxed once for all its rows
	for cid, v := range sent {
		if v == record.None {
			continue
		}
		if k.rows == nil {
			select {
			case k.rows = <-k.free:
			default:
				k.rows = make([]any, 0, 3*votesPerInsert)
			}
		}
		k.rows = append(k.rows, id, int64(cid), int64(v))
		if len(k.rows) == 3*votesPerInsert {
			k.out <- k.rows
			k.rows = nil
		}
	}
}

// surelyNew reports whether no roll call stored before this source was
// read can be the same as rc: none has its id in the source, its Library
// record or its symbol. apply checks it again with the roll call complete.
func (w *writer) surelyNew(rc *ingest.RollCall) bool { return !w.idx.MayHold(&rc.RollCall) }

// insertStreamed stores a roll call whose first votes were written while
// its file was read, and the votes that came later.
func (w *writer) insertStreamed(in *ingest.RollCall, st *streamedRollCall) error {
	if _, err := w.insertRollCall(in, st.id); err != nil {
		return err
	}
	ballot := w.ballot[:0]
	for _, c := range in.Votes {
		cid, ok := w.s.countryID[c.Country]
		if !ok || cid < 0 || cid >= int64(len(st.sent)) {
			return fmt.Errorf("country %s is not in the country table", c.Country)
		}
		switch prev := st.sent[cid]; {
		case prev == record.None:
			if _, err := w.queueVote(st.id, c); err != nil {
				return err
			}
		case prev != c.Vote:
			if _, err := w.st.updVote.ExecContext(w.ctx, int(c.Vote), st.id, cid); err != nil {
				return err
			}
		}
		st.sent[cid] = record.None
		ballot = append(ballot, ballotVote{cid, c.Vote})
		w.rep.Votes.Added++
	}
	w.ballot = ballot
	for _, v := range st.sent {
		if v != record.None {
			return errRestart // a vote was written that the roll call does not have
		}
	}
	return w.writeBallot(st.id, ballot)
}
