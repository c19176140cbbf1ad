package main

import (
	"bytes"
	"io"
	"iter"

	"chrono/model"
	"chrono/model/native"
)

// lostSnapshots is what an export without the snapshots reports.
var lostSnapshots = model.Loss{
	One:  "snapshot of a source not carried (chrono JSON carries them with --with-snapshots)",
	Many: "snapshots of sources not carried (chrono JSON carries them with --with-snapshots)",
}

// countSnapshots counts the snapshots of the sources.
func countSnapshots(s model.Reader, sources []model.Source) (int, error) {
	n := 0
	for _, src := range sources {
		snaps, err := s.Snapshots(src.ID)
		if err != nil {
			return 0, err
		}
		n += len(snaps)
	}
	return n, nil
}

// snapshotDocs yields each source's snapshots with their bytes, one at a
// time, and tells damaged of each whose bytes or text no longer have the
// hashes kept with them, or whose hashes are not the journal's record of
// it: it is written as found, so the export says so. An import of the
// file refuses the first, whose bytes do not match the hashes the file
// carries; the second matches them, and an import takes it as sound
// (taken), as the file holds no journal to tell. It tells gone of each
// snapshot the journal last left kept that the store lacks (or left
// withdrawn that it holds), which the file cannot show.
func snapshotDocs(s model.Reader, sources []model.Source, damaged func(sn model.Snapshot, problem string, taken bool), gone func(model.SnapshotOutOfStep)) iter.Seq2[native.SnapshotDoc, error] {
	return func(yield func(native.SnapshotDoc, error) bool) {
		kept, states, err := model.ReadSnapshotJournal(s)
		if err == nil {
			err = unvouchPastBreak(s, kept, false)
		}
		if err != nil {
			yield(native.SnapshotDoc{}, err)
			return
		}
		inStore := map[string]bool{}
		for _, src := range sources {
			inStore[src.ID] = true
			snaps, err := s.Snapshots(src.ID)
			if err != nil {
				yield(native.SnapshotDoc{}, err)
				return
			}
			for _, o := range states.OutOfStep(src.ID, snaps) {
				gone(o)
			}
			for _, sn := range snaps {
				d := native.SnapshotDoc{Source: sn.Source, N: sn.N, SHA256: sn.SHA256, Size: sn.Size, MediaType: sn.MediaType, Taken: sn.Taken, Origin: sn.Origin, TextSize: sn.TextSize, TextSHA256: sn.TextSHA256}
				if d.Original, err = readSnapshot(s.SnapshotOriginal, sn); err == nil && sn.MediaType != model.MediaText && sn.MediaType != model.MediaMarkdown {
					d.Text, err = readSnapshot(s.SnapshotText, sn)
				}
				if err == nil {
					problem, taken := snapshotAltered(sn, d), false
					if problem == "" {
						problem, taken = model.UnrecordedBy(sn, kept), true
					}
					if problem != "" {
						damaged(sn, problem, taken)
					}
				}
				if !yield(d, err) || err != nil {
					return
				}
			}
		}
		for _, o := range states.Gone(inStore) {
			gone(o)
		}
	}
}

func readSnapshot(open func(string, int) (io.ReadCloser, error), sn model.Snapshot) ([]byte, error) {
	r, err := open(sn.Source, sn.N)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// snapshotAltered says how a snapshot's bytes, as read for the export, differ
// from the hashes kept with them: "" when they match.
func snapshotAltered(sn model.Snapshot, d native.SnapshotDoc) string {
	// Readers of bytes in hand fail not.
	mismatch, _ := sn.CopyOriginal(io.Discard, bytes.NewReader(d.Original))
	if mismatch == "" && d.Text != nil {
		mismatch, _ = sn.TextMismatch(bytes.NewReader(d.Text))
	}
	return mismatch
}
