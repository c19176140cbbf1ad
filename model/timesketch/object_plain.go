package timesketch

import (
	"encoding/binary"
	"unicode/utf8"
)

// plainObject reads the members of a one-line JSON object into p.rec as
// object does, without a decoder, when the line is plain JSON: keys
// without escapes, no escaped surrogate, nesting no deeper than
// maxPlainDepth (chrono's lists, which it decodes as it checks them, and
// sources the memo has seen, may hold both). It checks what the decoder
// checks (the syntax, UTF-8, no control character in a string, no key
// twice in an object) and returns false for anything it does not take,
// a fault included; object then reads the line and says what is wrong.
// Reading the objects through the decoder took a third of a million
// records' conversion.
func (p *parser) plainObject(text []byte) bool {
	s := scan{b: text}
	s.space()
	if !s.byte('{') {
		return false
	}
	p.text = ""
	if p.shared {
		// The record's strings are cut from one copy of the line: one
		// allocation a record rather than one a string. The records of
		// one time held back (commit) keep their lines so.
		p.text = string(text)
	}
	rec := &p.rec
	for first := true; ; first = false {
		s.space()
		if s.byte('}') {
			break
		}
		if !first && (!s.byte(',') || !s.spaceThen()) {
			return false
		}
		name, ok := s.plainKey()
		if !ok {
			return false
		}
		for _, k := range rec.keys {
			if k == string(name) {
				return false // twice: object says so
			}
		}
		if s.space(); !s.byte(':') {
			return false
		}
		s.space()
		at := s.i
		var val value
		if s.peek() == '"' {
			var ok bool
			if p.unquote, ok = s.str(p.unquote[:0], true); !ok {
				return false
			}
			if p.text != "" && len(p.unquote) == s.i-at-2 {
				// No escape in it (each makes the text shorter): its
				// text is in the line's.
				val = value{text: p.text[at+1 : s.i-1]}
			} else {
				val = value{text: string(p.unquote)}
			}
		} else if listKey(string(name)) {
			// Decoded as it is checked, or else checked, and decoded
			// when the record is converted.
			decoded := p.list(&s, string(name))
			if !decoded && !s.value(0) {
				return false
			}
			val = value{json: true, raw: text[at:s.i], decoded: decoded}
		} else {
			if !s.value(0) {
				return false
			}
			raw := text[at:s.i]
			if p.text != "" {
				val = value{text: p.text[at:s.i], json: true, raw: raw}
			} else {
				val = value{text: string(raw), json: true, raw: raw}
			}
		}
		rec.keys = append(rec.keys, key(string(name)))
		rec.vals = append(rec.vals, val)
	}
	s.space()
	return s.i == len(s.b)
}

// list decodes the value of one of chrono's list-valued keys at s.i into
// p.rec.lists, checking it as value would, and moves s past it. It
// reports false, s left as it was, when it cannot: value then checks
// it, and the conversion decodes it or says what is wrong with it.
func (p *parser) list(s *scan, name string) bool {
	l := &p.rec.lists
	if name == keySources {
		return s.peek() == '[' && p.memo.take(s, &l.sources)
	}
	into := l.of(name)
	if into == nil {
		return false
	}
	end, ok := p.lists.DecodeAt(s.b, s.i, p.text, into)
	if !ok || !utf8.Valid(s.b[s.i:end]) {
		return false
	}
	s.i = end
	return true
}

// maxPlainDepth is how deeply plainObject follows nested values.
const maxPlainDepth = 32

// scan walks JSON text.
type scan struct {
	b []byte
	i int
}

func (s *scan) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// byte takes c when it is next.
func (s *scan) byte(c byte) bool {
	if s.peek() == c {
		s.i++
		return true
	}
	return false
}

func (s *scan) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// spaceThen skips white space and reports whether anything follows.
func (s *scan) spaceThen() bool {
	s.space()
	return s.i < len(s.b)
}

// plainKey reads a key of printable ASCII without escapes, and returns
// it in place.
func (s *scan) plainKey() ([]byte, bool) {
	if !s.byte('"') {
		return nil, false
	}
	start := s.i
	for ; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return s.b[start : s.i-1], true
		case c < 0x20 || c == '\\' || c >= utf8.RuneSelf:
			return nil, false
		}
	}
	return nil, false
}

