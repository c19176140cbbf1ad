package quotecheck

import (
	"fmt"
	"strings"

	"chrono/model/termtext"
)

// Line is a line of what a check found. An Indented line is the
// source's words or a diff, shown indented under the line that names
// it, so that neither reads as the other, or as the quote.
type Line struct {
	Text     string
	Indented bool
}

// The lines that name the closest passage to a quote not found and the
// difference between them. The passage is shown as the snapshot has it
// and in no marks of chrono's: marks around it would read as the
// source's. The difference is marked word by word as git diff
// --word-diff does.
const (
	PassageHead = "the closest passage, in the source's words:"
	DiffHead    = "the difference, [-in the quote-]{+in the source+}:"
)

// Lines say what was found: first that the snapshot is damaged, when it
// is, then the check's sign and what it means, then for a quote not
// found the closest passage and the difference (Closest). The text is
// safe for a terminal.
func (f Found) Lines() []Line {
	return append([]Line{{Text: f.head()}}, f.Closest()...)
}

// Words are Lines as one text, an indented line two spaces in.
func (f Found) Words() string {
	var b strings.Builder
	for i, l := range f.Lines() {
		if i > 0 {
			b.WriteByte('\n')
		}
		if l.Indented {
			l.Text = "  " + strings.ReplaceAll(l.Text, "\n", "\n  ")
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// Closest are the lines of a quote not found that show the closest
// passage, in the source's words, and the difference from it, each
// under the line that names it; none when no word of it is there.
func (f Found) Closest() []Line {
	if f.State != NotFound || f.Passage == "" {
		return nil
	}
	return []Line{
		{Text: PassageHead},
		{Text: termtext.Text(f.Passage), Indented: true},
		{Text: DiffHead},
		{Text: termtext.Text(f.Diff), Indented: true},
	}
}

// head says the snapshot is damaged, when it is, then what checking the
// quote found.
func (f Found) head() string {
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
		if f.Passage == "" {
			return fmt.Sprintf("%s not found in snapshot %d: no word of it is there", SignNotFound, f.Snapshot)
		}
		return fmt.Sprintf("%s not found in snapshot %d", SignNotFound, f.Snapshot)
	case NoSnapshot:
		return SignNoSnapshot + " no snapshot to check it against"
	case NoSource:
		return SignNoSnapshot + " no source to check it against"
	}
	return ""
}
