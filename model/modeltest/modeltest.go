// Package modeltest holds what the format packages' tests share: the
// example investigation, and reading a document as an import does.
package modeltest

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/native"
)

// Example returns the example investigation, timeline.example.json at the
// top of the repository, read and checked as an import would.
func Example(t testing.TB) model.Timeline {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	f, err := os.Open(filepath.Join(filepath.Dir(here), "..", "..", "timeline.example.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tl, err := Read(native.Read, f)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// Read reads a document through a Checker, as an import does, and returns
// what passed, or every problem found.
func Read(read func(io.Reader, model.Sink) error, r io.Reader) (model.Timeline, error) {
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	err := read(r, chk)
	if err == nil {
		err = chk.Done()
	}
	return c.Timeline, err
}

// ReadFormat is Read for a format reader that counts its losses.
func ReadFormat(read func(io.Reader, model.Sink, *model.Losses) error, doc string) (model.Timeline, *model.Losses, error) {
	var losses model.Losses
	tl, err := Read(func(r io.Reader, sink model.Sink) error { return read(r, sink, &losses) }, strings.NewReader(doc))
	return tl, &losses, err
}

// Padded returns a reader of before, then n copies of the byte c, then
// after: a document with one huge value, without holding it in memory.
func Padded(before string, c byte, n int64, after string) io.Reader {
	return io.MultiReader(strings.NewReader(before), io.LimitReader(repeat(c), n), strings.NewReader(after))
}

// repeat is an endless reader of one byte.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}
