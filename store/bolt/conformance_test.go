package bolt

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// TestConformance runs the store contract's suite against both ways of
// holding a bbolt store: open for as long as it is used, and opened for
// each burst of work. Besides the contract's answers, it checks after
// every change that the indexes and counts agree with the events, and
// that refused writes leave every byte of every bucket as it was.
func TestConformance(t *testing.T) {
	t.Run("Store", func(t *testing.T) {
		storetest.Run(t, harness(func(t *testing.T) model.Store {
			return openAt(t, filepath.Join(t.TempDir(), "chrono.db"), Options{Author: "tester@conformance"})
		}))
	})
	t.Run("Shared", func(t *testing.T) {
		storetest.Run(t, harness(func(t *testing.T) model.Store {
			path := filepath.Join(t.TempDir(), "chrono.db")
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			sh := NewShared(path, Options{Timeout: time.Second, Author: "tester@conformance"})
			t.Cleanup(func() { sh.Close() })
			return sh
		}))
	})
}

func harness(open func(t *testing.T) model.Store) storetest.Harness {
	return storetest.Harness{
		Open: open,
		Check: func(t testing.TB, s model.Store) {
			t.Helper()
			withStore(t, s, func(st *Store) { checkInvariants(t, st) })
			storetest.CheckWritten(t, s.(model.EventsVerifier))
		},
		Dump: func(t testing.TB, s model.Store) map[string]string {
			t.Helper()
			flat := map[string]string{}
			withStore(t, s, func(st *Store) {
				for bucket, kv := range dumpOf(t, st) {
					for k, v := range kv {
						flat[bucket+"/"+k] = v
					}
				}
			})
			return flat
		},
		Reopen: func(t *testing.T, s model.Store, author string) model.Store {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if _, ok := s.(*Shared); ok {
				sh := NewShared(s.Location(), Options{Timeout: time.Second, Author: author})
				t.Cleanup(func() { sh.Close() })
				return sh
			}
			return openAt(t, s.Location(), Options{Author: author})
		},
		AlterEvent: func(t *testing.T, s model.Store, id, old, new string) model.Store {
			// The file is changed with bbolt alone, as a hex editor
			// would: no index or count follows.
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			db, err := bbolt.Open(s.Location(), 0o600, &bbolt.Options{Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(tx *bbolt.Tx) error {
				b := bucketsOf(tx)
				order := b.ids.Get([]byte(id))
				v := b.events.Get(order)
				if len(old) != len(new) || !bytes.Contains(v, []byte(old)) {
					t.Fatalf("event %q: %q is not in its stored value, or %q is not as long", id, old, new)
				}
				return b.events.Put(order, bytes.Replace(bytes.Clone(v), []byte(old), []byte(new), 1))
			})
			if cerr := db.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := s.(*Shared); ok {
				sh := NewShared(s.Location(), Options{Timeout: time.Second, Author: "tester@conformance"})
				t.Cleanup(func() { sh.Close() })
				return sh
			}
			return openAt(t, s.Location(), Options{Author: "tester@conformance"})
		},
		InJournal: func(key string) bool {
			for _, bk := range []bucket{bucketJournal, bucketHistory} {
				if strings.HasPrefix(key, string(bk.name)+"/") {
					return true
				}
			}
			return false
		},
	}
}

// withStore runs f on the *Store behind s: itself, or, for a Shared one,
// the file opened read-only for the moment.
func withStore(t testing.TB, s model.Store, f func(*Store)) {
	t.Helper()
	switch s := s.(type) {
	case *Store:
		f(s)
	case *Shared:
		st, err := Open(s.Location(), Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		f(st)
	default:
		t.Fatalf("not a bbolt store: %T", s)
	}
}
