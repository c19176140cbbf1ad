package store

import (
	"errors"
	"slices"
	"testing"
	"time"

	"chrono/model"
)

// TestSharedHoldsNoLock: between its operations a Shared store leaves the
// file free, so another process can read it and write to it, and what that
// process writes is kept by the Shared store's next write.
func TestSharedHoldsNoLock(t *testing.T) {
	path := storeFile(t)
	sh := NewShared(path, 200*time.Millisecond)
	if n, err := sh.Count(Query{}); err != nil || n != 13 {
		t.Fatalf("Count = %d, %v; want 13", n, err)
	}
	changes, err := sh.Retag([]string{"fbi-tip"}, []string{"mine"}, nil)
	if err != nil {
		t.Fatal(err)
	}

	// Another process tags the event while the browser has it on screen.
	release := holdStore(t, path, false)
	if _, err := sh.Count(Query{}); !errors.Is(err, ErrInUse) {
		t.Errorf("a read while another process writes: %v, want ErrInUse", err)
	}
	release()
	other := openAt(t, path, Options{Timeout: time.Second})
	if _, err := other.Retag([]string{"fbi-tip"}, []string{"theirs"}, nil); err != nil {
		t.Fatal(err)
	}
	other.Close()

	if _, err := sh.RetagEach([]model.TagDelta{changes[0].Inverse()}); err != nil {
		t.Fatal(err)
	}
	d, err := sh.Detail("fbi-tip")
	if err != nil {
		t.Fatal(err)
	}
	if tags := d.Event.Tags; slices.Contains(tags, "mine") || !slices.Contains(tags, "theirs") {
		t.Errorf("tags %q after the undo; want theirs kept and mine gone", tags)
	}
}