// str reads a string and, when keep is set, appends its unquoted text
// to dst.
func (s *scan) str(dst []byte, keep bool) ([]byte, bool) {
	if !s.byte('"') {
		return dst, false
	}
	start := s.i
	for s.i < len(s.b) {
		switch c := s.b[s.i]; {
		case c == '"':
			if keep {
				dst = append(dst, s.b[start:s.i]...)
			}
			s.i++
			return dst, true
		case c == '\\':
			if keep {
				dst = append(dst, s.b[start:s.i]...)
			}
			r, ok := s.escape()
			if !ok {
				return dst, false
			}
			if keep {
				dst = utf8.AppendRune(dst, r)
			}
			start = s.i
		case c < 0x20:
			return dst, false
		case c < utf8.RuneSelf:
			s.i++
			// Eight bytes at a time while none needs a look.
			for s.i+8 <= len(s.b) && !needsLook(binary.LittleEndian.Uint64(s.b[s.i:])) {
				s.i += 8
			}
		default:
			r, n := utf8.DecodeRune(s.b[s.i:])
			if r == utf8.RuneError && n <= 1 {
				return dst, false
			}
			s.i += n
		}
	}
	return dst, false
}

// needsLook reports whether any of the eight bytes in w may end a
// string's plain run: a quote, a backslash, a control character or a
// byte of a character beyond ASCII. It may say so of a byte that is
// none of these (past one that is), never the other way round.
func needsLook(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quote, backslash := w^(ones*'"'), w^(ones*'\\')
	control := w - ones*0x20
	return (control|(quote-ones)&^quote|(backslash-ones)&^backslash|w)&highs != 0
}

// escape reads the escape at s.i, and returns the character it stands
// for. An escaped surrogate is not taken.
func (s *scan) escape() (rune, bool) {
	if s.i+1 >= len(s.b) {
		return 0, false
	}
	c := s.b[s.i+1]
	s.i += 2
	switch c {
	case '"', '\\', '/':
		return rune(c), true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'u':
		if s.i+4 > len(s.b) {
			return 0, false
		}
		var r rune
		for _, h := range s.b[s.i : s.i+4] {
			switch {
			case h >= '0' && h <= '9':
				r = r<<4 | rune(h-'0')
			case h >= 'a' && h <= 'f':
				r = r<<4 | rune(h-'a'+10)
			case h >= 'A' && h <= 'F':
				r = r<<4 | rune(h-'A'+10)
			default:
				return 0, false
			}
		}
		s.i += 4
		if r >= 0xD800 && r <= 0xDFFF {
			return 0, false
		}
		return r, true
	}
	return 0, false
}

// value checks one value that is not a string at the top level (any
// value below it), depth levels down.
func (s *scan) value(depth int) bool {
	switch c := s.peek(); {
	case c == '"':
		_, ok := s.str(nil, false)
		return ok
	case c == '{':
		return depth < maxPlainDepth && s.object(depth+1)
	case c == '[':
		return depth < maxPlainDepth && s.array(depth+1)
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	}
	return false
}

func (s *scan) literal(word string) bool {
	if len(s.b)-s.i < len(word) || string(s.b[s.i:s.i+len(word)]) != word {
		return false
	}
	s.i += len(word)
	return true
}

// number checks a number as JSON writes it.
func (s *scan) number() bool {
	s.byte('-')
	switch {
	case s.byte('0'):
	case s.digits() == 0:
		return false
	}
	if s.byte('.') && s.digits() == 0 {
		return false
	}
	if s.byte('e') || s.byte('E') {
		if !s.byte('+') {
			s.byte('-')
		}
		if s.digits() == 0 {
			return false
		}
	}
	return true
}

func (s *scan) digits() int {
	start := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i - start
}

// maxPlainMembers is how many members of a nested object plainObject
// checks for a key given twice, one against another.
const maxPlainMembers = 16

func (s *scan) object(depth int) bool {
	s.i++ // {
	var names [maxPlainMembers][]byte
	n := 0
	for first := true; ; first = false {
		s.space()
		if s.byte('}') {
			return true
		}
		if !first && (!s.byte(',') || !s.spaceThen()) {
			return false
		}
		name, ok := s.plainKey()
		if !ok || n == maxPlainMembers {
			return false
		}
		for _, k := range names[:n] {
			if string(k) == string(name) {
				return false
			}
		}
		names[n] = name
		n++
		if s.space(); !s.byte(':') {
			return false
		}
		if s.space(); !s.value(depth) {
			return false
		}
	}
}

func (s *scan) array(depth int) bool {
	s.i++ // [
	for first := true; ; first = false {
		s.space()
		if s.byte(']') {
			return true
		}
		if !first && !s.byte(',') {
			return false
		}
		if s.space(); !s.value(depth) {
			return false
		}
	}
}
