package bolt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestPageWriterPutFrom: a value read from a reader is written as put
// writes it, byte for byte, whether it starts a leaf or follows keys,
// is larger than a page or fits in one, and whatever keys follow it.
func TestPageWriterPutFrom(t *testing.T) {
	for _, tc := range []struct {
		name          string
		before, after int // keys around the value
		size          int
	}{
		{"alone", 0, 0, 300_000},
		{"after keys", 20, 0, 300_000},
		{"between keys", 20, 20, 70_000},
		{"a page exactly, less its header", 3, 3, storePageSize - pageHeaderSize - pageElementSize - len("k0003")},
		{"small", 5, 5, 10},
		{"empty", 5, 5, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			value := bytes.Repeat([]byte("0123456789abcdef"), tc.size/16+1)[:tc.size]
			files := [2][]byte{}
			for i, from := range []bool{false, true} {
				path := filepath.Join(t.TempDir(), "store")
				pw, err := newPageWriter(path, storePageSize)
				if err != nil {
					t.Fatal(err)
				}
				key := 0
				put := func(n int) {
					for range n {
						if err := pw.put(fmt.Appendf(nil, "k%04d", key), []byte("a small value")); err != nil {
							t.Fatal(err)
						}
						key++
					}
				}
				put(tc.before)
				k := fmt.Appendf(nil, "k%04d", key)
				key++
				if from {
					err = pw.putFrom(k, int64(len(value)), bytes.NewReader(value))
				} else {
					err = pw.put(k, value)
				}
				if err != nil {
					t.Fatal(err)
				}
				put(tc.after)
				if err := pw.endBucket([]byte("b")); err != nil {
					t.Fatal(err)
				}
				if err := pw.close(func() {}); err != nil {
					t.Fatal(err)
				}
				if files[i], err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(files[0], files[1]) {
				t.Errorf("the file written with the value read (%d bytes) differs from the one written with it held (%d bytes)", len(files[1]), len(files[0]))
			}
		})
	}
}

// TestPageWriterPutFromShort: a reader that ends before the size said
// fails the write, naming both.
func TestPageWriterPutFromShort(t *testing.T) {
	pw, err := newPageWriter(filepath.Join(t.TempDir(), "store"), storePageSize)
	if err != nil {
		t.Fatal(err)
	}
	defer pw.f.Close()
	err = pw.putFrom([]byte("k"), 100, bytes.NewReader(make([]byte, 40)))
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("100 bytes read as 40")) {
		t.Errorf("a short read: %v", err)
	}
}
