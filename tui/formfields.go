package tui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"

	"chrono/model/termtext"
)

// formLabelWidth is the column of the labels: "› Anchored by ".
const formLabelWidth = 14

// setInputWidth sets an input's width and lays its text out again for
// it: the input does so only on a key, so a field widened while another
// had the focus went on showing the part of its text the narrow field
// had room for, cut without a mark.
func setInputWidth(in *textinput.Model, w int) {
	in.SetWidth(w)
	in.SetCursor(in.Position())
}

// newFieldInput is a one-line field of a form: no prompt, and the
// palette's styles (a steady cursor, as at the prompt).
func newFieldInput(st *Styles, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.SetStyles(st.Input)
	return in
}

// blurInput takes the cursor out of a form's one-line field and shows
// the field from its start: a value longer than the field reads from its
// beginning, not from where the typing stopped.
func blurInput(in *textinput.Model) {
	in.Blur()
	in.CursorStart()
}

// inputView is a form's one-line field as the form shows it: the input
// itself while it has the cursor; else its value from its start, ending
// in … when it is wider than the field, so that a value cut short says
// so (the input alone shows the cells that fit, and stops).
func inputView(st *Styles, in *textinput.Model) string {
	w := in.Width() + 1 // the cell the cursor has when it is there
	if in.Focused() || w <= 1 || in.Value() == "" {
		return st.inputPadded(in.View(), in.Value())
	}
	v := clip(in.Value(), w)
	if st.width(v) <= w {
		return st.inputPadded(in.View(), in.Value())
	}
	return st.Input.Blurred.Text.Render(st.fit(v, w))
}

// inputPadded is an input's view padded to the field's width as the
// terminal lays it out. The input pads by grapheme clusters, where a
// terminal that does not say it clusters lays out an emoji sequence's
// parts one by one (👩‍💻 in four cells, not two): padded so, a short value
// ran past the field, and the form cut the line with a stray …. The
// padding those parts take more is dropped, all but one space, which may
// be the cursor's cell.
func (st *Styles) inputPadded(view, value string) string {
	value = clip(value, 4<<10) // no field shows more
	if _, agreed := quickWidth(value); agreed {
		return view // nearly every value: both measures agree on each character
	}
	if over := st.width(value) - ansi.GraphemeWidth.StringWidth(value); over > 0 {
		return dropTrailingSpaces(view, over)
	}
	return view
}

// dropTrailingSpaces removes up to n of the spaces that end s's text,
// all but the last, passing over the style sequences (CSI) among them.
// (Truncate cannot: it counts an emoji sequence as one character where
// the measure counts its parts.)
func dropTrailingSpaces(s string, n int) string {
	var trailing []int // where the text's last run of spaces is
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
		case c == ' ':
			trailing = append(trailing, i)
		default:
			trailing = trailing[:0]
		}
	}
	n = min(n, len(trailing)-1)
	if n <= 0 {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, i := range trailing[len(trailing)-1-n : len(trailing)-1] {
		b.WriteString(s[prev:i])
		prev = i + 1
	}
	b.WriteString(s[prev:])
	return b.String()
}

// focusInput puts the cursor in a form's one-line field, at the end of
// its value, to go on typing.
func focusInput(in *textinput.Model) {
	in.Focus()
	in.CursorEnd()
}

// blurArea takes the cursor out of a form's field of several lines and
// shows it from its start, as blurInput does a one-line field: a text
// longer than the field reads from its beginning once left, not from
// where the typing stopped.
func blurArea(a *textarea.Model) {
	a.Blur()
	a.MoveToBegin()
}

// focusArea puts the cursor in a form's field of several lines, at the
// end of its text, to go on typing.
func focusArea(a *textarea.Model) {
	a.Focus()
	a.MoveToEnd()
}

// resizeArea gives a field of several lines a new width and height, and
// shows its text anew from where the cursor is: the field keeps the
// lines it had scrolled by, and a text that takes fewer lines once wider
// would show its last line above rows of nothing.
func resizeArea(a *textarea.Model, w, h int) {
	a.SetWidth(w)
	a.SetHeight(h)
	switch {
	case atEnd(a):
		// Where one types, nearly always: scrolled anew from the top,
		// then down to the end, as far as the text goes and no further.
		a.MoveToBegin()
		a.MoveToEnd()
	default:
		// Elsewhere, the field has no way to scroll but by moving its
		// cursor, line by line as wrapped, which costs as much as the
		// text it goes through: done from the nearer end, within
		// rescrollLimit bytes of it, so that a field grown taller shows
		// its lines rather than blank rows under them.
		row, col, wrapped := a.Line(), a.Column(), a.LineInfo().RowOffset
		// The bytes the walk goes through from either end: a paragraph
		// of one long line counts whole, as the walk does.
		v := a.Value()
		before := cursorOffset(v, row, col)
		after := len(v) - before
		switch {
		case after < before && after <= rescrollLimit:
			a.MoveToBegin()
			a.MoveToEnd()
			// Each step goes up a row: never more steps than bytes.
			for steps := after + 1; (a.Line() > row || a.LineInfo().RowOffset > wrapped) && steps > 0 && up(a); steps-- {
			}
		case before <= rescrollLimit:
			a.MoveToBegin()
			for steps := before + 1; a.Line() < row && steps > 0 && down(a); steps-- {
			}
			for range wrapped {
				if !down(a) {
					break
				}
			}
		default:
			return
		}
		a.SetCursorColumn(col)
	}
}

// down moves a field's cursor down a line as wrapped, and reports whether
// it moved: in a field too narrow to wrap, it stays where it is.
func down(a *textarea.Model) bool {
	row, col := a.Line(), a.Column()
	a.CursorDown()
	return a.Line() != row || a.Column() != col
}

// up moves a field's cursor up a line as wrapped, and reports whether it
// moved.
func up(a *textarea.Model) bool {
	row, col := a.Line(), a.Column()
	a.CursorUp()
	return a.Line() != row || a.Column() != col
}

// rescrollLimit is how far from an end of its text, in bytes, the
// cursor may be for resizeArea to scroll a field anew around it.
const rescrollLimit = 8 << 10

// atEnd reports whether a field's cursor is at the end of its text.
func atEnd(a *textarea.Model) bool {
	v := a.Value()
	last := v[strings.LastIndexByte(v, '\n')+1:]
	return a.Line() == a.LineCount()-1 && a.Column() == utf8.RuneCountInString(last)
}

