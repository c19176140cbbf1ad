package bolt

import (
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// metaTxIDs returns the transaction ids of a store's two meta pages, and
// its page size.
func metaTxIDs(t *testing.T, b []byte) (first, second uint64, pageSize int64) {
	t.Helper()
	pageSize = int64(binary.LittleEndian.Uint32(b[pageHeaderSize+8:]))
	first = binary.LittleEndian.Uint64(b[pageHeaderSize+metaTxID:])
	second = binary.LittleEndian.Uint64(b[pageSize+pageHeaderSize+metaTxID:])
	return first, second, pageSize
}

// damageMeta flips a byte of one of a closed store's meta pages (0 or 1)
// at an offset into its meta fields, or of its newest page when page is
// -1, and returns the page.
func damageMeta(t *testing.T, path string, page int, at int) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	first, second, size := metaTxIDs(t, b)
	if page < 0 {
		page = 0
		if second > first {
			page = 1
		}
	}
	b[int64(page)*size+pageHeaderSize+int64(at)] ^= 0xff
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return page
}

// TestNewestMetaPageDamaged: when the newest meta page fails its
// checksum, bbolt reads the store as it was one commit before, and the
// next commit would make that loss permanent. Reads go on; writes are
// refused, saying so, until the user accepts the rollback.
func TestNewestMetaPageDamaged(t *testing.T) {
	path := storeFile(t)
	damageMeta(t, path, -1, metaChecksum)
	before, _ := os.ReadFile(path)

	r := openAt(t, path, Options{ReadOnly: true})
	if _, err := r.Count(model.Query{}); err != nil {
		t.Errorf("reading the store: %v", err)
	}
	r.Close()

	s := openAt(t, path, Options{})
	_, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"follow-up"}, nil)
	checkRefused(t, path, before, err, "last change may be lost", "--accept-rollback")
	_, err = s.Import([]model.Input{nativeInput("extra.json", []byte(extraDoc))}, model.ImportOptions{})
	checkRefused(t, path, before, err, "--accept-rollback")
	s.Close()

	a := openAt(t, path, Options{AcceptRollback: true})
	if _, err := storetest.Retag(a, []string{"fbi-tip"}, []string{"follow-up"}, nil); err != nil {
		t.Fatalf("with the rollback accepted: %v", err)
	}
	a.Close()
	// The write replaced the damaged page: the store is whole again.
	w := openAt(t, path, Options{})
	if _, err := storetest.Retag(w, []string{"fbi-tip"}, nil, []string{"follow-up"}); err != nil {
		t.Errorf("after the rollback was accepted and written: %v", err)
	}
}

// TestOlderMetaPageDamaged: damage to the older meta page loses nothing
// (the next commit replaces it), so writes go on.
func TestOlderMetaPageDamaged(t *testing.T) {
	path := storeFile(t)
	b, _ := os.ReadFile(path)
	first, second, _ := metaTxIDs(t, b)
	older := 1
	if first < second {
		older = 0
	}
	damageMeta(t, path, older, metaChecksum)
	s := openAt(t, path, Options{})
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"follow-up"}, nil); err != nil {
		t.Errorf("a write with the older meta page damaged: %v", err)
	}
}

// TestFirstMetaPageMagicDamaged: a store whose first meta page lost its
// magic is a damaged chrono store, readable from its second meta page,
// not "not a bbolt database".
func TestFirstMetaPageMagicDamaged(t *testing.T) {
	path := storeFile(t)
	b, _ := os.ReadFile(path)
	if first, second, _ := metaTxIDs(t, b); first < second {
		// An empty commit makes the first page the newest.
		rawUpdate(t, path, func(*bbolt.Tx) error { return nil })
	}
	damageMeta(t, path, 0, 0)
	before, _ := os.ReadFile(path)
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if n, err := r.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("Count = %d, %v; want 13", n, err)
	}
	r.Close()
	s := openAt(t, path, Options{})
	_, err = storetest.Retag(s, []string{"fbi-tip"}, []string{"follow-up"}, nil)
	checkRefused(t, path, before, err, "meta page 0", "read from its meta page 1", "--accept-rollback")
	if strings.Contains(errString(err), "not a bbolt database") {
		t.Errorf("error %q calls a damaged store not a bbolt database", err)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
