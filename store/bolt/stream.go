package bolt

import "chrono/model"

// Long questions (a search through every event, a count the store does
// not keep) are answered a piece at a time, so that a browser can show
// the answer as it grows and stop asking when the question changes.

// countable reports whether the store answers at once how many events q
// selects: from the kept counts, or from a filter's kept candidates.
func countable(q model.Query) bool {
	switch {
	case q.IsZero(), onlyLinked(q), onlyByID(q):
		return true
	case q.Text != "" || !q.During.IsZero() || len(q.Actors) > 0 || q.Untagged || q.Noted || len(q.Linked) > 0 || q.ByID:
		return false
	}
	return len(q.Tags)+len(q.Statuses)+len(q.Sources) == 1
}

// CountFrom counts the events q selects at or after from (nil: the
// start), looking at no more than limit candidates, and returns where to
// go on, or the zero Position when the view is done. A count the store keeps is
// answered at once, whatever the limit.
func (s *Store) CountFrom(q model.Query, at model.Position, limit int) (n int, next model.Position, err error) {
	if at.Key() == nil && countable(q) {
		n, err = s.Count(q)
		return n, model.Position{}, err
	}
	next, err = s.step(q, at, false, limit, func([]byte) bool {
		n++
		return true
	})
	return n, next, err
}

// Find looks for the first event q selects at or after from (nil: the
// start), or, when backward, the last before from (nil: the end), looking
// at no more than limit candidates. It returns the event's position, or
// the zero Position and where to go on (at or after next; backward, before
// it), or both zero when the view holds no more.
func (s *Store) Find(q model.Query, at model.Position, backward bool, limit int) (hit, next model.Position, err error) {
	next, err = s.step(q, at, backward, limit, func(order []byte) bool {
		hit = model.PositionOf(order)
		return false
	})
	return hit, next, err
}

// step is one piece of a long question: it looks at no more than limit
// candidates for q from at (forward, or backward), giving visit those q
// selects until visit returns false. It returns where the next piece goes
// on (at or after next; backward, before it), or the zero Position when
// visit stopped or the candidates ran out.
func (s *Store) step(q model.Query, at model.Position, backward bool, limit int, visit func(order []byte) (more bool)) (next model.Position, err error) {
	limit = max(limit, 1)
	from := at.Key()
	err = s.view(func(b buckets) error {
		c, rest, err := candidatesOf(q, b, backward)
		if err != nil {
			return err
		}
		f, err := newFilter(rest, b)
		if err != nil {
			return err
		}
		p := newPager(b.tx, c)
		defer p.done()
		seen := 0
		var last []byte
		for order := c.seek(from); order != nil; order = c.next() {
			if seen == limit {
				if backward {
					order = last
				}
				next = model.PositionOf(order)
				return nil
			}
			seen++
			p.read()
			if f.matches(order, p.value) && !visit(order) {
				return nil
			}
			last = order
		}
		return nil
	})
	return next, err
}
