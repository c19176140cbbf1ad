package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/bolt"

	bbolt "go.etcd.io/bbolt"
)

// TestVerifyJournal: a clean journal verifies, with the head log --head
// prints; an entry altered in the file makes verify --journal name it and
// exit 1, and log --head, which still prints the newest entry, warn where
// the chain breaks.
func TestVerifyJournal(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{
		{"import", "timeline.example.json"},
		{"tag", "fbi-tip", "checked"},
		{"undo"},
	} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	head := chrono(t, db, "", "log", "--head")
	m := regexp.MustCompile(`^#3 ([0-9a-f]{16})\nsha256 ([0-9a-f]{64})\n$`).FindStringSubmatch(head.stdout)
	if head.code != 0 || m == nil || !strings.HasPrefix(m[2], m[1]) || head.stderr != "" {
		t.Fatalf("log --head: %+v; want #3, 16 hex digits, and the whole hash", head)
	}
	headJSON := `{"seq":3,"hash":"` + m[2] + `"}` + "\n"
	if r := chrono(t, db, "", "log", "--head", "--json"); r.code != 0 || r.stdout != headJSON || r.stderr != "" {
		t.Errorf("log --head --json: %+v", r)
	}
	r := chrono(t, db, "", "verify", "--journal")
	if want := "journal: 3 entries, the chain holds; head #3 " + m[1] + " (sha256 " + m[2] + ")\nevents: all 13 as the journal left them\n"; r.code != 0 || r.stdout != want {
		t.Errorf("verify --journal of a clean store: %+v\nwant %q", r, want)
	}

	alterJournalEntry(t, db, 2, `"checked`, `"chequed`)
	r = chrono(t, db, "", "verify", "--journal")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "journal: the chain breaks at entry #2 (content): entry #2's content does not match its hash") ||
		!strings.Contains(r.stdout, "journal: up to entry #1 the chain holds; head #1 ") ||
		!strings.Contains(r.stderr, "altered outside chrono at entry #2 (content)") {
		t.Errorf("verify --journal of an altered entry: %+v", r)
	}
	r = chrono(t, db, "", "verify", "--journal", "--json")
	if r.code != 1 || !strings.Contains(r.stdout, `"break":{"seq":2,"fault":"content"`) {
		t.Errorf("verify --journal --json of an altered entry: %+v", r)
	}
	// The head still names the newest entry, and says that the chain
	// does not hold up to it.
	const warning = "warning: the journal's chain breaks at entry #2 (content); "
	if r := chrono(t, db, "", "log", "--head"); r.code != 0 || r.stdout != head.stdout || !strings.HasPrefix(r.stderr, warning) {
		t.Errorf("log --head after the change: %+v; want %q and %q", r, head.stdout, warning)
	}
	if r := chrono(t, db, "", "log", "--head", "--json"); r.code != 0 || r.stdout != headJSON || !strings.HasPrefix(r.stderr, warning) {
		t.Errorf("log --head --json after the change: %+v; want %q and %q", r, headJSON, warning)
	}
}

