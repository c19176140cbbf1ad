package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/journalform"

	bbolt "go.etcd.io/bbolt"
)

// TestAnEventAlteredInPlaceIsFound: an event's title changed in the
// store file by a letter, as a hex editor would (in its value and in
// every key that holds it), leaves every page, value, index and the
// journal's chain sound. check --store and verify --journal both find it
// against the fingerprint the import kept, name the event and the
// entry, exit 1, and say what to do.
func TestAnEventAlteredInPlaceIsFound(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if r := chrono(t, db, "", "verify", "--journal"); r.code != 0 || !strings.HasSuffix(r.stdout, "\nevents: all 13 as the journal left them\n") {
		t.Fatalf("verify --journal of the store as imported: %+v", r)
	}
	file, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	altered := bytes.ReplaceAll(file, []byte("Apple sues NSO Group"), []byte("Apple sues NSO Grouq"))
	if bytes.Equal(altered, file) {
		t.Fatal("the title is not in the file")
	}
	if err := os.WriteFile(db, altered, 0o600); err != nil {
		t.Fatal(err)
	}
	const found = `events, event "apple-sues-nso": its stored bytes are not the version journal entry #1 left: they were changed outside chrono; chrono log apple-sues-nso shows the version the journal holds` + "\n"
	r := chrono(t, db, "", "check", "--store")
	if r.code != 1 || r.stdout != found ||
		!strings.Contains(r.stderr, "what is named above was altered outside chrono: restore it from a backup made before, and keep this store as found") ||
		!strings.Contains(r.stderr, "chrono log ID shows the version the journal holds of each event named") {
		t.Errorf("check --store: %+v\nwant stdout %q", r, found)
	}
	r = chrono(t, db, "", "verify", "--journal")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "journal: 1 entry, the chain holds;") || !strings.HasSuffix(r.stdout, "\n"+found) ||
		!strings.Contains(r.stderr, "store "+db+": 1 event was altered outside chrono, though its journal holds: restore the store from a backup made before") {
		t.Errorf("verify --journal: %+v\nwant the chain holding, then %q", r, found)
	}
	r = chrono(t, db, "", "verify", "--journal", "--json")
	if r.code != 1 || !strings.Contains(r.stdout, `"events":{"read":13,"altered":[{"id":"apple-sues-nso","what":"its stored bytes are not the version journal entry #1 left`) {
		t.Errorf("verify --journal --json: %+v", r)
	}
}

// TestEventsNotCoveredAreSaid: events last written by an import whose
// entry names them by id alone (as a chrono before schema 11 wrote it)
// cannot be compared with the journal; check --store and verify
// --journal say how many, and find nothing wrong.
func TestEventsNotCoveredAreSaid(t *testing.T) {
	db := newDB(t)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	asIDsAlone(t, db)
	// Read on a machine that did not see the entry as it was written.
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	r := chrono(t, db, "", "check", "--store")
	if want := "journal: 13 events last written by entries that keep neither their version nor a fingerprint of it (imports by an earlier chrono, which kept no fingerprint): their bytes could not be compared with the journal\n"; r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Errorf("check --store: %+v\nwant %q", r, want)
	}
	r = chrono(t, db, "", "verify", "--journal")
	if want := "\nevents: 0 of 13 as the journal left them; 13 last written by entries that keep neither their version nor a fingerprint of it (imports by an earlier chrono, which kept no fingerprint) could not be compared\n"; r.code != 0 || !strings.HasSuffix(r.stdout, want) {
		t.Errorf("verify --journal: %+v\nwant %q", r, want)
	}
}

// asIDsAlone writes journal entry #1 of the store file db, the only one,
// again with its events named by id alone, as a chrono before schema 11
// wrote an import's entry, and hashes it anew.
func asIDsAlone(t *testing.T, db string) {
	t.Helper()
	raw, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bbolt.Tx) error {
		journal := tx.Bucket([]byte("journal"))
		key := binary.BigEndian.AppendUint64(nil, 1)
		v := journal.Get(key)
		// Decoded, an entry's events have no fingerprint, and written
		// again they are ids alone.
		e, err := journalform.Decode(1, model.FormRecords, v[1+2*sha256.Size:])
		if err != nil {
			return err
		}
		body, err := journalform.Records(&e)
		if err != nil {
			return err
		}
		hash, err := journalform.Hash(1, model.FormRecords, journalform.ZeroHash, body)
		if err != nil {
			return err
		}
		nv := append(append(append([]byte{byte(model.FormRecords)}, hash...), journalform.ZeroHash...), body...)
		return journal.Put(key, nv)
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
}
