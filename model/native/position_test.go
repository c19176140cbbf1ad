package native

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"chrono/model"
)

// TestPositionAcrossWindows checks every place the reader still
// remembers against one counted on the whole input, as the windows turn:
// lines of every length, and characters of several bytes split between
// the two windows.
func TestPositionAcrossWindows(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var in []byte
	for len(in) < 3*windowSize {
		switch rng.IntN(6) {
		case 0:
			in = append(in, '\n')
		case 1:
			in = append(in, "é€😀"...)
		case 2:
			in = append(in, bytes.Repeat([]byte("x"), rng.IntN(windowSize/2))...)
		default:
			in = append(in, "abc"...)
		}
	}
	want := func(off int64) model.Place {
		before := in[:off]
		line := bytes.Count(before, []byte{'\n'}) + 1
		start := bytes.LastIndexByte(before, '\n') + 1
		return model.Place{Line: line, Column: utf8.RuneCount(before[start:]) + 1}
	}
	p := newPositionReader(bytes.NewReader(in))
	buf := make([]byte, 4093)
	for {
		n, err := p.Read(buf)
		if n == 0 && err != nil {
			break
		}
		for range 4 {
			off := p.prevAt + rng.Int64N(p.offset-p.prevAt+1)
			got := p.position(off)
			w := want(off)
			start := int64(bytes.LastIndexByte(in[:off], '\n') + 1)
			if start < p.prevAt {
				w.Column = 0 // the line began before the remembered bytes
			}
			if got != w {
				t.Fatalf("position(%d) = %+v, want %+v", off, got, w)
			}
		}
	}
}
