package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// quoteForm is the dialog that adds a quote to an event or edits one of
// its quotes, over the body. The words are verbatim, often pasted; the
// source is chosen from the investigation's sources by typing words of
// it, or made on the spot ("new source…" opens a source form, and the
// quote comes back with it chosen: both are written at once). It ends in
// a write of model.SaveQuote.
type quoteForm struct {
	ctx   *shared
	event model.Event // the event as it was when the editing began
	n     int         // the quote edited, from 1; 0 when adding
	keys  quoteFormKeys

	text   textarea.Model
	inputs [quoteFieldCount]textinput.Model // speaker, the source's filter, context
	stance int                              // index into quoteStances
	focus  quoteField

	sources   []model.Source
	sourceID  string        // the chosen source; "" for none
	newSource *model.Source // a source made on the spot, chosen
	cand      int           // the highlighted candidate of the source field
	sub       *sourceForm   // the form of a new source, while open

	// What the fields were filled with, as stored (keptText); the words'
	// follow each edit of them (editArea).
	stored  [quoteFieldCount]string
	initial string
	problem refusal
	discard discardGuard
	w, h    int
	// inTrash: the last save found the event in the trash, put there
	// meanwhile; the next restores it first.
	inTrash bool
}

// quoteField is a field of the quote form, in its order.
type quoteField int

const (
	quoteText quoteField = iota
	quoteSpeaker
	quoteSource
	quoteContext
	quoteStance
	quoteFieldCount
)

var quoteLabels = [quoteFieldCount]string{"Words", "Speaker", "Source", "Context", "Stance"}

// quoteStances are the stance field's choices: not stated, then
// model.Stances.
var quoteStances = append([]model.Stance{""}, model.Stances...)

// quoteCandidates is how many sources the source field lists under it.
const quoteCandidates = 4

// quoteFixedLines are the lines of the quote form besides the words: the
// heading and a blank line, the speaker, the source and its candidates,
// the context and the stance.
const quoteFixedLines = 2 + 1 + 1 + quoteCandidates + 1 + 1

type quoteFormKeys struct {
	formKeys
	Pick, Choose key.Binding
}

// ShortHelp implements help.KeyMap.
func (k quoteFormKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Pick, k.Choose, k.Save, k.Cancel}
}

// footerKeys implements endKeys: save and cancel stay at every width.
func (k quoteFormKeys) footerKeys() (own, end []key.Binding) {
	return []key.Binding{k.Next, k.Prev, k.Pick, k.Choose}, []key.Binding{k.Save, k.Cancel}
}

// FullHelp implements help.KeyMap.
func (k quoteFormKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// sourceMade is the new source's form saying what it holds; sourceDropped
// that it was left.
type (
	sourceMade    struct{ source model.Source }
	sourceDropped struct{}
)

// newQuoteForm returns the form adding a quote to e (n 0) or editing its
// quote n (from 1). The sources come later (sourcesMsg).
func newQuoteForm(ctx *shared, e model.Event, n int) *quoteForm {
	f := &quoteForm{ctx: ctx, event: e.Clone(), n: n, w: -1, keys: quoteFormKeys{
		formKeys: newFormKeys(),
		// "pick source", not "pick a source": at 80 columns the footer
		// holds it beside tab, shift+tab, save and cancel with no cell
		// to spare, and left it out for the two.
		Pick:   key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "pick source")),
		Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")),
	}}
	f.text = newFieldArea(&ctx.styles, "the words as the source gives them; paste them here", "")
	for fld, ph := range map[quoteField]string{
		quoteSpeaker: "who said or wrote them",
		quoteSource:  "type words of the source, or pick “new source…”",
		quoteContext: "where they were said, such as “to the Justice Department”",
	} {
		f.inputs[fld] = newFieldInput(&ctx.styles, ph)
	}
	if n > 0 && n <= len(e.Quotes) {
		q := e.Quotes[n-1]
		f.stored[quoteText] = q.Text
		f.text.SetValue(areaText(q.Text))
		for fld, v := range map[quoteField]string{quoteSpeaker: q.Speaker, quoteContext: q.Context} {
			f.stored[fld] = fillInput(&f.inputs[fld], v)
		}
		f.sourceID = q.Source
		f.stance = max(slices.Index(quoteStances, q.Stance), 0)
	}
	f.initial = f.snapshot()
	f.focusOn(quoteText)
	f.updateKeys()
	return f
}

// value is a field's text as it is to be stored: as it was but for what
// is typed.
func (f *quoteForm) value(fld quoteField) string {
	v := f.inputs[fld].Value()
	if fld == quoteText {
		v = f.text.Value()
	}
	return keptText(v, f.stored[fld], fld == quoteText)
}

func (f *quoteForm) snapshot() string {
	src := f.sourceID
	if f.newSource != nil {
		src = "\x01new"
	}
	return strings.Join([]string{f.value(quoteText), f.value(quoteSpeaker), src, f.value(quoteContext), fmt.Sprint(f.stance)}, "\x00")
}

func (f *quoteForm) changed() bool { return f.snapshot() != f.initial }

