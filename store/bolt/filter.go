package bolt

import (
	"bytes"
	"slices"

	"chrono/model"
)

// filter answers the parts of a query no index serves, reading as little
// of a stored event as it can: the value only when a part needs it.
type filter struct {
	q    model.Query
	text model.Matcher
	// linkedTo holds the events other events link to with a relation
	// that, turned around, q.Linked names: read once from the links
	// index, which holds far fewer entries than there are events.
	linkedTo map[string]bool
}

func newFilter(q model.Query, b buckets) (*filter, error) {
	f := &filter{q: q, text: model.NewMatcher(q.Text)}
	if len(q.Linked) == 0 {
		return f, nil
	}
	f.linkedTo = map[string]bool{}
	c := b.links.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		target, rest, ok := bytes.Cut(k, []byte{keySep})
		_, rel, ok2 := bytes.Cut(rest, []byte{keySep})
		if !ok || !ok2 {
			return nil, corruptf("links index entry %q has no rel", k)
		}
		if slices.Contains(q.Linked, model.Rel(rel).Inverse()) {
			f.linkedTo[string(target)] = true
		}
	}
	return f, nil
}

// matches reports whether a stored event passes the filters that are not
// served by an index.
func (f *filter) matches(order []byte, value func() []byte) bool {
	q := &f.q
	if !q.During.IsZero() {
		earliest, latest, dated := model.OrderKeyBounds(order)
		if !dated || earliest.Compare(q.During.Latest()) > 0 || latest.Compare(q.During.Earliest()) < 0 {
			return false
		}
	}
	if len(q.Statuses) > 0 && !slices.Contains(q.Statuses, valueStatus(value())) {
		return false
	}
	if len(q.Actors) > 0 && !slices.ContainsFunc(valueActors(value()), func(a string) bool { return slices.Contains(q.Actors, a) }) {
		return false
	}
	if (q.Untagged || q.Noted) && !valueShapeMatches(value(), q.Untagged, q.Noted) {
		return false
	}
	if len(q.Linked) > 0 && !f.linked(value()) {
		return false
	}
	if q.Text != "" {
		return textContains(value(), &f.text)
	}
	return true
}

// linked reports whether the stored event has a link q.Linked names, its
// own or one made to it. A value that does not decode selects nothing.
func (f *filter) linked(v []byte) bool {
	e, err := decodeEvent(v)
	if err != nil {
		return false
	}
	return f.linkedTo[e.ID] || slices.ContainsFunc(e.Links, func(l model.Link) bool { return slices.Contains(f.q.Linked, l.Rel) })
}
