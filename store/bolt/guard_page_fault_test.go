package bolt

import (
	"os"
	"strings"
	"testing"

	"chrono/store/storetest"
)

// TestWriteRefusedOnAnUnreadablePageSaysDamage: a write refused because
// bbolt's check of a bucket could not read its page says the page could
// not be read, never "panic", the word bbolt gives the fault it
// recovered, which reads as chrono crashing.
func TestWriteRefusedOnAnUnreadablePageSaysDamage(t *testing.T) {
	path := storeFile(t)
	page, size := rootPage(t, path, bucketCounts)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(make([]byte, size), page*size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before, _ := os.ReadFile(path)
	s := openAt(t, path, Options{})
	_, err = storetest.Retag(s, []string{"fbi-tip"}, []string{"follow-up"}, nil)
	checkRefused(t, path, before, err, "a page could not be read")
	if err != nil && strings.Contains(err.Error(), "panic") {
		t.Errorf("the refusal says %q", err)
	}
}
