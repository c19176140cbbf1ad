package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// editArea gives msg, made clean (cleanInput), to a field of several
// lines whose text to store is *kept (keptText), and brings *kept up to
// date with the edit. The field cannot hold a tab: it lays each out as
// areaTab, which it cannot tell from typed spaces. Pasted words are
// verbatim, so a tab pasted is kept a tab in *kept, where the paste went;
// and since *kept follows each edit, an edit in one place never takes
// the tabs stored in another.
func editArea(a *textarea.Model, kept *string, msg tea.Msg) tea.Cmd {
	if msg = cleanInput(msg, true); msg == nil {
		return nil
	}
	*kept = keptText(a.Value(), *kept, true)
	var cmd tea.Cmd
	p, ok := msg.(tea.PasteMsg)
	if !ok || !strings.Contains(p.Content, "\t") {
		*a, cmd = a.Update(msg)
		return cmd
	}
	// The field drops what it cannot read, as it would from the paste.
	pasted := strings.ReplaceAll(p.Content, string(utf8.RuneError), "")
	laid := strings.ReplaceAll(pasted, "\t", areaTab)
	*a, cmd = a.Update(tea.PasteMsg{Content: laid})
	typed := a.Value()
	end := cursorOffset(typed, a.Line(), a.Column())
	start := end - len(laid)
	if start < 0 || typed[start:end] != laid {
		// Not where the paste should be: keep what the field holds.
		return cmd
	}
	*kept = keptText(typed[:start]+pasted+typed[end:], *kept, true)
	return cmd
}

// cursorOffset is where, in bytes, the cursor at row and column (in
// runes) of a field of several lines stands in its value.
func cursorOffset(value string, row, col int) int {
	at := 0
	for i, l := range strings.Split(value, "\n") {
		if i < row {
			at += len(l) + 1
			continue
		}
		for j := range l {
			if col == 0 {
				return at + j
			}
			col--
		}
		return at + len(l)
	}
	return len(value)
}
