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

	"chrono/model"
	"chrono/store/storetest"
)

func TestBackup(t *testing.T) {
	s := newStore(t)
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"checked"}, nil); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	n, err := s.Backup(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() != n {
		t.Fatalf("backup wrote %d bytes, the file: %v %v", n, fi, err)
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
