package model

// ImportBase returns the version of an event that the last import to
// touch it left (or, where that import kept values changed in chrono,
// the version the file would have made: EventChange.Imported), read from
// history: the entries that touched the event, newest first, each with
// that event's change (as JournalQuery.Event reads them). It returns nil
// when nothing but that import has changed the event since, or when no
// import has touched it (an event added in chrono), or when the journal
// does not say: the file's fields are then taken as they are. An import
// that was undone, and not redone, counts as never made.
func ImportBase(history []Entry) *Event {
	// Each entry holds the one event's change (JournalQuery.Event), and
	// nothing here fails.
	change := func(i int) (*EventChange, error) {
		for _, c := range history[i].Events {
			return &c, nil
		}
		return nil, nil
	}
	imported := func(i int) (*Event, error) {
		c, err := change(i)
		return importedOf(c), err
	}
	base, _ := ImportBaseFrom(history, imported, change)
	return base
}

// ImportBaseFrom is ImportBase for a store that reads an entry's change
// of the event only when asked: heads are the entries without their
// events (Seq, Op and Reverts are read); imported returns what the import
// heads[i] kept of the file for the event (EventChange.Imported), nil
// when it took the file's every field; change returns the change of
// heads[i], or nil. It asks imported once and change once at most, so
// that the big entries of imports are not read for every event of the
// next import.
func ImportBaseFrom(heads []Entry, imported func(i int) (*Event, error), change func(i int) (*EventChange, error)) (*Event, error) {
	// An entry and the undo of it just after, or a redo and the undo it
	// reverts, leave the event as it was before them: they are passed
	// over, and the change after them found what the one before left.
	// An undo that a later entry reverts in turn is not passed over: that
	// redo counts.
	reverted := map[uint64]bool{}
	for _, e := range heads {
		if e.Op == OpUndo {
			reverted[e.Reverts] = true
		}
	}
	kept := make([]int, 0, len(heads))
	for i := len(heads) - 1; i >= 0; i-- {
		if n := len(kept); n > 0 && heads[i].Op == OpUndo && heads[i].Reverts == heads[kept[n-1]].Seq && !reverted[heads[i].Seq] {
			kept = kept[:n-1]
			continue
		}
		kept = append(kept, i)
	}
	// kept runs oldest first: walk it newest first.
	undone := map[uint64]bool{}
	for k := len(kept) - 1; k >= 0; k-- {
		e := &heads[kept[k]]
		if undone[e.Seq] {
			continue
		}
		if e.Op == OpUndo && e.Reverts != 0 {
			// An undo cancels what it reverts; a redo, the undo (whose
			// own revert then stands cancelled with it).
			undone[e.Reverts] = true
			continue
		}
		if e.Op != OpImport {
			continue
		}
		file, err := imported(kept[k])
		if err != nil || file != nil {
			return file, err // what the file said, where chrono's values were kept
		}
		if k == len(kept)-1 {
			return nil, nil
		}
		// The version the import left is the one the next entry to
		// touch the event found.
		next, err := change(kept[k+1])
		if err != nil || next == nil || next.From != OnTimeline {
			return nil, err
		}
		return next.Before, nil
	}
	return nil, nil
}

func importedOf(c *EventChange) *Event {
	if c == nil {
		return nil
	}
	return c.Imported
}

// KeptOverFile names the fields in which an import's change kept values
// changed in chrono since the last import (Imported differs from After),
// once the version it left is known (After); nil for any other change.
// A field the file does not carry holds the last import's value in
// Imported, so it is named too: what is said of these fields is that
// chrono's changes stood, not that the file said otherwise.
func (c *EventChange) KeptOverFile() []string {
	if c.Imported == nil || c.After == nil {
		return nil
	}
	return Fields(c.After, c.Imported)
}
