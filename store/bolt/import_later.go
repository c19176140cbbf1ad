package bolt

import (
	"bytes"
	"slices"

	"go.etcd.io/bbolt"

	"chrono/model"
	"chrono/model/stored"
)

// A bucket's page grows, in a write transaction, with every key put in
// it, and bbolt splits it only as the transaction commits: each put
// moves the keys after its own along. Keys that come in no order (the
// ids of Timesketch and Plaso records, which are hashes, the history
// keys made of them, the order keys of a file not in time order) so cost
// a transaction of n new events some n² moves: an import of 100,000
// records took 12 s, nearly all of it in memmove. An import in one
// transaction holds back what it writes of its new events instead, and
// puts it in key order as it commits, each key at the end of its page.

// keyValue is a put held back.
type keyValue struct{ k, v []byte }

// laterPuts are the puts of an import's new events, bucket by bucket,
// held until it commits; the counts are bumped at once.
type laterPuts struct {
	puts map[*bbolt.Bucket][]keyValue
	held map[string]keyValue // each new event's order key and value, by id
}

func (l *laterPuts) add(b *bbolt.Bucket, k, v []byte) {
	if l.puts == nil {
		l.puts = map[*bbolt.Bucket][]keyValue{}
	}
	l.puts[b] = append(l.puts[b], keyValue{k, v})
}

// putNew is buckets.put, for a new event, held back but for the counts;
// it returns the event's stored value.
func (l *laterPuts) putNew(b buckets, e *model.Event) ([]byte, error) {
	b.mark(e)
	order := model.OrderKey(e)
	v := stored.Encode(nil, e)
	if l.held == nil {
		l.held = map[string]keyValue{}
	}
	l.held[e.ID] = keyValue{order, v}
	l.add(b.events, order, v)
	l.add(b.ids, []byte(e.ID), order)
	err := indexEntries(e, order, func(bk bucket, key []byte) error {
		l.add(*bk.in(&b), key, nil)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, counters(e, order, func(c counter) error { return bump(b.counts, c.key(), 1) })
}

// event is a new event held back, and whether id is one.
func (l *laterPuts) event(id string) (model.Event, bool, error) {
	kv, ok := l.held[id]
	if !ok {
		return model.Event{}, false, nil
	}
	e, err := stored.Decode(kv.v)
	return e, true, err
}

// put puts what is held, each bucket's keys in order.
func (l *laterPuts) put() error {
	for b, kvs := range l.puts {
		slices.SortFunc(kvs, func(x, y keyValue) int { return bytes.Compare(x.k, y.k) })
		for _, kv := range kvs {
			if err := b.Put(kv.k, kv.v); err != nil {
				return err
			}
		}
	}
	*l = laterPuts{}
	return nil
}
