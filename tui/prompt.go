package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

type promptKind int

const (
	promptSearch promptKind = iota // / text
	promptGoTo                     // : an EDTF date
	promptTag                      // t tags to add
	promptUntag                    // T tags to remove
)

// prompt is the one-line input at the foot of the screen. For tags it
// completes from the store's tags (tab takes the suggestion), and lists
// the candidates for the word being typed.
type prompt struct {
	kind    promptKind
	input   textinput.Model
	choices []string // tags to complete from
	ids     []string // the events a tag prompt applies to
}

func newPrompt(kind promptKind, label string, choices, ids []string, st *Styles) prompt {
	in := textinput.New()
	in.Prompt = label
	s := in.Styles()
	s.Focused.Prompt = st.Prompt
	s.Blurred.Prompt = st.Prompt
	// A steady cursor: a blinking one keeps a timer running for as long
	// as the prompt is open, for nothing the reader needs.
	s.Cursor.Blink = false
	in.SetStyles(s)
	in.ShowSuggestions = len(choices) > 0
	in.Focus()
	p := prompt{kind: kind, input: in, choices: choices, ids: ids}
	p.suggest()
	return p
}

func (p prompt) update(msg tea.Msg) (prompt, tea.Cmd) {
	if msg = cleanInput(msg, false); msg == nil {
		return p, nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	p.suggest()
	return p, cmd
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

// setWidth fits the input to a screen w cells wide, leaving a search room
// to say it found nothing.
func (p *prompt) setWidth(st *Styles, w int) {
	room := w - st.width(p.input.Prompt) - 1
	if p.kind == promptSearch {
		room -= st.width(missNote)
	}
	p.input.SetWidth(max(room, 1))
}

// view renders the prompt in w cells, with the candidates after it.
func (p *prompt) view(st *Styles, w int) string {
	s := p.input.View()
	if p.kind == promptTag || p.kind == promptUntag {
		if c := p.candidates(); len(c) > 0 && st.width(s) < w-4 {
			s += "  " + st.Muted.Render(line(strings.Join(c, " ")))
		}
	}
	return st.fit(s, w)
}
