package timesketch

import (
	"chrono/model"

	"github.com/go-json-experiment/json"
)

// maxMemo bounds the sources a sourceMemo remembers, so that its memory
// stays flat however many sources a file has.
const maxMemo = 512

// sourceMemo decodes the sources of chrono's records, each distinct JSON
// text once: chrono writes a source on every row that cites it, and
// decoding it on every row was a quarter of the work of reading such a
// row. A memo is for one goroutine.
type sourceMemo struct {
	seen  map[string]model.Source // by JSON text
	elems [][]byte                // scratch
	found []model.Source          // scratch
}

func newSourceMemo() *sourceMemo {
	return &sourceMemo{seen: map[string]model.Source{}}
}

// decode decodes a list of sources from JSON the decoder has checked, as
// json.Unmarshal does, and ok says it could: for anything but a list of
// objects that decode without error it says no, and the caller decodes
// the list as a whole, which says what is wrong exactly.
func (m *sourceMemo) decode(checked []byte) (all []model.Source, ok bool) {
	m.elems, ok = objects(checked, m.elems[:0])
	if !ok {
		return nil, false
	}
	all = make([]model.Source, len(m.elems))
	for i, v := range m.elems {
		s, seen := m.seen[string(v)]
		if !seen {
			// An element decodes as it would in the list: into a zero
			// value, with the same options.
			if json.Unmarshal(v, &s, json.RejectUnknownMembers(true)) != nil {
				return nil, false
			}
			if len(m.seen) == maxMemo {
				clear(m.seen)
			}
			m.seen[string(v)] = s
		}
		all[i] = s
	}
	return all, true
}

// sources decodes the record's sources, through memo when there is one
// and the decoder has checked them.
func (c *converter) sources(memo *sourceMemo) []model.Source {
	v, ok := c.rec.get(keySources)
	var all []model.Source
	if ok && v.decoded && c.rec.lists.decoded(keySources, &all) {
		return all
	}
	if ok && memo != nil && v.raw != nil {
		if all, ok := memo.decode(v.raw); ok {
			return all
		}
	}
	c.list(keySources, &all)
	return all
}

// take reads the list of sources at s.i, when the memo has seen each of
// them, and moves s past it. A source the memo has seen is text the
// scan has checked and the decoder decoded, so that the list's syntax
// is left to check only between its elements: most rows cite sources
// the rows before them cited, and checking their text again was a tenth
// of reading a row. It reports false, s left as it was, for anything
// else, which the scan then checks.
func (m *sourceMemo) take(s *scan, into *[]model.Source) bool {
	b := s.b
	all := m.found[:0]
	defer func() { clear(all); m.found = all[:0] }()
	i := skipSpace(b, s.i+1) // past the [
	if i < len(b) && b[i] != ']' {
		for {
			if i == len(b) || b[i] != '{' {
				return false
			}
			end := compositeEnd(b, i)
			src, seen := m.seen[string(b[i:end])]
			if !seen {
				return false
			}
			all = append(all, src)
			if i = skipSpace(b, end); i == len(b) || b[i] != ',' {
				break
			}
			i = skipSpace(b, i+1)
		}
	}
	if i == len(b) || b[i] != ']' {
		return false
	}
	*into = append(make([]model.Source, 0, len(all)), all...)
	s.i = i + 1
	return true
}
