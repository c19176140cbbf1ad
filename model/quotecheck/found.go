package quotecheck

import "chrono/model/verbatim"

// Found is what checking one quote against its source's latest snapshot
// found.
type Found struct {
	State State
	// Snapshot is the number of the snapshot checked against.
	Snapshot int
	// Rules are the normalisations a quote found Normalised needed.
	Rules verbatim.Rules
	// Passage is the snapshot's passage closest to a quote not found,
	// as the snapshot has it, and Diff the quote against it, word by
	// word; both empty when no word of the quote is in the snapshot.
	Passage, Diff string
	// Damaged says how the snapshot checked against differs from the
	// hashes kept with it, so that what it found stands on altered
	// bytes; for Unreadable, why it cannot be read.
	Damaged string
	// OutOfStep says how the source's snapshots differ from those the
	// journal left: what was found may stand on another snapshot than
	// the latest.
	OutOfStep string
}

// Of is what the check r of a quote against text, the text of snapshot
// n, found.
func Of(r verbatim.Result, text string, n int) Found {
	f := Found{Snapshot: n, Rules: r.Rules}
	switch r.State {
	case verbatim.Verbatim:
		f.State = Verbatim
	case verbatim.Normalised:
		f.State = Normalised
	default:
		f.State = NotFound
		if len(r.Diff) > 0 && r.Closest.Len() > 0 {
			f.Passage, f.Diff = text[r.Closest.Start:r.Closest.End], verbatim.DiffString(r.Diff)
		}
	}
	return f
}

// Untrusted reports whether what was found cannot be trusted: the
// snapshot is damaged, or not the one the journal left.
func (f Found) Untrusted() bool { return f.Damaged != "" || f.OutOfStep != "" }