func (f *quoteForm) focusOn(fld quoteField) {
	f.focus = fld
	for i := range f.inputs {
		blurInput(&f.inputs[i])
	}
	blurArea(&f.text)
	switch fld {
	case quoteText:
		focusArea(&f.text)
	case quoteStance:
	default:
		focusInput(&f.inputs[fld])
	}
	if fld == quoteSource {
		f.inputs[quoteSource].SetValue("")
		f.cand = f.chosenCandidate()
	}
}

func (f *quoteForm) updateKeys() {
	f.keys.Pick.SetEnabled(f.focus == quoteSource)
	f.keys.Choose.SetEnabled(f.focus == quoteStance)
}

// candidate is an entry of the source field's list: no source, a
// source, or a new one.
type candidate struct {
	source  *model.Source // nil: none, unless fresh or pending
	fresh   bool          // "new source…"
	pending bool          // the new source already made for this quote
}

// candidates are the sources holding every word typed in the source
// field, between "none" and "new source…".
func (f *quoteForm) candidates() []candidate {
	out := []candidate{{}}
	if f.newSource != nil {
		out = append(out, candidate{source: f.newSource, pending: true})
	}
	words := strings.Fields(strings.ToLower(f.inputs[quoteSource].Value()))
	for i := range f.sources {
		s := &f.sources[i]
		hay := strings.ToLower(strings.Join([]string{s.ID, s.Publisher, s.Author, s.Title}, " "))
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(hay, w) }) {
			out = append(out, candidate{source: s})
		}
	}
	return append(out, candidate{fresh: true})
}

// chosenCandidate is the index of the chosen source among the
// candidates, or the first source that matches when none is chosen.
func (f *quoteForm) chosenCandidate() int {
	for i, c := range f.candidates() {
		if c.pending || (f.newSource == nil && c.source != nil && c.source.ID == f.sourceID) {
			return i
		}
	}
	return 0
}

// Place implements Dialog: the body.
func (f *quoteForm) Place() place { return placeBody }

// ShortHelp implements help.KeyMap: the new source's form's while open.
func (f *quoteForm) ShortHelp() []key.Binding {
	if f.sub != nil {
		return f.sub.ShortHelp()
	}
	return f.keys.ShortHelp()
}

func (f *quoteForm) footerKeys() (own, end []key.Binding) {
	if f.sub != nil {
		return f.sub.footerKeys()
	}
	return f.keys.footerKeys()
}

