package model

import (
	"errors"
	"fmt"
	"io"
	"iter"
)

// Restorer is a store that can take in a whole investigation that
// another store holds (a backup), with how it came to be: a restore
// rather than an import, which carries only the timeline and its
// sources.
type Restorer interface {
	// Restore copies from into this store, which must be empty (no
	// event, source, trashed event or journal entry; ErrNotEmpty), in
	// one write transaction: the header, sources, events and the
	// snapshots listed (their bytes checked against their SHA-256), the
	// trash, and the journal, each entry under its own number. When from
	// is a StoredJournal, its entries are copied as stored, their chain
	// checked (a break is ErrDamaged), so the copy has from's chain
	// head; otherwise each is chained anew in this store's form. On any
	// problem nothing is kept. Restore records no entry of its own: the
	// journal is from's.
	Restore(from Reader) (Restored, error)
}

// WithdrawnReader is a Reader that also gives the snapshots an undo took
// away, whose bytes it keeps for a redo. A restore from one carries them,
// withdrawn still, so that the journal's entries that name them can be
// undone and redone in the copy, and the snapshots attached after keep
// their numbers.
type WithdrawnReader interface {
	// WithdrawnSnapshots lists a source's withdrawn snapshots, oldest
	// first.
	WithdrawnSnapshots(sourceID string) ([]Snapshot, error)
	// WithdrawnSnapshotText and WithdrawnSnapshotOriginal stream a
	// withdrawn snapshot's bytes, as SnapshotText and SnapshotOriginal
	// stream a kept one's.
	WithdrawnSnapshotText(sourceID string, n int) (io.ReadCloser, error)
	WithdrawnSnapshotOriginal(sourceID string, n int) (io.ReadCloser, error)
}

// ErrNotEmpty means a restore was asked into a store that already holds
// something.
var ErrNotEmpty = errors.New("not empty")

// Restored counts what a restore carried.
type Restored struct {
	Events, Sources, Snapshots, Trashed int
	Entries                             uint64
}

// RestoreContent writes what from holds of the investigation itself
// (header, sources, events, snapshots) through tx, counting it in n:
// the part of a restore that every store does alike. A snapshot whose
// bytes do not hash to its SHA-256 fails it.
func RestoreContent(tx Tx, from Reader, n *Restored) error {
	h, err := from.Header()
	if err != nil {
		return err
	}
	if h != (Header{}) {
		if err := tx.SetHeader(h); err != nil {
			return err
		}
	}
	srcs, err := from.Sources()
	if err != nil {
		return err
	}
	for _, s := range srcs {
		if err := tx.PutSource(s); err != nil {
			return fmt.Errorf("source %q: %w", s.ID, err)
		}
		n.Sources++
	}
	for e, err := range from.Events(Query{}) {
		if err != nil {
			return err
		}
		if err := tx.PutEvent(e); err != nil {
			return err
		}
		n.Events++
	}
	return RestoreSnapshots(tx, from, srcs, n)
}

// SnapshotReader reads sources' snapshots, as Reader does.
type SnapshotReader interface {
	Snapshots(sourceID string) ([]Snapshot, error)
	SnapshotText(sourceID string, n int) (io.ReadCloser, error)
	SnapshotOriginal(sourceID string, n int) (io.ReadCloser, error)
}

// RestoreSnapshots copies through tx the snapshots from holds of srcs,
// and those it withdrew when it is a WithdrawnReader, in their numbers'
// order, each numbered as it was and its bytes checked against its
// SHA-256; it counts them in n.
func RestoreSnapshots(tx Tx, from SnapshotReader, srcs []Source, n *Restored) error {
	withdrawnOf, _ := from.(WithdrawnReader)
	for _, s := range srcs {
		snaps, err := from.Snapshots(s.ID)
		if err != nil {
			return fmt.Errorf("source %q: %w", s.ID, err)
		}
		var withdrawn []Snapshot
		if withdrawnOf != nil {
			if withdrawn, err = withdrawnOf.WithdrawnSnapshots(s.ID); err != nil {
				return fmt.Errorf("source %q: %w", s.ID, err)
			}
		}
		// In their numbers' order, kept and withdrawn, each numbered
		// as it was.
		for len(snaps) > 0 || len(withdrawn) > 0 {
			var snap Snapshot
			var err error
			if len(withdrawn) == 0 || len(snaps) > 0 && snaps[0].N < withdrawn[0].N {
				snap, snaps = snaps[0], snaps[1:]
				err = restoreSnapshot(tx, snap, from.SnapshotOriginal, from.SnapshotText)
			} else {
				snap, withdrawn = withdrawn[0], withdrawn[1:]
				err = restoreSnapshot(tx, snap, withdrawnOf.WithdrawnSnapshotOriginal, withdrawnOf.WithdrawnSnapshotText)
				if err == nil {
					err = tx.WithdrawSnapshot(snap.Source, snap.N, true)
				}
			}
			if err != nil {
				return fmt.Errorf("snapshot %d of source %q: %w", snap.N, s.ID, err)
			}
			n.Snapshots++
		}
	}
	return nil
}

// restoreSnapshot copies one snapshot, its number kept, and checks that
// the bytes copied are the ones it names.
func restoreSnapshot(tx Tx, snap Snapshot, openOriginal, openText func(source string, n int) (io.ReadCloser, error)) error {
	original, err := openOriginal(snap.Source, snap.N)
	if err != nil {
		return err
	}
	defer original.Close()
	text, err := openText(snap.Source, snap.N)
	if err != nil {
		return err
	}
	defer text.Close()
	want, wantText := snap.SHA256, snap.TextSHA256
	if err := tx.PutSnapshot(&snap, original, text); err != nil {
		return err
	}
	switch {
	case snap.SHA256 != want:
		return fmt.Errorf("its bytes hash to %s where it names %s: %w", snap.SHA256, want, ErrDamaged)
	case wantText != "" && snap.TextSHA256 != wantText:
		return fmt.Errorf("its text hashes to %s where it names %s: %w", snap.TextSHA256, wantText, ErrDamaged)
	}
	return nil
}

// JournalOf reads from's journal oldest first, an entry at a time, and
// fails at a missing number.
func JournalOf(from Reader) iter.Seq2[Entry, error] {
	return func(yield func(Entry, error) bool) {
		newest, err := from.Journal(JournalQuery{Limit: 1})
		if err != nil || len(newest) == 0 {
			if err != nil {
				yield(Entry{}, err)
			}
			return
		}
		for seq := uint64(1); seq <= newest[0].Seq; seq++ {
			e, err := from.Entry(seq)
			if err == nil && e.Seq != seq {
				err = fmt.Errorf("journal entry #%d is missing: %w", seq, ErrDamaged)
			}
			if !yield(e, err) || err != nil {
				return
			}
		}
	}
}
