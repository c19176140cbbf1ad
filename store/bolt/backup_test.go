package bolt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

func TestBackup(t *testing.T) {
	s := newStore(t)
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"checked"}, nil); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	rep, err := s.Backup(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() != rep.Size {
		t.Fatalf("backup wrote %d bytes, the file: %v %v", rep.Size, fi, err)
	}
	copied := openAt(t, out, Options{ReadOnly: true})
	if got, want := storetest.AllEvents(t, copied), storetest.AllEvents(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("the copy holds other events than the store")
	}
	if d, err := copied.Detail("fbi-tip"); err != nil || !slices.Contains(d.Event.Tags, "checked") {
		t.Errorf("the copy lost the tag written before it: %v %v", d.Event.Tags, err)
	}
	checkInvariants(t, copied)

	// A backup never overwrites, and leaves nothing behind when it fails.
	before, _ := os.ReadFile(out)
	if _, err := s.Backup(out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second backup to the same file: %v, want a refusal", err)
	}
	if after, _ := os.ReadFile(out); !slices.Equal(before, after) {
		t.Error("the refused backup changed the file")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".copy.db.backup-*")); len(left) > 0 {
		t.Errorf("left behind: %q", left)
	}
}

// TestBackupOfADamagedStore: a backup is made only once every page of the
// copy has been read. Of stores with a byte flipped in a page, those that
// open are backed up or refused; every backup made reads whole, and the
// damage the counts do not see is refused.
func TestBackupOfADamagedStore(t *testing.T) {
	good, err := os.ReadFile(storeFile(t))
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	dir := t.TempDir()
	refused := 0
	for off := 2 * page; off < len(good); off += page {
		for _, at := range []int{16, 40, 100, 700, 2000} {
			damaged := bytes.Clone(good)
			damaged[off+at] ^= 0xff
			path := filepath.Join(dir, "damaged.db")
			if err := os.WriteFile(path, damaged, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				continue
			}
			out := filepath.Join(dir, "backup.db")
			_, err = s.Backup(out)
			s.Close()
			if err != nil {
				refused++
				if !errors.Is(err, model.ErrDamaged) || !strings.Contains(err.Error(), out) {
					t.Errorf("byte %d: the refusal %q names not the backup, or says not damaged", off+at, err)
				}
				if entries, _ := os.ReadDir(dir); len(entries) != 1 {
					t.Errorf("byte %d: a refused backup left %d files", off+at, len(entries)-1)
				}
				continue
			}
			copied, err := Open(out, Options{ReadOnly: true})
			if err != nil {
				t.Errorf("byte %d: the backup made does not open: %v", off+at, err)
			} else {
				if errs := readEverything(copied); len(errs) > 0 {
					t.Errorf("byte %d: a backup was made of a damaged store: %v", off+at, errs[0])
				}
				copied.Close()
			}
			os.Remove(out)
		}
	}
	if refused == 0 {
		t.Error("no damaged store was refused a backup")
	}
}

// TestBackupKeepsATamperedJournal: a journal altered in the file is
// evidence of that, and a backup keeps it as found: every entry's bytes
// copied, so that the copy's chain breaks where the store's does, the
// same way, and Backup reports the break. An entry that cannot be read
// at all is damage, refused as any other.
func TestBackupKeepsATamperedJournal(t *testing.T) {
	for _, tc := range tamperings {
		t.Run(tc.name, func(t *testing.T) {
			path, _ := chainedFile(t)
			alterJournal(t, path, func(journal *bbolt.Bucket) error { return tc.alter(t, journal) })
			found := verifyFile(t, path)
			s := openAt(t, path, Options{ReadOnly: true})
			out := filepath.Join(t.TempDir(), "copy.db")
			rep, err := s.Backup(out)
			if tc.fault == model.ChainUnreadable {
				if !errors.Is(err, model.ErrDamaged) {
					t.Errorf("backup of a journal with an entry no chrono reads: %v; want it refused as damaged", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("backup: %v", err)
			}
			if rep.Chain.OK() || !reflect.DeepEqual(rep.Chain, found) {
				t.Errorf("Backup reports the chain %+v; the store's is %+v", rep.Chain, found)
			}
			if copied := verifyFile(t, out); !reflect.DeepEqual(copied, found) {
				t.Errorf("the copy's chain: %+v; the store's: %+v", copied, found)
			}
			if got, want := storedJournal(t, out), storedJournal(t, path); !reflect.DeepEqual(got, want) {
				t.Errorf("the copy's journal is not the store's as found")
			}
		})
	}
}

// storedJournal is the journal bucket of the store file at path, each
// entry's bytes by key.
func storedJournal(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	entries := map[string]string{}
	err = db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketJournal.name).ForEach(func(k, v []byte) error {
			entries[string(k)] = string(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return entries
}
