package timelinejs

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"chrono/model"
)

// TestPosition checks line and column against a count from the start of
// the input, after enough input has gone by that the reader has forgotten
// the start of it, in the middle of a line of many-byte characters.
func TestPosition(t *testing.T) {
	var lines strings.Builder
	for i := 0; lines.Len() < 3*keepBytes; i++ {
		fmt.Fprintf(&lines, "line %d: %s\n", i, strings.Repeat("é€", i%700))
	}
	inputs := map[string]string{
		"many lines":    lines.String(),
		"one long line": "first\n" + strings.Repeat("aé", keepBytes) + "\nlast",
	}
	for name, input := range inputs {
		t.Run(name, func(t *testing.T) {
			p := newPositionReader(iotest.HalfReader(strings.NewReader(input)))
			if _, err := io.Copy(io.Discard, p); err != nil {
				t.Fatal(err)
			}
			if p.start == 0 {
				t.Fatal("the reader kept everything; the test needs it to forget")
			}
			naive := func(off int) model.Place {
				before := input[:off]
				line := strings.Count(before, "\n") + 1
				col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
				return model.Place{Line: line, Column: col}
			}
			for _, off := range []int{int(p.start), int(p.start) + 1, len(input) - 5000, len(input) - 1, len(input)} {
				for off < len(input) && !utf8.RuneStart(input[off]) {
					off++
				}
				if got, want := p.position(int64(off)), naive(off); got != want {
					t.Errorf("offset %d: %+v, want %+v", off, got, want)
				}
			}
			if got := p.position(0); got != (model.Place{Byte: 1}) {
				t.Errorf("forgotten offset: %+v, want byte 1", got)
			}
		})
	}
}
