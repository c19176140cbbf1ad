package journalform

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"iter"

	"chrono/model"
)

// Walk checks a journal's stored entries one after another from the
// first, as a store reads them, and says where the chain breaks. It
// allocates nothing an entry: a write walks the whole journal.
type Walk struct {
	head   [HashSize]byte // the hash of the last entry that held, which the next links to
	x      hasher
	report model.ChainReport // but its head's hash, which Report writes out
}

// Report is what the walk found so far: the head of the entries that
// hold together, and the break when one did not.
func (w *Walk) Report() model.ChainReport {
	r := w.report
	if r.Head.Seq != 0 {
		r.Head.Hash = hex.EncodeToString(w.head[:])
	}
	return r
}

// OK reports whether every entry so far held: Report().OK(), for a
// store's loop to ask at each entry.
func (w *Walk) OK() bool { return w.report.Break == nil }

// Seq is the number of the last entry that held, 0 before the first:
// Report().Head.Seq.
func (w *Walk) Seq() uint64 { return w.report.Head.Seq }

// Broken records a break found by the store itself (a key that is no
// sequence number), and returns false.
func (w *Walk) Broken(seq uint64, fault model.ChainFault, format string, args ...any) bool {
	w.report.Break = &model.ChainBreak{Seq: seq, Fault: fault, What: fmt.Sprintf(format, args...)}
	return false
}

// Next checks the entry stored after the last one checked and extends
// the report with it, or records where the chain breaks and returns
// false.
func (w *Walk) Next(e model.StoredEntry) bool {
	if !w.follows(e) {
		return false
	}
	got, err := w.x.hash(e.Seq, e.Form, e.Prev, e.Body)
	if err != nil {
		return w.Broken(e.Seq, model.ChainUnreadable, "entry #%d is not a chained entry: its form (%d) is not one this chrono knows", e.Seq, e.Form)
	}
	return w.held(e, got)
}

// NextLettingGo is Next, calling letGo after each every bytes of the
// entry's body it hashes, and after the last: a store that maps its file
// lets go of the pages of an entry as they are hashed, where the undo of
// an import of a million events is an entry of 315 MB (Parts.LetGo).
func (w *Walk) NextLettingGo(e model.StoredEntry, every int, letGo func()) bool {
	if !w.follows(e) {
		return false
	}
	got, err := w.x.hashLettingGo(e.Seq, e.Form, e.Prev, e.Body, every, letGo)
	if err != nil {
		return w.Broken(e.Seq, model.ChainUnreadable, "entry #%d is not a chained entry: its form (%d) is not one this chrono knows", e.Seq, e.Form)
	}
	return w.held(e, got)
}

// NextSummed is Next for an entry whose content the store hashed where
// it keeps it (a database server, asked for the hash rather than the
// body): sum is Hash of the entry's number, form, link and body as
// stored, and e's Body is left out. A long journal is then checked
// without its bodies crossing to chrono.
func (w *Walk) NextSummed(e model.StoredEntry, sum []byte) bool {
	if !w.follows(e) {
		return false
	}
	if len(sum) != HashSize {
		return w.Broken(e.Seq, model.ChainUnreadable, "entry #%d is not a chained entry: its form (%d) is not one this chrono knows", e.Seq, e.Form)
	}
	return w.held(e, sum)
}

// follows checks e's number, hash and link are there, as the entry
// after the last one that held; it records the break and returns false
// when not.
func (w *Walk) follows(e model.StoredEntry) bool {
	r := &w.report
	want := r.Head.Seq + 1
	switch {
	case e.Seq != want && want == 1:
		return w.Broken(want, model.ChainMissing, "entry #1 is missing: the journal starts at #%d", e.Seq)
	case e.Seq != want:
		return w.Broken(want, model.ChainMissing, "entry #%d is missing: the journal goes from #%d to #%d", want, r.Head.Seq, e.Seq)
	case len(e.Hash) != HashSize || len(e.Prev) != HashSize:
		return w.Broken(e.Seq, model.ChainUnreadable, "entry #%d holds no hash or no link of 32 bytes", e.Seq)
	}
	return true
}

