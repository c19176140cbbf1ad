package model

import (
	"errors"
	"fmt"
	"testing"
)

// manyAsked is a transaction whose store writes a revert of many events
// its own way: it ends the write when told how many, and counts what
// was read of the journal and the events before.
type manyAsked struct {
	Tx
	later, events int
}

var errOwnWay = errors.New("written the store's own way")

func (m *manyAsked) ManyReverted(int) error { return errOwnWay }

func (m *manyAsked) Later(seq uint64) ([]Entry, error) {
	m.later++
	return m.Tx.Later(seq)
}

func (m *manyAsked) Event(id string) (Event, error) {
	m.events++
	return m.Tx.Event(id)
}

// TestManyRevertedAskedFirst: a store that writes a revert of many
// events its own way is told so before the revert reads the journal
// after the entry and fills in its updates' versions, which the write
// run again reads anew: at an import's hundreds of thousands of events
// and a long journal after it, read twice for a refusal.
func TestManyRevertedAskedFirst(t *testing.T) {
	w := newMemWriter()
	var events []Event
	for i := range manyReverted + 1 {
		events = append(events, Event{ID: fmt.Sprintf("e-%d", i), Title: "First"})
	}
	var e Entry
	_, err := w.Write(OpImport, "imported", func(tx Tx) error {
		for _, ev := range events {
			if err := tx.PutEvent(ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The import's updates: each event's version before, its after
	// filled in from the store.
	e, err = w.Write(OpImport, "updated", func(tx Tx) error {
		for _, ev := range events {
			ev.Title = "Again"
			if err := tx.PutEvent(ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Write(OpUndo, "reverted", func(tx Tx) error {
		m := &manyAsked{Tx: tx}
		err := RevertEntry(m, e)
		if m.later != 0 || m.events != 0 {
			t.Errorf("read the journal %d times and %d events before the store was told", m.later, m.events)
		}
		return err
	})
	if !errors.Is(err, errOwnWay) {
		t.Fatalf("revert: %v; want the store's own way", err)
	}
}