// newFieldArea is a field of a form that takes several lines, pasted
// text whole: no line numbers, no limit, a steady cursor.
func newFieldArea(st *Styles, placeholder, prompt string) textarea.Model {
	a := textarea.New()
	a.Placeholder = placeholder
	a.ShowLineNumbers = false
	a.Prompt = prompt
	a.CharLimit = 0
	a.MaxHeight = 0
	a.SetStyles(st.Area)
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

// fillInput puts a stored text in a one-line field, made safe to show,
// and gives it as stored.
func fillInput(in *textinput.Model, v string) (stored string) {
	in.SetValue(line(v))
	// Placed again as focusing and blurring place it: the window of a
	// long value kept from the value before would cut this one.
	if in.Focused() {
		in.CursorEnd()
	} else {
		in.CursorStart()
	}
	return v
}

// refill is a field's stored value after a refused save met now, another
// change's value: the field shows now where what was typed (value) left
// it as stored, and keeps what was typed where not. Saving again then
// keeps the other change beside the typing.
func refill(in *textinput.Model, value, stored, now string) string {
	if value == stored {
		return fillInput(in, now)
	}
	return now
}

// areaTab is a tab as a field of several lines lays it out.
const areaTab = "    "

// areaText is a stored text as a field of several lines shows it: made
// safe to show, tabs as spaces.
func areaText(s string) string {
	return strings.ReplaceAll(termtext.Text(s), "\t", areaTab)
}

// keptText is what a field is to store, typed in a field (of several
// lines, area) filled with stored: the stored text with only what was
// typed changed. A character the field shows as a mark, or a tab or line
// break it lays out, stays as it was stored unless the edit takes it
// away: appending a word to a title must not rewrite the rest of it.
func keptText(typed, stored string, area bool) string {
	if area {
		return termtext.Edited(stored, typed, false, areaTab)
	}
	return termtext.Edited(stored, typed, true, "")
}

// noteLinesMax is how many lines a note under a field wraps to: enough
// for what chrono says of a date it cannot read at 80 columns, which
// names the ways to write one.
const noteLinesMax = 3

// noteLines is a note under a field, such as what chrono reads in a
// date field, in the column of the fields, for a form w wide: wrapped
// rather than cut, so that the ways it names to write a date can be
// read; at least one line, even when empty.
func noteLines(st *Styles, note string, style Ink, w int) []string {
	return keyedNoteLines(st, note, "", style, w)
}

// keyedNoteLines is a note that ends in the key that acts on it, keyed
// ("ctrl+y takes it"), which is never broken between lines: a key on
// one line and what it does on the next read as two things. It follows
// the note on its last line where it fits whole, else it has a line of
// its own, which the note leaves room for.
func keyedNoteLines(st *Styles, note, keyed string, style Ink, w int) []string {
	if note == "" && keyed == "" {
		return []string{""}
	}
	pad, tw := strings.Repeat(" ", formLabelWidth), max(w-formLabelWidth, 1)
	lines := st.wrap(line(note), tw)
	own := "" // the key, on a line of its own
	if keyed != "" {
		k := line(keyed)
		if n := len(lines); n > 0 && n <= noteLinesMax && st.width(lines[n-1]+" · "+k) <= tw {
			lines[n-1] += " · " + k
		} else {
			own = st.fit(k, tw)
		}
	}
	most := noteLinesMax
	if own != "" {
		most--
	}
	if len(lines) > most {
		rest := strings.Join(lines[most-1:], " ")
		lines = append(lines[:most-1], st.fit(rest, tw))
	}
	if own != "" {
		lines = append(lines, own)
	}
	for i, l := range lines {
		lines[i] = pad + style.Render(l)
	}
	return lines
}

// readingLines is what chrono reads in a date field, under it: in red
// when it cannot read it.
func readingLines(st *Styles, reading string, bad bool, w int) []string {
	style := st.Muted
	if bad {
		style = st.Error
	}
	return noteLines(st, reading, style, w)
}

// formLines is a form's lines in h: its first head lines (the heading)
// always, then the rest, or, when they do not fit, as many of them as
// do around the focused field's lines [from, to), so that moving the
// cursor on a short terminal never takes it out of sight: the whole
// field, or, when it is taller than the room, its first line (its label)
// and the lines down to at, the line of the cursor or the choice: its
// first lines when at is among them (a date's input above its reading).
// starts are the first lines of the fields: the lines shown begin with
// one, so that none shows the end of a field (the reading of a date)
// without its label.
func formLines(out []string, head, from, at, to, h int, starts []int) []string {
	room := h - head
	if len(out) <= h || room <= 0 || head > len(out) {
		return fillLines(out, h)
	}
	body := out[head:]
	from, to = from-head, to-head
	if to-from > room && room > 1 && from >= 0 && to <= len(body) {
		// Its label, then as much of it as fits down to the cursor or
		// the choice: the field is named, and those are in sight.
		at = min(max(at-head, from), to-1)
		if at < from+room {
			return append(out[:head:head], body[from:from+room]...)
		}
		lines := append(out[:head:head], body[from])
		return append(lines, body[at-room+2:at+1]...)
	}
	start := 0
	if to > room {
		start = to - room // the field's last line at the bottom
	}
	start = min(start, max(from, 0)) // the whole field, from its label
	start = min(start, len(body)-room)
	if i, _ := slices.BinarySearch(starts, start+head); i < len(starts) && starts[i]-head <= from {
		start = starts[i] - head // from a field's label: blank lines under the last, if need be
	}
	return fillLines(append(out[:head:head], body[start:min(start+room, len(body))]...), h)
}

// fillLines are a form's lines, h of them: blank ones under the fields.
func fillLines(out []string, h int) []string {
	for len(out) < h {
		out = append(out, "")
	}
	return out[:max(h, 0)]
}
