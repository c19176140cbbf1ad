// Package modeltest holds what the format packages' tests share: the
// example investigation, and reading a document as an import does.
package modeltest

import (
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"chrono/model"
	"chrono/model/native"

	"github.com/charmbracelet/x/exp/golden"
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

// Seq yields events one by one, as a store's reads do, for the format
// writers, which take a stream so that an export of any size never holds
// the whole investigation.
func Seq(events []model.Event) iter.Seq2[model.Event, error] {
	return func(yield func(model.Event, error) bool) {
		for _, e := range events {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// Padded returns a reader of before, then n copies of the byte c, then
// after: a document with one huge value, without holding it in memory.
func Padded(before string, c byte, n int64, after string) io.Reader {
	return io.MultiReader(strings.NewReader(before), io.LimitReader(repeat(c), n), strings.NewReader(after))
}

// Endless is a reader of a document's beginning, then one byte without
// end, that counts what is read from it: a reader given a record that
// never ends must give up having read no more than the limit allows.
type Endless struct {
	r io.Reader
	N int64 // bytes read so far
}

// NewEndless returns a reader of before, then c without end.
func NewEndless(before string, c byte) *Endless {
	return &Endless{r: io.MultiReader(strings.NewReader(before), repeat(c))}
}

// Read implements io.Reader.
func (e *Endless) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.N += int64(n)
	return n, err
}

// MaxOverRecord is how far past the start of a record too large a reader
// may have read when it refuses it: model.MaxRecordBytes and what its
// decoder and buffers read ahead.
const MaxOverRecord = model.MaxRecordBytes + 2<<20

// repeat is an endless reader of one byte.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TerminalControl returns the index in s of the first byte a terminal
// could act on, or -1: C0 controls but newline (and tab, when tabs is
// set), DEL, C1 controls, bidirectional embeddings, overrides and
// isolates, line and paragraph separators, and bytes that are not UTF-8.
// It is the list of what must never reach a terminal written out on its own, so that tests of the
// sanitizer do not check it against itself.
func TerminalControl(s string, tabs bool) int {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		case r == '\n', r == '\t' && tabs:
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
			return i
		}
	}
	return -1
}

// GoldenFile compares out with testdata/name.golden: a golden file named
// for what it holds, which tests of several formats share, rather than
// for the test.
func GoldenFile[T []byte | string](t testing.TB, name string, out T) {
	t.Helper()
	golden.RequireEqual(namedTB{t, name}, out)
}

// namedTB is t under another name, which golden files take theirs from.
type namedTB struct {
	testing.TB
	name string
}

func (n namedTB) Name() string { return n.name }

// FieldRecorder is a model.FieldSink that keeps the events, and the
// fields each one's record carried, for a reader's tests to check what
// it says it carries.
type FieldRecorder struct {
	model.Collect
	Present []model.FieldSet
}

// EventFields keeps e and the fields its record carried.
func (r *FieldRecorder) EventFields(e model.Event, n int, present model.FieldSet) error {
	r.Present = append(r.Present, present)
	return r.Event(e, n)
}

// Told is a model.Sink that keeps the events, and what their reader told
// of each before sending it: where it begins (model.Locator) and whether
// its id was made (model.MadeIDs), for a reader's tests to check both.
// It keeps the problems reported too (model.Reporter), so that the read
// goes on past them.
type Told struct {
	model.Collect
	At       []model.Place // in step with Timeline.Events
	Made     []bool        // in step with Timeline.Events
	Problems []model.Problem
	at, made int // the events told of last
	place    model.Place
}

// Report implements model.Reporter.
func (t *Told) Report(p model.Problem) { t.Problems = append(t.Problems, p) }

// EventAt implements model.Locator.
func (t *Told) EventAt(n int, at model.Place) { t.at, t.place = n, at }

// MadeID implements model.MadeIDs.
func (t *Told) MadeID(n int) { t.made = n }

// Event keeps e with what was told of it.
func (t *Told) Event(e model.Event, n int) error {
	var at model.Place
	if t.at == n {
		at = t.place
	}
	t.At, t.Made = append(t.At, at), append(t.Made, t.made == n)
	return t.Collect.Event(e, n)
}
