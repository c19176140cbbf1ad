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
	seen map[string]model.Source // by JSON text
	// starts holds what seen holds by the first startLen bytes of the
	// text, at most maxStarts for each: take finds a source by its start
	// rather than by finding where its text ends first.
	starts map[string][]memoed
	elems  [][]byte       // scratch
	found  []model.Source // scratch
}

// memoed is a source the memo has decoded, and its JSON text.
type memoed struct {
	text string
	src  model.Source
}

const (
	startLen  = 32
	maxStarts = 8
)

func newSourceMemo() *sourceMemo {
	return &sourceMemo{seen: map[string]model.Source{}, starts: map[string][]memoed{}}
}

// remember keeps src, decoded from text.
func (m *sourceMemo) remember(text []byte, src model.Source) {
	if len(m.seen) == maxMemo {
		clear(m.seen)
		clear(m.starts)
	}
	t := string(text)
	m.seen[t] = src
	if len(t) >= startLen {
		if l := m.starts[t[:startLen]]; len(l) < maxStarts {
			m.starts[t[:startLen]] = append(l, memoed{t, src})
		}
	}
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
			m.remember(v, s)
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
// them (one of its starts), and moves s past it. A source the memo has
// seen is text the scan has checked and the decoder decoded, so that
// the list's syntax is left to check only between its elements: most
// rows cite sources the rows before them cited, and checking their
// text again was a tenth of reading a row. It reports false, s left as
// it was, for anything else, which the scan then checks.
func (m *sourceMemo) take(s *scan, into *[]model.Source) bool {
	b := s.b
	all := m.found[:0]
	defer func() { clear(all); m.found = all[:0] }()
	i := skipSpace(b, s.i+1) // past the [
	if i < len(b) && b[i] != ']' {
		for {
			if len(b)-i < startLen || b[i] != '{' {
				return false
			}
			end := -1
			for _, c := range m.starts[string(b[i:i+startLen])] {
				// A text the scan has checked is one whole object: the
				// element is that object when it begins with it.
				if len(b)-i >= len(c.text) && string(b[i:i+len(c.text)]) == c.text {
					all = append(all, c.src)
					end = i + len(c.text)
					break
				}
			}
			if end < 0 {
				return false
			}
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
