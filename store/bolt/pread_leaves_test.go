package bolt

import (
	"fmt"
	"testing"
)

// TestLeafRingKeepsTheLastLeaves: a leaf kept is given back by its id
// until recentLeaves others have been kept after it; no other id gives
// it back.
func TestLeafRingKeepsTheLastLeaves(t *testing.T) {
	var r leafRing
	if p := r.page(0); p != nil {
		t.Fatalf("an empty ring gives back %q for page 0", p)
	}
	page := func(id uint64) []byte { return fmt.Appendf(nil, "leaf %d", id) }
	for id := uint64(1); id <= recentLeaves+5; id++ {
		r.keep(id, page(id))
	}
	for id := uint64(1); id <= recentLeaves+6; id++ {
		got := r.page(id)
		kept := id > 5 && id <= recentLeaves+5
		switch {
		case kept && string(got) != string(page(id)):
			t.Errorf("page(%d) = %q, want %q", id, got, page(id))
		case !kept && got != nil:
			t.Errorf("page(%d) = %q, want none: it was let go of, or never kept", id, got)
		}
	}
}
