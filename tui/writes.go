package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// writeQueue writes edits one at a time, in order, so that two quick
// changes to the same event reach the disk as they were made. An edit
// shows at once; when its write fails, the events go back to how they
// were. The reverts of confirmed edits are kept for undo, and the
// reverts of undos for redo, several levels of each.
type writeQueue struct {
	queue   []pendingWrite
	writing bool
	undo    []undoable // the newest last
	redo    []undoable // the newest last; a new change empties it
	// held are undos (false) and redos (true) asked for while a write was
	// on its way: they wait for it, so that u takes back the change just
	// made and not the one before it.
	held []bool
	// current is the write on its way; gate lets it start only while the
	// browser runs (nil lets every write start).
	current pendingWrite
	gate    *writeGate
}

// undoable is the edit that takes a change back (or makes it again), and
// what the change was, for the status line.
type undoable struct {
	edit model.Edit
	what string
	// refused marks one whose undo (or redo) later changes refused: it
	// stays on top, so that the refusal is not lost, and the next press
	// skips it, saying so, for the change before it; unless the store
	// moves past refusedBy, the newest change that refused it (which may
	// have been taken back): then the next press tries it again.
	refused   bool
	refusedBy uint64
}

// pendingWrite is an edit on its way to the disk.
type pendingWrite struct {
	edit   model.Edit
	before []model.Event // what the events were on screen, to roll back
	// undo and redo mark an edit that takes back an earlier change or
	// makes it again; what says what that change was.
	undo, redo bool
	what       string
	// skipped says what refused change this press passed by to reach
	// this one ("" for none).
	skipped string
	// kept says, once the write is saved, what another change made
	// meanwhile that it was carried beside ("" for none).
	kept string
	// save is the event saved, and form the form it was typed in (nil
	// from $EDITOR): a save refused by a conflict opens the form again.
	save *saveEvent
	form *eventForm
	// quote is the form a quote was typed in: a save refused opens it
	// again on what was typed.
	quote *quoteForm
	// again is the dialog the investigation's title or a source was
	// typed in: a save refused opens it again on what was typed.
	again reopening
	// started is set when the write begins, so that one the browser did
	// not get to start is written when it ends.
	started *atomic.Bool
}

// reopening is a dialog that opens again on what was typed when its save
// is refused, saying why (titleDialog, sourceForm).
type reopening interface {
	Dialog
	refused(err error)
}

// writeMsg reports a write to the store: the changes it made and the
// edit that reverts them, or the error that undid it.
type writeMsg struct {
	write   pendingWrite
	changes []model.Change
	revert  model.Edit
	err     error
	// head is the journal's newest entry when an undo or redo was
	// refused: the store has moved past the refusal only beyond it, not
	// with this session's own earlier changes heard after it.
	head uint64
}

// placedMsg tells the screens that a write added events to the timeline
// or took them from it: the view is to be asked again, with the cursor on
// focus when it is set.
type placedMsg struct{ focus string }

// saving reports whether writes are still on their way to the disk.
func (q *writeQueue) saving() bool { return q.writing || len(q.queue) > 0 }

// busy reports whether changes are still to be made: writes on their way
// or undos waiting for them.
func (q *writeQueue) busy() bool { return q.saving() || len(q.held) > 0 }

// release takes the oldest held undo once every write is on disk.
func (q *writeQueue) release() (redo, ok bool) {
	if q.saving() || len(q.held) == 0 {
		return false, false
	}
	redo = q.held[0]
	q.held = q.held[1:]
	return redo, true
}

// add queues a write and starts it when none is running.
func (q *writeQueue) add(s model.Store, w pendingWrite) tea.Cmd {
	q.queue = append(q.queue, w)
	return q.next(s)
}

func (q *writeQueue) next(s model.Store) tea.Cmd {
	if q.writing || len(q.queue) == 0 {
		return nil
	}
	w := q.queue[0]
	q.queue = q.queue[1:]
	q.writing = true
	w.started = new(atomic.Bool)
	q.current = w
	return write(s, w, q.gate)
}

