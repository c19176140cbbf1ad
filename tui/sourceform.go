package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// sourceForm adds a source or edits one, over the body. What saving
// means is its owner's: a write from the sources screen, or the source a
// quote will cite, from the quote dialog (which then writes both at
// once).
type sourceForm struct {
	ctx  *shared
	base *model.Source // nil when adding
	keys formKeys

	inputs [srcFieldCount]textinput.Model
	// What the fields were filled with, as stored (keptText).
	stored  [srcFieldCount]string
	initial string
	focus   srcField
	reading string // what chrono reads in the date field
	readErr bool
	problem refusal
	discard discardGuard
	// heading replaces "New source" for a source made for something.
	heading string
	// others are the sources there are, whose ids a new one may not
	// take: refused in the form, with what was typed kept, rather than
	// by the store once the form has closed.
	others []model.Source

	save   func(base *model.Source, s model.Source) Action
	cancel Action
	w, h   int
}

type srcField int

const (
	srcID srcField = iota
	srcPublisher
	srcAuthor
	srcTitle
	srcURL
	srcPublished
	srcFieldCount
)

var srcLabels = [srcFieldCount]string{"Id", "Publisher", "Author", "Title", "URL", "Published"}

var srcPlaceholders = [srcFieldCount]string{
	"made from the publisher and title when left empty",
	"The Washington Post",
	"who wrote it",
	"the article's or document's title",
	"https://…",
	"1 Feb 2022: anchors the dates its quotes give in words",
}

// newSourceForm returns the form adding a source (base nil) or editing
// base; save says what saving means, cancel what leaving without it does.
func newSourceForm(ctx *shared, base *model.Source, save func(*model.Source, model.Source) Action, cancel Action) *sourceForm {
	f := &sourceForm{ctx: ctx, save: save, cancel: cancel, w: -1, keys: newFormKeys()}
	for fld := range srcFieldCount {
		f.inputs[fld] = newFieldInput(&ctx.styles, srcPlaceholders[fld])
	}
	first := srcID
	if base != nil {
		b := *base
		f.base = &b
		for fld, v := range [srcFieldCount]string{b.ID, b.Publisher, b.Author, b.Title, b.URL, dateInput(b.Published)} {
			f.stored[fld] = fillInput(&f.inputs[fld], v)
		}
		first = srcPublisher // the id stays
	}
	f.initial = f.snapshot()
	f.focusOn(first)
	f.read()
	return f
}

// start puts v in a new source's field fld, with the cursor there, as
// where the form starts: leaving it unchanged loses nothing typed.
func (f *sourceForm) start(fld srcField, v string) {
	if v == "" {
		return
	}
	f.inputs[fld].SetValue(v)
	f.initial = f.snapshot()
	f.focusOn(fld)
}

func (f *sourceForm) value(fld srcField) string {
	v := keptText(f.inputs[fld].Value(), f.stored[fld], false)
	if v == f.stored[fld] {
		return v
	}
	return strings.TrimSpace(v)
}

func (f *sourceForm) snapshot() string {
	var b strings.Builder
	for fld := range srcFieldCount {
		b.WriteString(f.value(fld) + "\x00")
	}
	return b.String()
}

func (f *sourceForm) focusOn(fld srcField) {
	if f.base != nil && fld == srcID {
		fld = srcPublisher
	}
	f.focus = fld
	for i := range f.inputs {
		blurInput(&f.inputs[i])
	}
	focusInput(&f.inputs[fld])
}

// step moves the cursor to the next field (d 1) or the one before (-1),
// passing over the id of a source being edited.
func (f *sourceForm) step(d int) {
	next := stepRound(f.focus, d, srcFieldCount)
	if f.base != nil && next == srcID {
		next = stepRound(next, d, srcFieldCount)
	}
	f.focusOn(next)
}

// read says what chrono reads in the date field.
func (f *sourceForm) read() {
	d, err := model.ReadDate(f.inputs[srcPublished].Value())
	switch {
	case err != nil:
		f.reading, f.readErr = err.Error(), true
	case d.IsZero():
		f.reading, f.readErr = "no date", false
	default:
		f.reading, f.readErr = d.Label(), false
	}
}

// Place implements Dialog: the body.
func (f *sourceForm) Place() place { return placeBody }

// SetSize implements Dialog.
func (f *sourceForm) SetSize(w, h int) {
	if w == f.w && h == f.h {
		return
	}
	f.w, f.h = w, h
	iw, _ := fieldWidths(w)
	for i := range f.inputs {
		setInputWidth(&f.inputs[i], iw)
	}
}

// ShortHelp implements help.KeyMap.
func (f *sourceForm) ShortHelp() []key.Binding { return f.keys.ShortHelp() }

func (f *sourceForm) footerKeys() (own, end []key.Binding) { return f.keys.footerKeys() }

// FullHelp implements help.KeyMap.
func (f *sourceForm) FullHelp() [][]key.Binding { return f.keys.FullHelp() }

