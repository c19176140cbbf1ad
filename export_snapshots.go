package main

import (
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
// time.
func snapshotDocs(s model.Reader, sources []model.Source) iter.Seq2[native.SnapshotDoc, error] {
	return func(yield func(native.SnapshotDoc, error) bool) {
		for _, src := range sources {
			snaps, err := s.Snapshots(src.ID)
			if err != nil {
				yield(native.SnapshotDoc{}, err)
				return
			}
			for _, sn := range snaps {
				d := native.SnapshotDoc{Source: sn.Source, N: sn.N, SHA256: sn.SHA256, Size: sn.Size, MediaType: sn.MediaType, Taken: sn.Taken, Origin: sn.Origin, TextSize: sn.TextSize, TextSHA256: sn.TextSHA256}
				if d.Original, err = readSnapshot(s.SnapshotOriginal, sn); err == nil && sn.MediaType != model.MediaText && sn.MediaType != model.MediaMarkdown {
					d.Text, err = readSnapshot(s.SnapshotText, sn)
				}
				if !yield(d, err) || err != nil {
					return
				}
			}
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