// pop takes the newest of a stack of undoables.
func pop(stack *[]undoable) (undoable, bool) {
	s := *stack
	if len(s) == 0 {
		return undoable{}, false
	}
	u := s[len(s)-1]
	*stack = s[:len(s)-1]
	return u, true
}

// done takes a write's outcome and returns what the status line says.
func (q *writeQueue) done(msg writeMsg) statusMsg {
	q.writing = false
	w := msg.write
	var conflict *model.ConflictError
	var quoteConflict *model.QuoteConflict
	wroteNothing := len(msg.changes) == 0 && msg.revert == nil && !isPurge(w.edit)
	switch {
	case msg.err != nil && (w.undo || w.redo) && (errors.Is(msg.err, model.ErrConflict) || gone(msg.err) || errors.As(msg.err, new(inTrashError))):
		// Later changes touched the same fields, took the event out of
		// the store or put it in the trash: this one cannot be taken
		// back (or made again) without undoing them. It stays on top,
		// marked, so that the next press does not undo an older change
		// unasked: that press skips it, saying so. One in the trash is
		// tried again once the store changes: restored, it can be
		// undone.
		verb := "undo"
		if w.redo {
			verb = "redo"
		}
		why := msg.err.Error()
		stack, press := &q.undo, "u"
		if w.redo {
			stack, press = &q.redo, "U"
		}
		by := ^uint64(0) // gone for good: no change to come lets it be undone
		var inTrash inTrashError
		switch {
		case errors.As(msg.err, &inTrash):
			by = inTrash.head // a change since, the restore, may clear it
		case !errors.Is(msg.err, model.ErrConflict):
			why += ": it is no longer in the store (the trash was emptied of it)"
		case errors.As(msg.err, &conflict) && !conflict.Gone:
			by = 0
			for _, e := range conflict.By {
				by = max(by, e.Seq)
			}
		case conflict == nil:
			// Refused for a source, a note or the title: which change
			// stands in the way is said, not numbered; any change to
			// come may clear it.
			by = 0
		}
		if by != ^uint64(0) {
			by = max(by, msg.head)
		}
		*stack = append(*stack, undoable{edit: w.edit, what: w.what, refused: true, refusedBy: by})
		return statusMsg{text: fmt.Sprintf("%scannot %s %s: %s · %s again skips it", w.skippedFirst(), verb, w.what, why, press), err: true}
	case msg.err != nil && w.save != nil && errors.As(msg.err, &conflict):
		// The form opens again on what was typed, and says the rest.
		return statusMsg{text: fmt.Sprintf("not saved: event %q changed meanwhile", conflict.ID), err: true}
	case msg.err != nil && w.quote != nil && errors.As(msg.err, &quoteConflict):
		return statusMsg{text: fmt.Sprintf("quote not saved: its %s was changed meanwhile; the form keeps what you typed", quoteConflict.Field), err: true}
	case msg.err != nil && w.quote != nil && errors.Is(msg.err, model.ErrConflict):
		// The quote's form opens again on what was typed, and says what
		// changed: the store's "open it again" is the form's to do.
		return statusMsg{text: "quote not saved: it changed or was removed meanwhile; the form keeps what you typed", err: true}
	case msg.err != nil && w.quote != nil:
		// The quote's form opens again on what was typed, and says why:
		// advice to press a key of the browser would be typed into it.
		return statusMsg{text: "quote " + keptInForm, err: true}
	case msg.err != nil && isNote(w.edit) && errors.As(msg.err, new(inTrashError)):
		// The note opens again on what was typed, and says what to do.
		return statusMsg{text: "note not saved: its event went to the trash meanwhile; the note keeps what you typed", err: true}
	case msg.err != nil:
		if w.undo {
			q.undo = append(q.undo, undoable{edit: w.edit, what: w.what})
		}
		if w.redo {
			q.redo = append(q.redo, undoable{edit: w.edit, what: w.what})
		}
		if w.undo || w.redo {
			// Nothing was saved, and the change stays as it was.
			verb := "undo"
			if w.redo {
				verb = "redo"
			}
			return statusMsg{text: fmt.Sprintf("%scannot %s %s: %v", w.skippedFirst(), verb, w.what, msg.err), err: true}
		}
		return statusMsg{text: undoneOnScreen(msg.err), err: true}
	case w.undo && wroteNothing:
		// Another change took it back first: nothing was written. With
		// more on the stack, "nothing to undo" would say there is none.
		if len(q.undo) > 0 {
			return statusMsg{text: w.skippedFirst() + w.what + " is taken back already, by another change · u again undoes the change before it"}
		}
		return statusMsg{text: w.skippedFirst() + "nothing to undo: " + w.what + " is taken back already, by another change"}
	case w.redo && wroteNothing:
		if len(q.redo) > 0 {
			return statusMsg{text: w.skippedFirst() + w.what + " is made again already, by another change · U again redoes the one undone before it"}
		}
		return statusMsg{text: w.skippedFirst() + "nothing to redo: " + w.what + " is made again already, by another change"}
	case w.undo:
		if msg.revert != nil {
			q.redo = append(q.redo, undoable{edit: msg.revert, what: w.what})
			return statusMsg{text: w.skippedFirst() + "undid: " + w.what + " · U to redo"}
		}
		return statusMsg{text: w.skippedFirst() + "undid: " + w.what}
	case w.redo:
		if msg.revert != nil {
			q.undo = append(q.undo, undoable{edit: msg.revert, what: w.what})
			return statusMsg{text: w.skippedFirst() + "redid: " + w.what + " · u to undo"}
		}
		return statusMsg{text: w.skippedFirst() + "redid: " + w.what}
	case wroteNothing:
		if o, ok := w.edit.(outcome); ok {
			return statusMsg{text: o.Outcome(nil)}
		}
		return statusMsg{text: unchanged(w.edit.Phrase())}
	}
	what := w.edit.Phrase()
	if o, ok := w.edit.(outcome); ok {
		what = o.Outcome(msg.changes)
	} else if d, ok := w.edit.(phraseDone); ok {
		what = d.PhraseDone(msg.changes)
	}
	if focus, _, _ := placement(msg.revert); w.save != nil && w.save.base == nil && focus != "" {
		what += " as " + focus
	}
	if s, ok := w.edit.(model.SaveEvent); ok && s.Base != nil {
		// Which fields: two saves of one event, and their undos, read
		// alike without them.
		if f := model.Fields(s.Base, &s.Event); len(f) > 0 && len(f) <= 3 {
			what += " (" + strings.Join(f, ", ") + ")"
		}
	}
	said := what
	if w.kept != "" {
		said += " · " + w.kept
	}
	if msg.revert == nil {
		return statusMsg{text: said}
	}
	q.undo = append(q.undo, undoable{edit: msg.revert, what: what})
	q.redo = nil
	return statusMsg{text: said + " · u to undo"}
}

