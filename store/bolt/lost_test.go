package bolt

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestReadOpenSaysTheLastChangeIsLost: a store opened read-only on its
// older meta page reads without error, and says so to whoever opened it,
// in the words the write guard and the check use; a whole store says
// nothing.
func TestReadOpenSaysTheLastChangeIsLost(t *testing.T) {
	path := storeFile(t)
	var whole model.Store = openAt(t, path, Options{ReadOnly: true})
	if why := whole.(model.RollbackReporter).LastChangeLost(); why != "" {
		t.Errorf("a whole store: LastChangeLost = %q, want nothing", why)
	}
	whole.Close()

	damageMeta(t, path, -1, metaChecksum)
	var s model.Store = openAt(t, path, Options{ReadOnly: true})
	r, ok := s.(model.RollbackReporter)
	if !ok {
		t.Fatal("a bbolt store does not say whether its last change is lost")
	}
	if why := r.LastChangeLost(); !strings.Contains(why, "last change may be lost") {
		t.Errorf("LastChangeLost = %q, want the damaged meta page named", why)
	}
}

// A store opened for each read (as the browser and chrono serve open
// it) says so too, so that its browsers can.
func TestSharedSaysTheLastChangeIsLost(t *testing.T) {
	path := storeFile(t)
	whole := NewShared(path, Options{})
	if why := whole.LastChangeLost(); why != "" {
		t.Errorf("a whole store: LastChangeLost = %q, want nothing", why)
	}
	whole.Close()
	damageMeta(t, path, -1, metaChecksum)
	s := NewShared(path, Options{})
	defer s.Close()
	if why := s.LastChangeLost(); !strings.Contains(why, "last change may be lost") {
		t.Errorf("LastChangeLost = %q, want the damaged meta page named", why)
	}
}
