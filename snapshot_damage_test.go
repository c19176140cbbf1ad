package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/store/snapshots"

	bbolt "go.etcd.io/bbolt"
)

// attachedStore is a new store of the example investigation with a file
// named name holding content attached to its source wapo: snapshot 1.
func attachedStore(t *testing.T, name, content string) string {
	t.Helper()
	db := newDB(t)
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"source", "attach", "wapo", file}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	return db
}

// alterSnapshot replaces a part of snapshot n of source in the store
// file at db with text, as someone editing the file outside chrono
// would, the hashes kept with it left as they were.
func alterSnapshot(t *testing.T, db, source string, n int, part snapshots.Part, text string) {
	t.Helper()
	f, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = f.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("snapshots"))
		_, _, _, err := snapshots.Write(strings.NewReader(text), func(i int, piece []byte) error {
			k := binary.BigEndian.AppendUint32(append([]byte(source), 0), uint32(n))
			return b.Put(binary.BigEndian.AppendUint32(append(k, byte(part)), uint32(i)), piece)
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDamagedSnapshotChecked: a snapshot whose bytes or text were changed
// in the store file leaves its pages and indexes sound. check --store
// names it and exits 1 (it said "all agree"), and backup, which keeps it
// as found, warns of it (it said nothing, and the copy did not restore).
func TestDamagedSnapshotChecked(t *testing.T) {
	forged := strings.Replace(wapoText, "bags of money", "bags of cash", 1)
	for _, tt := range []struct {
		name, file, bytes string
		part              snapshots.Part
		want              string
	}{
		{"original", "article.txt", wapoText, snapshots.Original, "source wapo, snapshot 1: its original bytes have SHA-256 "},
		// A page's text is kept beside its bytes (plain text is its own).
		{"text", "article.html", "<html><body><p>" + wapoText + "</p></body></html>", snapshots.Text, "source wapo, snapshot 1: its text, which quotes are checked against, has SHA-256 "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := attachedStore(t, tt.file, tt.bytes)
			if r := chrono(t, db, "", "check", "--store"); r.code != 0 {
				t.Fatalf("check before: %+v", r)
			}
			alterSnapshot(t, db, "wapo", 1, tt.part, forged)

			r := chrono(t, db, "", "check", "--store")
			if r.code != 1 || !strings.Contains(r.stdout, "snapshots: "+tt.want) || !strings.Contains(r.stderr, "is damaged (1 mismatch;") ||
				!strings.Contains(r.stderr, "was altered outside chrono: restore it from a backup made before") {
				t.Errorf("check --store: %+v\nwant %q", r, tt.want)
			}
			r = chrono(t, db, "", "backup", "-o", filepath.Join(t.TempDir(), "copy.db"))
			if r.code != 0 || !strings.Contains(r.stderr, "warning: "+tt.want) || !strings.Contains(r.stderr, "the backup keeps it as found") {
				t.Errorf("backup: %+v\nwant a warning %q", r, tt.want)
			}
			// So does an export that carries it: its import then refuses
			// the file chrono wrote, which said nothing (it exited 0).
			r = chrono(t, db, "", "export", "--with-snapshots", "-o", filepath.Join(t.TempDir(), "ex.json"))
			if r.code != 0 || strings.Count(r.stderr, "warning: source wapo, snapshot 1: its ") != 1 || !strings.Contains(r.stderr, "exported as found, which an import of the file refuses") {
				t.Errorf("export --with-snapshots: %+v", r)
			}
			// And printing it: what is printed is not the snapshot.
			args := []string{"source", "text", "wapo"}
			if tt.part == snapshots.Original {
				args = append(args, "--original")
			}
			r = chrono(t, db, "", args...)
			if r.code != 1 || !strings.Contains(r.stdout, "bags of cash") || !strings.Contains(r.stderr, "as printed, ha") || !strings.Contains(r.stderr, "what was printed is not the snapshot") {
				t.Errorf("%v: %+v", args, r)
			}
		})
	}
}

// TestMissingBucketIsDamageNotAlteration: a bucket gone from the file is
// damage, whose advice keeps export and import: it was told to keep the
// store as found and back it up, which a backup of it refuses.
func TestMissingBucketIsDamageNotAlteration(t *testing.T) {
	for _, bucket := range []string{"snapshots", "journal"} {
		t.Run(bucket, func(t *testing.T) {
			db := newDB(t)
			if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
				t.Fatalf("import: %+v", r)
			}
			f, err := bbolt.Open(db, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte(bucket)) }); err != nil {
				t.Fatal(err)
			}
			f.Close()
			r := chrono(t, db, "", "check", "--store")
			if r.code != 1 || strings.Contains(r.stderr, "altered outside chrono") || !strings.Contains(r.stderr, "export -o FILE") {
				t.Errorf("check --store without the %s bucket: %+v", bucket, r)
			}
		})
	}
}