// undoneOnScreen is what the status line says of a write refused, whose
// change is taken off the screen again.
func undoneOnScreen(err error) string {
	return fmt.Errorf("not saved, change undone on screen: %w", err).Error()
}

// keptInForm is what it says instead when the write's form or editor
// opened again on what was typed: that form says why, in its own words
// (advice to press a key of the browser, such as D, would be typed into
// it).
const keptInForm = "not saved: the form keeps what you typed, and says why above it"

// retryRefused unmarks the refused undo and redo on top of the stacks
// once the store's journal has gone past the change that refused them,
// seq: the next press tries them again.
func (q *writeQueue) retryRefused(seq uint64) {
	for _, stack := range []*[]undoable{&q.undo, &q.redo} {
		if s := *stack; len(s) > 0 && seq > s[len(s)-1].refusedBy {
			s[len(s)-1].refused = false
		}
	}
}

// skippedFirst is what the status line says, before an undo's outcome,
// of the refused change the press skipped to reach it: gone from the
// stack now.
func (w pendingWrite) skippedFirst() string {
	if w.skipped == "" {
		return ""
	}
	return skippedNote(w.skipped, w.redo)
}

// skippedNote says that a press passed by the refused change what.
func skippedNote(what string, redo bool) string {
	verb := "undone"
	if redo {
		verb = "redone"
	}
	return fmt.Sprintf("skipped %s, which cannot be %s; ", what, verb)
}

