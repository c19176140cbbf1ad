package model

import (
	"errors"
	"fmt"
	"slices"
)

// An event in the trash keeps its quotes, and so the sources they cite;
// but a source nothing on the timeline cites may be removed meanwhile
// (source rm, or the undo of the import that brought both). Restored
// without it, the event would cite a source the store no longer has: its
// export would not import back. So a restore brings back, as it was when
// it was removed, each source its event cites and the store lacks, from
// the journal that recorded the removal.

// citedBack finds the sources a restore brings back: the last version
// of every source the journal recorded, read once a transaction, when
// the first restored event lacks one.
type citedBack struct {
	last map[string]*Source
}

// restoreCited puts back the sources event id, just restored, cites and
// tx lacks.
func (cb *citedBack) restoreCited(tx Tx, id string) error {
	e, err := tx.Event(id)
	if err != nil {
		return err
	}
	for _, src := range AppendCited(nil, &e) {
		_, err := tx.Source(src)
		switch {
		case err == nil:
			continue
		case !errors.Is(err, ErrNotFound):
			return err
		}
		if cb.last == nil {
			if err := cb.read(tx); err != nil {
				return err
			}
		}
		s := cb.last[src]
		if s == nil {
			return fmt.Errorf("event %q cites source %q, which the store no longer has and its journal does not hold: add the source (chrono source add --id %s) and restore the event again", id, src, src)
		}
		if err := tx.PutSource(*s); err != nil {
			return err
		}
	}
	return nil
}

// RecordedSources is a Tx that reads the changes to sources its journal
// recorded without the entries' events: the restore of an event whose
// source is gone reads every entry, and an entry's events may be a
// million versions (the undo of an import, whose redo restores them).
type RecordedSources interface {
	// RecordedSources calls fn with each source change of each entry,
	// the oldest entry first.
	RecordedSources(fn func(c SourceChange) error) error
}

// read gathers the last version of every source the journal recorded.
func (cb *citedBack) read(tx Tx) error {
	cb.last = map[string]*Source{}
	if r, ok := tx.(RecordedSources); ok {
		return r.RecordedSources(func(c SourceChange) error { cb.note(c); return nil })
	}
	entries, err := tx.Later(0)
	if err != nil {
		return err
	}
	for i := range entries {
		for _, c := range entries[i].Sources {
			cb.note(c)
		}
	}
	return nil
}

// note keeps the version of a source that c left, or else found.
func (cb *citedBack) note(c SourceChange) {
	if c.After != nil {
		cb.last[c.ID] = c.After
	} else if c.Before != nil {
		cb.last[c.ID] = c.Before
	}
}

// AppendCited appends to dst the sources e cites, in its date text and
// its quotes, each once, and returns it: given room, it allocates
// nothing, for a store that lists them for every event it writes.
func AppendCited(dst []string, e *Event) []string {
	cite := func(src string) {
		if src != "" && !slices.Contains(dst, src) {
			dst = append(dst, src)
		}
	}
	cite(e.DateSource)
	for _, q := range e.Quotes {
		cite(q.Source)
	}
	return dst
}