func TestLogHeadRefusesOtherFlagsAndReadsAnEmptyJournal(t *testing.T) {
	db := newDB(t)
	s, err := bolt.Open(db, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if r := chrono(t, db, "", "log", "--head", "-n", "2"); r.code != 2 || !strings.Contains(r.stderr, "--head prints the journal's newest entry") {
		t.Errorf("log --head -n 2: %+v", r)
	}
	if r := chrono(t, db, "", "verify"); r.code != 0 || !strings.Contains(r.stdout, "0 quotes") {
		t.Errorf("verify without --journal checks the quotes, of which there are none: %+v", r)
	}
	if r := chrono(t, db, "", "log", "--head"); r.code != 0 || r.stdout != "no changes yet: the journal has no head\n" {
		t.Errorf("log --head of an empty journal: %+v", r)
	}
	if r := chrono(t, db, "", "log", "--head", "--json"); r.code != 0 || r.stdout != `{"seq":0,"hash":""}`+"\n" {
		t.Errorf("log --head --json of an empty journal: %+v", r)
	}
	if r := chrono(t, db, "", "verify", "--journal"); r.code != 0 || r.stdout != "journal: 0 entries, the chain holds; head none (the journal is empty)\n" {
		t.Errorf("verify --journal of an empty journal: %+v", r)
	}
}

// alterJournalEntry changes, in the store file db, the first from in the
// bytes of journal entry seq to to, as someone editing the file would,
// its JSON left sound.
func alterJournalEntry(t *testing.T, db string, seq uint64, from, to string) {
	t.Helper()
	raw, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bbolt.Tx) error {
		journal := tx.Bucket([]byte("journal"))
		key := binary.BigEndian.AppendUint64(nil, seq)
		return journal.Put(key, bytes.Replace(bytes.Clone(journal.Get(key)), []byte(from), []byte(to), 1))
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
}

// rehashJournalEntry changes, in the store file db, the first from in
// the bytes of journal entry seq to to, of the same length, and gives
// the entry the hash of its new bytes, as someone who knows the file's
// format would: the entry then holds to its hash, and only the next
// entry's link shows it.
func rehashJournalEntry(t *testing.T, db string, seq uint64, from, to string) {
	t.Helper()
	raw, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bbolt.Tx) error {
		journal := tx.Bucket([]byte("journal"))
		key := binary.BigEndian.AppendUint64(nil, seq)
		v := bytes.Replace(bytes.Clone(journal.Get(key)), []byte(from), []byte(to), 1)
		// Form byte, hash, previous hash, content: the hash is over the
		// key and all but itself.
		h := sha256.New()
		h.Write(key)
		h.Write(v[:1])
		h.Write(v[1+sha256.Size:])
		copy(v[1:1+sha256.Size], h.Sum(nil))
		return journal.Put(key, v)
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
}

// serverHashed is a store whose walk of its chain trusts hashes made
// elsewhere, which here vouch for every entry: as a server that hashed
// what it was told to, not what it holds.
type serverHashed struct{ *bolt.Store }

func (serverHashed) VerifyJournal() (model.ChainReport, error) {
	return model.ChainReport{Entries: 3}, nil
}

func (s serverHashed) VerifyJournalHere() (model.ChainReport, error) {
	return s.Store.VerifyJournal()
}

// TestVerifyHashesHere: verify --journal, which the investigator asks
// for, hashes every entry itself where the store could leave that to
// its server, and so finds an entry altered that the server's hashes
// would vouch for.
func TestVerifyHashesHere(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}, {"undo"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	alterJournalEntry(t, db, 2, `"checked`, `"chequed`)
	s, err := bolt.Open(db, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out bytes.Buffer
	c := &cli{stdout: &out, stderr: &out}
	if err := verifyJournal(c, serverHashed{s}, false); !strings.HasPrefix(out.String(), "journal: the chain breaks at entry #2 (content)") {
		t.Errorf("verify --journal of a store whose server vouches for an altered entry: %v\n%s", err, out.String())
	}
}

// TestVerifyVouchesHere: verify, checking the snapshots, trusts a
// snapshot's record as far as its own walk of the chain, hashed here,
// vouches for it, not as far as a server's hashes would.
func TestVerifyVouchesHere(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	if r := chrono(t, db, "", "tag", "fbi-tip", "checked"); r.code != 0 {
		t.Fatalf("tag: %+v", r)
	}
	attach := replaceSnapshotAndRecord(t, db, strings.Replace(wapoText, "conference call", "meeting", 1))
	s, err := bolt.Open(db, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out bytes.Buffer
	opts := &verifyOptions{cli: &cli{stdout: &out, stderr: &out}}
	err = verifyStore(opts, serverHashed{s})
	if want := fmt.Sprintf("journal entry #%d recorded its hashes when it was kept, but the journal's chain breaks at entry #%d (link)", attach, attach+1); !strings.Contains(out.String(), want) {
		t.Errorf("verify of a snapshot rewritten with its record, the server vouching for the chain: %v\n%s\nwant %q", err, out.String(), want)
	}
}
