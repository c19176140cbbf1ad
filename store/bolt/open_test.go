package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

func TestOpenNewStoreRecordsSchema(t *testing.T) {
	// The directory does not exist yet: Open makes it.
	path := filepath.Join(t.TempDir(), "cases", "nso", "chrono.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Location() != path {
		t.Errorf("Location() = %q, want %q", s.Location(), path)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *bbolt.Tx) error {
		for _, bk := range allBuckets {
			if tx.Bucket(bk.name) == nil {
				t.Errorf("bucket %s missing", bk.name)
			}
		}
		meta := tx.Bucket(bucketMeta.name)
		if meta == nil {
			return nil
		}
		if got := string(meta.Get(keyFormat)); got != "chrono" {
			t.Errorf("meta/format = %q, want chrono", got)
		}
		v, n := binary.Uvarint(meta.Get(keySchema))
		if n <= 0 || v != SchemaVersion {
			t.Errorf("meta/schema = %d (read %d bytes), want %d", v, n, SchemaVersion)
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
}

func TestReopenKeepsTheInvestigation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chrono.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	importDocs(t, s, nativeInput("timeline.example.json", exampleDoc(t)))
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"follow-up"}, nil); err != nil {
		t.Fatal(err)
	}
	before := dumpOf(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	for _, opts := range []Options{{}, {ReadOnly: true}} {
		s := openAt(t, path, opts)
		assertUnchanged(t, s, before)
		if n, err := s.Count(model.Query{}); err != nil || n != 13 {
			t.Errorf("reopened with %+v: Count = %d, %v; want 13", opts, n, err)
		}
		if e := storedEvent(t, s, "fbi-tip"); !e.HasTag("follow-up") {
			t.Errorf("reopened with %+v: the tag added before closing is gone", opts)
		}
		if h, err := s.Header(); err != nil || h.Title == "" {
			t.Errorf("reopened with %+v: Header = %+v, %v", opts, h, err)
		}
		s.Close()
	}
}

// TestOpenRefusesForeignFiles: a --db pointing at the wrong file must be
// reported, whichever way it is opened, and the file must not be touched.
func TestOpenRefusesForeignFiles(t *testing.T) {
	randomBytes := func(n int) []byte {
		b := make([]byte, n)
		rand.NewChaCha8([32]byte{'c', 'h', 'r', 'o', 'n', 'o'}).Read(b)
		return b
	}
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want error
	}{
		{"empty file", writeFile(nil), model.ErrNotChrono},
		{"short text file", writeFile([]byte("hello\n")), model.ErrNotChrono},
		{"a chrono JSON document", func(t *testing.T, path string) { writeFile(exampleDoc(t))(t, path) }, model.ErrNotChrono},
		{"random bytes", writeFile(randomBytes(16 << 10)), model.ErrNotChrono},
		{"random bytes with bbolt's magic", func(t *testing.T, path string) {
			// Past the sniff, so bbolt itself must reject the file.
			b := randomBytes(16 << 10)
			for _, page := range []int{0, 4096} {
				binary.LittleEndian.PutUint32(b[page+bboltMagicOffset:], bboltMagic)
			}
			writeFile(b)(t, path)
		}, model.ErrNotChrono},
		{"bbolt file of another program", func(t *testing.T, path string) {
			boltFile(t, path, func(tx *bbolt.Tx) error {
				b, err := tx.CreateBucket([]byte("settings"))
				if err != nil {
					return err
				}
				return b.Put([]byte("theme"), []byte("dark"))
			})
		}, model.ErrNotChrono},
		{"bbolt file with a meta bucket that is not chrono's", func(t *testing.T, path string) {
			boltFile(t, path, func(tx *bbolt.Tx) error {
				b, err := tx.CreateBucket(bucketMeta.name)
				if err != nil {
					return err
				}
				return b.Put(keySchema, binary.AppendUvarint(nil, 1))
			})
		}, model.ErrNotChrono},
		{"chrono store with schema 0", func(t *testing.T, path string) {
			chronoStoreWithSchema(t, path, 0)
		}, model.ErrNotChrono},
		{"chrono store from a newer chrono", func(t *testing.T, path string) {
			chronoStoreWithSchema(t, path, SchemaVersion+1)
		}, model.ErrNewerSchema},
	}
	for _, tt := range tests {
		for _, readOnly := range []bool{false, true} {
			name := tt.name
			if readOnly {
				name += "/read-only"
			}
			t.Run(name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "chrono.db")
				tt.make(t, path)
				before, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				s, err := Open(path, Options{ReadOnly: readOnly, Timeout: time.Second})
				if err == nil {
					s.Close()
					t.Fatal("Open succeeded")
				}
				t.Logf("Open: %v", err)
				if !errors.Is(err, tt.want) {
					t.Errorf("error %q is not %q", err, tt.want)
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error %q does not name the file %s", err, path)
				}
				after, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(before, after) {
					t.Errorf("Open changed the file: %d bytes before, %d after", len(before), len(after))
				}
			})
		}
	}
}

func TestOpenDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, opts := range []Options{{}, {ReadOnly: true}} {
		s, err := Open(dir, opts)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%s, %+v) of a directory succeeded", dir, opts)
		}
		if !strings.Contains(err.Error(), dir) {
			t.Errorf("error %q does not name the directory", err)
		}
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
		t.Errorf("the directory now holds %v (%v), want nothing", entries, err)
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	path := filepath.Join(dir, "chrono.db")
	s, err := Open(path, Options{ReadOnly: true})
	if err == nil {
		s.Close()
		t.Fatal("read-only Open of a missing store succeeded")
	}
	if !errors.Is(err, model.ErrNoStore) {
		t.Errorf("error %q is not model.ErrNoStore", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only Open created %s (stat: %v)", dir, err)
	}
}

func TestOpenNoCreateMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	path := filepath.Join(dir, "chrono.db")
	s, err := Open(path, Options{NoCreate: true})
	if err == nil {
		s.Close()
		t.Fatal("Open with NoCreate of a missing store succeeded")
	}
	if !errors.Is(err, model.ErrNoStore) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %q is not model.ErrNoStore naming %s", err, path)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open with NoCreate made %s (stat: %v)", dir, err)
	}
	// A store that exists opens for writing.
	s = openAt(t, storeFile(t), Options{NoCreate: true})
	if _, err := storetest.Retag(s, []string{"nso-mobileum-call"}, []string{"flagged"}, nil); err != nil {
		t.Errorf("writing a store opened with NoCreate: %v", err)
	}
}

func TestReadOnlyStoreRefusesWrites(t *testing.T) {
	ro := openAt(t, storeFile(t), Options{ReadOnly: true})
	before := dumpOf(t, ro)
	call := storedEvent(t, ro, "nso-mobileum-call")
	changed := call
	changed.Title = "rewritten"

	writes := map[string]func() error{
		"Retag": func() error {
			_, err := storetest.Retag(ro, []string{"nso-mobileum-call"}, []string{"flagged"}, []string{"ss7"})
			return err
		},
		"AddNote": func() error {
			_, err := storetest.AddNote(ro, "nso-mobileum-call", "a note", time.Now())
			return err
		},
		"Restore": func() error {
			_, err := storetest.Restore(ro, []model.Event{changed})
			return err
		},
		"Import": func() error {
			_, err := ro.Import([]model.Input{nativeInput("extra.json", []byte(extraDoc))}, model.ImportOptions{})
			return err
		},
		"Import dry run": func() error {
			_, err := ro.Import([]model.Input{nativeInput("extra.json", []byte(extraDoc))}, model.ImportOptions{DryRun: true})
			return err
		},
		"beginImport": func() error {
			im, err := ro.beginImport(false)
			if err == nil {
				im.Rollback()
			}
			return err
		},
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, model.ErrReadOnly) {
			t.Errorf("%s on a read-only store: error %v, want model.ErrReadOnly", name, err)
		}
	}
	assertUnchanged(t, ro, before)
	if n, err := ro.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("reading the read-only store: Count = %d, %v; want 13", n, err)
	}
}

// writeFile returns a maker of a file holding b.
func writeFile(b []byte) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		t.Helper()
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// boltFile makes a bbolt database at path with bbolt alone, as another
// program would.
func boltFile(t *testing.T, path string, fill func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fill); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// chronoStoreWithSchema makes a chrono store holding the example, then
// rewrites its schema version behind chrono's back.
func chronoStoreWithSchema(t *testing.T, path string, v uint64) {
	t.Helper()
	writeExampleStore(t, path)
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMeta.name).Put(keySchema, binary.AppendUvarint(nil, v))
	})
	if err != nil {
		t.Fatal(err)
	}
}
