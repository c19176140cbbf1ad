package store

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
func indexEntries(e *model.Event, order []byte, fn func(bucket []byte, key []byte) error) error {
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

// counters calls fn with the key of each counter an event counts in: its
// tags, its actors (each once), its status, the month of its earliest
// bound, and the total.
func counters(e *model.Event, order []byte, fn func(key []byte) error) error {
	for _, t := range e.Tags {
		if err := fn(counterKey('t', t)); err != nil {
			return err
		}
	}
	for i, a := range e.Actors {
		if slices.Contains(e.Actors[:i], a) {
			continue // an actor named twice is one actor
		}
		if err := fn(counterKey('a', a)); err != nil {
			return err
		}
	}
	if err := fn(counterKey('s', string(e.Status))); err != nil {
		return err
	}
	if err := fn(periodCountKey(periodOfKey(order))); err != nil {
		return err
	}
	return fn(keyTotal)
}
