package builtin

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"plenary/data/record"
)

// invented is a small history with every kind of value the format holds:
// both bodies, every vote, empty and non-empty fields, published totals
// present and absent, topics, flags and positions.
func invented() *Data {
	return &Data{
		Dataset:   "invented",
		Files:     []record.ImportFile{{Name: "votes.csv", Size: 1234, SHA256: strings.Repeat("ab", 32)}},
		Countries: []string{"AAA", "BBB", "CCC"},
		RollCalls: []record.RollCall{
			{Body: record.GA, Symbol: "A/RES/1/1", Date: "1946-01-24", Session: "1", Title: "Atomic energy", Description: "A commission",
				Topics: []string{"Nuclear weapons and nuclear material", "Arms control and disarmament"}, Flags: record.Important,
				Published: &record.Totals{Yes: 2, No: 1}, Source: "a dataset", Link: "https://example.org/1", RCID: 7},
			{Body: record.SC, Symbol: "S/RES/2774 (2025)", Date: "2025-02-24", Draft: "S/2025/1", Meeting: "S/PV.1",
				Flags: record.Amendment | record.Paragraph, UNDLID: 4076672},
			{Body: record.GA, Date: "1950-05-05"},
		},
		Votes: [][]record.Vote{
			{record.Yes, record.No, record.Yes},
			{record.Abstain, record.None, record.NonVoting},
			{record.None, record.None, record.None},
		},
		Positions: []record.Position{{Country: "BBB", Date: "2025-02-24", Topic: "Ukraine", Stance: record.Opposes, Summary: "said no", Quote: "no", Source: "https://example.org"}},
	}
}

func encode(t testing.TB, d *Data) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRoundTrip(t *testing.T) {
	d := invented()
	raw := encode(t, d)
	got, err := DecodeBytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("decoded\n%+v\nwant\n%+v", got, d)
	}
	if again := encode(t, got); !bytes.Equal(again, raw) {
		t.Error("encoding the decoded data gives other bytes")
	}
}

// TestVotePacking checks the 3-bit cells across byte boundaries: every vote
// at every offset of a byte comes back.
func TestVotePacking(t *testing.T) {
	votes := []record.Vote{record.None, record.Yes, record.Abstain, record.No, record.NonVoting}
	d := &Data{}
	for i := 0; i < 11; i++ {
		d.Countries = append(d.Countries, string(rune('A'+i))+"XX")
	}
	for r := 0; r < 13; r++ {
		row := make([]record.Vote, len(d.Countries))
		for c := range row {
			row[c] = votes[(r*7+c*3)%len(votes)]
		}
		d.RollCalls = append(d.RollCalls, record.RollCall{Body: record.GA})
		d.Votes = append(d.Votes, row)
	}
	got, err := DecodeBytes(encode(t, d))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Votes, d.Votes) {
		t.Errorf("votes\n%v\nwant\n%v", got.Votes, d.Votes)
	}
}

func TestEncodeRefuses(t *testing.T) {
	for name, change := range map[string]func(*Data){
		"unknown body":   func(d *Data) { d.RollCalls[0].Body = "XX" },
		"unknown vote":   func(d *Data) { d.Votes[0][1] = 5 },
		"ragged votes":   func(d *Data) { d.Votes[1] = d.Votes[1][:2] },
		"missing row":    func(d *Data) { d.Votes = d.Votes[:2] },
		"negative total": func(d *Data) { d.RollCalls[0].Published.No = -1 },
	} {
		d := invented()
		change(d)
		if err := Encode(&bytes.Buffer{}, d); err == nil {
			t.Errorf("%s: encoded", name)
		}
	}
}

// TestDecodeDamage cuts and flips the bytes of a valid file: every damage
// must give an error (gzip's CRC catches flipped bits), never a panic.
func TestDecodeDamage(t *testing.T) {
	raw := encode(t, invented())
	for n := 0; n < len(raw); n++ {
		if _, err := DecodeBytes(raw[:n]); err == nil {
			t.Errorf("cut to %d of %d bytes: no error", n, len(raw))
		}
	}
	for i := len(Magic); i < len(raw); i++ {
		b := bytes.Clone(raw)
		b[i] ^= 0x10
		if d, err := DecodeBytes(b); err == nil && !reflect.DeepEqual(d, invented()) {
			t.Errorf("byte %d flipped: decoded other data without an error", i)
		}
	}
	if _, err := DecodeBytes(append(bytes.Clone(raw), raw...)); err == nil {
		t.Error("two files one after the other: no error")
	}
}

// TestDecodeBounds gives payloads that announce more than they hold.
func TestDecodeBounds(t *testing.T) {
	for name, payload := range map[string][]byte{
		"huge string":      {0xff, 0xff, 0xff, 0x7f},
		"many files":       {0, 0xff, 0xff, 0x7f},
		"many roll calls":  {0, 0, 0, 0xff, 0xff, 0x7f},
		"too many columns": append([]byte{0, 0}, 0xe9, 0x07),
	} {
		if _, err := decodePayload(payload); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(encode(f, invented()))
	f.Add(encode(f, &Data{}))
	f.Add([]byte(Magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := DecodeBytes(b)
		if err != nil {
			return
		}
		// What decodes must encode and decode to the same data.
		again, err := DecodeBytes(encode(t, d))
		if err != nil {
			t.Fatalf("re-encoded data does not decode: %v", err)
		}
		if !reflect.DeepEqual(again, d) {
			t.Fatal("re-encoded data decodes differently")
		}
	})
}
