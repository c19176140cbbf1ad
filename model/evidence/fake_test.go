package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"chrono/model"
)

// fakeStore is an investigation in memory, as a Reader: the parts of the
// store contract an export reads.
type fakeStore struct {
	model.Reader // nil: an export must not call what is not below
	header       model.Header
	sources      []model.Source
	events       []model.Event
	snaps        map[string][]fakeSnap
	journal      []model.Entry // oldest first
	chain        *model.ChainReport
}

type fakeSnap struct {
	meta           model.Snapshot
	original, text string
}

var taken = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// attach adds a snapshot of text, or of original with its text; a hash
// given is kept as it is (a tampered snapshot), else computed.
func (f *fakeStore) attach(source, media, original, text, hash string) {
	if text == "" {
		text = original
	}
	if hash == "" {
		sum := sha256.Sum256([]byte(original))
		hash = hex.EncodeToString(sum[:])
	}
	if f.snaps == nil {
		f.snaps = map[string][]fakeSnap{}
	}
	n := len(f.snaps[source]) + 1
	f.snaps[source] = append(f.snaps[source], fakeSnap{
		meta:     model.Snapshot{Source: source, N: n, SHA256: hash, Size: int64(len(original)), MediaType: media, Taken: taken.Add(time.Duration(n) * time.Hour), Origin: fmt.Sprintf("%s-%d.txt", source, n), TextSize: int64(len(text))},
		original: original, text: text,
	})
}

// refs is every snapshot attached, as a journal entry records keeping it.
func (f *fakeStore) refs() []model.SnapshotRef {
	var out []model.SnapshotRef
	for _, source := range []string{"herald", "wire", "ledger", "src"} {
		for _, sn := range f.snaps[source] {
			out = append(out, model.SnapshotRef{Source: source, N: sn.meta.N, SHA256: sn.meta.SHA256, TextSHA256: sn.meta.TextSHA256})
		}
	}
	return out
}

func (f *fakeStore) Version() (string, error)         { return "1", nil }
func (f *fakeStore) Header() (model.Header, error)    { return f.header, nil }
func (f *fakeStore) Sources() ([]model.Source, error) { return f.sources, nil }
func (f *fakeStore) Events(model.Query) iter.Seq2[model.Event, error] {
	return func(yield func(model.Event, error) bool) {
		for _, e := range f.events {
			if !yield(e, nil) {
				return
			}
		}
	}
}
func (f *fakeStore) Snapshots(id string) ([]model.Snapshot, error) {
	var out []model.Snapshot
	for _, s := range f.snaps[id] {
		out = append(out, s.meta)
	}
	return out, nil
}
func (f *fakeStore) snap(id string, n int) (fakeSnap, error) {
	for _, s := range f.snaps[id] {
		if s.meta.N == n {
			return s, nil
		}
	}
	return fakeSnap{}, fmt.Errorf("snapshot %d of %q: %w", n, id, model.ErrNotFound)
}
func (f *fakeStore) SnapshotText(id string, n int) (io.ReadCloser, error) {
	s, err := f.snap(id, n)
	return io.NopCloser(strings.NewReader(s.text)), err
}
func (f *fakeStore) SnapshotOriginal(id string, n int) (io.ReadCloser, error) {
	s, err := f.snap(id, n)
	return io.NopCloser(strings.NewReader(s.original)), err
}
func (f *fakeStore) Journal(model.JournalQuery) ([]model.Entry, error) {
	out := append([]model.Entry(nil), f.journal...)
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// chained is a fakeStore that keeps a hash chain.
type chained struct{ *fakeStore }

func (c chained) VerifyJournal() (model.ChainReport, error) { return *c.chain, nil }
