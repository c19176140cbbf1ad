package bolt

import (
	"slices"

	"chrono/model"
	"chrono/model/stored"
)

// filter answers the parts of a query no index serves, reading as little
// of a stored event as it can: the value only when a part needs it.
type filter struct {
	q    model.Query
	text model.Matcher
	// linked holds the events with a link q.Linked names, their own or
	// one made to them turned around: read once from the links index,
	// which holds every link both ways and far fewer entries than there
	// are events.
	linked map[string]bool
	ids    map[string]bool // q.IDs, when q.ByID
}

func newFilter(q model.Query, b buckets) (*filter, error) {
	f := &filter{q: q, text: model.NewMatcher(q.Text)}
	if q.ByID {
		f.ids = make(map[string]bool, len(q.IDs))
		for _, id := range q.IDs {
			f.ids[id] = true
		}
	}
	if len(q.Linked) == 0 {
		return f, nil
	}
	linked, err := linkedIDs(b, q.Linked)
	if err != nil {
		return nil, err
	}
	f.linked = linked
	return f, nil
}

// matches reports whether a stored event passes the filters that are not
// served by an index.
func (f *filter) matches(order []byte, value func() []byte) bool {
	q := &f.q
	if !q.During.IsZero() {
		earliest, latest, dated := model.OrderKeyBounds(order)
		if !dated {
			return false
		}
		switch model.OverlapOfInstants(earliest, latest, q.During) {
		case model.OverlapNo:
			return false
		case model.OverlapDepends:
			// Near the ends of a day, an offset decides: the key keeps
			// instants, the date its clock, shown in q.Zone.
			if !stored.DateOf(value()).OverlapsShown(q.During, q.Zone) {
				return false
			}
		}
	}
	if len(q.Statuses) > 0 && !slices.Contains(q.Statuses, stored.StatusOf(value())) {
		return false
	}
	if len(q.Actors) > 0 && !slices.ContainsFunc(stored.ActorsOf(value()), func(a string) bool { return slices.Contains(q.Actors, a) }) {
		return false
	}
	if len(q.Sources) > 0 && !stored.CitesAny(value(), q.Sources) {
		return false
	}
	if (q.Untagged || q.Noted) && !stored.ShapeMatches(value(), q.Untagged, q.Noted) {
		return false
	}
	if q.ByID && !f.ids[model.OrderKeyID(order)] {
		return false
	}
	if len(q.Linked) > 0 && !f.linked[model.OrderKeyID(order)] {
		return false
	}
	if q.Text != "" {
		return stored.TextContains(value(), &f.text)
	}
	return true
}
