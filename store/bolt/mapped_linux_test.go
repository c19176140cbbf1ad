//go:build linux

package bolt

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/store/storetest"
)

// TestStoreMappedAheadOfItsFile: a large store opened to write maps room
// for its file to grow to four times its size, so that a write that
// grows the file does not have bbolt map it again at the commit, which
// first copies every key and value the write holds; a small one is
// mapped as large as its file, which then grows as it did, and stays
// small.
func TestStoreMappedAheadOfItsFile(t *testing.T) {
	for _, tc := range []struct {
		name  string
		size  int64 // the file made this long, when longer than it is
		ahead bool
	}{
		{"a small store", 0, false},
		{"a large store", aheadFrom, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "chrono.db")
			s := openAt(t, path, Options{})
			storetest.Seed(t, s)
			s.Close()
			if tc.size > 0 {
				// Room at the end that bbolt has not used yet, as
				// it grows a file ahead of its pages.
				if err := os.Truncate(path, tc.size); err != nil {
					t.Fatal(err)
				}
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if tc.size == 0 && fi.Size() > 1<<20 {
				t.Errorf("a new store holding the example takes %d bytes", fi.Size())
			}
			s = openAt(t, path, Options{})
			mapped := mappingAt(t, s.db.Info().Data)
			if ahead := mapped >= 4*fi.Size(); ahead != tc.ahead {
				t.Errorf("a store of %d bytes mapped over %d bytes: ahead %v, want %v", fi.Size(), mapped, ahead, tc.ahead)
			}
			storetest.Retag(s, []string{"nso-denial"}, []string{"verify"}, nil)
			if after, err := os.Stat(path); err != nil || tc.size == 0 && after.Size() > 1<<20 {
				t.Errorf("the store after a write: %v bytes, %v", after.Size(), err)
			}
		})
	}
}

// mappingAt is the length of the process's mapping that starts at data.
func mappingAt(t *testing.T, data uintptr) int64 {
	size, _ := mapping(t, data)
	return size
}

// mappedIn is how much of the process's mapping that starts at data is
// resident.
func mappedIn(t *testing.T, data uintptr) int64 {
	_, in := mapping(t, data)
	return in
}

// mapping is the length of the process's mapping that starts at data,
// and its resident bytes (its Rss in /proc/self/smaps).
func mapping(t *testing.T, data uintptr) (size, resident int64) {
	t.Helper()
	smaps, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	defer smaps.Close()
	sc := bufio.NewScanner(smaps)
	found := false
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		var from, to uintptr
		if len(f) > 0 && strings.Contains(f[0], "-") {
			_, err := fmt.Sscanf(f[0], "%x-%x", &from, &to)
			if found = err == nil && from == data; found {
				size = int64(to - from)
			}
			continue
		}
		if found && len(f) == 3 && f[0] == "Rss:" {
			var kb int64
			if _, err := fmt.Sscan(f[1], &kb); err != nil {
				t.Fatal(err)
			}
			return size, kb << 10
		}
	}
	t.Fatalf("the store's mapping at %#x is not in /proc/self/smaps", data)
	return 0, 0
}
