package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"
)

// TestInputFitsItsFieldWithEmojiSequences: a one-line field holding an
// emoji sequence (👩‍💻, 👍🏽) takes no more cells than the field has,
// however the terminal lays the sequence out, focused or not, so the
// form does not cut its line with a stray … after a short value.
func TestInputFitsItsFieldWithEmojiSequences(t *testing.T) {
	value := "Team 👩\u200d💻 met 👍🏽 today"
	for _, cells := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		st := NewStyles(true)
		st.Cells = cells
		in := textinput.New()
		in.SetWidth(40)
		in.SetValue(value)
		most := st.width(in.Prompt) + in.Width() + 1
		for _, focused := range []bool{false, true} {
			if focused {
				in.Focus()
			}
			v := inputView(&st, &in)
			if w := st.width(v); w > most {
				t.Errorf("measure %v, focused %v: the field takes %d cells, more than its %d", cells, focused, w, most)
			}
			if !strings.Contains(ansi.Strip(v), value) {
				t.Errorf("measure %v, focused %v: the value is not shown whole: %q", cells, focused, ansi.Strip(v))
			}
		}
	}
}

// TestDropTrailingSpaces: the spaces that end the text go, as many as
// asked but the last, the style sequences among them stay, and no other
// space goes.
func TestDropTrailingSpaces(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{
		{"ab    ", 2, "ab  "},
		{"ab    ", 9, "ab "},
		{"a b", 1, "a b"},
		{"ab\x1b[7m \x1b[m   ", 2, "ab\x1b[7m \x1b[m "},
		{"é  \x1b[0m", 1, "é \x1b[0m"},
		{"", 3, ""},
	} {
		if got := dropTrailingSpaces(tt.s, tt.n); got != tt.want {
			t.Errorf("dropTrailingSpaces(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
