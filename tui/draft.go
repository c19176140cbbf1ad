package tui

import (
	"errors"
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// Draft is what was typed in a form, and not saved, when the browser
// ended without the investigator closing it: a signal, a closed terminal,
// a dropped SSH connection. Whoever runs the browser keeps it (Drafts),
// and the next browser of the same investigation, for the same person,
// opens the form again with it.
type Draft struct {
	// Form is the form it was typed in: DraftEvent, DraftQuote,
	// DraftNote, DraftSource or DraftTitle.
	Form string `json:"form"`
	// Event is the event edited, quoted or noted; "" for a new event.
	Event string `json:"event,omitempty"`
	// N is the quote or note edited, from 1; 0 for a new one.
	N int `json:"n,omitzero"`
	// Base is the event as it was when the editing began: a save then
	// meets a change made since as a conflict, as it would have then.
	Base *model.Event `json:"base,omitempty"`
	// Rest is what the event form holds but does not show (quotes, links
	// and notes typed in $EDITOR), when it differs from Base.
	Rest *model.Event `json:"rest,omitempty"`
	// Fields are the form's fields as typed, by name.
	Fields map[string]string `json:"fields"`
	// Focus is the field the cursor was in, by name, so that the typing
	// goes on there; "" for the form's first.
	Focus string `json:"focus,omitempty"`
	// NewSource is a source made in the quote's form, not yet saved.
	NewSource *model.Source `json:"new_source,omitempty"`
	// SourceFields are the fields of the form of a new source open over
	// the quote's, as typed, by name.
	SourceFields map[string]string `json:"source_fields,omitempty"`
	// Source is the source edited in the sources screen's form as it
	// was when the editing began, as Base is the event; nil for a new
	// one.
	Source *model.Source `json:"source,omitempty"`
	// Header is the investigation's title and description as they were
	// when the editing began, for a DraftTitle.
	Header *model.Header `json:"header,omitempty"`
	// Ended is when the browser ended.
	Ended time.Time `json:"ended"`
}

// The forms a draft is typed in.
const (
	DraftEvent = "event"
	DraftQuote = "quote"
	DraftNote  = "note"
	// DraftSource is the sources screen's form of a source.
	DraftSource = "source"
	// DraftTitle is the dialog of the investigation's title and
	// description.
	DraftTitle = "title"
)

// Drafts keeps a draft for the next browser of one investigation by one
// person. Run and the SSH server read and keep drafts around the
// browser; the browser drops the one it gave back, from a command, as
// soon as its form is saved or discarded, so that a browser killed
// after the save does not give it back to be saved twice.
//
// A draft goes to one browser only: two started at the same moment would
// otherwise both open its form, and save it twice, or one lose the
// other's typing.
type Drafts interface {
	// Kept is the oldest draft kept that no other browser was given,
	// given to this one until it is dropped or kept again; nil for none.
	Kept() (*Draft, error)
	// Keep keeps d beside any others (the person's other browsers'),
	// which Kept gives back in turn, the oldest first. The draft Kept
	// gave, kept again, is given up as it is, for the next browser.
	Keep(d *Draft) error
	// Drop forgets d, the draft Kept gave, and no other (another
	// browser's, kept since); a draft already forgotten is no error.
	Drop(d *Draft) error
}

// takeDraft reads the draft opts.Drafts kept, for the browser to give
// back. A draft that cannot be read is said, not fatal: the browser opens
// without it, and leaves it where it is.
func takeDraft(opts *Options) error {
	if opts.Drafts == nil {
		return nil
	}
	d, err := opts.Drafts.Kept()
	if err != nil {
		return err
	}
	opts.draft = d
	return nil
}

// leaveDraft keeps what the ended browser m leaves typed, and forgets
// the draft it was given once it gave it back: the one kept now, typed
// over it, takes its place. A draft given and not opened is given up,
// for the next browser.
func leaveDraft(opts Options, m *Model) error {
	d := m.draftLeft()
	if opts.Drafts == nil || d == nil && opts.draft == nil {
		return nil
	}
	if d == opts.draft {
		return opts.Drafts.Keep(d)
	}
	if d != nil {
		if err := opts.Drafts.Keep(d); err != nil {
			return err
		}
	}
	if opts.draft != nil {
		return opts.Drafts.Drop(opts.draft)
	}
	return nil
}

// forgetGiven drops the draft given back once its form is closed, saved
// or discarded, and no write of it is still under way: kept any longer,
// a browser killed before it ends would leave it to be given back, and
// saved, again. A save refused opens the form again, and keeps it.
func (m *Model) forgetGiven() tea.Cmd {
	d, drafts := m.given, m.drafts
	if d == nil || drafts == nil || m.dialog != nil || m.writes.busy() || m.stopped {
		return nil
	}
	m.given = nil
	return func() tea.Msg {
		if err := drafts.Drop(d); err != nil {
			return statusMsg{text: fmt.Sprintf("saved, but the draft it was typed in could not be forgotten, and the next browser gives it back: %v", err), err: true}
		}
		return nil
	}
}

// draftKept says whether leaveDraft kept what the ended browser m left
// typed: not when there is nowhere to keep it (no state directory), when
// the message must say it went.
func draftKept(opts Options, m *Model, err error) bool {
	return opts.Drafts != nil && m.draft != nil && err == nil
}

// drafted is a dialog whose typing can outlive the browser.
type drafted interface {
	// draft is what was typed, nil when nothing was.
	draft() *Draft
}

// The names of the event form's fields in a draft.
var draftEventFields = [fieldCount]string{"date", "date_text", "date_source", "title", "status", "actors", "tags", "media", "summary"}

// The names of the source form's fields in a draft.
var draftSourceFields = [srcFieldCount]string{"id", "publisher", "author", "title", "url", "published"}

// The names of the quote form's fields in a draft.
var draftQuoteFields = [quoteFieldCount]string{"text", "speaker", "source", "context", "stance"}

func (f *eventForm) draft() *Draft {
	if !f.changed() {
		return nil
	}
	d := &Draft{Form: DraftEvent, Base: f.base, Rest: f.rest, Fields: map[string]string{}, Focus: draftEventFields[f.focus]}
	if f.base != nil {
		d.Event = f.base.ID
	}
	for fld, name := range draftEventFields {
		switch fld := formField(fld); fld {
		case fieldSource:
			d.Fields[name] = f.sourceID()
		case fieldStatus:
			d.Fields[name] = string(formStatuses[f.status])
		default:
			d.Fields[name] = f.value(fld)
		}
	}
	return d
}

func (f *quoteForm) draft() *Draft {
	sub := f.sub != nil && f.sub.typedAway() != ""
	if !f.changed() && !sub {
		return nil
	}
	e := f.event.Clone()
	d := &Draft{Form: DraftQuote, Event: e.ID, N: f.n, Base: &e, NewSource: f.newSource, Fields: map[string]string{}, Focus: draftQuoteFields[f.focus]}
	if sub {
		d.SourceFields = map[string]string{}
		for fld, name := range draftSourceFields {
			d.SourceFields[name] = f.sub.value(srcField(fld))
		}
	}
	for fld, name := range draftQuoteFields {
		switch fld := quoteField(fld); fld {
		case quoteSource:
			d.Fields[name] = f.sourceID
		case quoteStance:
			d.Fields[name] = string(quoteStances[f.stance])
		default:
			d.Fields[name] = f.value(fld)
		}
	}
	return d
}

func (n *noteEditor) draft() *Draft {
	if n.typedAway() == "" {
		return nil
	}
	d := &Draft{Form: DraftNote, Event: n.id, N: n.n, Fields: map[string]string{"text": n.text(), "title": n.title}}
	if n.wasNote != nil {
		// The note as it was, for a save to revise it only if no one
		// else has meanwhile.
		d.Base = &model.Event{ID: n.id, Title: n.title, Notes: make([]model.Note, n.n)}
		d.Base.Notes[n.n-1] = *n.wasNote
	}
	return d
}

func (f *sourceForm) draft() *Draft {
	if f.typedAway() == "" {
		return nil
	}
	d := &Draft{Form: DraftSource, Source: f.base, Fields: map[string]string{}, Focus: draftSourceFields[f.focus]}
	for fld, name := range draftSourceFields {
		d.Fields[name] = f.value(srcField(fld))
	}
	return d
}

func (t *titleDialog) draft() *Draft {
	if t.typedAway() == "" {
		return nil
	}
	was, h := t.was, t.header()
	return &Draft{Form: DraftTitle, Header: &was, Fields: map[string]string{"title": h.Title, "description": h.Description}}
}

// reopen is the form d was typed in, filled as it was typed, and the
// screen it opens over when not the browser's (the sources screen's
// form); nil when d names no form this browser has.
func reopen(ctx *shared, d *Draft) (Dialog, Screen) {
	switch d.Form {
	case DraftSource:
		s := newSourcesScreen(ctx)
		f := newSourceForm(ctx, d.Source, s.saveSource, closeDialog{})
		for fld, name := range draftSourceFields {
			if srcField(fld) == srcID && d.Source != nil {
				continue // an id cannot change
			}
			// Typed over what the form was filled with, which stays
			// stored: a conflict then keeps what was typed.
			fillInput(&f.inputs[fld], d.Fields[name])
		}
		f.read()
		if i := slices.Index(draftSourceFields[:], d.Focus); i >= 0 {
			f.focusOn(srcField(i))
		}
		return f, s
	case DraftTitle:
		if d.Header == nil {
			return nil, nil
		}
		t := titleDialogOn(ctx, *d.Header)
		title, desc := d.Fields["title"], d.Fields["description"]
		t.title.SetValue(line(title))
		t.title.CursorEnd()
		t.kept = desc
		t.desc.SetValue(areaText(desc))
		return t, nil
	case DraftEvent:
		f := newEventForm(ctx, d.Base)
		f.rest = d.Rest
		for fld, name := range draftEventFields {
			v, ok := d.Fields[name]
			switch fld := formField(fld); fld {
			case fieldMedia:
				// A draft from before the form had media leaves them as
				// the event has them.
				if ok {
					f.stored[fld] = v
					f.media.SetValue(areaText(v))
				}
			case fieldSource:
				f.pendingSource = &v
			case fieldStatus:
				f.status = max(slices.Index(formStatuses, model.Status(v)), 0)
			case fieldSummary:
				f.stored[fld] = v
				f.summary.SetValue(areaText(v))
			default:
				f.stored[fld] = fillInput(&f.inputs[fld], v)
			}
		}
		f.read()
		if i := slices.Index(draftEventFields[:], d.Focus); i >= 0 {
			f.focusOn(formField(i))
		}
		return f, nil
	case DraftQuote:
		if d.Base == nil {
			return nil, nil
		}
		f := newQuoteForm(ctx, *d.Base, d.N)
		for fld, name := range draftQuoteFields {
			v := d.Fields[name]
			switch fld := quoteField(fld); fld {
			case quoteSource:
				f.sourceID = v
			case quoteStance:
				f.stance = max(slices.Index(quoteStances, model.Stance(v)), 0)
			case quoteText:
				f.stored[fld] = v
				f.text.SetValue(areaText(v))
			default:
				f.stored[fld] = fillInput(&f.inputs[fld], v)
			}
		}
		if i := slices.Index(draftQuoteFields[:], d.Focus); i >= 0 {
			f.focusOn(quoteField(i))
		}
		if d.NewSource != nil {
			s := *d.NewSource
			f.newSource, f.sourceID = &s, ""
		}
		if d.SourceFields != nil {
			f.openNewSource()
			for fld, name := range draftSourceFields {
				f.sub.stored[fld] = fillInput(&f.sub.inputs[fld], d.SourceFields[name])
			}
			f.sub.read()
		}
		return f, nil
	case DraftNote:
		if d.Event == "" {
			return nil, nil
		}
		title := d.Fields["title"]
		ed := newNoteEditor(ctx, d.Event, title)
		if d.N > 0 && d.Base != nil && d.N <= len(d.Base.Notes) {
			ed = editNote(ctx, d.Event, title, d.N, d.Base.Notes[d.N-1])
		}
		text := d.Fields["text"]
		ed.kept = text
		ed.area.SetValue(areaText(text))
		return ed, nil
	}
	return nil, nil
}

// draftPhrase says which form d was typed in, for the status line.
func draftPhrase(d *Draft) string {
	switch {
	case d.Form == DraftEvent && d.Event == "":
		return "the new event"
	case d.Form == DraftEvent:
		return "the changes to " + d.Event
	case d.Form == DraftQuote && d.N == 0:
		return "the new quote for " + d.Event
	case d.Form == DraftQuote:
		return fmt.Sprintf("the changes to quote %d of %s", d.N, d.Event)
	case d.Form == DraftSource && d.Source == nil:
		return "the new source"
	case d.Form == DraftSource:
		return "the changes to source " + line(d.Source.ID)
	case d.Form == DraftTitle:
		return "the changes to the investigation's title and description"
	case d.N == 0:
		return "the note for " + d.Event
	}
	return fmt.Sprintf("the changes to note %d of %s", d.N, d.Event)
}

// reopenDraft opens the form of the draft the browser was given, once
// the browser has opened, and says so: unless the store cannot take what
// it would save (read-only, or the person's role), when the draft stays
// kept for a browser that can, and the status line says that.
func (m *Model) reopenDraft() tea.Cmd {
	d := m.offer
	if d == nil || m.dialog != nil {
		return nil
	}
	f, over := reopen(m.ctx, d)
	if f == nil {
		m.offer = nil // no form of this browser's: nothing to give back
		return nil
	}
	when := d.Ended.In(m.ctx.local).Format("2 Jan 15:04")
	if need := needs(openDialog{f}); !m.ctx.allows(need) {
		why := "the store is read-only here"
		if m.ctx.readOnly == "" {
			why = fmt.Sprintf("your role is %s", m.ctx.role)
		}
		return sayAlso(fmt.Sprintf("kept, not opened, as %s: %s, typed and not saved when the browser ended (%s)", why, draftPhrase(d), when))
	}
	m.offer, m.given = nil, d
	var cmd tea.Cmd
	if over != nil {
		m.screens = append(m.screens, over)
		m.fit(true)
		cmd = over.Init()
	}
	m.open(f)
	switch f.(type) {
	case *eventForm, *quoteForm:
		cmd = tea.Batch(cmd, loadSources(m.ctx.store))
	}
	notice := fmt.Sprintf("back as you left it when the browser ended (%s): %s", when, draftPhrase(d))
	if b, ok := m.screens[0].(*browser); ok && d.Event != "" {
		// The rows behind the form show the event it changes; asked
		// after the browser's first window, and so put on screen over it.
		cmd = tea.Batch(cmd, b.askDraftEvent(d.Event, notice))
	}
	return tea.Batch(cmd, sayAlso(notice))
}

// askDraftEvent moves the rows to the event a draft changes. One gone
// meanwhile (to the trash, or deleted) is no error of the browser's:
// the rows stay where they are, and the status line keeps notice, saying
// where the event went, for the form's save says what it can do then.
func (b *browser) askDraftEvent(id, notice string) tea.Cmd {
	read := func(gen int) tea.Cmd {
		jump := jumpToEvent(b.ctx.store, gen, b.query, id, windowSize(b.tl.height))
		return func() tea.Msg {
			msg := jump()
			if w, ok := msg.(windowMsg); ok && errors.As(w.err, new(*model.Missing)) {
				w.err, w.note = errNoMove, notice+" · "+id+" is no longer on the timeline (in the trash, or deleted)"
				return w
			}
			return msg
		}
	}
	return b.ask(read, read)
}

// draftLeft is the draft to keep once the browser has ended: what a
// signal closed unsaved, or a form still open holds, else the draft it
// was given and could not open; nil for none, when any kept may go.
func (m *Model) draftLeft() *Draft {
	if d, ok := m.dialog.(drafted); ok && m.draft == nil {
		// The program ended with the form open: a connection gone.
		m.draft = d.draft()
	}
	if m.draft != nil {
		if m.draft.Ended.IsZero() {
			m.draft.Ended = m.ctx.now()
		}
		return m.draft
	}
	return m.offer
}