// TestUnreadableSnapshotTextIsDamage: a page's text that cannot be read
// (a piece gone from the file) is damage, as its bytes unread are, not
// an alteration: it was said to have "SHA-256 unknown (…)" and that the
// store was altered, to be kept as found.
func TestUnreadableSnapshotTextIsDamage(t *testing.T) {
	db := attachedStore(t, "article.html", "<html><body><p>"+wapoText+"</p></body></html>")
	f, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = f.Update(func(tx *bbolt.Tx) error {
		k := binary.BigEndian.AppendUint32(append([]byte("wapo"), 0), 1)
		return tx.Bucket([]byte("snapshots")).Delete(binary.BigEndian.AppendUint32(append(k, byte(snapshots.Text)), 0))
	})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	r := chrono(t, db, "", "check", "--store")
	if r.code != 1 || !strings.Contains(r.stdout, "its text, which quotes are checked against, cannot be read") ||
		strings.Contains(r.stderr, "altered outside chrono") || !strings.Contains(r.stderr, "export -o FILE") {
		t.Errorf("check --store: %+v", r)
	}
	// verify says it of that source's quotes, and checks the others:
	// it had stopped at the piece, with nothing on stdout, even --json.
	mustChrono(t, db, "quote", "add", "nso-denial", "--source", "wapo", "--text", "bags of money")
	r = chrono(t, db, "", "verify")
	if r.code != 1 || !strings.Contains(r.stdout, "source wapo, snapshot 1: MISMATCH: its text, which quotes are checked against, cannot be read") ||
		!strings.Contains(r.stdout, "nso-denial quote 2 (wapo, snapshot 1): unreadable snapshot") || !strings.Contains(r.stdout, "verbatim") {
		t.Errorf("verify: %+v", r)
	}
	if r := chrono(t, db, "", "verify", "--json"); r.code != 1 || !strings.Contains(r.stdout, `"state":"unreadable snapshot"`) {
		t.Errorf("verify --json: %+v", r)
	}
}

// TestReplacedSnapshotChecked: a snapshot whose bytes and kept hashes
// were replaced together matches itself, but not the hashes the journal's
// entry recorded when it was kept. verify said so; check --store, backup
// and export --with-snapshots said nothing.
func TestReplacedSnapshotChecked(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	replaceSnapshot(t, db, strings.Replace(wapoText, "conference call", "meeting", 1))
	const want = "source wapo, snapshot 1: its original bytes have the SHA-256 kept with them"
	if r := chrono(t, db, "", "check", "--store"); r.code != 1 || !strings.Contains(r.stdout, "snapshots: "+want) {
		t.Errorf("check --store: %+v", r)
	}
	if r := chrono(t, db, "", "backup", "-o", filepath.Join(t.TempDir(), "copy.db")); r.code != 0 || !strings.Contains(r.stderr, "warning: "+want) {
		t.Errorf("backup: %+v", r)
	}
	// The file carries the hashes the forgery matches, and no journal:
	// an import takes it as sound, which the warning said it refused.
	ex := filepath.Join(t.TempDir(), "ex.json")
	if r := chrono(t, db, "", "export", "--with-snapshots", "-o", ex); r.code != 0 || !strings.Contains(r.stderr, "warning: "+want) ||
		strings.Contains(r.stderr, "refuses") || !strings.Contains(r.stderr, "an import of the file takes it as sound, so import the file nowhere") {
		t.Errorf("export --with-snapshots: %+v", r)
	}
	if r := chrono(t, newDB(t), "", "import", ex); r.code != 0 {
		t.Errorf("import of the export: %+v", r)
	}
}

// replaceSnapshot puts forged in the store file at db as the bytes of
// snapshot 1 of wapo, a plain text, with the hashes and sizes kept with
// them made its own, as someone who knows the file's format would; it
// returns the SHA-256 the snapshot had and the forgery's.
func replaceSnapshot(t *testing.T, db, forged string) (was, now string) {
	t.Helper()
	alterSnapshot(t, db, "wapo", 1, snapshots.Original, forged)
	f, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = f.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("snapshots"))
		key := append(binary.BigEndian.AppendUint32(append([]byte("wapo"), 0), 1), 'm')
		var rec snapshots.Record
		if err := json.Unmarshal(b.Get(key), &rec); err != nil {
			return err
		}
		sum := sha256.Sum256([]byte(forged))
		was, now = rec.SHA256, hex.EncodeToString(sum[:])
		rec.SHA256, rec.Size = now, int64(len(forged))
		rec.TextSHA256, rec.TextSize = rec.SHA256, rec.Size
		v, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return b.Put(key, v)
	})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	return was, now
}

