package tui

import (
	"sort"
	"unicode/utf8"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chrono/model/termtext"
)

// A field shows a stored character it cannot show as itself as a mark
// (<U+202E>, ␛, a tab's spaces in a field of several lines), and a
// deletion that takes part of the mark takes the whole character from
// the text to store (keptText). The field itself would keep what is left
// of the mark, <U+202E say, and show a text that is not the one saved:
// so what is left goes too, at once, and the cursor stands where the
// mark was.

// editLine gives msg, made clean (cleanEdit), to a form's one-line field
// filled with stored (fillInput), and takes out of the field what a
// deletion left of a mark.
func editLine(in *textinput.Model, stored string, msg tea.Msg) tea.Cmd {
	msg, said := cleanEdit(msg, false)
	if msg == nil {
		return nil
	}
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(inputKey(in, msg))
	return tea.Batch(cmd, cutLineRemnant(in, stored, before), said)
}

// cutLineRemnant takes out of a one-line field filled with stored what
// a deletion, which left it shorter than before, left of a mark.
func cutLineRemnant(in *textinput.Model, stored, before string) tea.Cmd {
	typed := in.Value()
	if len(typed) >= len(before) {
		// Only a deletion cuts a mark: typing is left as typed.
		return nil
	}
	kept := keptText(typed, stored, false)
	shown := line(kept)
	back, fwd, ok := remnant(typed, shown, termtext.RuneOffset(typed, in.Position()), func(n int) bool { return shownWhole(kept, n, line) })
	if !ok {
		return nil
	}
	return cutKeys(func(k tea.Msg) tea.Cmd {
		var cmd tea.Cmd
		*in, cmd = in.Update(k)
		return cmd
	}, back, fwd)
}

// cutAreaRemnant is cutLineRemnant for a field of several lines whose
// text to store is *kept as of before the edit (editArea); when it cuts,
// *kept is brought up to date with the edit and the cut.
func cutAreaRemnant(a *textarea.Model, kept *string, before string) tea.Cmd {
	typed := a.Value()
	if len(typed) >= len(before) {
		return nil
	}
	now := keptText(typed, *kept, true)
	shown := areaText(now)
	back, fwd, ok := remnant(typed, shown, cursorOffset(typed, a.Line(), a.Column()), func(n int) bool { return shownWhole(now, n, areaText) })
	if !ok {
		return nil
	}
	cmd := cutKeys(func(k tea.Msg) tea.Cmd {
		var cmd tea.Cmd
		*a, cmd = a.Update(k)
		return cmd
	}, back, fwd)
	if a.Value() == shown {
		// The field shows the text to store as areaText does: that
		// text is the one to go on from.
		*kept = now
	}
	return cmd
}

// cutKeys has a field delete back runes before its cursor and fwd after
// it: by keys, rather than with a new value, so that the field moves its
// cursor and the part of a long text it shows as for any deletion. The
// runes after go by moving right and back: in a field of several lines
// delete at the last character of a line also joins the line below.
func cutKeys(send func(tea.Msg) tea.Cmd, back, fwd int) tea.Cmd {
	var cmds []tea.Cmd
	for range fwd {
		cmds = append(cmds, send(tea.KeyPressMsg{Code: tea.KeyRight}))
	}
	for range back + fwd {
		cmds = append(cmds, send(tea.KeyPressMsg{Code: tea.KeyBackspace}))
	}
	return tea.Batch(cmds...)
}

// remnant is what a field holding typed, with its cursor at byte at,
// holds of a mark a deletion cut into, shown being how the field shows
// the text to store: how many runes before the cursor and after it to
// delete for the field to show shown. ok is false when typed is not
// shown with a run of text more, around the cursor: the edit was no
// deletion, or cut no mark, and the field is left as it is. whole
// reports whether the first n bytes of shown show whole characters.
func remnant(typed, shown string, at int, whole func(n int) bool) (back, fwd int, ok bool) {
	d := len(typed) - len(shown)
	if d <= 0 || at < 0 || at > len(typed) {
		return 0, 0, false
	}
	// typed is shown[:s] + what is left + shown[s:] for every s from lo
	// to hi: more than one when what is left repeats the text beside it
	// ("<U+200><U+200D>" is "<U+200D>" with "<U+200>" before it or with
	// "><U+200" inside it). Of those around the cursor, the last where
	// the cursor stands between whole characters, where the mark was;
	// else the last.
	hi := termtext.CommonPrefix(typed, shown)
	lo := len(shown) - termtext.CommonSuffix(typed, shown)
	cut := -1
	for s := min(hi, at); s >= max(lo, at-d); s-- {
		if !runeStart(typed, s) || !runeStart(typed, s+d) {
			continue
		}
		if cut < 0 {
			cut = s
		}
		if whole(s) {
			cut = s
			break
		}
	}
	if cut < 0 {
		return 0, 0, false
	}
	return utf8.RuneCountInString(typed[cut:at]), utf8.RuneCountInString(typed[at : cut+d]), true
}

// shownWhole reports whether the first n bytes of show(kept) show whole
// characters of kept. show is line or areaText, which show the start of
// a text as the start of what they show of the whole of it.
func shownWhole(kept string, n int, show func(string) string) bool {
	shown := func(r int) int {
		for r < len(kept) && !utf8.RuneStart(kept[r]) {
			r--
		}
		return len(show(kept[:r]))
	}
	r := sort.Search(len(kept)+1, func(r int) bool { return shown(r) >= n })
	return r <= len(kept) && shown(r) == n
}

// runeStart reports whether byte i of s starts a rune, or ends s.
func runeStart(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }
