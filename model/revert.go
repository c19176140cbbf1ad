package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Fields names the fields of an event that differ between a and b, by
// their chrono JSON names.
func Fields(a, b *Event) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("date", a.Date != b.Date)
	add("date_text", a.DateText != b.DateText || a.DateTextOf != b.DateTextOf)
	add("date_source", a.DateSource != b.DateSource)
	add("title", a.Title != b.Title)
	add("summary", a.Summary != b.Summary)
	add("status", a.Status != b.Status)
	add("actors", !slices.Equal(a.Actors, b.Actors))
	add("tags", !slices.Equal(a.Tags, b.Tags))
	add("quotes", !slices.Equal(a.Quotes, b.Quotes))
	add("links", !slices.Equal(a.Links, b.Links))
	add("notes", !slices.EqualFunc(a.Notes, b.Notes, Note.same))
	add("media", !slices.Equal(a.Media, b.Media))
	return out
}

// CopyFields copies the fields named, by their chrono JSON names as
// Fields names them, from src into dst: the change made on one version
// of an event, carried onto another.
func CopyFields(dst, src *Event, fields []string) { setFields(dst, src, fields) }

// setFields copies the named fields from src into dst.
func setFields(dst *Event, src *Event, fields []string) {
	for _, name := range fields {
		if f, ok := FieldByName(name); ok {
			copyFields(dst, src, f)
		}
	}
}

// changedFields are the fields an entry changed on an event; nil means
// the entry does not say (an import's update, an add, a move), which
// counts as every field.
func (c *EventChange) changedFields() []string {
	if c.Before == nil || c.After == nil || c.From != c.To {
		return nil
	}
	// None, not nil, for a change that left the event as it was (an
	// import that kept chrono's values over the file's, or its undo).
	return append([]string{}, Fields(c.Before, c.After)...)
}

// RevertEntry reverses a journal entry in tx, on top of what is stored
// now: an edit or an import's update puts back the fields it changed
// (and only those, so that later changes to other fields stay), an add
// or an import's new events go to the trash, a delete is restored (an
// event already brought back is left as it is), a restore goes back to
// the trash. It is refused, naming them, when later entries changed the
// same fields of the same events, or the same sources or title; emptying
// the trash cannot be reversed.
func RevertEntry(tx Tx, e Entry) error { return RevertEntryWith(tx, e, RevertOptions{}) }

// RevertOptions are how a revert is run: what it tells as it goes.
type RevertOptions struct {
	// Progress, when set, is told how many of the entry's events have
	// been taken back, of how many: from time to time as they are, and
	// once when all are, before the store records the entry and commits.
	// An undo of a large import takes seconds to minutes.
	Progress func(done, total int)
}

// progressEvery is how many events a revert takes back between telling
// its progress.
const progressEvery = 1024

// RevertEntryWith is RevertEntry, telling its progress as o says.
func RevertEntryWith(tx Tx, e Entry, o RevertOptions) error {
	// Told first, before the journal after the entry is read and its
	// updates filled in: a store that ends the write to run it again
	// its own way reads them again there.
	if m, ok := tx.(ManyReverted); ok && len(e.Events) > manyReverted {
		if err := m.ManyReverted(len(e.Events)); err != nil {
			return err
		}
	}
	later, err := tx.Later(e.Seq)
	if err != nil {
		return err
	}
	// Updates count as changing only the fields they changed: an
	// import's are filled in from the versions that came after them.
	entries := make([]*Entry, 0, len(later)+1)
	for i := len(later) - 1; i >= 0; i-- {
		entries = append(entries, &later[i])
	}
	if err := FillAfters(append(entries, &e), tx.Event); err != nil {
		return err
	}
	standing := inEffect(later)
	if i := slices.IndexFunc(standing, func(l Entry) bool { return l.Reverts == e.Seq }); i >= 0 {
		return &TakenBackError{Seq: e.Seq, By: standing[i]}
	}
	if st, ok := tx.(StreamedChanges); ok && len(e.Events) > manyReverted {
		// Each event is reverted once, in its ids' order: its record
		// can be finished when the next is reverted.
		st.StreamEvents()
	}
	var cb citedBack
	for n, i := range revertOrder(e.Events) {
		if o.Progress != nil && n%progressEvery == 0 {
			o.Progress(n, len(e.Events))
		}
		c := &e.Events[i]
		if c.From == OnTimeline && c.To == InTrash {
			// Brought back since, by whoever, and on the timeline now:
			// what the revert would do to it is done, and the changes
			// made to it since stay.
			if _, err := tx.Event(c.ID); err == nil {
				continue
			} else if !errors.Is(err, ErrNotFound) {
				return err
			}
		}
		if err := checkLater(c, standing, tx.Author()); err != nil {
			return err
		}
		if err := revertEvent(tx, c); errors.Is(err, errNoteGone) {
			return refused("event %q: a note this change added was edited or removed since%s: revert that first", c.ID, notedBy(standing, c.ID))
		} else if err != nil {
			return err
		}
		if c.To == InTrash && c.From == OnTimeline {
			// Back from the trash: with the sources it cites.
			if err := cb.restoreCited(tx, c.ID); err != nil {
				return err
			}
		}
	}
	if o.Progress != nil {
		o.Progress(len(e.Events), len(e.Events))
	}
	for i := len(e.Sources) - 1; i >= 0; i-- {
		if err := revertSource(tx, &e.Sources[i]); err != nil {
			return err
		}
	}
	for i := len(e.Snapshots) - 1; i >= 0; i-- {
		if err := revertSnapshot(tx, e.Snapshots[i]); err != nil {
			return err
		}
	}
	if e.Header != nil {
		h, err := tx.Header()
		if err != nil {
			return err
		}
		// Only the fields the entry changed are put back, and only a
		// later change to one of them stands in the way.
		before, after := e.Header.Before, e.Header.After
		titled, described := before.Title != after.Title, before.Description != after.Description
		if titled && h.Title != after.Title || described && h.Description != after.Description {
			by := ""
			for _, l := range slices.Backward(standing) {
				if l.Header != nil && (titled && l.Header.Before.Title != l.Header.After.Title || described && l.Header.Before.Description != l.Header.After.Description) {
					by = fmt.Sprintf(", by #%d %s by %s", l.Seq, l.Phrase, l.Author)
					break
				}
			}
			return refused("the investigation's %s changed since%s: revert that first", headerFields(titled, described), by)
		}
		if titled {
			h.Title = before.Title
		}
		if described {
			h.Description = before.Description
		}
		if err := tx.SetHeader(h); err != nil {
			return err
		}
	}
	tx.Reverts(e.Seq)
	return nil
}

// headerFields names the header's fields a change touched.
func headerFields(title, description bool) string {
	switch {
	case title && description:
		return "title and description"
	case title:
		return "title"
	}
	return "description"
}

// inEffect leaves out of later entries (oldest first) those undone by
// another of them, with the undo: a change and its revert leave the
// fields they touched as they found them (the revert was refused had
// anything else changed them meanwhile), so that trashing an event,
// restoring it and undoing the restore does not stop the trashing from
// being undone. Newest first, so that an undo redone pairs with its redo
// and leaves the change it undid in effect.
func inEffect(later []Entry) []Entry {
	undone := map[uint64]bool{}
	for i := len(later) - 1; i >= 0; i-- {
		r := later[i]
		if r.Reverts == 0 || undone[r.Seq] || undone[r.Reverts] {
			continue
		}
		if slices.ContainsFunc(later[:i], func(x Entry) bool { return x.Seq == r.Reverts }) {
			undone[r.Seq], undone[r.Reverts] = true, true
		}
	}
	if len(undone) == 0 {
		return later
	}
	return slices.DeleteFunc(slices.Clone(later), func(x Entry) bool { return undone[x.Seq] })
}

// checkLater refuses a revert of c when later entries changed the same
// fields of its event. A move to or from the trash is reverted by moving
// the event back, the edits made since going with it: those that author,
// who reverts, made do not stand in its way (tags changed, undone and
// redone between a move and its undo), others' do, so that nobody's
// work goes to the trash unasked.
func checkLater(c *EventChange, later []Entry, author string) error {
	mine := c.changedFields()
	moved := c.From != c.To && c.From != Absent
	var by []Entry
	var inTrash *Entry // the move to the trash that left it there, for an edit's revert
	for _, l := range later {
		for j := range l.Events {
			lc := &l.Events[j]
			if moved && lc.From == lc.To && l.Author == author {
				continue
			}
			if lc.ID == c.ID && lc.To == Absent {
				// Emptied from the trash: reverting those first is no way.
				gone := Entry{Seq: l.Seq, Phrase: l.Phrase, Author: l.Author, At: l.At, Op: l.Op}
				return &ConflictError{ID: c.ID, By: []Entry{gone}, Gone: true}
			}
			if lc.ID == c.ID && mine != nil && onlyMoves(lc) {
				// To the trash and back changes no field: an edit is
				// reverted over it, unless the event is in the trash.
				inTrash = nil
				if lc.To == InTrash {
					inTrash = &Entry{Seq: l.Seq, Phrase: l.Phrase, Author: l.Author, At: l.At, Op: l.Op}
				}
				break
			}
			if lc.ID == c.ID && meets(c, lc, mine) {
				by = append(by, Entry{Seq: l.Seq, Phrase: l.Phrase, Author: l.Author, At: l.At, Op: l.Op})
				break
			}
		}
	}
	if inTrash != nil {
		by = append(by, *inTrash)
	}
	if len(by) > 0 {
		return &ConflictError{ID: c.ID, By: by}
	}
	return nil
}

// onlyMoves reports whether c moved its event to the trash or out of it,
// changing none of its fields.
func onlyMoves(c *EventChange) bool {
	if c.From == c.To || c.From == Absent || c.To == Absent {
		return false
	}
	return c.Before == nil && c.After == nil || c.Before != nil && c.After != nil && SameEvent(c.Before, c.After)
}

// revertOrder is the order an entry's events are reverted in: the last
// changed first, as they were changed; but an entry of many events (an
// import) in their ids' order, each event's revert being its own. The
// stores write the events' trash and indexes keyed by id: a million ids
// put in one transaction in no order moved each node's keys aside a put
// at a time (bbolt inserts into a node's sorted list), 71 s to undo an
// import of 200,000 events.
func revertOrder(events []EventChange) []int {
	order := make([]int, len(events))
	for i := range order {
		order[i] = len(events) - 1 - i
	}
	if len(events) > manyReverted {
		slices.SortFunc(order, func(a, b int) int { return strings.Compare(events[a].ID, events[b].ID) })
	}
	return order
}

// manyReverted is how many events an entry changes before they are
// reverted in their ids' order.
const manyReverted = 1024

func revertEvent(tx Tx, c *EventChange) error {
	switch {
	case c.From == Absent && c.To == OnTimeline:
		return tx.TrashEvent(c.ID)
	case c.From == OnTimeline && c.To == InTrash:
		return tx.RestoreEvent(c.ID)
	case c.From == InTrash && c.To == OnTimeline:
		return tx.TrashEvent(c.ID)
	case c.From == InTrash && c.To == Absent:
		return fmt.Errorf("event %q: the trash was emptied of it; that cannot be undone", c.ID)
	case c.From == OnTimeline && c.To == OnTimeline && c.Before != nil:
		current, err := tx.Event(c.ID)
		if err != nil {
			return err
		}
		if c.Imported != nil || c.After != nil && SameEvent(c.Before, c.After) {
			// An import that kept chrono's values, or the undo of one:
			// nothing to put back, but the next import must see it.
			if err := tx.Mention(c.ID); err != nil {
				return err
			}
		}
		fields := c.changedFields()
		if fields == nil {
			return tx.PutEvent(*c.Before)
		}
		if added, ok := appendedNotes(c); ok && slices.Contains(fields, "notes") {
			// Only its notes are taken out: others may have added theirs.
			notes, found := withoutNotes(current.Notes, added)
			if !found {
				return errNoteGone
			}
			current.Notes = notes
			fields = slices.DeleteFunc(slices.Clone(fields), func(f string) bool { return f == "notes" })
		} else if gone, at, ok := removedNotes(c); ok && slices.Contains(fields, "notes") {
			// Only its notes are put back: others may have added theirs.
			current.Notes = withNotesBack(current.Notes, gone, at)
			fields = slices.DeleteFunc(slices.Clone(fields), func(f string) bool { return f == "notes" })
		}
		setFields(&current, c.Before, fields)
		return tx.PutEvent(current)
	}
	return fmt.Errorf("event %q: the journal does not say how to reverse this change", c.ID)
}

func revertSource(tx Tx, c *SourceChange) error {
	current, err := tx.Source(c.ID)
	switch {
	case errors.Is(err, ErrNotFound):
		if c.After != nil {
			return refused("source %q: removed since; revert that first", c.ID)
		}
		return tx.PutSource(*c.Before)
	case err != nil:
		return err
	case c.After == nil && c.Before != nil && current == *c.Before:
		return nil // put back already, with an event restored that cites it
	case c.After == nil:
		return refused("source %q: added again since; revert that first", c.ID)
	case c.Before != nil:
		// Only the fields the change made are put back, and only a later
		// change to one of them stands in the way.
		merged, err := mergeSource(*c.After, *c.Before, current)
		var sc *SourceConflict
		if errors.As(err, &sc) {
			return refused("source %q: its %s was changed since (%s): revert that first", c.ID, sc.Named(), sc.ChangedTo())
		}
		if err != nil {
			return err
		}
		return tx.PutSource(merged)
	case current != *c.After:
		return refused("source %q, which this change added, was changed since; revert that first", c.ID)
	default:
		// This change's own quotes are taken back already: what cites
		// the source now came since.
		n, err := tx.Citing(c.ID)
		if err != nil {
			return err
		}
		if n > 0 {
			return refused("source %q, which this change added, is cited since by %d %s: change or remove those first", c.ID, n, plural(n, "event", "events"))
		}
		return tx.DeleteSource(c.ID)
	}
}

// Revert reverses a journal entry as one write of w, recorded as an
// undo. Reverting an undo does again what it undid (a redo).
func Revert(w Writer, e Entry) (Entry, error) { return RevertWith(w, e, RevertOptions{}) }

// RevertWith is Revert, telling its progress as o says.
func RevertWith(w Writer, e Entry, o RevertOptions) (Entry, error) {
	if e.Op == OpNew {
		return Entry{}, errors.New(startKept(e))
	}
	if len(e.Events) < e.Touched {
		// Held without its events (a large revert's entry, as Write
		// returned it, or a journal page's): read whole.
		r, ok := w.(entryReader)
		if !ok {
			return Entry{}, fmt.Errorf("journal entry #%d is held without its %d events: revert it by its number (chrono revert %d)", e.Seq, e.Touched, e.Seq)
		}
		whole, err := entryToRevert(r, e.Seq)
		if err != nil {
			return Entry{}, err
		}
		e = whole
	}
	return w.Write(OpUndo, revertPhrase(e), func(tx Tx) error {
		return RevertEntryWith(tx, e, o)
	})
}

// entryReader reads the journal's entries.
type entryReader interface {
	Entry(seq uint64) (Entry, error)
	Journal(q JournalQuery) ([]Entry, error)
}

// entryToRevert reads entry seq of s as a revert needs it
// (JournalQuery.Reverting), as UndoWith reads the latest: the versions
// of the events it moved are left out, read from the store as they are
// reverted. Read whole, the redo of an import of 200,000 events held a
// version of each, decoded: 1.3 GB.
func entryToRevert(s entryReader, seq uint64) (Entry, error) {
	es, err := s.Journal(JournalQuery{After: seq - 1, Before: seq + 1, Limit: 1, Reverting: true})
	if err != nil {
		return Entry{}, err
	}
	if len(es) == 0 || es[0].Seq != seq {
		return s.Entry(seq) // which says why there is no such entry
	}
	return es[0], nil
}

// startKept is why the entry that started the investigation is not
// taken back: all it did was give the investigation its title, and
// taking it back left an investigation without one (and undo on a new
// store did that, saying "undid #1: started ..."), which no change
// should do.
func startKept(e Entry) string {
	return fmt.Sprintf("#%d started the investigation, which is not taken back; to change its title or description, run chrono edit --header --set title=... (or description=...)", e.Seq)
}

// revertPhrase says what reverting e does: "undid #7: edited second";
// for an undo, "redid #7: edited second", and for that redo "undid #7:
// ..." again, rather than "undid #9: undid #8: ..." growing at each turn.
func revertPhrase(e Entry) string {
	if e.Op == OpUndo {
		for _, swap := range [][2]string{{"undid #", "redid #"}, {"redid #", "undid #"}} {
			if rest, ok := strings.CutPrefix(e.Phrase, swap[0]); ok {
				return swap[1] + rest
			}
		}
	}
	return fmt.Sprintf("undid #%d: %s", e.Seq, e.Phrase)
}

