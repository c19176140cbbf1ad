package bolt

import (
	"slices"

	"chrono/model"
)

// An event is stored under its order key in events/, and indexed by
// entries in other buckets and by counters. Both ways of writing (a
// transaction for each change, and the bulk build of a large import)
// take them from here, so that they cannot disagree.

// indexEntries calls fn with the bucket and key of each index entry an
// event stored under order has, besides ids/ (whose value is the order
// key): one in tags/ per tag, one in links/ per link. Their values are
// empty.
func indexEntries(e *model.Event, order []byte, fn func(bk bucket, key []byte) error) error {
	for _, t := range e.Tags {
		if err := fn(bucketTags, tagKey(t, order)); err != nil {
			return err
		}
	}
	for _, l := range e.Links {
		if err := fn(bucketLinks, linkKey(l.Event, e.ID, l.Rel)); err != nil {
			return err
		}
	}
	return nil
}

// counter names one kept count: of a tag, actor or status (its kind and
// the name), of a month (counterPeriod and the period), or of all events
// (counterTotal).
type counter struct {
	kind   counterKind
	name   string
	period int64
	months int // of counterSpan
}

// key is the counter's key in counts/.
func (c counter) key() []byte {
	switch c.kind {
	case counterPeriod:
		return periodCountKey(c.period)
	case counterOrder:
		return orderCountKey(c.period)
	case counterSpan:
		return spanCountKey(c.period, c.months)
	case counterTotal:
		return keyTotal
	}
	return counterKey(c.kind, c.name)
}

// counters calls fn with each counter an event counts in: its tags, its
// actors (each once), its status, the month of its stated date's earliest
// bound (and with it the months it spans, when more than one), the month
// its order key leads with, the sources it cites (each once), and the
// total.
func counters(e *model.Event, order []byte, fn func(counter) error) error {
	for _, t := range e.Tags {
		if err := fn(counter{kind: counterTag, name: t}); err != nil {
			return err
		}
	}
	for i, a := range e.Actors {
		if slices.Contains(e.Actors[:i], a) {
			continue // an actor named twice is one actor
		}
		if err := fn(counter{kind: counterActor, name: a}); err != nil {
			return err
		}
	}
	if err := fn(counter{kind: counterStatus, name: string(e.Status)}); err != nil {
		return err
	}
	p, months := model.PeriodSpanOfKey(order)
	if err := fn(counter{kind: counterPeriod, period: p}); err != nil {
		return err
	}
	if months > 1 {
		if err := fn(counter{kind: counterSpan, period: p, months: months}); err != nil {
			return err
		}
	}
	if err := fn(counter{kind: counterOrder, period: orderPeriodOfKey(order)}); err != nil {
		return err
	}
	var cited [8]string
	for _, src := range model.AppendCited(cited[:0], e) {
		if err := fn(counter{kind: counterCited, name: src}); err != nil {
			return err
		}
	}
	return fn(counter{kind: counterTotal})
}
