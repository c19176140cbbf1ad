package storetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// History gives st, seeded, a history of every kind that a restore must
// carry: tags, a note, a link, a snapshot, an event in the trash.
func History(t testing.TB, st model.Store) {
	t.Helper()
	ids := IDs(AllEvents(t, st))
	writes := []struct {
		op model.Op
		fn func(tx model.Tx) error
	}{
		{model.OpTag, func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags(ids[:2], []string{"restored"}, nil))
			return err
		}},
		{model.OpNote, func(tx model.Tx) error {
			_, err := model.AddNoteTo(tx, ids[0], model.Note{Text: "checked against the filing", Author: tx.Author(), At: tx.Now()})
			return err
		}},
		{model.OpLink, func(tx model.Tx) error {
			_, err := model.LinkEvents(tx, ids[2], model.Supports, ids[3])
			return err
		}},
		{model.OpSnapshot, func(tx model.Tx) error {
			snap := model.Snapshot{Source: "wapo", MediaType: model.MediaHTML, Taken: time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC), Origin: "page.html"}
			return tx.PutSnapshot(&snap, strings.NewReader("<p>bags of cash</p>"), strings.NewReader("bags of cash"))
		}},
		{model.OpDelete, func(tx model.Tx) error {
			_, err := model.DeleteEvents(tx, ids[len(ids)-1:])
			return err
		}},
	}
	for _, w := range writes {
		if _, err := st.Write(w.op, string(w.op), w.fn); err != nil {
			t.Fatalf("%s: %v", w.op, err)
		}
		if w.op == model.OpSnapshot {
			// A second snapshot, attached and undone: withdrawn, its
			// bytes kept for a redo.
			if _, err := st.Write(w.op, string(w.op), func(tx model.Tx) error {
				snap := model.Snapshot{Source: "wapo", MediaType: model.MediaHTML, Taken: time.Date(2026, 5, 2, 9, 30, 0, 0, time.UTC), Origin: "page2.html"}
				return tx.PutSnapshot(&snap, strings.NewReader("<p>no cash</p>"), strings.NewReader("no cash"))
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := model.Undo(st); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// Everything is all a store says of an investigation and its history,
// for a restore's copy to be compared with what it came from: the
// journal's entries without their hashes, which are each store's own.
type Everything struct {
	Header    model.Header
	Sources   []model.Source
	Events    []model.Event
	Facets    map[model.FacetKind][]model.Facet
	Trash     []model.Trashed
	Journal   []model.Entry
	Snapshots map[string][]model.Snapshot
	Withdrawn map[string][]model.Snapshot // when the store is a model.WithdrawnReader
	Bytes     map[string]string           // "source/n original|text" → bytes
}

// ReadEverything reads Everything of st.
func ReadEverything(t testing.TB, st model.Reader) Everything {
	t.Helper()
	var e Everything
	var err error
	if e.Header, err = st.Header(); err != nil {
		t.Fatal(err)
	}
	if e.Sources, err = st.Sources(); err != nil {
		t.Fatal(err)
	}
	e.Events = AllEvents(t, st)
	e.Facets = map[model.FacetKind][]model.Facet{}
	for _, kind := range []model.FacetKind{model.FacetTags, model.FacetActors, model.FacetStatuses, model.FacetSources} {
		if e.Facets[kind], err = st.Facets(kind); err != nil {
			t.Fatal(err)
		}
	}
	if e.Trash, err = st.Trash(); err != nil {
		t.Fatal(err)
	}
	for i := range e.Trash {
		e.Trash[i].At = e.Trash[i].At.UTC()
	}
	if e.Journal, err = st.Journal(model.JournalQuery{}); err != nil {
		t.Fatal(err)
	}
	for i := range e.Journal {
		e.Journal[i].Hash, e.Journal[i].Prev = "", ""
		e.Journal[i].At = e.Journal[i].At.UTC()
	}
	e.Snapshots, e.Withdrawn, e.Bytes = map[string][]model.Snapshot{}, map[string][]model.Snapshot{}, map[string]string{}
	for _, src := range e.Sources {
		e.readSnapshots(t, src.ID, st.Snapshots, st.SnapshotOriginal, st.SnapshotText, e.Snapshots)
		if w, ok := st.(model.WithdrawnReader); ok {
			e.readSnapshots(t, src.ID, w.WithdrawnSnapshots, w.WithdrawnSnapshotOriginal, w.WithdrawnSnapshotText, e.Withdrawn)
		}
	}
	return e
}

// readSnapshots reads a source's snapshots (kept or withdrawn) and their
// bytes into e.
func (e *Everything) readSnapshots(t testing.TB, source string, list func(string) ([]model.Snapshot, error), original, text func(string, int) (io.ReadCloser, error), into map[string][]model.Snapshot) {
	t.Helper()
	snaps, err := list(source)
	if err != nil {
		t.Fatal(err)
	}
	for i, snap := range snaps {
		snaps[i].Taken = snap.Taken.UTC()
		for part, open := range map[string]func(string, int) (io.ReadCloser, error){"original": original, "text": text} {
			r, err := open(source, snap.N)
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			e.Bytes[source+"/"+string(rune('0'+snap.N))+" "+part] = string(b)
		}
	}
	if len(snaps) > 0 {
		into[source] = snaps
	}
}

// CompareEverything fails t where got differs from want, field by
// field.
func CompareEverything(t testing.TB, want, got Everything) {
	t.Helper()
	w, g := reflect.ValueOf(want), reflect.ValueOf(got)
	for i := range w.NumField() {
		// As JSON, chrono's own form of them: two stores may read an
		// empty list back as nil, or a time in another location.
		a, errA := json.Marshal(w.Field(i).Interface())
		b, errB := json.Marshal(g.Field(i).Interface())
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if string(a) != string(b) {
			t.Errorf("%s differs:\nwant %s\ngot  %s", w.Type().Field(i).Name, a, b)
		}
	}
}

// testRestore: a restore into an empty store carries the investigation
// and its whole history, the journal with the same chain head (the
// stores being of one kind); it refuses a store that holds anything, and
// bytes that do not match their snapshot's hash, keeping nothing.
func testRestore(t *testing.T, s *suite) {
	src := s.seeded(t)
	History(t, src)
	dst := s.empty(t)
	r, ok := dst.(model.Restorer)
	if !ok {
		t.Fatalf("%T is not a model.Restorer", dst)
	}
	n, err := r.Restore(src)
	if err != nil {
		t.Fatal(err)
	}
	want := ReadEverything(t, src)
	if n.Events != len(want.Events) || n.Trashed != 1 || n.Snapshots != 2 || n.Entries != uint64(len(want.Journal)) || n.Sources != len(want.Sources) {
		t.Errorf("restored %+v", n)
	}
	CompareEverything(t, want, ReadEverything(t, dst))
	s.check(t, dst)
	head := func(st model.Store) model.ChainHead {
		t.Helper()
		rep, err := st.(model.JournalVerifier).VerifyJournal()
		if err != nil || !rep.OK() {
			t.Fatalf("the chain: %+v %v", rep, err)
		}
		return rep.Head
	}
	if a, b := head(src), head(dst); a != b || a.Seq == 0 {
		t.Errorf("chain head %v, restored %v", a, b)
	}
	// What comes after the restore goes on from the restored journal.
	if _, err := dst.Write(model.OpTag, "tag", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags(IDs(want.Events[:1]), []string{"after"}, nil))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if h := head(dst); h.Seq != n.Entries+1 {
		t.Errorf("the write after the restore is #%d, want #%d", h.Seq, n.Entries+1)
	}

	// Into a store that holds something: refused, nothing changed.
	before := s.snapshot(t, dst)
	if _, err := r.Restore(src); !errors.Is(err, model.ErrNotEmpty) {
		t.Errorf("a restore into a store in use: %v, want ErrNotEmpty", err)
	}
	s.assertUnchanged(t, dst, before)

	// Bytes that are not the snapshot's: refused, nothing kept.
	fresh := s.empty(t)
	before = s.snapshot(t, fresh)
	if _, err := fresh.(model.Restorer).Restore(alteredBytes{src}); !errors.Is(err, model.ErrDamaged) {
		t.Errorf("a restore of altered snapshot bytes: %v, want ErrDamaged", err)
	}
	s.assertUnchanged(t, fresh, before)
	if j, err := fresh.Journal(model.JournalQuery{}); err != nil || len(j) != 0 {
		t.Errorf("the refused restore left a journal: %v %v", j, err)
	}

	// A journal whose entry was altered, its hash left: refused at that
	// entry, nothing kept; the copy would otherwise look whole.
	if _, ok := src.(model.StoredJournal); !ok {
		t.Fatalf("%T gives no stored entries: a restore from it would hash its journal anew", src)
	}
	if _, err := fresh.(model.Restorer).Restore(alteredEntry{src}); !errors.Is(err, model.ErrDamaged) || !strings.Contains(fmt.Sprint(err), "entry #2") {
		t.Errorf("a restore of an altered journal: %v, want ErrDamaged at entry #2", err)
	}
	s.assertUnchanged(t, fresh, before)
}

// alteredEntry is a store whose journal's second entry has a byte
// changed after it was hashed.
type alteredEntry struct{ model.Store }

func (a alteredEntry) StoredEntries() iter.Seq2[model.StoredEntry, error] {
	return func(yield func(model.StoredEntry, error) bool) {
		for se, err := range a.Store.(model.StoredJournal).StoredEntries() {
			if se.Seq == 2 {
				se.Body = bytes.Clone(se.Body)
				se.Body[len(se.Body)/2] ^= 1
			}
			if !yield(se, err) {
				return
			}
		}
	}
}

// alteredBytes is a store whose snapshots' bytes are not the ones their
// hashes name.
type alteredBytes struct{ model.Store }

func (a alteredBytes) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return io.NopCloser(strings.NewReader("<p>no cash</p>")), nil
}
