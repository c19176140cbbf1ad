// Package termtext makes untrusted text safe to show on a terminal.
//
// Text from imported files is hostile until shown otherwise: an escape
// sequence in a quote could set the clipboard (OSC 52), plant a link
// (OSC 8), answer a terminal query with keystrokes, or rewrite what is on
// screen (CR, BS), and bidirectional overrides can make text read
// differently from what it is ("Trojan Source"). Every path that shows
// imported text passes it through Text or Line first.
//
// Nothing is silently dropped: each control is replaced by a visible mark,
// so the investigator sees that the source contained it. ESC becomes ␛
// (which leaves the rest of its sequence harmless, shown as text), other C0
// controls become their Control Pictures (␀ … ␟, ␡), and C1 controls,
// bidirectional embedding, override and isolate controls, line and
// paragraph separators and bytes that are not UTF-8 become <U+202E> or
// <0xFF>. The marks are themselves safe, so sanitizing twice changes
// nothing.
package termtext

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"chrono/model/invisible"
)

// Text returns s safe for a terminal, keeping newlines and tabs for the
// caller to lay out.
func Text(s string) string { return sanitize(s, false) }

// Line returns s safe for a terminal on a single line: newlines and tabs
// become spaces.
func Line(s string) string { return sanitize(s, true) }

// Strip returns s without the characters Text would mark: for text typed
// or pasted by the investigator, where a control character is a slip, not
// evidence. Newlines and tabs stay when keepLines is set.
func Strip(s string, keepLines bool) string {
	if firstUnsafe(s, !keepLines) < 0 {
		return s
	}
	var b strings.Builder
	prev := rune(-1) // the last rune kept
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n' || r == '\t':
			if keepLines {
				b.WriteRune(r)
				prev = r
			}
		case r < 0x20 || r == 0x7f || (r == utf8.RuneError && size == 1) || marked(r, prev):
		default:
			b.WriteRune(r)
			prev = r
		}
	}
	return b.String()
}

func sanitize(s string, oneLine bool) string {
	i := firstUnsafe(s, oneLine)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	prev := rune(-1) // the last rune shown as it is, or -1 after a mark
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	for i < len(s) {
		var size int
		size, prev = show(&b, s[i:], oneLine, prev)
		i += size
	}
	return b.String()
}

// show writes to b how the first rune of s shows after prev (the rune
// before it as shown, or -1 after a mark), and returns its size in s and
// the prev of the rune after it.
func show(b *strings.Builder, s string, oneLine bool, prev rune) (int, rune) {
	c := s[0]
	if c < utf8.RuneSelf {
		switch {
		case c == '\n' || c == '\t':
			if oneLine {
				b.WriteByte(' ')
			} else {
				b.WriteByte(c)
			}
		case c < 0x20:
			b.WriteRune(0x2400 + rune(c)) // ␀ … ␟, ESC is ␛
			return 1, -1
		case c == 0x7f:
			b.WriteRune('␡')
			return 1, -1
		default:
			b.WriteByte(c)
		}
		return 1, rune(c)
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		b.WriteString("<0x")
		b.WriteString(strings.ToUpper(strconv.FormatUint(uint64(c), 16)))
		b.WriteByte('>')
		return 1, -1
	case marked(r, prev):
		b.WriteString(mark(r))
		return size, -1
	}
	b.WriteString(s[:size])
	return size, r
}

// firstUnsafe returns the index of the first byte sanitize would change,
// or -1, so that safe text (nearly all of it) is returned without a copy.
func firstUnsafe(s string, oneLine bool) int { return firstUnsafeAfter(s, oneLine, -1) }

// firstUnsafeAfter is firstUnsafe for text that comes after prev, the
// rune before it as shown, or -1.
func firstUnsafeAfter(s string, oneLine bool, prev rune) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				if (c == '\n' || c == '\t') && !oneLine {
					prev = rune(c)
					i++
					continue
				}
				return i
			}
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || marked(r, prev) {
			return i
		}
		prev = r
		i += size
	}
	return -1
}

// marked reports whether a rune outside ASCII is shown as a mark when it
// comes after prev (the rune before it as shown, or -1): a control, or an
// invisible character.
func marked(r, prev rune) bool { return unsafeRune(r) || invisible.Marked(r, prev) }

// unsafeRune reports whether r is a non-ASCII rune a terminal must not get
// raw: C1 controls, bidirectional embeddings, overrides and isolates, and
// the line and paragraph separators some terminals act on.
func unsafeRune(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) ||
		(r >= 0x202a && r <= 0x202e) ||
		(r >= 0x2066 && r <= 0x2069) ||
		r == 0x2028 || r == 0x2029
}

func mark(r rune) string {
	h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	for len(h) < 4 {
		h = "0" + h
	}
	return "<U+" + h + ">"
}

// EscapeJSON returns JSON text with every rune Text would mark written as a
// \u escape instead: the same JSON value, safe to print. It expects valid
// JSON, whose control characters below U+0020 are already escaped.
func EscapeJSON(b []byte) []byte {
	out, _ := escapeJSON(b, -1)
	return out
}

// escapeJSON is EscapeJSON for text that comes after prev (the rune before
// it as written, or -1), and returns the last rune written likewise.
func escapeJSON(b []byte, prev rune) ([]byte, rune) {
	s := string(b)
	if firstUnsafeAfter(s, false, prev) < 0 {
		if r, size := utf8.DecodeLastRuneInString(s); size > 0 {
			prev = r
		}
		return b, prev
	}
	var out strings.Builder
	out.Grow(len(s) + 16)
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= utf8.RuneSelf && marked(r, prev) {
			// Beyond U+FFFF (a tag character, U+E0001) JSON writes the
			// rune as its UTF-16 surrogate pair.
			if hi, lo := utf16.EncodeRune(r); hi != utf8.RuneError {
				fmt.Fprintf(&out, `\u%04x\u%04x`, hi, lo)
			} else {
				fmt.Fprintf(&out, `\u%04x`, r)
			}
			prev = -1
			continue
		}
		out.WriteRune(r)
		prev = r
	}
	return []byte(out.String()), prev
}

// JSONWriter passes JSON text through to w with every rune Text would
// mark written as a \u escape, as EscapeJSON does, a write at a time.
type JSONWriter struct {
	w     io.Writer
	carry []byte // the start of a rune split between writes
	prev  rune   // the last rune written, as escapeJSON takes it
}

// NewJSONWriter returns a JSONWriter writing to w.
func NewJSONWriter(w io.Writer) *JSONWriter { return &JSONWriter{w: w, prev: -1} }

// Write implements io.Writer.
func (j *JSONWriter) Write(p []byte) (int, error) {
	data := append(j.carry, p...)
	// Hold back an incomplete rune at the end for the next write.
	end := len(data)
	for i := max(end-utf8.UTFMax+1, 0); i < end; i++ {
		if utf8.RuneStart(data[i]) && !utf8.FullRune(data[i:]) {
			end = i
			break
		}
	}
	out, prev := escapeJSON(data[:end], j.prev)
	if _, err := j.w.Write(out); err != nil {
		return 0, err
	}
	j.prev = prev
	j.carry = append(j.carry[:0], data[end:]...)
	return len(p), nil
}

// Close writes what is held back; a split rune at the very end is not
// valid UTF-8 and is escaped as such by nothing, so it goes out marked.
func (j *JSONWriter) Close() error {
	if len(j.carry) == 0 {
		return nil
	}
	_, err := j.w.Write([]byte(Text(string(j.carry))))
	j.carry = nil
	return err
}
