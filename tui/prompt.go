package tui

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/invisible"
	"chrono/model/termtext"
)

type promptKind int

const (
	promptSearch promptKind = iota // / text
	promptGoTo                     // : an EDTF date
	promptTag                      // t tags to add
	promptUntag                    // T tags to remove
)

// prompt is the dialog of one line at the foot of the screen: a search,
// a date to go to, or tags. For tags it completes from the store's tags
// (tab takes the suggestion), and lists the candidates for the word
// being typed.
type prompt struct {
	ctx     *shared
	kind    promptKind
	input   textinput.Model
	choices []string // tags to complete from
	ids     []string // the events a tag prompt applies to
	search  *search  // a search prompt's search, to say when it finds nothing
	keys    promptKeys
	// cycle is the tags tab goes through in turn, after head; at is the
	// one shown, -1 when tab has not been pressed since the last edit.
	cycle []string
	head  string
	at    int
	// sep follows the tag tab put in, so that typing goes on to the
	// next tag: a space, or a comma once tags are separated by commas.
	// spaced is the line as tab left it when it put in a space after
	// the tag: words typed on after it were typed as tags of their own
	// (commaOnce), while the line still starts so.
	sep    string
	spaced string
	// leftOut says what the last key or paste brought that a tag cannot
	// hold, and the input left out; shown after the input until the next.
	leftOut string
}

type promptKeys struct {
	Accept, Cancel, Complete, Back key.Binding
}

// ShortHelp implements help.KeyMap.
func (k promptKeys) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Cancel, k.Complete} }

// FullHelp implements help.KeyMap.
func (k promptKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newPrompt(ctx *shared, kind promptKind, label string, choices, ids []string, s *search) *prompt {
	in := textinput.New()
	in.Prompt = label
	st := ctx.styles.Input
	st.Focused.Prompt = ctx.styles.Prompt.Style
	st.Blurred.Prompt = ctx.styles.Prompt.Style
	// A steady cursor: a blinking one keeps a timer running for as long
	// as the prompt is open, for nothing the reader needs.
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.Focus()
	p := &prompt{ctx: ctx, kind: kind, input: in, choices: choices, ids: ids, search: s, at: -1, keys: promptKeys{
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept")),
		Cancel:   key.NewBinding(key.WithKeys("esc", "alt+esc", "ctrl+c"), key.WithHelp("esc", "cancel")),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
		Back:     key.NewBinding(key.WithKeys("shift+tab")),
	}}
	// Only tags complete: a search or a date has nothing to complete from.
	p.keys.Complete.SetEnabled(len(choices) > 0)
	p.keys.Back.SetEnabled(len(choices) > 0)
	return p
}

func (p *prompt) quietKeys() {}

// editsText implements editsText: ctrl+c cancels, as esc does.
func (p *prompt) editsText() {}

// Place implements Dialog: the status line.
func (p *prompt) Place() place { return placeStatus }

// ShortHelp implements help.KeyMap.
func (p *prompt) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p *prompt) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// Update implements Dialog: enter acts on what was typed, esc cancels,
// and each key at the search prompt searches again.
func (p *prompt) Update(msg tea.Msg) (Action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, p.edit(msg)
	}
	switch {
	case key.Matches(k, p.keys.Cancel):
		if p.kind == promptSearch {
			return searchCancelled{}, nil
		}
		return closeDialog{}, nil
	case key.Matches(k, p.keys.Accept):
		return p.submit(strings.TrimSpace(p.input.Value()))
	case key.Matches(k, p.keys.Complete):
		p.complete(1)
		return nil, nil
	case key.Matches(k, p.keys.Back):
		p.complete(-1)
		return nil, nil
	}
	before := p.input.Value()
	cmd := p.edit(msg)
	if p.kind == promptSearch && p.input.Value() != before {
		return searchTyped{text: p.input.Value()}, cmd
	}
	p.commaOnce(before)
	return nil, cmd
}

