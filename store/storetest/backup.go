package storetest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// testBackup: a backup goes to a new file, of the size Backup reports,
// and never over one that exists; it reports the copy's chain as the
// store's, holding. What a backup holds is for each implementation to
// check, as only it can open one.
func testBackup(t *testing.T, s *suite) {
	st := s.seeded(t)
	before := s.snapshot(t, st)
	out := filepath.Join(t.TempDir(), "copy.db")
	rep, err := st.Backup(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() != rep.Size {
		t.Fatalf("backup wrote %d bytes, the file: %v %v", rep.Size, fi, err)
	}
	if v, ok := st.(model.JournalVerifier); ok {
		if found, err := v.VerifyJournal(); err != nil || !rep.Chain.OK() || rep.Chain != found {
			t.Errorf("backup reports the chain %+v; the store's is %+v, %v", rep.Chain, found, err)
		}
	}
	written, _ := os.ReadFile(out)
	if _, err := st.Backup(out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second backup to the same file: %v, want a refusal", err)
	}
	if after, _ := os.ReadFile(out); !slices.Equal(written, after) {
		t.Error("the refused backup changed the file")
	}
	s.assertUnchanged(t, st, before)
}

// testBackupKeepsLinksToTheTrash: events on the timeline may link to
// events in the trash (they are kept, for the events may be restored),
// and a backup copies the store as it is, those links with it: they are
// no reason to refuse it.
func testBackupKeepsLinksToTheTrash(t *testing.T, s *suite) {
	st := s.seeded(t)
	trashSome(t, st)
	before := s.snapshot(t, st)
	out := filepath.Join(t.TempDir(), "copy.db")
	if _, err := st.Backup(out); err != nil {
		t.Fatalf("a backup of a store whose events link to events in the trash: %v", err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Errorf("the backup: %v, %v", fi, err)
	}
	s.assertUnchanged(t, st, before)
}
