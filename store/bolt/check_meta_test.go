package bolt

import (
	"strings"
	"testing"
)

// TestCheckReportsADamagedNewestMetaPage: a store whose newest meta page
// fails its checksum reads as of before its last change; its check says
// so rather than find it whole.
func TestCheckReportsADamagedNewestMetaPage(t *testing.T) {
	path := storeFile(t)
	damageMeta(t, path, -1, metaChecksum)
	s := openAt(t, path, Options{ReadOnly: true})
	defer s.Close()
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || !strings.Contains(r.Mismatches[0].What, "last change may be lost") {
		t.Errorf("check: %+v, want the damaged meta page reported", r)
	}
}
