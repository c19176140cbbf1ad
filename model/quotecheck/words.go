package quotecheck

import (
	"fmt"

	"chrono/model/termtext"
)

// Words say what was found: first that the snapshot is damaged, when it
// is, then the check's sign and what it means. The words are safe for a
// terminal.
func (f Found) Words() string {
	damaged, outOfStep := termtext.Line(f.Damaged), termtext.Line(f.OutOfStep)
	switch {
	case f.State == Unreadable:
		return fmt.Sprintf("✗ snapshot %d cannot be read, so the quote is not checked: %s", f.Snapshot, damaged)
	case f.Damaged != "":
		return fmt.Sprintf("✗ snapshot %d is damaged: %s (chrono verify says more); what it finds cannot be trusted: %s", f.Snapshot, damaged, f.found())
	case f.OutOfStep != "":
		return fmt.Sprintf("✗ the source's snapshots are not those the journal left: %s (chrono verify says more); what snapshot %d finds cannot be trusted: %s", outOfStep, f.Snapshot, f.found())
	}
	return f.found()
}

// found says what checking the quote found: its sign, then what it
// means.
func (f Found) found() string {
	switch f.State {
	case Verbatim:
		return fmt.Sprintf("%s verbatim in snapshot %d", SignVerbatim, f.Snapshot)
	case Normalised:
		return fmt.Sprintf("%s normalised in snapshot %d: %s", SignNormalised, f.Snapshot, f.Rules)
	case NotFound:
		if f.Diff == "" {
			return fmt.Sprintf("%s not found in snapshot %d: no word of it is there", SignNotFound, f.Snapshot)
		}
		return fmt.Sprintf("%s not found in snapshot %d; the closest passage:\n%s", SignNotFound, f.Snapshot, termtext.Text(f.Diff))
	case NoSnapshot:
		return SignNoSnapshot + " no snapshot to check it against"
	case NoSource:
		return SignNoSnapshot + " no source to check it against"
	}
	return ""
}
