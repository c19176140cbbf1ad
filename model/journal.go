package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Op names the kind of change a journal entry records.
type Op string

// The operations a journal records.
const (
	OpImport  Op = "import"
	OpNew     Op = "new"     // an investigation created
	OpAdd     Op = "add"     // an event added
	OpEdit    Op = "edit"    // an event's fields changed
	OpDelete  Op = "delete"  // events moved to the trash
	OpRestore Op = "restore" // events brought back from the trash
	OpPurge   Op = "purge"   // the trash emptied
	OpTag     Op = "tag"
	OpUntag   Op = "untag"
	OpNote    Op = "note" // a note added, edited or deleted
	OpLink    Op = "link" // a link added or removed
	OpQuote   Op = "quote"
	OpSource  Op = "source"
	OpTitle   Op = "title" // the investigation's title or description
	OpUndo    Op = "undo"  // an entry reverted (undo, revert, redo)

	OpSnapshot Op = "snapshot" // a snapshot of a source's content kept
)

// Entry is one change in an investigation's journal: who made it, when,
// what it touched and enough of what was there before to reverse it.
type Entry struct {
	// Seq numbers entries from 1, in the order they were committed.
	Seq    uint64    `json:"seq"`
	At     time.Time `json:"at"`
	Author string    `json:"author"`
	Op     Op        `json:"op"`
	// Phrase says what the change did: "tagged #verify on 3 events".
	Phrase string `json:"phrase"`
	// Events are the events the change touched, each with its versions
	// before and after.
	Events []EventChange `json:"events,omitempty"`
	// Sources are the sources it added, changed or removed.
	Sources []SourceChange `json:"sources,omitempty"`
	// Header is the investigation's title and description before and
	// after, when the change touched them.
	Header *HeaderChange `json:"header,omitempty"`
	// Snapshots are the snapshots it kept or withdrew, by hash.
	Snapshots []SnapshotRef `json:"snapshots,omitempty"`
	// Reverts is the entry this one reverses (an undo or a revert).
	Reverts uint64 `json:"reverts,omitzero"`
	// Touched is how many events the entry touched, when Events holds
	// fewer (JournalQuery.MostEvents and Event); 0 when it holds them all.
	Touched int `json:"touched,omitzero"`
	// Hash and Prev are the entry's link in the journal's hash chain
	// (JournalVerifier): the SHA-256 of its content and the Hash of the
	// entry before it, in lowercase hex; Prev is all zeros for the first.
	// A store fills them in; they are not part of the content hashed.
	Hash string `json:"hash,omitempty"`
	Prev string `json:"prev,omitempty"`
}

// Whereabouts says where an event is: on the timeline, in the trash, or gone.
type Whereabouts string

// The places of an event.
const (
	Absent     Whereabouts = ""         // not stored (before it was added, after the trash is emptied)
	OnTimeline Whereabouts = "timeline" // on the timeline
	InTrash    Whereabouts = "trash"    // deleted, restorable
)

// EventChange is what a change did to one event.
type EventChange struct {
	ID string `json:"id"`
	// Before and After are the event's versions; nil where it was
	// absent, and for an event an import added (the store holds it: the
	// journal keeps no million copies).
	Before *Event `json:"before,omitempty"`
	After  *Event `json:"after,omitempty"`
	// From and To are where the event was before and after.
	From Whereabouts `json:"from,omitempty"`
	To   Whereabouts `json:"to,omitempty"`
	// Imported is, for an import that kept values changed in chrono
	// (MergeEdited), the version the file would have made of the event:
	// what the file said, for the next import to tell apart from what
	// chrono says (ImportBase). Nil when the import took the file's
	// every field.
	Imported *Event `json:"imported,omitempty"`
	// Undid names, for an import that replaced the event with the
	// file's version (ImportOptions.Replace), the fields in which that
	// undid changes made in chrono since the last import, by their
	// chrono JSON names (ReplaceUndid); nil for any other change.
	Undid []string `json:"undid,omitempty"`
	// Written is, for a change that keeps no version after (an import's:
	// it adds or updates events by the million), a fingerprint of the
	// event as the change stored it: the first WrittenSize bytes of the
	// SHA-256 of its stored encoding, in hex. A store's check compares it
	// with what the store holds, so that bytes changed outside chrono are
	// found; empty in entries written before it was kept.
	Written string `json:"written,omitempty"`
}