// TestVerifyTrustsNoRecordPastTheBreak: a snapshot replaced with its
// hashes, and the journal entry that kept it rewritten to record the
// forgery's, with its own hash recomputed and a later entry after it,
// match each other; only the chain shows it, breaking at the later
// entry's link. verify said the snapshot matched, and so checked quotes
// against the forgery as if it were what was attached.
func TestVerifyTrustsNoRecordPastTheBreak(t *testing.T) {
	db := attachedStore(t, "article.txt", wapoText)
	if r := chrono(t, db, "", "tag", "fbi-tip", "checked"); r.code != 0 {
		t.Fatalf("tag: %+v", r)
	}
	attach := replaceSnapshotAndRecord(t, db, strings.Replace(wapoText, "conference call", "meeting", 1))
	if r := chrono(t, db, "", "verify", "--journal"); r.code != 1 || !strings.Contains(r.stdout, fmt.Sprintf("the chain breaks at entry #%d (link)", attach+1)) {
		t.Fatalf("verify --journal: %+v", r)
	}

	r := chrono(t, db, "", "verify")
	want := fmt.Sprintf("source wapo, snapshot 1: MISMATCH: journal entry #%d recorded its hashes when it was kept, but the journal's chain breaks at entry #%d (link),", attach, attach+1)
	if r.code != 1 || !strings.Contains(r.stdout, want) || !strings.Contains(r.stdout, "snapshot 1 does not hold up (above): what this check found cannot be trusted") ||
		!strings.Contains(r.stderr, "change no quote to agree with it") {
		t.Errorf("verify: %+v\nwant %q", r, want)
	}
	// Each command that checks the snapshots says so too.
	want = strings.TrimPrefix(want, "source wapo, snapshot 1: MISMATCH: ")
	if r := chrono(t, db, "", "check", "--store"); r.code != 1 || !strings.Contains(r.stdout, "snapshots: source wapo, snapshot 1: "+want) {
		t.Errorf("check --store: %+v", r)
	}
	if r := chrono(t, db, "", "backup", "-o", filepath.Join(t.TempDir(), "copy.db")); r.code != 0 || !strings.Contains(r.stderr, "warning: source wapo, snapshot 1: "+want) {
		t.Errorf("backup: %+v", r)
	}
	if r := chrono(t, db, "", "export", "--with-snapshots", "-o", filepath.Join(t.TempDir(), "ex.json")); r.code != 0 || !strings.Contains(r.stderr, "warning: source wapo, snapshot 1: "+want) ||
		!strings.Contains(r.stderr, "an import of the file takes it as sound") {
		t.Errorf("export --with-snapshots: %+v", r)
	}
}

// replaceSnapshotAndRecord replaces snapshot 1 of wapo with forged and
// its hashes (replaceSnapshot), and rewrites the journal entry that kept
// it to record the forgery's, with the entry's own hash recomputed, as
// someone who knows the file's format would: snapshot and record agree,
// and only the next entry's link shows it. It returns the entry's number.
func replaceSnapshotAndRecord(t *testing.T, db, forged string) uint64 {
	t.Helper()
	was, now := replaceSnapshot(t, db, forged)
	attach := uint64(0)
	raw, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bbolt.Tx) error {
		journal := tx.Bucket([]byte("journal"))
		c := journal.Cursor()
		k, v := c.First()
		for k != nil && !bytes.Contains(v, []byte(was)) {
			k, v = c.Next()
		}
		if k == nil {
			return fmt.Errorf("no entry records %s", was)
		}
		attach = binary.BigEndian.Uint64(k)
		// Form byte, hash, previous hash, content: the hash is over the
		// key and all but itself.
		rewritten := bytes.ReplaceAll(bytes.Clone(v), []byte(was), []byte(now))
		h := sha256.New()
		h.Write(k)
		h.Write(rewritten[:1])
		h.Write(rewritten[33:])
		copy(rewritten[1:33], h.Sum(nil))
		return journal.Put(bytes.Clone(k), rewritten)
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	return attach
}

