package model

import "testing"

// headsOnly is a transaction whose store reads the sources' changes of
// its journal without the entries' events (RecordedSources), and whose
// entries read whole fail the test: a redo of an import reads its
// undo's, a million versions.
type headsOnly struct {
	Tx
	t       *testing.T
	journal []Entry
}

func (h headsOnly) Later(seq uint64) ([]Entry, error) {
	h.t.Errorf("the journal read whole, from #%d, for the sources a restore brings back", seq+1)
	return h.Tx.Later(seq)
}

func (h headsOnly) RecordedSources(fn func(c SourceChange) error) error {
	for _, e := range h.journal {
		for _, c := range e.Sources {
			if err := fn(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// TestRestoreReadsTheSourcesRecordedAlone: an event restored whose
// source was removed meanwhile brings the source back as the journal
// last recorded it, read from a store that can give the sources'
// changes alone without the entries whole.
func TestRestoreReadsTheSourcesRecordedAlone(t *testing.T) {
	w := newMemWriter()
	src := Source{ID: "memo", Title: "The memo"}
	write(t, w, OpSource, func(tx Tx) error { _, err := AddSource(tx, src); return err })
	e := Event{ID: "call", Title: "A call", Date: MustParseDate("2017-08-14"), Quotes: []Quote{{Text: "said so", Source: "memo"}}}
	write(t, w, OpAdd, func(tx Tx) error { return tx.PutEvent(e) })
	write(t, w, OpDelete, func(tx Tx) error { return tx.TrashEvent("call") })
	write(t, w, OpSource, func(tx Tx) error { return RemoveSource(tx, "memo") })
	write(t, w, OpRestore, func(tx Tx) error {
		return RestoreEvents(headsOnly{Tx: tx, t: t, journal: w.journal}, []string{"call"})
	})
	if got, ok := w.sources["memo"]; !ok || got != src {
		t.Errorf("source after the restore: %+v, %v; want %+v", got, ok, src)
	}
	if _, ok := w.events["call"]; !ok {
		t.Error("event not restored")
	}
}
