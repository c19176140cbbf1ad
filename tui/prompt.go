package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
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
}

type promptKeys struct {
	Accept, Cancel, Complete key.Binding
}

// ShortHelp implements help.KeyMap.
func (k promptKeys) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Cancel, k.Complete} }

// FullHelp implements help.KeyMap.
func (k promptKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newPrompt(ctx *shared, kind promptKind, label string, choices, ids []string, s *search) *prompt {
	in := textinput.New()
	in.Prompt = label
	st := in.Styles()
	st.Focused.Prompt = ctx.styles.Prompt
	st.Blurred.Prompt = ctx.styles.Prompt
	// A steady cursor: a blinking one keeps a timer running for as long
	// as the prompt is open, for nothing the reader needs.
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.ShowSuggestions = len(choices) > 0
	in.Focus()
	p := &prompt{ctx: ctx, kind: kind, input: in, choices: choices, ids: ids, search: s, keys: promptKeys{
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
	}}
	p.suggest()
	return p
}

func (p *prompt) quietKeys() {}

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
	}
	before := p.input.Value()
	cmd := p.edit(msg)
	if p.kind == promptSearch && p.input.Value() != before {
		return searchTyped{text: p.input.Value()}, cmd
	}
	return nil, cmd
}

// edit gives a message to the input.
func (p *prompt) edit(msg tea.Msg) tea.Cmd {
	if msg = cleanInput(msg, false); msg == nil {
		return nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	p.suggest()
	return cmd
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
		d, err := model.ParseDate(value)
		if err != nil {
			return closeDialog{}, fail(fmt.Errorf("go to %q: %v", line(value), err))
		}
		at := model.PositionAt(d.Earliest())
		if d.Earliest() == model.BeginningOfTime {
			at = model.Position{}
		}
		return goToDate{at: at}, nil
	}
	tags, err := parseTags(value)
	switch {
	case err != nil:
		return closeDialog{}, fail(err)
	case len(tags) == 0:
		return closeDialog{}, nil
	case p.kind == promptTag:
		return writeEdit{model.Retag{Events: p.ids, Add: tags}}, nil
	}
	// Removing a tag no event has is more likely a typo than a wish:
	// refused, naming the tags there are.
	for _, t := range tags {
		if !slices.Contains(p.choices, t) {
			return closeDialog{}, fail(fmt.Errorf("no #%s to remove from %s (tags: %s)", line(t), p.whose(), line(model.Hashtags(p.choices))))
		}
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

// parseTags splits what was typed at the tag prompt: tags separated by
// spaces or commas, with or without #.
func parseTags(s string) ([]string, error) {
	var tags []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		t := strings.TrimPrefix(f, "#")
		if msg := model.CheckTag(t); msg != "" {
			return nil, fmt.Errorf("%s", msg)
		}
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags, nil
}

// word splits the value into what is settled and the tag being typed.
func (p *prompt) word() (head, word string) {
	v := p.input.Value()
	i := strings.LastIndexAny(v, " ,") + 1
	return v[:i], strings.TrimPrefix(v[i:], "#")
}

// suggest completes the word being typed: textinput matches whole values
// by prefix, so each suggestion is the settled part plus a tag.
func (p *prompt) suggest() {
	if len(p.choices) == 0 {
		return
	}
	head, _ := p.word()
	typed := strings.Fields(strings.NewReplacer(",", " ", "#", "").Replace(head))
	sugg := make([]string, 0, len(p.choices))
	for _, c := range p.choices {
		if !slices.Contains(typed, c) {
			sugg = append(sugg, head+c)
		}
	}
	p.input.SetSuggestions(sugg)
}

// candidates are the tags that complete the word being typed.
func (p *prompt) candidates() []string {
	head, word := p.word()
	typed := strings.Fields(strings.NewReplacer(",", " ", "#", "").Replace(head))
	var out []string
	for _, c := range p.choices {
		if strings.HasPrefix(c, word) && !slices.Contains(typed, c) {
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
	p.input.SetWidth(max(room, 1))
}

// View implements Dialog: the prompt in w cells, with the tags that
// complete the word after it, or that the search found nothing.
func (p *prompt) View(w, _ int) []string {
	st := &p.ctx.styles
	s := p.input.View()
	if p.kind == promptTag || p.kind == promptUntag {
		if c := p.candidates(); len(c) > 0 && st.width(s) < w-4 {
			s += "  " + st.Muted.Render(line(strings.Join(c, " ")))
		}
	}
	s = st.fit(s, w)
	if p.kind == promptSearch && p.search.miss && p.search.text != "" {
		s = st.fit(s+st.Error.Render(missNote), w)
	}
	return []string{s}
}
