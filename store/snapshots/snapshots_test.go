package snapshots

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"

	"chrono/model"
)

var errDamaged = errors.New("damaged")

// memory keeps pieces as a store would, by part and number.
type memory map[Part][][]byte

func (m memory) write(t *testing.T, part Part, data []byte) (Record, int) {
	t.Helper()
	pieces, size, sum, err := Write(bytes.NewReader(data), func(i int, piece []byte) error {
		if i != len(m[part]) {
			t.Fatalf("piece %d handed after %d pieces", i, len(m[part]))
		}
		if len(piece) > PieceSize {
			t.Fatalf("piece %d of %d bytes, more than %d", i, len(piece), PieceSize)
		}
		m[part] = append(m[part], piece)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if size != int64(len(data)) || len(sum) != 64 {
		t.Fatalf("size %d, sum %q for %d bytes", size, sum, len(data))
	}
	return Record{Snapshot: model.Snapshot{Source: "wapo", N: 2, Size: size, SHA256: sum}}, pieces
}

func (m memory) get(part Part, i int) ([]byte, error) {
	if i >= len(m[part]) {
		return nil, errors.New("no such piece")
	}
	return m[part][i], nil
}

func damaged(msg string) error { return errors.Join(errors.New(msg), errDamaged) }

func readAll(t *testing.T, r Record, part Part, m memory) ([]byte, error) {
	t.Helper()
	rc, err := Open(r, part, m.get, damaged)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func TestStreamsComeBackAsWritten(t *testing.T) {
	// Random bytes do not deflate: several pieces.
	noise := make([]byte, 3*PieceSize+17)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	for _, tc := range []struct {
		name           string
		original, text []byte
	}{
		{"empty", nil, nil},
		{"text only once", []byte("bags of cash"), nil},
		{"original and text", []byte("<p>bags of <b>cash</b></p>"), []byte("bags of cash")},
		{"several pieces", noise, []byte("noise")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := memory{}
			r, pieces := m.write(t, Original, tc.original)
			r.Original = pieces
			if tc.text == nil {
				r.SameText = true
			} else {
				_, r.Text = m.write(t, Text, tc.text)
			}
			if len(tc.original) > PieceSize && pieces < 2 {
				t.Errorf("%d bytes in %d piece", len(tc.original), pieces)
			}
			got, err := readAll(t, r, Original, m)
			if err != nil || !bytes.Equal(got, tc.original) {
				t.Errorf("original: %d bytes, %v; want %d bytes", len(got), err, len(tc.original))
			}
			want := tc.text
			if want == nil {
				want = tc.original
			}
			got, err = readAll(t, r, Text, m)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("text: %q, %v; want %q", got, err, want)
			}
		})
	}
}

func TestDamagedPiecesAreNamed(t *testing.T) {
	m := memory{}
	r, pieces := m.write(t, Original, bytes.Repeat([]byte("We drop bags of cash at your office. "), 1000))
	r.Original, r.SameText = pieces, true
	for _, tc := range []struct {
		name  string
		alter func(memory)
	}{
		{"a flipped byte", func(m memory) { m[Original][0][5] ^= 0xFF }},
		{"cut short", func(m memory) { m[Original][0] = m[Original][0][:len(m[Original][0])/2] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := memory{Original: [][]byte{bytes.Clone(m[Original][0])}}
			tc.alter(bad)
			_, err := readAll(t, r, Original, bad)
			if !errors.Is(err, errDamaged) || !bytes.Contains([]byte(err.Error()), []byte(`snapshot 2 of source "wapo"`)) {
				t.Errorf("got %v; want a damaged error naming the snapshot", err)
			}
		})
	}
}

func TestWithdrawnIsNotRead(t *testing.T) {
	r := Record{Snapshot: model.Snapshot{Source: "wapo", N: 1}}
	if err := r.Withdraw(false); err == nil {
		t.Error("a kept snapshot was kept again")
	}
	if err := r.Withdraw(true); err != nil {
		t.Fatal(err)
	}
	if err := r.Withdraw(true); err == nil {
		t.Error("a withdrawn snapshot was withdrawn again")
	}
	if !r.Ref().Withdrawn {
		t.Error("the journal's reference does not say it is withdrawn")
	}
	if _, err := Open(r, Text, memory{}.get, damaged); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a withdrawn snapshot opened: %v", err)
	}
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		asked, last, want int
		refused           bool
	}{
		{asked: 0, last: 0, want: 1},
		{asked: 0, last: 3, want: 4},
		{asked: 5, last: 3, want: 5},
		{asked: 3, last: 3, refused: true},
		{asked: 2, last: 3, refused: true},
	} {
		s := model.Snapshot{Source: "wapo", N: tc.asked}
		err := Number(&s, tc.last)
		if (err != nil) != tc.refused || (!tc.refused && s.N != tc.want) {
			t.Errorf("asked %d after %d: got %d, %v", tc.asked, tc.last, s.N, err)
		}
	}
}