// FullHelp implements help.KeyMap.
func (f *quoteForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// SetSize implements Dialog: the words take the lines the other fields
// leave.
func (f *quoteForm) SetSize(w, h int) {
	if f.sub != nil {
		f.sub.SetSize(w, h)
	}
	if w == f.w && h == f.h {
		return
	}
	f.w, f.h = w, h
	iw, aw := fieldWidths(w)
	for i := range f.inputs {
		setInputWidth(&f.inputs[i], iw)
	}
	resizeArea(&f.text, aw, max(h-quoteFixedLines, 1))
}

// Update implements Dialog.
func (f *quoteForm) Update(msg tea.Msg) (Action, tea.Cmd) {
	a, cmd := f.update(msg)
	f.updateKeys()
	return a, cmd
}

func (f *quoteForm) update(msg tea.Msg) (Action, tea.Cmd) {
	if msg, ok := msg.(sourcesMsg); ok {
		if msg.err != nil {
			return nil, fail(msg.err)
		}
		f.sources = msg.sources
		if f.sub != nil {
			f.sub.others = f.sources // a source form given back with the quote's draft
		}
		return nil, nil
	}
	if f.sub != nil {
		a, cmd := f.sub.Update(msg)
		switch a := a.(type) {
		case sourceMade:
			s := a.source
			f.newSource, f.sourceID, f.sub = &s, "", nil
			f.focusOn(quoteContext)
			return nil, cmd
		case sourceDropped:
			f.sub = nil
			return nil, cmd
		}
		return a, cmd
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, f.edit(msg)
	}
	keys := &f.keys
	if act, cmd, ok := f.discard.leaving(k, keys.Interrupt, keys.Save, keys.Cancel, f.changed, closeDialog{}); ok {
		return act, cmd
	}
	switch {
	case key.Matches(k, keys.Save):
		return f.save()
	case key.Matches(k, keys.Next):
		return nil, f.leave(1)
	case key.Matches(k, keys.Prev):
		return nil, f.leave(-1)
	case key.Matches(k, keys.Pick):
		step := 1
		if k.String() == "up" {
			step = -1
		}
		f.cand = stepRound(f.cand, step, len(f.candidates()))
		return nil, nil
	case key.Matches(k, keys.Choose):
		step := 1
		if k.String() == "left" {
			step = -1
		}
		f.stance = stepRound(f.stance, step, len(quoteStances))
		return nil, nil
	case k.String() == "enter" && f.focus != quoteText:
		return nil, f.leave(1)
	}
	return nil, f.edit(k)
}

// openNewSource opens the form of a new source, for the quote to cite.
func (f *quoteForm) openNewSource() {
	f.sub = newSourceForm(f.ctx, nil, func(_ *model.Source, s model.Source) Action { return sourceMade{s} }, sourceDropped{})
	f.sub.others = f.sources
	f.sub.heading = "New source, for the quote · " + keyOf(f.sub.keys.Save) + " takes it back to the quote"
}

// leave moves to the next field (d 1) or the one before (-1). Leaving the
// source field picks the highlighted candidate; "new source…" opens the
// form of a new source.
func (f *quoteForm) leave(d int) tea.Cmd {
	if f.focus == quoteSource {
		cs := f.candidates()
		if f.cand < len(cs) {
			switch c := cs[f.cand]; {
			case c.fresh && d > 0:
				f.openNewSource()
				// The words typed to find the source are most often its
				// publisher's name: they start that field, not lost; but
				// not words typed to find "new source…" itself.
				typed := strings.TrimSpace(f.inputs[quoteSource].Value())
				if strings.HasPrefix(newSourceEntry, strings.ToLower(typed)) {
					typed = ""
				}
				f.sub.start(srcPublisher, typed)
				f.sub.SetSize(f.w, f.h)
				return nil
			case c.fresh, c.pending:
			case c.source == nil:
				f.sourceID, f.newSource = "", nil
			default:
				f.sourceID, f.newSource = c.source.ID, nil
			}
		}
	}
	f.focusOn(stepRound(f.focus, d, quoteFieldCount))
	return nil
}

// edit gives a message to the field with the cursor: the words take
// pasted text whole, with its line breaks.
func (f *quoteForm) edit(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch f.focus {
	case quoteStance:
		return nil
	case quoteText:
		return editVerbatimArea(&f.text, &f.stored[quoteText], msg)
	default:
		before := f.inputs[f.focus].Value()
		cmd = editLine(&f.inputs[f.focus], f.stored[f.focus], msg)
		if f.focus == quoteSource && f.inputs[quoteSource].Value() != before {
			// The first source that holds the words typed, else "new
			// source…".
			cs := f.candidates()
			f.cand = len(cs) - 1
			for i, c := range cs {
				if c.source != nil && !c.pending {
					f.cand = i
					break
				}
			}
		}
	}
	return cmd
}

// quoteWords are the quote's words to save: verbatim, as stored but for
// what was typed, except that a new quote drops the line breaks that end
// it, as chrono quote add drops those of what it reads: the Enter after
// the last line of a paste, not the quote's.
func (f *quoteForm) quoteWords() string {
	if f.n == 0 {
		return strings.TrimRight(f.value(quoteText), "\n")
	}
	return f.value(quoteText)
}

// quote is the quote the form describes, or why it cannot be saved: the
// event's own check, naming the quote and the field.
func (f *quoteForm) quote() (model.Quote, error) {
	// A field left as the quote had it keeps it, spaces and all (text).
	var was model.Quote
	if f.n > 0 && f.n <= len(f.event.Quotes) {
		was = f.event.Quotes[f.n-1]
	}
	text := func(fld quoteField, had string) string {
		v := f.value(fld)
		if v == had {
			return v
		}
		return strings.TrimSpace(v)
	}
	q := model.Quote{
		Text:    f.quoteWords(),
		Speaker: text(quoteSpeaker, was.Speaker),
		Source:  f.sourceID,
		Context: text(quoteContext, was.Context),
		Stance:  quoteStances[f.stance],
	}
	if f.newSource != nil {
		q.Source = f.newSource.ID
	}
	probe := f.event.Clone()
	at := f.n
	if at == 0 {
		probe.Quotes = append(probe.Quotes, q)
		at = len(probe.Quotes)
	} else if at <= len(probe.Quotes) {
		probe.Quotes[at-1] = q
	}
	prefix := fmt.Sprintf("quote #%d:", at)
	for _, m := range probe.Check() {
		if strings.HasPrefix(m, prefix) {
			return q, fmt.Errorf("event %q: %s", f.event.ID, m)
		}
	}
	if q.Text == "" {
		return q, errors.New("words: missing")
	}
	return q, nil
}

// save checks the quote and writes it, with the new source first.
func (f *quoteForm) save() (Action, tea.Cmd) {
	if f.focus == quoteSource {
		if cmd := f.leave(1); f.sub != nil {
			return nil, cmd
		}
	}
	q, err := f.quote()
	if err != nil {
		f.problem = refuse(err.Error(), f.snapshot())
		return nil, nil
	}
	edit := model.SaveQuote{Event: f.event.ID, N: f.n, Quote: q, NewSource: f.newSource}
	if f.n > 0 && f.n <= len(f.event.Quotes) {
		edit.Base, edit.Quotes = f.event.Quotes[f.n-1], f.event.Quotes
	}
	if f.inTrash {
		return restoreThen{id: f.event.ID, then: edit}, nil
	}
	return writeEdit{edit}, nil
}

// editsText implements editsText: ctrl+c says how to save or discard.
func (*quoteForm) editsText() {}