// held checks that e's content hashes to the hash it holds (got is what
// it hashes to), and that it links to the last entry that held, and
// extends the report with it, or records the break and returns false.
func (w *Walk) held(e model.StoredEntry, got []byte) bool {
	r := &w.report
	if !bytes.Equal(got, e.Hash) {
		return w.Broken(e.Seq, model.ChainContent, "entry #%d's content does not match its hash: it holds %x, its bytes hash to %x; it was altered, or moved from another number, after it was written",
			e.Seq, e.Hash, got)
	}
	if !bytes.Equal(e.Prev, w.head[:]) { // all zeros before the first
		if e.Seq == 1 {
			return w.Broken(e.Seq, model.ChainLink, "entry #1's link names %x, where the first entry's is all zeros; entries before it were removed, or it was put in their place", e.Prev)
		}
		return w.Broken(e.Seq, model.ChainLink, "entry #%d's link does not match the entry before it: it names %x, entry #%d's hash is %x; an entry before it was altered, removed or replaced",
			e.Seq, e.Prev, r.Head.Seq, w.head[:])
	}
	w.head = [HashSize]byte(e.Hash)
	r.Entries++
	r.Head.Seq = e.Seq
	return true
}

// Copy checks entries, another store's as it holds them, from the first,
// and hands each to put with its content decoded: a restore stores them
// as they are, so with the same hashes. A chain that breaks is refused
// (model.ErrDamaged) at the entry that breaks it, since a copy would
// make a tampered journal look whole. Copy returns how many were put.
func Copy(entries iter.Seq2[model.StoredEntry, error], put func(model.StoredEntry, *model.Entry) error) (uint64, error) {
	_, n, err := copyEntries(entries, put, false)
	return n, err
}

// CopyAsFound is Copy for a backup, which keeps a journal as it is
// found: a store altered outside chrono is evidence of it. A chain that
// breaks is copied all the same, every entry after the break too, and
// the report says where it breaks, as a walk of the copy will. An entry
// that cannot be copied as it is still fails it (model.ErrDamaged): one
// without a hash and a link of 32 bytes, in a form this chrono does not
// know, or whose content does not decode.
func CopyAsFound(entries iter.Seq2[model.StoredEntry, error], put func(model.StoredEntry, *model.Entry) error) (model.ChainReport, error) {
	r, _, err := copyEntries(entries, put, true)
	return r, err
}

// copyEntries is Copy, or CopyAsFound when asFound: it returns the walk's
// report and how many entries were put.
func copyEntries(entries iter.Seq2[model.StoredEntry, error], put func(model.StoredEntry, *model.Entry) error, asFound bool) (model.ChainReport, uint64, error) {
	var w Walk
	n := uint64(0)
	for se, err := range entries {
		if err != nil {
			return w.Report(), n, err
		}
		// The walk stops at the first break: past it, every entry would
		// be another break, and the first is the one to name.
		if w.OK() && !w.Next(se) {
			br := w.Report().Break
			if !asFound || br.Fault == model.ChainUnreadable {
				return w.Report(), n, fmt.Errorf("the journal to restore breaks at entry #%d: %s: %w", br.Seq, br.What, model.ErrDamaged)
			}
		}
		if len(se.Hash) != HashSize || len(se.Prev) != HashSize {
			return w.Report(), n, fmt.Errorf("journal entry #%d holds no hash or no link of 32 bytes, and cannot be copied as it is: %w", se.Seq, model.ErrDamaged)
		}
		e, err := Decode(se.Seq, se.Form, se.Body)
		if err != nil {
			return w.Report(), n, err
		}
		if err := put(se, &e); err != nil {
			return w.Report(), n, err
		}
		n++
	}
	return w.Report(), n, nil
}
