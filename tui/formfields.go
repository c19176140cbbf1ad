package tui

import (
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
)

// formLabelWidth is the column of the labels: "› Anchored by ".
const formLabelWidth = 14

// newFieldInput is a one-line field of a form: no prompt, and a steady
// cursor, as at the prompt.
func newFieldInput(placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return in
}

// newFieldArea is a field of a form that takes several lines, pasted
// text whole: no line numbers, no limit, a steady cursor.
func newFieldArea(placeholder, prompt string) textarea.Model {
	a := textarea.New()
	a.Placeholder = placeholder
	a.ShowLineNumbers = false
	a.Prompt = prompt
	a.CharLimit = 0
	a.MaxHeight = 0
	st := a.Styles()
	st.Cursor.Blink = false
	a.SetStyles(st)
	return a
}

// fieldWidths are the widths of a form's fields in w cells: the labels
// take their column, and a one-line field leaves a cell for the cursor.
func fieldWidths(w int) (input, area int) {
	area = max(w-formLabelWidth, 1)
	return max(area-1, 1), area
}

// fieldLabel is a field's label in the column of the labels, marked when
// the cursor is in the field.
func fieldLabel(st *Styles, name string, focused bool) string {
	if focused {
		return st.Prompt.Render(st.pad("› "+name, formLabelWidth))
	}
	return st.Label.Render(st.pad("  "+name, formLabelWidth))
}

// labelledLines are the lines of a field that takes several: the label
// beside the first, the column of the labels blank beside the others.
func labelledLines(label, view string) []string {
	pad := strings.Repeat(" ", formLabelWidth)
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		lead := pad
		if i == 0 {
			lead = label
		}
		lines[i] = lead + l
	}
	return lines
}

// stepRound is the field, or choice, d steps from at among n, going round
// past either end.
func stepRound[T ~int](at T, d int, n T) T {
	return (at + T(d)%n + n) % n
}
