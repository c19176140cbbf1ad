package sshd

import (
	"errors"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/tui"
)

func TestBucketLetsNAPeriod(t *testing.T) {
	b := newBucket(3, time.Second)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3 {
		if !b.allow(at) {
			t.Fatalf("take %d of 3 refused", i+1)
		}
	}
	if b.allow(at) {
		t.Error("a fourth in the same instant was allowed")
	}
	if !b.allow(at.Add(400 * time.Millisecond)) {
		t.Error("a third of a second later, one more was refused")
	}
	if b.allow(at.Add(400 * time.Millisecond)) {
		t.Error("two more were allowed after a third of a second")
	}
}

// countingStore counts the writes that reach it.
type countingStore struct {
	model.Store
	writes int
}

func (s *countingStore) Write(model.Op, string, func(model.Tx) error) (model.Entry, error) {
	s.writes++
	return model.Entry{}, nil
}

func TestLimitedStore(t *testing.T) {
	inner := &countingStore{}
	read := limitedStore{Store: inner, role: tui.RoleRead, writes: newBucket(10, time.Minute), limit: 10}
	if _, err := read.Write(model.OpTag, "tag", nil); !errors.Is(err, model.ErrReadOnly) || inner.writes != 0 {
		t.Errorf("a read role's write: %v, %d writes", err, inner.writes)
	}
	edit := limitedStore{Store: inner, role: tui.RoleEdit, writes: newBucket(2, time.Minute), limit: 2}
	for range 2 {
		if _, err := edit.Write(model.OpTag, "tag", nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := edit.Write(model.OpTag, "tag", nil); err == nil || !strings.Contains(err.Error(), "more than 2 changes in a minute") || inner.writes != 2 {
		t.Errorf("a write over the limit: %v, %d writes", err, inner.writes)
	}
}

// releasing is a store that counts the times it is let go.
type releasing struct {
	model.Store
	released int
}

func (r *releasing) Release() { r.released++ }

// TestLimitedStorePassesReleaseOn: the session's store does not hide
// that the store under it can let its file go between a scan's pages.
func TestLimitedStorePassesReleaseOn(t *testing.T) {
	under := &releasing{}
	var s model.Store = limitedStore{Store: under}
	r, ok := s.(model.Releaser)
	if !ok {
		t.Fatal("a session's store hides Release")
	}
	r.Release()
	if under.released != 1 {
		t.Errorf("the store under it was let go %d times; want 1", under.released)
	}
}
