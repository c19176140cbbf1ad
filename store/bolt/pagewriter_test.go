package bolt

import (
	"bytes"
	"fmt"
	"math/rand/v2"
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
			names := []string{"zeta", "alpha", "empty", "deep", "big", "one", "nil values"}
			path := filepath.Join(t.TempDir(), "store")
			pw, err := newPageWriter(path, pageSize)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range names {
				n := map[string]int{"deep": 30_000, "big": 40, "one": 1, "empty": 0, "nil values": 3_000}[name]
				if n == 0 && name != "empty" {
					n = 200
				}
				keys := map[string]bool{}
				for len(keys) < n {
					k := fmt.Sprintf("%0*d", 1+rng.IntN(40), rng.IntN(1e9))
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

// TestPageWriterRefuses: what bbolt would refuse to put is refused.
func TestPageWriterRefuses(t *testing.T) {
	pw, err := newPageWriter(filepath.Join(t.TempDir(), "store"), storePageSize)
	if err != nil {
		t.Fatal(err)
	}
	defer pw.f.Close()
	if err := pw.put(nil, []byte("v")); err == nil {
		t.Error("an empty key was taken")
	}
	if err := pw.put(make([]byte, 32769), nil); err == nil {
		t.Error("a key of 32769 bytes was taken")
	}
	if _, err := newPageWriter(pw.f.Name(), storePageSize); err == nil {
		t.Error("a file that exists was written over")
	}
}
