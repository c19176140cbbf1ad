package main

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

// TestCheckStore: chrono check --store says a sound store agrees with
// itself; on a store whose event damage removed while its ids entry
// stayed (the list one short of the count, silently) it lists the
// mismatches with their bucket and event and exits 1, and a command that
// meets the damage says the store is damaged and lists them too.
func TestCheckStore(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := chrono(t, db, "", "check", "--store")
	if want := "store " + db + ": 13 events, all indexes and counts agree\nlinks: every link names an event on the timeline or in the trash\ntags: every tag is one an export imports back\n"; r.code != 0 || r.stdout != want {
		t.Errorf("check of a sound store: %+v\nwant %q", r, want)
	}

	const id = "khashoggi-killed"
	raw, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("events")).Delete(tx.Bucket([]byte("ids")).Get([]byte(id)))
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}

	r = chrono(t, db, "", "check", "--store")
	if r.code != 1 || !strings.Contains(r.stdout, `ids, event "`+id+`": the ids index has the event, the events bucket has not`) ||
		!strings.Contains(r.stdout, "counts: the count of all events is 13, the events make it 12") ||
		!strings.Contains(r.stderr, "chrono: store "+db+" is damaged (") {
		t.Errorf("check of a damaged store: %+v", r)
	}

	r = chrono(t, db, "", "show", id)
	if r.code != 1 || !strings.HasPrefix(r.stderr, "chrono check --store finds:\n") ||
		!strings.Contains(r.stderr, `chrono: store `+db+` is damaged (event "`+id+`": `) ||
		!strings.Contains(r.stderr, "nothing was changed; restore it from a backup") {
		t.Errorf("show of the lost event: %+v", r)
	}
}

// TestCheckStoreFindsAnAlteredJournal: a journal entry changed in the
// file, its JSON still sound, is damage check --store names, as backup
// does, rather than a store whose indexes and counts all agree.
func TestCheckStoreFindsAnAlteredJournal(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	alterJournalEntry(t, db, 2, `"checked`, `"chequed`)
	for _, args := range [][]string{{"check", "--store"}, {"check"}} {
		r := chrono(t, db, "", args...)
		if r.code != 1 || !strings.Contains(r.stdout, "journal: the chain breaks at entry #2 (content): entry #2's content does not match its hash") ||
			!strings.Contains(r.stderr, "chrono: store "+db+" is damaged (") ||
			// Export and import would lose the journal.
			!strings.Contains(r.stderr, "it reads as it is, but what is named above was altered outside chrono: restore it from a backup made before, and keep this store as found") ||
			!strings.Contains(r.stderr, "chrono verify --journal says what differs") ||
			strings.Contains(r.stderr, "export") {
			t.Errorf("%v of a store with an altered journal entry: %+v", args, r)
		}
	}
}

// TestCheckStoreFindsADeletedJournalEntry: a journal entry deleted from
// the file leaves the history index naming it; that is the deletion's
// doing, not damage, so check --store advises restoring a backup and
// keeping the store as found, as for any alteration of the journal, and
// never exporting and importing, which would start the journal anew and
// lose the evidence.
func TestCheckStoreFindsADeletedJournalEntry(t *testing.T) {
	for _, tt := range []struct {
		name string
		seq  uint64
	}{{"in the middle", 2}} {
		t.Run(tt.name, func(t *testing.T) {
			db := newDB(t)
			for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}, {"tag", "fbi-tip", "again"}} {
				if r := chrono(t, db, "", args...); r.code != 0 {
					t.Fatalf("%v: %+v", args, r)
				}
			}
			f, err := bbolt.Open(db, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = f.Update(func(tx *bbolt.Tx) error {
				return tx.Bucket([]byte("journal")).Delete(binary.BigEndian.AppendUint64(nil, tt.seq))
			})
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			r := chrono(t, db, "", "check", "--store")
			if r.code != 1 || !strings.Contains(r.stdout, fmt.Sprintf(`history, event "fbi-tip": the history index names journal entry #%d, which is no longer in the journal: it was deleted outside chrono`, tt.seq)) ||
				!strings.Contains(r.stderr, "was altered outside chrono: restore it from a backup made before, and keep this store as found") ||
				!strings.Contains(r.stderr, "chrono verify --journal says what differs") || strings.Contains(r.stderr, "export") {
				t.Errorf("check --store: %+v", r)
			}
		})
	}
}

// TestCheckCountsOneEvent: a store of one event is said so, not "1 events".
func TestCheckCountsOneEvent(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "add", "--title", "The call", "--date", "2017-08"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	r := chrono(t, db, "", "check")
	if r.code != 0 || !strings.Contains(r.stdout, ": 1 event, all indexes and counts agree") || !strings.Contains(r.stdout, "chronology: 1 event; their dates") {
		t.Errorf("check: %+v", r)
	}
}
