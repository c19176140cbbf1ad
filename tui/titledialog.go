package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// titleDialog edits the investigation's title and description, in the
// sources pane: the title on one line, the description under it. ctrl+s
// saves (model.Retitle); esc cancels, asking again before it throws
// changes away.
type titleDialog struct {
	ctx     *shared
	was     model.Header
	title   textinput.Model
	desc    textarea.Model
	kept    string // the description to store, as of its last edit (editArea)
	onDesc  bool   // the cursor is in the description
	problem refusal
	discard discardGuard
	w, h    int
	keys    titleKeys
}

type titleKeys struct {
	Next, Save, Cancel, Interrupt key.Binding
}

// ShortHelp implements help.KeyMap.
func (k titleKeys) ShortHelp() []key.Binding { return []key.Binding{k.Next, k.Save, k.Cancel} }

// FullHelp implements help.KeyMap.
func (k titleKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newTitleDialog(ctx *shared) *titleDialog { return titleDialogOn(ctx, ctx.header) }

// titleDialogOn is the dialog editing was, the title and description as
// they were when the editing began.
func titleDialogOn(ctx *shared, was model.Header) *titleDialog {
	fk := newFormKeys()
	d := &titleDialog{ctx: ctx, was: was, kept: was.Description, w: -1, keys: titleKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "title / description")),
		Save:   fk.Save,
		Cancel: fk.Cancel, Interrupt: fk.Interrupt,
	}}
	d.title = newFieldInput(&ctx.styles, "what the investigation is about, in a line")
	d.title.SetValue(line(d.was.Title))
	d.desc = newFieldArea(&ctx.styles, "what it looks into, and how", "│ ")
	d.desc.SetValue(areaText(d.was.Description))
	d.title.Focus()
	return d
}

// Place implements Dialog: the sources pane.
func (d *titleDialog) Place() place { return placePane }

// ShortHelp implements help.KeyMap.
func (d *titleDialog) ShortHelp() []key.Binding { return d.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (d *titleDialog) FullHelp() [][]key.Binding { return d.keys.FullHelp() }

// SetSize implements Dialog: the description takes the lines under the
// heading and the title.
func (d *titleDialog) SetSize(w, h int) {
	if w == d.w && h == d.h {
		return
	}
	d.w, d.h = w, h
	setInputWidth(&d.title, max(w-d.ctx.styles.width(titleLabel)-1, 1))
	resizeArea(&d.desc, max(w, 4), max(h-4, 1))
}

// titleLabel labels the title's line.
const titleLabel = "Title "

// header is the title and description as typed; a stored text not safe
// to show is kept as it was unless it is edited.
func (d *titleDialog) header() model.Header {
	kept := func(v, was string) string {
		if v = strings.TrimSpace(v); v != strings.TrimSpace(was) {
			return v
		}
		return was
	}
	return model.Header{
		Title:       kept(keptText(d.title.Value(), d.was.Title, false), d.was.Title),
		Description: kept(keptText(d.desc.Value(), d.kept, true), d.was.Description),
	}
}

// Update implements Dialog.
func (d *titleDialog) Update(msg tea.Msg) (Action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		changed := func() bool { return d.header() != d.was }
		if act, cmd, ok := d.discard.leaving(k, d.keys.Interrupt, d.keys.Save, d.keys.Cancel, changed, closeDialog{}); ok {
			return act, cmd
		}
		switch {
		case key.Matches(k, d.keys.Save):
			h := d.header()
			switch {
			case h.Title == "":
				d.problem = refuse("investigation: title: missing", d.fields())
				return nil, nil
			case h == d.was:
				return closeDialog{}, say("title and description unchanged")
			}
			base := d.was
			return writeEdit{model.Retitle{Header: h, Base: &base}}, nil
		case key.Matches(k, d.keys.Next):
			d.onDesc = !d.onDesc
			if d.onDesc {
				blurInput(&d.title)
				focusArea(&d.desc)
				return nil, nil
			}
			blurArea(&d.desc)
			focusInput(&d.title)
			return nil, nil
		}
	}
	if d.onDesc {
		return nil, editArea(&d.desc, &d.kept, msg)
	}
	return nil, editLine(&d.title, d.was.Title, msg)
}

// refused takes a save refused: said above the fields, which keep what
// was typed. When another changed the same field meanwhile, the dialog
// is typed on the header as it is now: the fields left as they were show
// the store's, and saving again puts what was typed in the other's place.
func (d *titleDialog) refused(err error) {
	why := "not saved: " + err.Error()
	if hc := (*model.HeaderConflict)(nil); errors.As(err, &hc) {
		typed := d.header()
		if typed.Title == d.was.Title {
			d.title.SetValue(line(hc.Now.Title))
		}
		if typed.Description == d.was.Description {
			d.kept = hc.Now.Description
			d.desc.SetValue(areaText(hc.Now.Description))
		}
		d.was = hc.Now
		why = fmt.Sprintf("the %s was changed meanwhile, %s: %s puts yours in its place", hc.Field, hc.ChangedTo(), keyOf(d.keys.Save))
	}
	d.problem = refuse(why, d.fields())
}

// fields are the title and the description as typed, to tell a change.
func (d *titleDialog) fields() string {
	h := d.header()
	return h.Title + "\x00" + h.Description
}

// View implements Dialog: a heading, the title, then the description.
func (d *titleDialog) View(w, h int) []string {
	st := &d.ctx.styles
	head, second := st.Heading.Render("The investigation"), ""
	switch {
	case d.discard.asking:
		head = d.discard.ask(st, d.keys.Cancel, d.keys.Save)
	case d.problem.say(d.fields()) != "":
		head, second = d.problem.lines(st, w)
	}
	label := st.Label.Render(titleLabel)
	if !d.onDesc {
		label = st.Prompt.Render(titleLabel)
	}
	lines := []string{st.fit(head, w), second, st.fit(label+inputView(st, &d.title), w), ""}
	for _, l := range strings.Split(d.desc.View(), "\n") {
		lines = append(lines, st.fit(l, w))
	}
	return fillLines(lines, h)
}

// editsText implements editsText: ctrl+c says how to save or discard.
func (*titleDialog) editsText() {}