// gone reports whether a write failed for an event that is neither on
// the timeline nor in the trash.
func gone(err error) bool {
	var trashed inTrashError
	return errors.Is(err, model.ErrNotFound) && !errors.As(err, &trashed)
}

// outcome is an edit that can say what it did from the changes it made,
// where what it was asked to do would mislead (tagging events that had
// the tag already).
type outcome interface {
	Outcome(changes []model.Change) string
}

// withoutRevert is a refusal without its advice to revert the changes in
// the way, for a browser served over SSH: chrono revert is the command
// line's, which a person connected so has not.
func withoutRevert(text string) string {
	for _, advice := range []string{": revert that first", "; revert that first", ": revert those first", "; revert those first"} {
		text = strings.ReplaceAll(text, advice, "")
	}
	return text
}

// phraseDone is an edit whose phrase names what only its write made (the
// id of a source made on the spot).
type phraseDone interface {
	PhraseDone(changes []model.Change) string
}

// isPurge tells emptying the trash, which has no revert and changes no
// event in place unless events linked to those purged, from a write that
// changed nothing.
func isPurge(e model.Edit) bool {
	_, ok := e.(model.Purge)
	return ok
}

// write makes an edit through the store; the result comes back as a
// writeMsg whether it worked or not.
func write(s model.Store, w pendingWrite, gate *writeGate) tea.Cmd {
	return func() tea.Msg {
		if gate != nil && !gate.begin() {
			return writeMsg{write: w, err: errNotStarted}
		}
		w.started.Store(true)
		changes, revert, err := w.edit.Apply(s)
		if gate != nil {
			gate.end(err)
		}
		var seq uint64
		if err != nil {
			err = trashedHint(s, err)
			if w.undo || w.redo {
				seq, _, _ = head(s)
			}
		}
		return writeMsg{write: w, changes: changes, revert: revert, err: err, head: seq}
	}
}

// placement reads in a journaled write's revert what the write did beyond
// changing events in place: whether it added events to the timeline or
// took them from it (moved), with the first it brought (focus), and
// whether it changed the investigation's title or description.
func placement(revert model.Edit) (focus string, moved, header bool) {
	r, ok := revert.(model.RevertEdit)
	if !ok {
		return "", false, false
	}
	// The revert's entry is the write's own: its changes say what it did.
	for _, c := range r.Entry.Events {
		if c.From == c.To {
			continue
		}
		moved = true
		if c.To == model.OnTimeline && focus == "" {
			focus = c.ID
		}
	}
	return focus, moved, r.Entry.Header != nil
}

// retagged reports whether a write changed tags, so that the counts of
// tags are read again.
func retagged(changes []model.Change) bool {
	for _, c := range changes {
		if !slices.Equal(c.Before.Tags, c.After.Tags) {
			return true
		}
	}
	return false
}

// author writes what an authoring action means, as the model's edit of
// the same change. The form that saved an event goes with its write, to
// open again if the save meets a conflict.
func (m *Model) author(a authoring) tea.Cmd {
	form, _ := m.dialog.(*eventForm)
	m.dialog = nil
	w := pendingWrite{}
	switch a := a.(type) {
	case saveEvent:
		w.edit, w.save, w.form = model.SaveEvent{Base: a.base, Event: a.event}, &a, form
		if a.restore && a.base != nil {
			// Two writes, in turn, each undone on its own, as a note
			// saved on an event in the trash is.
			return tea.Batch(m.write(pendingWrite{edit: model.Untrash{Events: []string{a.base.ID}}}), m.write(w))
		}
	case linkEvents:
		w.edit = model.AddLink{From: a.from, Rel: a.rel, To: a.to}
	case unlinkEvents:
		w.edit = model.RemoveLink{From: a.from, Rel: a.rel, To: a.to}
	case removeQuote:
		w.edit = model.DropQuote{ID: a.id, N: a.n + 1}
	case moveQuote:
		w.edit = model.ShiftQuote{ID: a.id, N: a.n + 1, To: a.to + 1}
	default:
		return m.say(statusMsg{text: "not saved: " + a.what(), err: true})
	}
	return m.write(w)
}