// edit gives a message to the input. What a tag cannot hold and the
// input leaves out (an invisible character pasted with a word) is said,
// as chrono tag refuses it, rather than dropped without a word.
func (p *prompt) edit(msg tea.Msg) tea.Cmd {
	if p.kind == promptTag || p.kind == promptUntag {
		switch msg.(type) {
		case tea.KeyPressMsg, tea.PasteMsg: // not the input's own messages
			p.leftOut = invisibleLeftOut(msg)
		}
	}
	if msg = cleanInput(msg, false); msg == nil {
		return nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(inputKey(&p.input, msg))
	if p.at >= 0 && !p.cycling() {
		p.at = -1 // typing ends the cycle
	}
	return cmd
}

// invisibleLeftOut says which invisible character a key or a paste
// brings, which the input leaves out; "" for none.
func invisibleLeftOut(msg tea.Msg) string {
	var text string
	switch msg := msg.(type) {
	case tea.PasteMsg:
		text = msg.Content
	case tea.KeyPressMsg:
		text = msg.Text
	}
	for _, r := range text {
		if name, ok := invisible.Name(r); ok {
			return fmt.Sprintf("  left out U+%04X %s: tags hold no invisible characters", r, name)
		}
	}
	return ""
}

// complete puts the next (step 1) or previous (-1) tag that completes the
// word in its place: the first tab takes the first candidate, each tab
// after it the next, round the candidates.
func (p *prompt) complete(step int) {
	if p.cycling() {
		p.at = (p.at + step + len(p.cycle)) % len(p.cycle)
	} else {
		c := p.candidates()
		if len(c) == 0 {
			return
		}
		p.head, _ = p.word()
		p.cycle, p.at = c, 0
		if slices.ContainsFunc(c, func(t string) bool { return strings.Contains(t, " ") }) {
			p.head = commaHead(p.head)
		}
		if step < 0 {
			p.at = len(c) - 1
		}
	}
	p.sep = " "
	if strings.Contains(p.head, ",") || strings.Contains(p.cycle[p.at], " ") {
		p.sep = ", "
	}
	p.input.SetValue(p.head + p.cycle[p.at] + p.sep)
	p.input.CursorEnd()
	if p.sep == " " {
		p.spaced = p.input.Value()
	}
}

// commaOnce keeps the tags typed before the first comma apart: a comma
// makes commas separate the tags of the line (so that one may hold a
// space), and the words before it, separated by the space tab put after
// a tag, would become one tag. They get commas between them, as tab
// would have put in had the line held one.
func (p *prompt) commaOnce(before string) {
	v := p.input.Value()
	i := strings.IndexByte(v, ',')
	if p.spaced == "" || !strings.HasPrefix(v, p.spaced) || i < 0 || strings.Contains(before, ",") {
		return
	}
	words := spaceFields(v[:i])
	if len(words) < 2 {
		return
	}
	head := strings.Join(words, ", ")
	at := p.input.Position() // after what was typed, past the comma
	p.input.SetValue(head + v[i:])
	p.input.SetCursor(at + utf8.RuneCountInString(head) - utf8.RuneCountInString(v[:i]))
}

// cycling reports whether what is typed is the tag tab last put there.
func (p *prompt) cycling() bool {
	return p.at >= 0 && p.at < len(p.cycle) && p.input.Value() == p.head+p.cycle[p.at]+p.sep
}

// submit says what was typed means.
func (p *prompt) submit(value string) (Action, tea.Cmd) {
	switch p.kind {
	case promptSearch:
		return searchEntered{text: value}, nil
	case promptGoTo:
		if value == "" {
			return closeDialog{}, nil
		}
		d, err := model.ReadDate(value)
		if err != nil {
			// The date's error names what was typed.
			return closeDialog{}, fail(fmt.Errorf("go to: %w", err))
		}
		// From the earliest of what the words name: the first year a
		// deep-time label stands for (ReadDuring).
		from := d
		if span, err := model.ReadDuring(value); err == nil {
			from = span
		}
		return goToDate{from: from, label: d.Label()}, nil
	}
	tags, err := parseTags(value, p.choices)
	switch {
	case err != nil:
		return closeDialog{}, fail(err)
	case len(tags) == 0:
		return closeDialog{}, nil
	}
	// A tag typed in another case is the one held ("été" for #Été).
	tags = model.SpeltAs(tags, p.choices)
	switch {
	case p.kind == promptTag:
		return writeEdit{model.Retag{Events: p.ids, Add: tags}}, nil
	}
	// Removing a tag no event has is more likely a typo than a wish:
	// refused, naming the tags there are.
	var missing []string
	for _, t := range tags {
		if !slices.Contains(p.choices, t) {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		// Every one named: the next try is to be right.
		return closeDialog{}, fail(fmt.Errorf("no %s to remove from %s (tags: %s)", line(model.Hashtags(missing)), p.whose(), line(model.Hashtags(p.choices))))
	}
	return writeEdit{model.Retag{Events: p.ids, Remove: tags}}, nil
}

// whose names the events a tag prompt applies to.
func (p *prompt) whose() string {
	if len(p.ids) == 1 {
		return p.ids[0]
	}
	return plural(len(p.ids), "event")
}

// word splits the value into what is settled and the tag being typed:
// after the last comma once there is one (tagWords), else the last space.
func (p *prompt) word() (head, word string) {
	v := p.input.Value()
	i := strings.LastIndexAny(v, " ,") + 1
	if c := strings.LastIndexByte(v, ','); c >= 0 {
		i = c + 1
		for i < len(v) && v[i] == ' ' {
			i++
		}
	}
	return v[:i], strings.TrimPrefix(v[i:], "#")
}

// candidates are the tags that complete the word being typed.
func (p *prompt) candidates() []string {
	head, word := p.word()
	typed := tagWords(head)
	var out []string
	// In any case, as tags are one in any case: "CLI" completes to
	// cli-tag.
	n := utf8.RuneCountInString(word)
	for _, c := range p.choices {
		if model.SameInAnyCase(c[:termtext.RuneOffset(c, n)], word) && !slices.ContainsFunc(typed, func(t string) bool { return model.SameInAnyCase(t, c) }) {
			out = append(out, c)
		}
	}
	return out
}

// missNote is what follows a search that finds nothing.
const missNote = "  no match"

// SetSize implements Dialog: the input fits the line, leaving a search
// room to say it found nothing.
func (p *prompt) SetSize(w, _ int) {
	st := &p.ctx.styles
	room := w - st.width(p.input.Prompt) - 1
	if p.kind == promptSearch {
		room -= st.width(missNote)
	}
	setInputWidth(&p.input, max(room, 1))
}

// View implements Dialog: the prompt in w cells, with the tags that
// complete the word after it, or that the search found nothing.
func (p *prompt) View(w, _ int) []string {
	st := &p.ctx.styles
	var s string
	if len(p.choices) > 0 {
		s = p.withCandidates(w)
	} else {
		s = p.input.View()
	}
	if p.leftOut != "" {
		s += st.Error.Render(p.leftOut)
	}
	s = st.fit(s, w)
	if p.kind == promptSearch && p.search.miss && p.search.text != "" {
		s = st.fit(s+st.Error.Render(missNote), w)
	}
	return []string{s}
}

// withCandidates is a tag prompt's input as wide as what is typed, then
// the tags that complete the word, the one tab put there reversed; when
// they do not all fit, they start at that one. A tag may hold spaces:
// then a dot separates them, so that "suspicious login" reads as one.
func (p *prompt) withCandidates(w int) string {
	st := &p.ctx.styles
	in := p.input // a copy: View changes nothing
	if typed := st.width(in.Value()) + 1; typed < in.Width() {
		in.SetWidth(typed)
	}
	s := in.View()
	c, at := p.candidates(), -1
	if p.cycling() {
		c, at = p.cycle, p.at
	}
	if len(c) == 0 {
		return s
	}
	sep := " "
	if slices.ContainsFunc(c, func(t string) bool { return strings.Contains(t, " ") }) {
		sep = " · "
	}
	room := w - st.width(s) - 2
	from := 0
	if at > 0 && st.width(strings.Join(c[:at+1], sep)) > room {
		from = at
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString(st.Muted.Render("…"))
	}
	more := " " + st.Muted.Render("…")
	for i := from; i < len(c); i++ {
		t := line(c[i])
		// Whole tags only, then "…": a tag cut ("den…" for denial)
		// reads as one that begins so. The first is shown, cut, if it
		// alone is too wide.
		need := st.width(t)
		if b.Len() > 0 {
			need += st.width(sep)
		}
		if i < len(c)-1 {
			need += st.width(more)
		}
		if i > from && st.width(b.String())+need > room {
			b.WriteString(more)
			break
		}
		if b.Len() > 0 {
			b.WriteString(st.Muted.Render(sep))
		}
		if i == at {
			b.WriteString(st.Selected.Render(t))
		} else {
			b.WriteString(st.Muted.Render(t))
		}
	}
	return s + "  " + b.String()
}
