package tui

import "chrono/model/wordwrap"

// wrapWords lays s, which may be styled (SGR, OSC 8), out in lines of at
// most w cells, breaking at spaces only (wordwrap.Lines), measured as
// the terminal will lay them out.
func (st *Styles) wrapWords(s string, w int) []string {
	return wordwrap.Lines(s, w, st.width, func(word string, n int) string { return st.Cells.Hardwrap(word, n, false) })
}

// wrapMessage lays a message out as wrapWords does, and keeps what it
// quotes ("…", `…`: a value, a title) on one line where it fits
// (wordwrap.Message).
func (st *Styles) wrapMessage(s string, w int) []string {
	return wordwrap.Message(s, w, st.width, func(word string, n int) string { return st.Cells.Hardwrap(word, n, false) })
}
