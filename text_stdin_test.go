package main

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestTextOnStdinTooLong: a note or quote too long for chrono, given on
// standard input, is refused saying so of standard input, with its size
// when it is known. It was refused as a field of a file ("is this the
// right column"), its size told as one byte over the cap whatever it was.
func TestTextOnStdinTooLong(t *testing.T) {
	db := exampleDB(t)
	for _, tt := range []struct {
		n    int
		says string
	}{
		{model.MaxTextBytes + 10, "standard input holds 1,048,586 bytes; a quote or note holds at most 1,048,576 bytes"},
		{3 * model.MaxTextBytes, "standard input holds more than 2,097,152 bytes; a quote or note holds at most 1,048,576 bytes"},
	} {
		r := chrono(t, db, strings.Repeat("a", tt.n), "note", "fbi-tip", "-")
		if r.code != exitFailure || !strings.Contains(r.stderr, tt.says) {
			t.Errorf("%d bytes: exit %d, %q; want %q", tt.n, r.code, r.stderr, tt.says)
		}
	}
	// More than was read, however short once its line ends are LF, is
	// refused: what follows what was read would be lost.
	cut := "x" + strings.Repeat("\r\n", model.MaxTextBytes+1) + "TAIL"
	if r := chrono(t, db, cut, "note", "fbi-tip", "-"); r.code != exitFailure || !strings.Contains(r.stderr, "standard input holds more than") {
		t.Errorf("a text read in part: exit %d, %q", r.code, r.stderr)
	}
	// Line ends given as CRLF count as LF: a text within the cap once
	// they are is taken.
	within := strings.Repeat("abc\r\n", model.MaxTextBytes/4)
	if r := chrono(t, db, within, "note", "fbi-tip", "-"); r.code != 0 {
		t.Errorf("%d bytes of CRLF text within the cap as LF: exit %d, %q", len(within), r.code, r.stderr)
	}
}