// undo takes back the newest change this session made, or makes the
// newest change undone again (redo).
func (m *Model) undo(redo bool) tea.Cmd {
	if m.writes.saving() {
		m.writes.held = append(m.writes.held, redo)
		return nil
	}
	stack, none := &m.writes.undo, "nothing to undo"
	if redo {
		stack, none = &m.writes.redo, "nothing to redo"
	}
	u, ok := pop(stack)
	if !ok {
		return say(none)
	}
	skipped := ""
	if u.refused {
		// Refused at the last press: this press passes it by, and says so.
		skipped = u.what
		if u, ok = pop(stack); !ok {
			return say(skippedNote(skipped, redo) + none)
		}
	}
	return m.write(pendingWrite{edit: u.edit, undo: !redo, redo: redo, what: u.what, skipped: skipped})
}

// conflicted opens the event form again when a save was refused because
// another change came first (model.ConflictError): on what was typed,
// with the stored version beside it, so that nothing typed is lost.
func (m *Model) conflicted(msg writeMsg) tea.Cmd {
	var ce *model.ConflictError
	w := msg.write
	if w.quote != nil && m.dialog == nil {
		return reopenQuote(m.ctx.store, w.quote, msg.err)
	}
	if w.again != nil && m.dialog == nil && !m.stopped {
		w.again.refused(msg.err)
		m.open(w.again)
		return nil
	}
	if w.save != nil && w.form != nil && !errors.As(msg.err, &ce) && m.dialog == nil && !m.stopped {
		// Refused for another reason (the store unreachable, the event
		// put in the trash meanwhile): the form opens again on what was
		// typed, saying why, to be saved once that is mended.
		f := w.form
		f.problem = refuse("not saved: "+msg.err.Error(), f.snapshot())
		if gone(msg.err) {
			// Saving again can only fail again: said, with the way out.
			f.problem = refuse(fmt.Sprintf("not saved: %v: it is no longer in the store (the trash was emptied of it meanwhile); %s closes the form, and A adds the event anew", msg.err, keyOf(f.keys.Cancel)), f.snapshot())
		}
		if f.inTrash = errors.As(msg.err, new(inTrashError)); f.inTrash {
			// What is typed is kept, and saved where it was meant to go.
			f.problem = refuse(fmt.Sprintf("not saved: the event went to the trash meanwhile: %s restores it and saves yours, %s drops what you typed", keyOf(f.keys.Save), keyOf(f.keys.Cancel)), f.snapshot())
		}
		m.open(f)
		return nil
	}
	if w.save == nil || w.save.base == nil || !errors.As(msg.err, &ce) || m.dialog != nil {
		return nil
	}
	f, cmd := w.form, tea.Cmd(nil)
	if f == nil {
		// Saved from $EDITOR: another's change to other fields is kept
		// beside it, as chrono edit keeps it; saved again on theirs.
		if merged, kept, both := model.EditBeside(w.save.base, &w.save.event, &ce.Current); len(both) == 0 {
			again := saveEvent{base: &ce.Current, event: merged}
			return m.write(pendingWrite{edit: model.SaveEvent{Base: again.base, Event: again.event}, save: &again,
				kept: "kept beside yours: " + strings.Join(kept, ", ") + ", changed meanwhile by another change"})
		}
		// Saved from $EDITOR: a form on the same base, showing what was
		// typed (the quotes, links and notes typed come along).
		f, cmd = newEventForm(m.ctx, w.save.base), loadSources(m.ctx.store)
		typed := w.save.event
		f.rest = &typed
		f.load(typed)
	}
	f.conflicted(w.save.event, ce.Current)
	m.open(f)
	return cmd
}

// unchanged says that a write changed nothing, from what it would have
// done: "nothing to save: quote 3 of x is as it was", not "nothing
// changed: saved quote 3 of x", which says both.
func unchanged(phrase string) string {
	if what, ok := strings.CutPrefix(phrase, "saved "); ok {
		return "nothing to save: " + what + " is as it was"
	}
	return "nothing changed (" + phrase + ")"
}