// WrittenSize is how many bytes of an event's SHA-256 EventChange.Written
// keeps: enough to tell an altered event, at 8 bytes an event of an
// import, for the journal's share of the store stays small.
const WrittenSize = 8

// Words says what c did to its event, as chrono log writes it under the
// entry's phrase and the browser's history of the event beside it:
// "added", "moved to the trash", "changed: title, tags", "kept chrono's
// changes to title". The names an import's replace undid come from the
// stored journal: a caller showing them on a terminal makes them safe.
func (c EventChange) Words() string {
	switch {
	case c.From == Absent && c.To == OnTimeline:
		return "added"
	case c.To == InTrash:
		return "moved to the trash"
	case c.From == InTrash && c.To == OnTimeline:
		return "restored"
	case c.To == Absent:
		return "removed for good"
	case c.Before != nil && c.After != nil:
		changed, kept := Fields(c.Before, c.After), c.KeptOverFile()
		if len(c.Undid) > 0 {
			// A replace: what it changed, and which of those were
			// chrono's own changes, undone.
			return "changed: " + joinSome(changed) + "; undid chrono's changes to " + joinSome(c.Undid)
		}
		switch {
		case len(kept) == 0 && len(changed) == 0:
			return "left as it was" // an undo of what an import kept
		case len(kept) == 0:
			return "changed: " + joinSome(changed)
		case len(changed) == 0:
			return "kept chrono's changes to " + joinSome(kept)
		}
		return "changed: " + joinSome(changed) + "; kept chrono's changes to " + joinSome(kept)
	}
	return "changed"
}

// joinSome joins the names that are not empty with ", ".
func joinSome(names []string) string {
	return strings.Join(slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == "" }), ", ")
}

// SourceChange is what a change did to one source; nil where it was
// absent.
type SourceChange struct {
	ID     string  `json:"id"`
	Before *Source `json:"before,omitempty"`
	After  *Source `json:"after,omitempty"`
}

// HeaderChange is the investigation's title and description before and
// after a change.
type HeaderChange struct {
	Before Header `json:"before"`
	After  Header `json:"after"`
}

// JournalQuery selects journal entries, newest first.
type JournalQuery struct {
	// Event keeps the entries that touched it, each with that event's
	// changes alone (Touched says how many events the entry touched).
	Event string
	// Linked, with Event, keeps too the entries that changed the links
	// other events make to it (EventChange.ChangesLinksTo), with those
	// changes: every change to what the event's show shows, for its
	// history. A caller that asks what changed the event itself (an
	// import's base, a conflict) leaves it false.
	Linked bool
	// Since keeps entries made at or after it; zero for all.
	Since time.Time
	// Before keeps entries with a smaller Seq, for paging; 0 for none.
	Before uint64
	// After keeps entries with a larger Seq, for reading what came since
	// one seen; 0 for none. A store reads nothing of the entries at or
	// before it.
	After uint64
	// Limit caps the entries returned; 0 for all.
	Limit int
	// MostEvents keeps at most this many of each entry's events, for a
	// listing that shows only the first few of an import's million; 0
	// keeps them all. It does not narrow an Event query's matching.
	MostEvents int
	// HeadsOnly, without Event, keeps none of each entry's events,
	// Touched saying how many it touched: for a reader of what entries
	// say of themselves (the snapshots they kept), whom decoding an
	// event of each entry made slow on a long journal.
	HeadsOnly bool
	// Reverting, without Event, reads each entry's events as a revert
	// needs them: the versions of the events it moved left out, which
	// the revert reads from the store (the undo of an import holds one
	// for each of its events). A store may keep them.
	Reverting bool
}

// Matches reports whether q selects e, leaving Limit aside.
func (q JournalQuery) Matches(e *Entry) bool {
	switch {
	case q.Before != 0 && e.Seq >= q.Before:
		return false
	case e.Seq <= q.After:
		return false
	case !q.Since.IsZero() && e.At.Before(q.Since):
		return false
	case q.Event != "" && !q.concerns(e):
		return false
	}
	return true
}

