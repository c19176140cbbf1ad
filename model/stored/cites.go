package stored

import (
	"encoding/binary"
	"slices"
)

// CitesAny reports whether a stored event cites one of sources, by id, in
// its date's source or a quote's (model.Event.Cites), reading past its
// text section to them without decoding the event: a filter by source
// reads every candidate. A damaged value cites nothing.
func CitesAny(v []byte, sources []string) bool {
	if len(v) < 2 || v[0] < 1 || v[0] > Version {
		return false
	}
	n, k := binary.Uvarint(v[2:])
	if k <= 0 || uint64(len(v)-2-k) < n {
		return false
	}
	text := textReader{b: v[2+k : 2+k+int(n)]}
	rest := textReader{b: v[2+k+int(n):]}
	for range 3 { // title, summary, date text
		text.string()
	}
	for range 2 { // actors, tags
		for range text.count() {
			text.string()
		}
	}
	quotes := text.count() // their sources are in the rest, in order
	if text.b == nil {
		return false
	}
	rest.string() // id
	rest.string() // date
	cited := func() bool {
		s, ok := rest.string()
		return ok && len(s) > 0 && slices.ContainsFunc(sources, func(src string) bool { return string(s) == src })
	}
	if cited() { // the date's source
		return true
	}
	for range quotes {
		if cited() {
			return true
		}
		rest.string() // stance
	}
	return false
}