// TestSnapshotTakenAwayOutsideChrono: the latest snapshot deleted from
// the store file, or marked withdrawn there, leaves the snapshots before
// it sound, and a quote it did not hold then passes against the one
// before: verify and check --store said all was well. Both name it now,
// from the journal, which recorded keeping it and no withdrawal; and a
// snapshot an undo withdrew, brought back in the file, is named too.
func TestSnapshotTakenAwayOutsideChrono(t *testing.T) {
	const quote = "We drop bags of money at your office"
	edit := func(t *testing.T, db string, change func(b *bbolt.Bucket) error) {
		t.Helper()
		f, err := bbolt.Open(db, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Update(func(tx *bbolt.Tx) error { return change(tx.Bucket([]byte("snapshots"))) }); err != nil {
			t.Fatal(err)
		}
	}
	snapshot2 := binary.BigEndian.AppendUint32([]byte("wapo\x00"), 2)
	deleted := func(b *bbolt.Bucket) error {
		c := b.Cursor()
		for k, _ := c.Seek(snapshot2); k != nil && strings.HasPrefix(string(k), string(snapshot2)); k, _ = c.Seek(snapshot2) {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	}
	withdrawn := func(to bool) func(b *bbolt.Bucket) error {
		return func(b *bbolt.Bucket) error {
			key := append(bytes.Clone(snapshot2), 'm')
			var m map[string]any
			if err := json.Unmarshal(b.Get(key), &m); err != nil {
				return err
			}
			m["withdrawn"] = to
			v, err := json.Marshal(m)
			if err != nil {
				return err
			}
			return b.Put(key, v)
		}
	}
	// A store whose second snapshot does not hold the quote the first does.
	twoSnapshots := func(t *testing.T) string {
		t.Helper()
		db := attachedStore(t, "first.txt", wapoText)
		second := filepath.Join(t.TempDir(), "second.txt")
		if err := os.WriteFile(second, []byte(strings.Replace(wapoText, "bags of money", "bags of cash", 1)), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"source", "attach", "wapo", second}, {"quote", "add", "nso-mobileum-call", "--text", quote, "--source", "wapo"}} {
			if r := chrono(t, db, "", args...); r.code != 0 {
				t.Fatalf("%v: %+v", args, r)
			}
		}
		if r := chrono(t, db, "", "verify"); r.code != 1 {
			t.Fatalf("verify before, the quote not in snapshot 2: %+v", r)
		}
		return db
	}
	for _, tt := range []struct {
		name   string
		change func(b *bbolt.Bucket) error
		undo   bool // the attach undone first
		want   string
	}{
		{"deleted", deleted, false, "left it kept, and no entry since took it away, but the store no longer has it as kept"},
		{"withdrawn", withdrawn(true), false, "left it kept, and no entry since took it away, but the store no longer has it as kept"},
		{"brought back", withdrawn(false), true, "withdrew it, and no entry since brought it back, but the store has it as kept"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := twoSnapshots(t)
			if tt.undo {
				if r := chrono(t, db, "", "revert", "3"); r.code != 0 {
					t.Fatalf("revert of the second attach: %+v", r)
				}
				if r := chrono(t, db, "", "verify"); strings.Contains(r.stdout, "snapshot 2") || strings.Contains(r.stdout, "outside chrono") {
					t.Fatalf("verify with the second snapshot withdrawn: %+v", r)
				}
			}
			edit(t, db, tt.change)
			r := chrono(t, db, "", "verify")
			if r.code != 1 || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("verify: %+v\nwant %q", r, tt.want)
			}
			r = chrono(t, db, "", "check", "--store")
			if r.code != 1 || !strings.Contains(r.stdout, "snapshots: source wapo, snapshot 2: journal entry #") || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("check --store: %+v\nwant %q", r, tt.want)
			}
			// So does show, as the browser says it, of each quote
			// checked against the source's latest snapshot.
			r = chrono(t, db, "", "show", "nso-mobileum-call")
			if said := strings.Join(strings.Fields(r.stdout), " "); r.code != 0 ||
				!strings.Contains(said, "✗ the source's snapshots are not those the journal left: snapshot 2: journal entry #") ||
				!strings.Contains(said, tt.want) || !strings.Contains(said, "finds cannot be trusted: = verbatim in snapshot ") {
				t.Errorf("show: %+v\nwant %q", r, tt.want)
			}
			// So do the commands that carry the snapshots on: an export
			// with them, and a backup's restore, each as found.
			r = chrono(t, db, "", "export", "--with-snapshots", "-o", filepath.Join(t.TempDir(), "ex.json"))
			if r.code != 0 || !strings.Contains(r.stderr, "warning: source wapo, snapshot 2: journal entry #") || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("export --with-snapshots: %+v\nwant %q", r, tt.want)
			}
			backup := filepath.Join(t.TempDir(), "copy.db")
			if r := chrono(t, db, "", "backup", "-o", backup); r.code != 0 || !strings.Contains(r.stderr, tt.want) {
				t.Fatalf("backup: %+v\nwant %q", r, tt.want)
			}
			r = chrono(t, filepath.Join(t.TempDir(), "restored.db"), "", "import", backup)
			if r.code != 0 || !strings.Contains(r.stderr, "warning: source wapo, snapshot 2: journal entry #") || !strings.Contains(r.stderr, "restored as found") {
				t.Errorf("restore of its backup: %+v\nwant %q", r, tt.want)
			}
		})
	}
}