// Undo reverses the latest change in the journal of s; it is refused
// when s was overtaken (Overtaken) while it was being opened.
func Undo(s Store) (Entry, error) { return UndoWith(s, RevertOptions{}) }

// UndoWith is Undo, telling its progress as o says.
func UndoWith(s Store, o RevertOptions) (Entry, error) {
	last, err := s.Journal(JournalQuery{Limit: 1, Reverting: true})
	if err != nil {
		return Entry{}, err
	}
	if len(last) == 0 {
		return Entry{}, errors.New("nothing to undo: the journal is empty")
	}
	if o, ok := s.(Overtaken); ok && o.Overtaken() {
		return Entry{}, &OvertakenError{Latest: last[0]}
	}
	if last[0].Op == OpNew {
		return Entry{}, fmt.Errorf("nothing to undo: %s", startKept(last[0]))
	}
	if err := checkTrusted(s, last[0].Seq); err != nil {
		return Entry{}, err
	}
	e := last[0]
	return s.Write(OpUndo, revertPhrase(e), func(tx Tx) error {
		// Read before the write began: in a database another process's
		// change may have come between, and the change read is then not
		// the latest the undo was asked for.
		later, err := tx.Later(e.Seq)
		if err != nil {
			return err
		}
		if len(later) > 0 {
			return &OvertakenError{Latest: later[len(later)-1]}
		}
		return RevertEntryWith(tx, e, o)
	})
}

// RevertSeq reverses entry seq of the journal of s, read from it.
func RevertSeq(s Store, seq uint64) (Entry, error) { return RevertSeqWith(s, seq, RevertOptions{}) }

// RevertSeqWith is RevertSeq, telling its progress as o says.
func RevertSeqWith(s Store, seq uint64, o RevertOptions) (Entry, error) {
	e, err := entryToRevert(s, seq)
	if err != nil {
		return Entry{}, err
	}
	if err := checkTrusted(s, seq); err != nil {
		return Entry{}, err
	}
	return RevertWith(s, e, o)
}

// checkTrusted refuses to reverse entry seq of the journal of s, as
// read back from it, when the chain does not vouch for it (it breaks at
// that entry or before it, or at the next one's link, as it does when
// the entry was rewritten with its hash): the versions the entry records
// may have been rewritten outside chrono, and putting them back would
// make a forgery the events' state under a sound new entry. A store that
// keeps no chain is trusted.
func checkTrusted(s Store, seq uint64) error {
	v, ok := s.(JournalVerifier)
	if !ok {
		return nil
	}
	r, err := v.VerifyJournal()
	if err != nil || r.Vouches(seq) {
		return err
	}
	return fmt.Errorf("journal entry #%d does not hold to the chain (%s): what #%d records cannot be trusted, and it is not reversed; chrono verify --journal says more", r.Break.Seq, r.Break.What, seq)
}

// refusal is a revert refused because later changes stand in its way,
// saying which and what to do: a conflict (ErrConflict), which the
// browser's undo passes by on the next press, as it does a
// ConflictError.
type refusal struct{ msg string }

func (r refusal) Error() string { return r.msg }

// Unwrap makes errors.Is(err, ErrConflict) hold.
func (r refusal) Unwrap() error { return ErrConflict }

// errNoteGone is revertEvent's when a note the change added is no longer
// as it added it; RevertEntry says by which change.
var errNoteGone = errors.New("a note this change added was edited or removed since")

// notedBy names the latest of the entries standing that changed the
// notes of event id: ", by #12 removed a note from x by bo", or "".
func notedBy(standing []Entry, id string) string {
	for _, l := range slices.Backward(standing) {
		for _, c := range l.Events {
			if c.ID == id && c.Before != nil && c.After != nil && !slices.Equal(c.Before.Notes, c.After.Notes) {
				return fmt.Sprintf(", by #%d %s by %s", l.Seq, l.Phrase, l.Author)
			}
		}
	}
	return ""
}

func refused(format string, args ...any) error { return refusal{fmt.Sprintf(format, args...)} }
