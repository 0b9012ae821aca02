package idealpoint

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
	"slices"

	"plenary/data/record"
)

// modelVersion changes whenever a change to the model or its defaults
// changes the numbers, so that cached results are recomputed.
const modelVersion = "idealpoint/1"

// Key names an estimation for a cache: a SHA-256 (hex) of everything the
// result depends on: the model version, the options (defaults filled in;
// Workers left out since it changes no number) and, for every selected
// roll call, the fields that place and bridge it and its votes. Two calls
// with the same key give the same result.
func Key(t *record.Table, rows []int, opt Options) string {
	opt = opt.withDefaults()
	h := sha256.New()
	str := func(s string) {
		num(h, uint64(len(s)))
		h.Write([]byte(s))
	}
	str(modelVersion)
	num(h, uint64(opt.By), math.Float64bits(opt.Drift), uint64(opt.MinVotes), uint64(opt.MinContested),
		math.Float64bits(opt.Tolerance), uint64(opt.MaxIter), boolBit(opt.NoBridge))
	str(opt.Anchor)
	for _, c := range t.Countries {
		str(c)
	}
	if rows == nil {
		rows = make([]int, len(t.RollCalls))
		for i := range rows {
			rows[i] = i
		}
	} else {
		rows = slices.Compact(slices.Sorted(slices.Values(rows)))
	}
	for _, r := range rows {
		if r < 0 || r >= len(t.RollCalls) {
			str("out of range")
			continue
		}
		rc := &t.RollCalls[r]
		str(string(rc.Body))
		str(rc.Date)
		str(rc.Session)
		str(rc.Title)
		str(rc.Description)
		num(h, uint64(rc.Flags))
		votes := make([]byte, len(t.Votes[r]))
		for c, v := range t.Votes[r] {
			votes[c] = byte(v)
		}
		str(string(votes))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// num writes fixed-width numbers, so that no two inputs share a key.
func num(h hash.Hash, xs ...uint64) {
	var b [8]byte
	for _, x := range xs {
		binary.LittleEndian.PutUint64(b[:], x)
		h.Write(b[:])
	}
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
