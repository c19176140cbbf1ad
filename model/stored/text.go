package stored

import (
	"encoding/binary"

	"chrono/model"
)

// TextContains reports whether text the matcher looks for is in one of
// the fields a search looks at (model.Event.SearchFields), read straight
// from a stored value's text section (codec.go) without decoding the
// event. Every version lays the text section out alike. Media, which
// only versions 4 and on hold, are after it: a value of that version that the
// text section does not match is decoded to look in them, which costs
// only the few events that have media.
// Each field is searched on its own, so a match never runs from one field
// into the next. A damaged value contains nothing.
func TextContains(v []byte, m *model.Matcher) bool {
	if len(v) < 2 || v[0] < 1 || v[0] > Version {
		return false
	}
	n, k := binary.Uvarint(v[2:])
	if k <= 0 || uint64(len(v)-2-k) < n {
		return false
	}
	t := textReader{b: v[2+k : 2+k+int(n)]}
	withMedia := v[0] >= versionMedia
	if !m.MayBeIn(t.b) && !(withMedia && m.MayBeIn(v)) {
		return false // most events, for a rare first letter
	}
	found := false
	field := func() bool { // reads a field; false to stop
		f, ok := t.string()
		if !ok {
			return false
		}
		found = m.In(f)
		return !found
	}
	for range 3 { // title, summary, date text
		if !field() {
			return found
		}
	}
	for range t.count() { // actors
		if !field() {
			return found
		}
	}
	for range t.count() { // tags, as they are shown: #key
		f, ok := t.string()
		if !ok {
			return false
		}
		if found = m.InTag(f); found {
			return true
		}
	}
	for range 3 * t.count() { // quotes: text, speaker, context
		if !field() {
			return found
		}
	}
	for range t.count() { // notes
		if !field() {
			return found
		}
	}
	if withMedia {
		return mediaContain(v, m)
	}
	return found
}

// mediaContain reports whether the text is in a medium's caption, credit,
// title or alt text (model.Event.SearchFields).
func mediaContain(v []byte, m *model.Matcher) bool {
	e, err := Decode(v)
	if err != nil {
		return false
	}
	for _, md := range e.Media {
		for _, s := range [...]string{md.Caption, md.Credit, md.Title, md.Alt} {
			if m.In([]byte(s)) {
				return true
			}
		}
	}
	return false
}

// textReader reads the strings and counts of a text section.
type textReader struct{ b []byte }

func (t *textReader) count() int {
	n, k := binary.Uvarint(t.b)
	if k <= 0 || n > uint64(len(t.b)) {
		t.b = nil
		return 0
	}
	t.b = t.b[k:]
	return int(n)
}

func (t *textReader) string() ([]byte, bool) {
	n, k := binary.Uvarint(t.b)
	if k <= 0 || uint64(len(t.b)-k) < n {
		t.b = nil
		return nil, false
	}
	s := t.b[k : k+int(n)]
	t.b = t.b[k+int(n):]
	return s, true
}
