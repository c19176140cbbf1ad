package bolt

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// The fixture is the conformance suite's (storetest); these are its
// names in this package's own tests, which are about bbolt.
const (
	extraDoc  = storetest.ExtraDoc
	newEvents = storetest.NewEvents
)

var (
	exampleDoc  = storetest.ExampleDoc
	nativeInput = storetest.NativeInput
)

// openAt opens (or creates) the store at path and closes it when the test
// ends.
func openAt(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newEmptyStore opens a new store in the test's temporary directory.
func newEmptyStore(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "chrono.db"), Options{})
}

// newStore opens a new store holding the example and extraDoc.
func newStore(t testing.TB) *Store {
	t.Helper()
	s := newEmptyStore(t)
	storetest.Seed(t, s)
	return s
}

// storeFile makes a closed store holding the example.
func storeFile(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "chrono.db")
	writeExampleStore(t, path)
	return path
}

// writeExampleStore makes a store at path holding the example, and closes
// it, for a test that opens it its own way.
func writeExampleStore(t testing.TB, path string) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	importDocs(t, s, nativeInput("timeline.example.json", exampleDoc(t)))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// The tests that need a second process (one holding a lock, one killed
// mid-import, one whose disk fills) run the test binary again: only the
// helper test, told what to do by environment variables.

// childProcess is the test binary running only the helper test named,
// with env (KEY=value) added to the environment.
func childProcess(helper string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+helper+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// childStore is the store a helper test is to work on, from the variable
// key; run on its own, as any test, the helper skips, saying which test
// runs it.
func childStore(t *testing.T, key, parent string) string {
	t.Helper()
	path := os.Getenv(key)
	if path == "" {
		t.Skip("run by " + parent + " in a process of its own")
	}
	return path
}

// importDocs imports inputs, failing the test on any error.
func importDocs(t testing.TB, s *Store, inputs ...model.Input) []model.ImportResult {
	t.Helper()
	return storetest.Import(t, s, inputs...)
}

// storedEvent returns an event that must exist.
func storedEvent(t testing.TB, s *Store, id string) model.Event {
	t.Helper()
	return storetest.StoredEvent(t, s, id)
}

// dump is every key and value of every bucket of a store: two equal dumps
// mean two stores are identical, indexes and counts included, whatever
// bbolt did to its pages.
type dump map[string]map[string]string

func dumpOf(t testing.TB, s *Store) dump {
	t.Helper()
	d := dump{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			m := map[string]string{}
			d[string(name)] = m
			return b.ForEach(func(k, v []byte) error {
				// Whether a writer is at work is not the store's content.
				if string(name) != string(bucketMeta.name) || string(k) != string(keyClosed) {
					m[string(k)] = string(v)
				}
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// assertUnchanged fails the test when the store differs from before.
func assertUnchanged(t testing.TB, s *Store, before dump) {
	t.Helper()
	after := dumpOf(t, s)
	if reflect.DeepEqual(before, after) {
		return
	}
	for bucket := range mergeKeys(before, after) {
		for k := range mergeKeys(before[bucket], after[bucket]) {
			b, inB := before[bucket][k]
			a, inA := after[bucket][k]
			if b != a || inB != inA {
				t.Errorf("store changed: %s/%q: before %q (present %v), after %q (present %v)", bucket, k, b, inB, a, inA)
			}
		}
	}
}

func mergeKeys[V any](a, b map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// newSynthStore is a new store holding a synthetic investigation of n
// events (chrono synth).
func newSynthStore(t testing.TB, n int) *Store {
	t.Helper()
	in := storetest.SynthInput(t, n)
	in.Size = -1
	s := newEmptyStore(t)
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}
