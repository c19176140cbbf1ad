package bolt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// rawUpdate changes a closed store with bbolt itself, as damage would.
func rawUpdate(t *testing.T, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// rootPage returns the page a bucket of a closed store starts at.
func rootPage(t *testing.T, path string, bk bucket) (page int64, pageSize int64) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error {
		page = int64(tx.Bucket(bk.name).RootPage())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return page, int64(db.Info().PageSize)
}

// swapFirstKeys swaps the first bytes that differ of the first two keys of a leaf
// page, so that its keys are out of order: damage no read reports and a
// write to another key of the page keeps.
func swapFirstKeys(t *testing.T, path string, page, pageSize int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := b[page*pageSize:]
	if flags := p[8]; flags != 0x02 {
		t.Fatalf("page %d is not a leaf (flags %#x)", page, flags)
	}
	// A leaf element is flags, pos, ksize, vsize (4 bytes each) from the
	// element's own offset.
	key := func(i int) []byte {
		e := p[pageHeaderSize+16*i:]
		pos := int(le32(e[4:])) + pageHeaderSize + 16*i
		return p[pos : pos+int(le32(e[8:]))]
	}
	k0, k1 := key(0), key(1)
	i := 0
	for i < min(len(k0), len(k1)) && k0[i] == k1[i] {
		i++
	}
	if i == min(len(k0), len(k1)) {
		t.Fatalf("page %d: the key %q starts the key %q", page, k0, k1)
	}
	k0[i], k1[i] = k1[i], k0[i]
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// checkRefused: a write was refused as damage, in the README's form, and
// left the file as it was.
func checkRefused(t *testing.T, path string, before []byte, err error, also ...string) {
	t.Helper()
	if !errors.Is(err, model.ErrDamaged) {
		t.Fatalf("the write gave %v, want the store reported damaged", err)
	}
	msg := err.Error()
	for _, want := range append([]string{"store " + path + " is damaged (", "nothing was changed; restore it from a backup"}, also...) {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the refused write changed the file")
	}
}

// TestWriteRefusedOnDamageElsewhere: a write is refused on a store
// damaged away from the pages it writes, not only on its own path. The
// counts (read by every listing) are checked before the first write of a
// process; the events only when the previous writer did not close the
// store (below).
func TestWriteRefusedOnDamageElsewhere(t *testing.T) {
	path := storeFile(t)
	page, size := rootPage(t, path, bucketCounts)
	swapFirstKeys(t, path, page, size)
	before, _ := os.ReadFile(path)
	s := openAt(t, path, Options{})
	_, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"follow-up"}, nil)
	checkRefused(t, path, before, err)
}

// TestFullCheckAfterAWriterDied: when the last writer did not close the
// store (it was killed, or the machine stopped), the first write of the
// next one checks the whole store, and refuses damage anywhere in it.
func TestFullCheckAfterAWriterDied(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chrono.db")
	s := openAt(t, path, Options{})
	importDocs(t, s, nativeInput("timeline.example.json", exampleDoc(t)))
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"follow-up"}, nil); err != nil {
		t.Fatal(err)
	}
	// A copy of the file of a store still open for writing is the file
	// its writer leaves when it dies.
	died := filepath.Join(dir, "died.db")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(died, b, 0o600); err != nil {
		t.Fatal(err)
	}
	// Damage a page of events the retag does not touch.
	page, size := eventsLeafWithout(t, died, "fbi-tip")
	swapFirstKeys(t, died, page, size)
	before, _ := os.ReadFile(died)
	d := openAt(t, died, Options{})
	_, err = storetest.Retag(d, []string{"fbi-tip"}, nil, []string{"follow-up"})
	checkRefused(t, died, before, err)
}

// eventsLeafWithout returns a leaf page of the events other than the one
// holding the event id.
func eventsLeafWithout(t *testing.T, path, id string) (int64, int64) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var order []byte
	var root int64
	err = db.View(func(tx *bbolt.Tx) error {
		order = bytes.Clone(tx.Bucket(bucketIDs.name).Get([]byte(id)))
		root = int64(tx.Bucket(bucketEvents.name).RootPage())
		return nil
	})
	size := int64(db.Info().PageSize)
	db.Close()
	if err != nil || order == nil {
		t.Fatalf("no event %q: %v", id, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := b[root*size:]
	if p[8] != 0x01 {
		t.Fatalf("the events' root page %d is not a branch", root)
	}
	// A branch element is pos, ksize (4 bytes each) and the child's page
	// id (8), from the element's own offset.
	count := int(p[10]) | int(p[11])<<8
	var children []int64
	holder := 0
	for i := range count {
		e := p[pageHeaderSize+16*i:]
		pos := int(le32(e)) + pageHeaderSize + 16*i
		if bytes.Compare(p[pos:pos+int(le32(e[4:]))], order) <= 0 {
			holder = i
		}
		children = append(children, int64(le32(e[8:])))
	}
	return children[(holder+1)%count], size
}

// TestMissingBucketIsDamage: a store whose meta says it is a chrono
// store, but which has lost a bucket, is damaged: no write rebuilds the
// bucket empty (a bulk import would have counted nothing).
func TestMissingBucketIsDamage(t *testing.T) {
	for _, bulk := range []bool{false, true} {
		path := storeFile(t)
		rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.DeleteBucket(bucketCounts.name) })
		before, _ := os.ReadFile(path)
		s := openAt(t, path, Options{})
		_, err := s.Import([]model.Input{nativeInput("extra.json", []byte(extraDoc))}, model.ImportOptions{Bulk: bulk})
		checkRefused(t, path, before, err, "its counts bucket is missing")
		_, err = storetest.Retag(s, []string{"fbi-tip"}, []string{"follow-up"}, nil)
		checkRefused(t, path, before, err, "its counts bucket is missing")
	}
}
