package bolt

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// heldWhole is a store whose writes hold their changes whole, as every
// write did before a large revert's records were streamed.
type heldWhole struct{ *Store }

func (h heldWhole) Write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return h.write(op, phrase, fn, false, false)
}

// groupsDoc is an import of n pairs of linked events, each pair's
// second following the first, titled with title.
func groupsDoc(n int, title string) []byte {
	var doc strings.Builder
	doc.WriteString(`{"chrono": 1, "events": [`)
	for i := range n {
		if i > 0 {
			doc.WriteString(",")
		}
		second := []string{"2017-02", "2017", "2018-01-01"}[i%3]
		fmt.Fprintf(&doc, `{"id": "a-%d", "date": "2017-06", "title": "%s"},
  {"id": "b-%d", "date": %q, "title": "%s", "links": [{"rel": "follows", "event": "a-%d"}]}`, i, title, i, second, title, i)
	}
	doc.WriteString("]}")
	return []byte(doc.String())
}

// TestStreamedRevertMatchesHeld: the revert of an entry of many events,
// its records finished as it goes, leaves the store exactly as the same
// revert holding them whole does: the same journal entry byte for byte
// (and so the same chain), history and linking keys, events, trash,
// indexes and counts; and it returns the entry without its events, which
// it did not hold. The entry so returned is redone as the whole one is.
func TestStreamedRevertMatchesHeld(t *testing.T) {
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	const pairs = 600 // 1,200 events, more than manyReverted
	tests := []struct {
		name  string
		setup func(t *testing.T, s *Store)
	}{
		{"an import's new events", func(t *testing.T, s *Store) {
			importDocs(t, s, nativeInput("groups.json", groupsDoc(pairs, "First")))
		}},
		{"an import's updates and new events", func(t *testing.T, s *Store) {
			importDocs(t, s, nativeInput("groups.json", groupsDoc(pairs, "First")))
			importDocs(t, s, nativeInput("more.json", groupsDoc(pairs+20, "Again")))
		}},
		{"an import that changed nothing", func(t *testing.T, s *Store) {
			importDocs(t, s, nativeInput("groups.json", groupsDoc(pairs, "First")))
			importDocs(t, s, nativeInput("groups.json", groupsDoc(pairs, "First")))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			streamed, held := newStore(t), newStore(t)
			for _, s := range []*Store{streamed, held} {
				tt.setup(t, s)
			}
			assertUnchanged(t, held, dumpOf(t, streamed))
			undid, err := model.Undo(streamed)
			if err != nil {
				t.Fatal(err)
			}
			whole, err := model.Undo(heldWhole{held})
			if err != nil {
				t.Fatal(err)
			}
			if len(whole.Events) <= 1024 {
				t.Fatalf("the undo held whole recorded %d events: too few to be streamed", len(whole.Events))
			}
			if len(undid.Events) != 0 || undid.Touched != len(whole.Events) {
				t.Errorf("the undo streamed returned %d events, touched %d; want none, touched %d", len(undid.Events), undid.Touched, len(whole.Events))
			}
			checkInvariants(t, streamed)
			assertUnchanged(t, held, dumpOf(t, streamed))

			// Redone from the entry the undo returned, without its
			// events, and from the whole one.
			if _, err := model.Revert(streamed, undid); err != nil {
				t.Fatal(err)
			}
			if _, err := model.Revert(heldWhole{held}, whole); err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, streamed)
			assertUnchanged(t, held, dumpOf(t, streamed))
		})
	}
}

// TestStreamedWriteTouchedAgain: a write that asks for its records to be
// streamed, then touches an event after a later one, is run again with
// its changes held whole, and records what a write that never asked
// does.
func TestStreamedWriteTouchedAgain(t *testing.T) {
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	trash := func(stream bool) func(tx model.Tx) error {
		return func(tx model.Tx) error {
			if stream && !tx.(model.StreamedChanges).StreamEvents() {
				// Run again, held whole: as the other store.
				stream = false
			}
			for _, id := range []string{"nso-denial", "fbi-tip", "nso-denial"} {
				if _, err := tx.Event(id); err != nil {
					continue // trashed already
				}
				if err := tx.TrashEvent(id); err != nil {
					return err
				}
			}
			return nil
		}
	}
	streamed, held := newStore(t), newStore(t)
	e, err := streamed.Write(model.OpDelete, "trashed", trash(true))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Events) != 2 {
		t.Errorf("entry: %d events, want 2", len(e.Events))
	}
	if _, err := held.Write(model.OpDelete, "trashed", trash(false)); err != nil {
		t.Fatal(err)
	}
	assertUnchanged(t, held, dumpOf(t, streamed))
}
