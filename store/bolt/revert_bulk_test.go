package bolt

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// oneTransaction is a store whose reverts are written in one
// transaction, however many events they take back.
type oneTransaction struct{ *Store }

func (o oneTransaction) Write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return o.write(op, phrase, fn, true, false)
}

// linkedToStoredDoc is an import of n events, each following the
// example's event "fbi-tip", which stays when the import is undone.
func linkedToStoredDoc(n int) []byte {
	var doc strings.Builder
	doc.WriteString(`{"chrono": 1, "events": [`)
	for i := range n {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, `{"id": "c-%d", "date": "%d-03", "title": "After the tip %d", "links": [{"rel": "follows", "event": "fbi-tip"}]}`, i, 1990+i%30, i)
	}
	doc.WriteString("]}")
	return []byte(doc.String())
}

// TestBulkRevertMatchesOneTransaction: an undo of an import of more
// than bulkRevertAbove events, written as a new store put in place of
// the old, leaves it exactly as the same undo written in one
// transaction does: the same journal entry byte for byte (and so the
// same chain), history and linking keys, events, trash, indexes and
// counts, and the linked groups placed alike; and so does its redo.
// The undo reads the entry it takes back as a revert needs it (without
// the versions of the events it moved), the other store whole.
func TestBulkRevertMatchesOneTransaction(t *testing.T) {
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	defer func(n int) { bulkRevertAbove = n }(bulkRevertAbove)
	bulkRevertAbove = 1100
	const pairs = 600 // 1,200 events
	tests := []struct {
		name  string
		empty bool // into a new store, its header filled in by the import
		setup func(t *testing.T, s *Store)
	}{
		{"an import's new events", false, func(t *testing.T, s *Store) {
			importDocs(t, s, nativeInput("groups.json", groupsDoc(pairs, "First")))
		}},
		{"an import's updates and new events", false, func(t *testing.T, s *Store) {
			importDocs(t, s, nativeInput("groups.json", groupsDoc(pairs, "First")))
			importDocs(t, s, nativeInput("more.json", groupsDoc(pairs+20, "Again")))
		}},
		{"an import that changed nothing", false, func(t *testing.T, s *Store) {
			importDocs(t, s, nativeInput("groups.json", groupsDoc(pairs, "First")))
			importDocs(t, s, nativeInput("groups.json", groupsDoc(pairs, "First")))
		}},
		{"an import linked to an event that stays", false, func(t *testing.T, s *Store) {
			importDocs(t, s, nativeInput("linked.json", linkedToStoredDoc(2*pairs)))
		}},
		{"an import citing its sources", false, func(t *testing.T, s *Store) {
			importDocs(t, s, storetest.SynthInput(t, 2*pairs))
		}},
		{"an import into a new store", true, func(t *testing.T, s *Store) {
			importDocs(t, s, storetest.SynthInput(t, 2*pairs))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bulk, one := newStore(t), newStore(t)
			if tt.empty {
				bulk, one = newEmptyStore(t), newEmptyStore(t)
			}
			for _, s := range []*Store{bulk, one} {
				tt.setup(t, s)
			}
			assertUnchanged(t, one, dumpOf(t, bulk))
			for _, step := range []string{"undo", "redo"} {
				was := fileInfo(t, bulk)
				got, err := model.Undo(bulk)
				if err != nil {
					t.Fatalf("%s: %v", step, err)
				}
				// Reverted from the entry read whole.
				latest, err := one.Journal(model.JournalQuery{Limit: 1, HeadsOnly: true})
				if err != nil {
					t.Fatal(err)
				}
				want, err := model.RevertSeq(oneTransaction{one}, latest[0].Seq)
				if err != nil {
					t.Fatalf("%s in one transaction: %v", step, err)
				}
				if os.SameFile(was, fileInfo(t, bulk)) {
					t.Fatalf("%s: the store's file was not replaced: written in one transaction", step)
				}
				if got.Seq != want.Seq || got.Hash != want.Hash || got.Touched != want.Touched || got.Phrase != want.Phrase {
					t.Errorf("%s: entry #%d %q touched %d hash %s; want #%d %q touched %d hash %s", step, got.Seq, got.Phrase, got.Touched, got.Hash, want.Seq, want.Phrase, want.Touched, want.Hash)
				}
				checkInvariants(t, bulk)
				assertUnchanged(t, one, dumpOf(t, bulk))
			}
		})
	}
}

