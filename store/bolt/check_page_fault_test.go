package bolt

import (
	"os"
	"strings"
	"testing"
)

// TestCheckSaysAPageFaultAsDamage: bbolt's own page check reports a page
// it cannot read as a recovered panic; the check says the page could not
// be read, as it does for a fault met elsewhere, and never "panic", which
// reads as chrono crashing.
func TestCheckSaysAPageFaultAsDamage(t *testing.T) {
	for _, page := range []int64{0, 1} {
		path := storeFile(t)
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		size := int64(os.Getpagesize())
		if _, err := f.WriteAt(make([]byte, size), page*size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		s := openAt(t, path, Options{ReadOnly: true})
		r, err := s.Check()
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if r.OK() {
			t.Errorf("meta page %d zeroed: the check finds the store whole", page)
		}
		for _, m := range r.Mismatches {
			if strings.Contains(m.What, "panic") {
				t.Errorf("meta page %d zeroed: %s: %s", page, m.Where, m.What)
			}
		}
	}
}