// Update implements Dialog.
func (f *sourceForm) Update(msg tea.Msg) (Action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, f.edit(msg)
	}
	keys := &f.keys
	changed := func() bool { return f.snapshot() != f.initial }
	if act, cmd, ok := f.discard.leaving(k, keys.Interrupt, keys.Save, keys.Cancel, changed, f.cancel); ok {
		return act, cmd
	}
	switch {
	case key.Matches(k, keys.Save):
		s, err := f.source()
		if err != nil {
			f.problem = refuse(err.Error(), f.snapshot())
			return nil, nil
		}
		return f.save(f.base, s), nil
	case key.Matches(k, keys.Next) || k.String() == "enter":
		f.step(1)
		return nil, nil
	case key.Matches(k, keys.Prev):
		f.step(-1)
		return nil, nil
	}
	return nil, f.edit(k)
}

func (f *sourceForm) edit(msg tea.Msg) tea.Cmd {
	cmd := editLine(&f.inputs[f.focus], f.stored[f.focus], msg)
	if f.focus == srcPublished {
		f.read()
	}
	return cmd
}

// refused takes a save refused: said above the fields, which keep what
// was typed. When another changed a field meanwhile, the form is typed on
// the source as it is now: the fields left as they were show the store's,
// and saving again puts what was typed in the other's place.
func (f *sourceForm) refused(err error) {
	why := "not saved: " + err.Error()
	if sc := (*model.SourceConflict)(nil); errors.As(err, &sc) && f.base != nil {
		now := sc.Now
		for fld, v := range [srcFieldCount]string{now.ID, now.Publisher, now.Author, now.Title, now.URL, dateInput(now.Published)} {
			f.stored[fld] = refill(&f.inputs[fld], f.value(srcField(fld)), f.stored[fld], v)
		}
		f.base = &now
		f.read()
		why = fmt.Sprintf("its %s was changed meanwhile, %s: %s puts yours in its place", sc.Named(), sc.ChangedTo(), keyOf(f.keys.Save))
	}
	f.problem = refuse(why, f.snapshot())
}

// source is the source the form describes, or why it cannot be saved.
func (f *sourceForm) source() (model.Source, error) {
	s := model.Source{
		ID:        f.value(srcID),
		Publisher: f.value(srcPublisher),
		Author:    f.value(srcAuthor),
		Title:     f.value(srcTitle),
		URL:       f.value(srcURL),
	}
	if f.base != nil {
		// The form has no field for it: kept as it is (chrono source
		// edit --archive changes it).
		s.Archive = f.base.Archive
	}
	d, err := model.ReadDate(f.inputs[srcPublished].Value())
	if err != nil {
		return s, errors.New("published: chrono cannot read the date (see under the field)")
	}
	s.Published = d
	if s.Publisher == "" && s.Title == "" && s.ID == "" {
		return s, errors.New("publisher or title: give at least one, to tell the source by")
	}
	probe := s
	if probe.ID == "" {
		probe.ID = "new" // the id comes when it is saved
	}
	if f.base == nil && s.ID != "" {
		if i := slices.IndexFunc(f.others, func(o model.Source) bool { return o.ID == s.ID }); i >= 0 {
			return s, fmt.Errorf("id: %s is taken by %s; choose another, or leave it empty for chrono to make one", line(s.ID), model.Citation(f.others[i], func(t string) string { return line(clip(t, 60)) }))
		}
	}
	if msgs := probe.Check(); len(msgs) > 0 {
		name := s.ID
		if name == "" {
			name = "(new)"
		}
		return s, errors.New("source " + name + ": " + msgs[0])
	}
	return s, nil
}

// View implements Dialog: a heading, then the fields one under another.
func (f *sourceForm) View(w, h int) []string {
	st := &f.ctx.styles
	out := make([]string, 0, h)
	add := func(s string) { out = append(out, st.fit(s, w)) }
	second := ""
	switch {
	case f.discard.asking:
		add(f.discard.ask(st, f.keys.Cancel, f.keys.Save))
	case f.problem.say(f.snapshot()) != "":
		var first string
		first, second = f.problem.lines(st, w)
		add(first)
	case f.base == nil && f.heading != "":
		add(st.Heading.Render(f.heading))
	case f.base == nil:
		add(st.Heading.Render("New source"))
	default:
		add(st.Prompt.Render("Edit source ") + st.Heading.Render(line(f.base.ID)))
	}
	add(second)
	from, to := 0, 0
	starts := make([]int, 0, srcFieldCount)
	for fld := range srcFieldCount {
		if fld == f.focus {
			from = len(out)
		}
		starts = append(starts, len(out))
		label := fieldLabel(st, srcLabels[fld], fld == f.focus)
		if fld == srcID && f.base != nil {
			add(label + line(f.base.ID) + st.Muted.Render(" (an id cannot change)"))
		} else {
			add(label + inputView(st, &f.inputs[fld]))
		}
		if fld == srcPublished {
			for _, l := range readingLines(st, f.reading, f.readErr, w) {
				add(l)
			}
		}
		if fld == f.focus {
			to = len(out)
		}
	}
	return formLines(out, 2, from, from, to, h, starts) // each input on its label's line
}

// editsText implements editsText: ctrl+c says how to save or discard.
func (*sourceForm) editsText() {}