// Trim returns e as a journal read for q gives it: with an Event query,
// that event's changes alone (and, Linked, the changes to links to it); with MostEvents, no more than that many;
// with HeadsOnly, none; and Touched saying how many there were when some are left out.
func (q JournalQuery) Trim(e Entry) Entry {
	n := len(e.Events)
	switch {
	case q.Event != "":
		e.Events = slices.DeleteFunc(slices.Clone(e.Events), func(c EventChange) bool {
			return c.ID != q.Event && !(q.Linked && c.ChangesLinksTo(q.Event))
		})
	case q.HeadsOnly:
		e.Events = nil
	case q.MostEvents > 0 && n > q.MostEvents:
		e.Events = e.Events[:q.MostEvents]
	}
	if len(e.Events) < n {
		e.Touched = n
	}
	return e
}

// concerns reports whether e is one of the entries q's Event and Linked
// select.
func (q JournalQuery) concerns(e *Entry) bool {
	if q.Linked {
		return e.Concerns(q.Event)
	}
	return e.Touches(q.Event)
}

// Touches reports whether the entry changed the event with an id.
func (e *Entry) Touches(id string) bool {
	for i := range e.Events {
		if e.Events[i].ID == id {
			return true
		}
	}
	return false
}

// ConflictError says that a change was based on a version of an event
// that another change has replaced meanwhile; Current is the stored one,
// so that the user can reload or edit again without losing what they
// typed.
type ConflictError struct {
	ID      string
	Current Event
	// By names the later changes when a revert is refused.
	By []Entry
	// Gone: the change By names took the event out of the store for
	// good (emptied the trash of it), which no revert brings back.
	Gone bool
}

// TakenBackError refuses a revert of an entry that a later one, still in
// effect, took back already.
type TakenBackError struct {
	Seq uint64 // the entry asked to be reverted
	By  Entry  // the later entry that took it back
}

func (e *TakenBackError) Error() string {
	return fmt.Sprintf("#%d was taken back already, by #%d %s by %s: there is nothing of it to revert; chrono revert %d brings it back", e.Seq, e.By.Seq, e.By.Phrase, e.By.Author, e.By.Seq)
}

// Unwrap makes a TakenBackError an ErrConflict.
func (e *TakenBackError) Unwrap() error { return ErrConflict }

func (e *ConflictError) Error() string {
	if e.Gone && len(e.By) > 0 {
		b := e.By[0]
		return fmt.Sprintf("event %q: gone for good since #%d %s by %s, which cannot be undone; nor can this change now", e.ID, b.Seq, b.Phrase, b.Author)
	}
	if len(e.By) > 0 {
		var names string
		purged := false
		for i, b := range e.By {
			if i > 0 {
				names += ", "
			}
			names += fmt.Sprintf("#%d %s by %s", b.Seq, b.Phrase, b.Author)
			purged = purged || b.Op == OpPurge
		}
		if purged {
			// Emptying the trash cannot be reverted: advice to revert
			// it first would go round in a circle.
			return fmt.Sprintf("event %q: changed since, by %s, and emptying the trash cannot be undone: change the event by hand (chrono edit %s)", e.ID, names, e.ID)
		}
		return fmt.Sprintf("event %q: changed since, by %s: revert those first", e.ID, names)
	}
	return fmt.Sprintf("event %q: changed meanwhile by another change; reload it, or edit again on top of it", e.ID)
}

// Unwrap makes errors.Is(err, ErrConflict) hold.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// ImportPhrase says what an import did, for its journal entry: "imported
// a.json: 13 new, 2 updated", and, for a replace that undid changes made
// in chrono, "; undid chrono's changes to 3 fields of 2 events" (the
// entry's changes name them: EventChange.Undid).
func ImportPhrase(inputs []Input, results []ImportResult) string {
	names := make([]string, len(inputs))
	var added, updated, undidEvents, undidFields int
	for i, in := range inputs {
		names[i] = in.Name
		added += results[i].New
		updated += results[i].Updated
		undidEvents += results[i].UndidEdits
		undidFields += results[i].UndidFields
	}
	phrase := fmt.Sprintf("imported %s: %d new, %d updated", strings.Join(names, ", "), added, updated)
	if undidFields > 0 {
		phrase += fmt.Sprintf("; undid chrono's changes to %s of %s", counted(undidFields, "field"), counted(undidEvents, "event"))
	}
	return phrase
}
