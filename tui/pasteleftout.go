package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chrono/model/invisible"
)

// A paste that a field takes in part is said in the status line: the
// control characters of a terminal's colours or bell, and, outside a
// quote's words, invisible characters such as direction overrides. A
// paste changed without a word would pass for what was copied.

// leftOutOfPaste is the status that says what of pasted the field left
// out, kept being what it took in (line breaks already made newlines);
// nil when it took everything.
func leftOutOfPaste(pasted, kept, why string) tea.Cmd {
	var said []string
	if text := withoutSequences(pasted); text != pasted {
		codes := strings.Count(pasted, "\x1b") - strings.Count(text, "\x1b")
		said = append(said, fmt.Sprintf("a terminal's colours or links (%s)", plural(codes, "escape code")))
		pasted = text
	}
	count := map[rune]int{}
	for _, r := range pasted {
		count[r]++
	}
	for _, r := range kept {
		count[r]--
	}
	seen := map[rune]bool{}
	for _, r := range pasted {
		if n := count[r]; n > 0 && !seen[r] && r != '\r' {
			seen[r] = true
			name := runeName(r)
			if n > 1 {
				name += fmt.Sprintf(" ×%d", n)
			}
			said = append(said, name)
		}
	}
	if len(said) == 0 {
		return nil
	}
	if len(said) > 4 {
		said = append(said[:4], fmt.Sprintf("%d more", len(said)-4))
	}
	text := "left out of the paste: " + strings.Join(said, ", ") + " (" + why + ")"
	return func() tea.Msg { return statusMsg{text: text} }
}

// withoutSequences is s without the escape sequences a terminal copies
// with text (its colours, links, cursor moves), each taken out whole:
// taking out only their ESC left "[31m" in the words.
func withoutSequences(s string) string {
	if !strings.ContainsRune(s, 0x1b) {
		return s
	}
	return ansi.Strip(s)
}

// runeName names a character left out: the usual name of a control, or
// its code point and Unicode name.
func runeName(r rune) string {
	switch r {
	case 0x07:
		return "BEL"
	case 0x08:
		return "BS"
	case 0x1b:
		return "ESC"
	case 0x7f:
		return "DEL"
	}
	name, ok := invisible.Name(r)
	if !ok {
		name, ok = directionNames[r]
	}
	if ok {
		return fmt.Sprintf("U+%04X %s", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}

// directionNames are the characters that set the direction of text,
// which turn words around on screen ("Trojan Source").
var directionNames = map[rune]string{
	0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK",
	0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
}

// Why each kind of field leaves out what it does.
const (
	fieldLeavesOut = "a field holds no control or invisible characters"
	quoteLeavesOut = "control characters, which no page shows"
)

// cleanEdit is cleanInput, with the status that says what a paste lost.
func cleanEdit(msg tea.Msg, multiline bool) (tea.Msg, tea.Cmd) {
	cleaned := cleanInput(msg, multiline)
	p, ok := msg.(tea.PasteMsg)
	if !ok {
		return cleaned, nil
	}
	c, _ := cleaned.(tea.PasteMsg)
	return cleaned, leftOutOfPaste(pastedBreaks(p.Content, multiline), c.Content, fieldLeavesOut)
}
