package timesketch

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// readLines returns every line of r as lines splits it, and the error
// that ended it.
func readLines(r io.Reader) ([]string, error) {
	in := newLines(r)
	var got []string
	for {
		line, err := in.next()
		if errors.Is(err, errNeedMore) {
			in.fill()
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return got, err
		}
		got = append(got, string(line))
		if err != nil {
			return got, nil
		}
	}
}

// TestLines checks that lines are split as they were read, whatever the
// reads bring: the last one without its newline, and one longer than the
// buffer whole.
func TestLines(t *testing.T) {
	long := strings.Repeat("x", 300<<10)
	doc := "a\n\nbc\r\n" + long + "\nlast"
	want := []string{"a\n", "\n", "bc\r\n", long + "\n", "last"}
	readers := map[string]io.Reader{
		"whole":   strings.NewReader(doc),
		"onebyte": iotest.OneByteReader(strings.NewReader(doc)),
		"half":    iotest.HalfReader(strings.NewReader(doc)),
		"dataerr": iotest.DataErrReader(strings.NewReader(doc)),
	}
	for name, r := range readers {
		got, err := readLines(r)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%s: %d lines, %v; want %d", name, len(got), err, len(want))
		}
	}
	if got, err := readLines(strings.NewReader("a\n")); err != nil || !slices.Equal(got, []string{"a\n", ""}) {
		t.Errorf("a file ending in a newline: %q, %v", got, err)
	}
}

// TestLinesErrors checks that the lines read before an error come first,
// and that a reader that gives nothing is given up on.
func TestLinesErrors(t *testing.T) {
	broken := errors.New("broken")
	got, err := readLines(io.MultiReader(strings.NewReader("a\nb"), iotest.ErrReader(broken)))
	if !errors.Is(err, broken) || !slices.Equal(got, []string{"a\n"}) {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := readLines(empty{}); !errors.Is(err, io.ErrNoProgress) {
		t.Errorf("a reader that gives nothing: %v", err)
	}
}

type empty struct{}

func (empty) Read([]byte) (int, error) { return 0, nil }

// TestLinesTooLong checks the bound on a line: maxRecord bytes with the
// newline, or without one at the end.
func TestLinesTooLong(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MiB")
	}
	fits := strings.Repeat("x", maxRecord-1)
	for _, tt := range []struct {
		doc  string
		long bool
	}{
		{fits + "\n", false},
		{fits + "x", false},
		{fits + "x\n", true},
		{fits + "xx", true},
	} {
		_, err := readLines(strings.NewReader(tt.doc))
		if long := errors.Is(err, errLineTooLong); long != tt.long || !long && err != nil {
			t.Errorf("a line of %d bytes: %v", len(tt.doc), err)
		}
	}
}
