package bolt

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

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
