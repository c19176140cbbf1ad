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
// the tabs stored in another. A deletion that cuts into a mark, or into
// a tab's spaces, takes it whole from the field as from *kept
// (cutAreaRemnant).
func editArea(a *textarea.Model, kept *string, msg tea.Msg) tea.Cmd {
	msg, said := cleanEdit(msg, true)
	if msg == nil {
		return nil
	}
	*kept = keptText(a.Value(), *kept, true)
	p, ok := msg.(tea.PasteMsg)
	if !ok || !strings.Contains(p.Content, "\t") {
		before := a.Value()
		var cmd tea.Cmd
		*a, cmd = a.Update(areaKey(a, msg))
		return tea.Batch(cmd, cutAreaRemnant(a, kept, before), said)
	}
	// The field drops what it cannot read, as it would from the paste.
	return tea.Batch(pasteKept(a, kept, strings.ReplaceAll(p.Content, string(utf8.RuneError), "")), said)
}

// editVerbatimArea is editArea for a quote's words, which are evidence:
// a paste keeps in *kept the invisible characters of the page it was
// copied from (zero-width spaces, soft hyphens, direction marks and
// overrides), shown as marks as stored text is, as chrono quote add keeps
// them. Control characters, which no page shows, are dropped as a slip
// of the terminal, and a key typed is cleaned as anywhere.
func editVerbatimArea(a *textarea.Model, kept *string, msg tea.Msg) tea.Cmd {
	p, ok := msg.(tea.PasteMsg)
	if !ok {
		return editArea(a, kept, msg)
	}
	*kept = keptText(a.Value(), *kept, true)
	pasted := pastedBreaks(p.Content, true)
	taken := withoutControls(withoutSequences(pasted))
	return tea.Batch(pasteKept(a, kept, taken), leftOutOfPaste(pasted, taken, quoteLeavesOut))
}

// withoutControls is s without its C0 and C1 controls but line breaks
// and tabs, and without bytes that are not UTF-8.
func withoutControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || (r >= 0x20 && r < 0x7f) || r > 0x9f && r != utf8.RuneError {
			return r
		}
		return -1
	}, s)
}

// pasteKept pastes text into a field of several lines as the field shows
// stored text (areaText: tabs laid out, what cannot be shown as marks),
// and puts the text itself into *kept where the paste went.
func pasteKept(a *textarea.Model, kept *string, pasted string) tea.Cmd {
	laid := areaText(pasted)
	var cmd tea.Cmd
	*a, cmd = a.Update(areaKey(a, tea.PasteMsg{Content: laid}))
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
