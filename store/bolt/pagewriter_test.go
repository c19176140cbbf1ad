package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

// TestPageWriterMatchesBbolt: a file the page writer writes is one bbolt
// opens, checks clean and reads back key for key, in buckets empty, of
// one page, and of several levels of branch pages, with values larger
// than a page; and bbolt writes on in it (splits, merges, frees pages)
// and checks it clean after.
func TestPageWriterMatchesBbolt(t *testing.T) {
	for _, pageSize := range []int{1 << 10, 4 << 10, storePageSize} {
		t.Run(fmt.Sprint(pageSize), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(pageSize), 7))
			want := map[string][][2][]byte{}
			names := []string{"zeta", "alpha", "empty", "deep", "big", "one", "nil values", "wide keys"}
			path := filepath.Join(t.TempDir(), "store")
			pw, err := newPageWriter(path, pageSize)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range names {
				n := map[string]int{"deep": 30_000, "big": 40, "one": 1, "empty": 0, "nil values": 3_000, "wide keys": 60}[name]
				if n == 0 && name != "empty" {
					n = 200
				}
				keys := map[string]bool{}
				for len(keys) < n {
					k := fmt.Sprintf("%0*d", 1+rng.IntN(40), rng.IntN(1e9))
					if name == "wide keys" {
						// Two to a branch page, or one with more than a page.
						k = fmt.Sprintf("%0*d", min(maxKeySize, pageSize/3+rng.IntN(pageSize)), rng.IntN(1e9))
					}
					keys[k] = true
				}
				for _, k := range slices.Sorted(func(yield func(string) bool) {
					for k := range keys {
						if !yield(k) {
							return
						}
					}
				}) {
					var v []byte
					switch name {
					case "big":
						v = bytes.Repeat([]byte{byte(rng.IntN(256))}, rng.IntN(5*pageSize))
					case "nil values":
					default:
						v = []byte(strings.Repeat("v", rng.IntN(100)))
					}
					if err := pw.put([]byte(k), v); err != nil {
						t.Fatal(err)
					}
					want[name] = append(want[name], [2][]byte{[]byte(k), v})
				}
				if err := pw.endBucket([]byte(name)); err != nil {
					t.Fatal(err)
				}
			}
			synced := false
			if err := pw.close(func() { synced = true }); err != nil {
				t.Fatal(err)
			}
			if !synced {
				t.Error("close did not say the pages were written")
			}

			db, err := bbolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if got := db.Info().PageSize; got != pageSize {
				t.Errorf("page size %d, want %d", got, pageSize)
			}
			check := func(when string) {
				t.Helper()
				err := db.View(func(tx *bbolt.Tx) error {
					for err := range tx.Check() {
						t.Errorf("%s: bbolt's check: %v", when, err)
					}
					var buckets []string
					tx.ForEach(func(name []byte, _ *bbolt.Bucket) error { buckets = append(buckets, string(name)); return nil })
					if !slices.Equal(buckets, slices.Sorted(slices.Values(names))) {
						t.Errorf("%s: buckets %q", when, buckets)
					}
					for _, name := range names {
						var got [][2][]byte
						tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
							got = append(got, [2][]byte{bytes.Clone(k), bytes.Clone(v)})
							return nil
						})
						if len(got) != len(want[name]) {
							t.Errorf("%s: bucket %s has %d keys, want %d", when, name, len(got), len(want[name]))
							continue
						}
						for i := range got {
							if !bytes.Equal(got[i][0], want[name][i][0]) || !bytes.Equal(got[i][1], want[name][i][1]) {
								t.Errorf("%s: bucket %s, key #%d: %q (%d bytes), want %q (%d bytes)", when, name, i, got[i][0], len(got[i][1]), want[name][i][0], len(want[name][i][1]))
								break
							}
						}
						// A key is found by seeking too, through the branches.
						if len(want[name]) > 0 {
							kv := want[name][rng.IntN(len(want[name]))]
							if v := tx.Bucket([]byte(name)).Get(kv[0]); !bytes.Equal(v, kv[1]) {
								t.Errorf("%s: bucket %s: Get(%q) = %d bytes, want %d", when, name, kv[0], len(v), len(kv[1]))
							}
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			checkBranches(t, path)
			check("as written")

			// bbolt writes on: deletes most of the deep bucket (merging
			// its pages), adds to the empty and the one-key buckets.
			err = db.Update(func(tx *bbolt.Tx) error {
				deep := tx.Bucket([]byte("deep"))
				var kept [][2][]byte
				for i, kv := range want["deep"] {
					if i%10 != 0 {
						if err := deep.Delete(kv[0]); err != nil {
							return err
						}
						continue
					}
					kept = append(kept, kv)
				}
				want["deep"] = kept
				for _, name := range []string{"empty", "one"} {
					b := tx.Bucket([]byte(name))
					for i := range 500 {
						k := fmt.Appendf(nil, "added %04d", i)
						if err := b.Put(k, k); err != nil {
							return err
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"empty", "one"} {
				for i := range 500 {
					k := fmt.Appendf(nil, "added %04d", i)
					want[name] = append(want[name], [2][]byte{k, k})
				}
				slices.SortFunc(want[name], func(a, b [2][]byte) int { return bytes.Compare(a[0], b[0]) })
			}
			check("after bbolt's writes")
		})
	}
}

// TestPageWriterRefuses: what bbolt would refuse to put, a key out of
// order or twice in a bucket, and two buckets of one name are refused.
func TestPageWriterRefuses(t *testing.T) {
	pw, err := newPageWriter(filepath.Join(t.TempDir(), "store"), storePageSize)
	if err != nil {
		t.Fatal(err)
	}
	if err := pw.put(nil, []byte("v")); err == nil {
		t.Error("an empty key was taken")
	}
	if err := pw.put(make([]byte, 32769), nil); err == nil {
		t.Error("a key of 32769 bytes was taken")
	}
	if err := pw.put([]byte("b"), nil); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"a", "b"} {
		if err := pw.put([]byte(k), nil); err == nil {
			t.Errorf("key %q after \"b\" was taken", k)
		}
	}
	// The next bucket starts its keys again.
	if err := pw.endBucket([]byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := pw.put([]byte("a"), nil); err != nil {
		t.Errorf("the next bucket's first key: %v", err)
	}
	if err := pw.endBucket([]byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := pw.close(nil); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("two buckets of one name: %v", err)
	}
	if _, err := newPageWriter(pw.f.Name(), storePageSize); err == nil {
		t.Error("a file that exists was written over")
	}
}

// checkBranches walks the store file at path as bbolt lays it out and
// fails when a branch page has fewer than two children: bbolt's check
// does not look, but its rebalancing asserts it, and panics.
func checkBranches(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int(binary.NativeEndian.Uint32(b[pageHeaderSize+8:]))
	page := func(id uint64) (flags, count int, p []byte) {
		p = b[int(id)*size:]
		return int(binary.NativeEndian.Uint16(p[8:])), int(binary.NativeEndian.Uint16(p[10:])), p
	}
	var walk func(id uint64, buckets bool)
	walk = func(id uint64, buckets bool) {
		flags, count, p := page(id)
		if flags == branchPageFlag && count < 2 {
			t.Errorf("branch page %d has %d children", id, count)
		}
		for i := range count {
			e := p[pageHeaderSize+i*pageElementSize:]
			switch flags {
			case branchPageFlag:
				walk(binary.NativeEndian.Uint64(e[8:]), buckets)
			case leafPageFlag:
				if buckets {
					pos, ksize := binary.NativeEndian.Uint32(e[4:]), binary.NativeEndian.Uint32(e[8:])
					value := e[pos+ksize:]
					if root := binary.NativeEndian.Uint64(value); root != 0 {
						walk(root, false)
					}
				}
			default:
				t.Fatalf("page %d has flags %#x", id, flags)
			}
		}
	}
	m := b[size+pageHeaderSize:] // the second meta page's, as written
	walk(binary.NativeEndian.Uint64(m[metaRoot:]), true)
}

// TestPageWriterEveryEnding: whatever number of keys a bucket has (so
// however its levels end), bbolt can take keys out of its first and
// last pages, and add to them, and checks it clean after.
func TestPageWriterEveryEnding(t *testing.T) {
	const pageSize = 1 << 10
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 1; n <= 700; n++ {
		path := filepath.Join(dir, fmt.Sprint(n))
		pw, err := newPageWriter(path, pageSize)
		if err != nil {
			t.Fatal(err)
		}
		keys := make([][]byte, n)
		for i := range keys {
			keys[i] = fmt.Appendf(nil, "%040d", 2*i) // 17 to a branch page
			if err := pw.put(keys[i], bytes.Repeat([]byte("v"), rng.IntN(60))); err != nil {
				t.Fatal(err)
			}
		}
		if err := pw.endBucket([]byte("b")); err != nil {
			t.Fatal(err)
		}
		if err := pw.close(nil); err != nil {
			t.Fatal(err)
		}
		checkBranches(t, path)
		db, err := bbolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bbolt.Tx) error {
			b := tx.Bucket([]byte("b"))
			for _, k := range [][]byte{keys[n-1], keys[0], keys[n/2]} {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			return b.Put(bytes.Repeat([]byte("9"), 40), []byte("added"))
		})
		if err == nil {
			err = db.View(func(tx *bbolt.Tx) error {
				for err := range tx.Check() {
					t.Errorf("%d keys: bbolt's check: %v", n, err)
				}
				if got, want := tx.Bucket([]byte("b")).Stats().KeyN, n+1-min(n, 3); got != want && n > 2 {
					t.Errorf("%d keys: %d left, want %d", n, got, want)
				}
				return nil
			})
		}
		db.Close()
		if err != nil {
			t.Fatalf("%d keys: %v", n, err)
		}
		os.Remove(path)
	}
}