// TestBulkRevertRefused: a revert of many events that later changes
// stand in the way of is refused as in one transaction, the store left
// as it was and open to the next write.
func TestBulkRevertRefused(t *testing.T) {
	defer func(n int) { bulkRevertAbove = n }(bulkRevertAbove)
	bulkRevertAbove = 1100
	s := newStore(t)
	importDocs(t, s, nativeInput("groups.json", groupsDoc(600, "First")))
	imported, err := s.Journal(model.JournalQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	edited := storedEvent(t, s, "a-5")
	edited.Title = "Edited since"
	if _, err := s.Write(model.OpEdit, "edited a-5", func(tx model.Tx) error { return tx.PutEvent(edited) }); err != nil {
		t.Fatal(err)
	}
	before := dumpOf(t, s)
	_, err = model.RevertSeq(s, imported[0].Seq)
	var conflict *model.ConflictError
	if !errors.As(err, &conflict) || conflict.ID != "a-5" {
		t.Fatalf("revert: %v; want a conflict over a-5", err)
	}
	assertUnchanged(t, s, before)
	if _, err := model.Undo(s); err != nil {
		t.Fatalf("the next write: %v", err)
	}
	if got := storedEvent(t, s, "a-5").Title; got != "First" {
		t.Errorf("a-5 after the edit's undo: title %q, want %q", got, "First")
	}
}

// TestBulkRevertDeclined: a write that asks to be written as a new store
// and then does what a bulk revert does not write is run again in one
// transaction, as if it had never asked.
func TestBulkRevertDeclined(t *testing.T) {
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	defer func(n int) { bulkRevertAbove = n }(bulkRevertAbove)
	bulkRevertAbove = 1
	trash := func(asks bool) func(tx model.Tx) error {
		return func(tx model.Tx) error {
			if asks {
				if err := tx.(model.ManyReverted).ManyReverted(2); err != nil {
					return err
				}
			}
			if _, err := tx.Backlinks("fbi-tip"); err != nil {
				return err
			}
			return tx.TrashEvent("fbi-tip")
		}
	}
	asked, plain := newStore(t), newStore(t)
	was := fileInfo(t, asked)
	if _, err := asked.Write(model.OpDelete, "trashed", trash(true)); err != nil {
		t.Fatal(err)
	}
	if _, err := plain.Write(model.OpDelete, "trashed", trash(false)); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(was, fileInfo(t, asked)) {
		t.Error("the store's file was replaced")
	}
	assertUnchanged(t, plain, dumpOf(t, asked))
}

// fileInfo is the file the store has open, to tell it from another
// put in its place.
func fileInfo(t *testing.T, s *Store) os.FileInfo {
	t.Helper()
	fi, err := s.file.Stat()
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// TestBulkRevertRefusedWhenWrittenAsItBegins: a writer that takes the
// store in the instant a bulk revert trades its write lock refuses the
// revert, which says it was the undo that changed nothing, not an
// import; the write made meanwhile is kept.
func TestBulkRevertRefusedWhenWrittenAsItBegins(t *testing.T) {
	defer func(n int) { bulkRevertAbove = n }(bulkRevertAbove)
	bulkRevertAbove = 1100
	s := newStore(t)
	importDocs(t, s, nativeInput("groups.json", groupsDoc(600, "First")))
	defer func(f func()) { betweenLocks = f }(betweenLocks)
	betweenLocks = func() {
		betweenLocks = func() {}
		w, err := Open(s.path, Options{Timeout: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if _, err := storetest.Retag(w, []string{"fbi-tip"}, []string{"meanwhile"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	_, err := model.Undo(s)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "as the undo began; nothing was changed, run the undo again") {
		t.Fatalf("undo: %v; want a conflict that names the undo", err)
	}
	if e := storedEvent(t, s, "fbi-tip"); !slices.Contains(e.Tags, "meanwhile") {
		t.Errorf("the write made meanwhile is lost: tags %q", e.Tags)
	}
}
