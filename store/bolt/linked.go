package bolt

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strings"
	"sync"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// A query by links (model.Query.Linked) has no index of its own: the
// links index names the linked events by id, and each would have to be
// found among all the events. The order keys of the linked events are
// therefore worked out once for a version of the store and kept, sorted,
// so that a window, a count or a position under such a filter walks
// only them: at a million events, an eighth of them, and a filter that
// passed every event on each key (up to 0.8 s) takes milliseconds.

// linkedIDs returns the events with a link rels names, their own or one
// made to them turned around, read from the links index.
func linkedIDs(b buckets, rels []model.Rel) (map[string]bool, error) {
	linked := map[string]bool{}
	c := b.links.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		target, rest, ok := bytes.Cut(k, []byte{keySep})
		from, rel, ok2 := bytes.Cut(rest, []byte{keySep})
		if !ok || !ok2 {
			return nil, corruptf("links index entry %q has no rel", k)
		}
		if slices.Contains(rels, model.Rel(rel)) {
			linked[string(from)] = true
		}
		if slices.Contains(rels, model.Rel(rel).Inverse()) {
			linked[string(target)] = true
		}
	}
	return linked, nil
}

// keyCache keeps sorted lists of order keys (a query's candidates) by
// name, as of one committed version of the store: a read transaction's
// ID in the file as opened. A Shared store keeps one across the openings
// of its file, which it closes between bursts of reads.
type keyCache struct {
	mu      sync.Mutex
	version string // the file's ident and the transaction's ID
	byName  map[string][][]byte
}

// keptKeys returns the sorted order keys of the stored events among the
// ids that ids gives, kept under name for later reads of the same version
// (a write transaction's are worked out and not kept: it may roll back).
func keptKeys(b buckets, name string, ids func() ([]string, error)) ([][]byte, error) {
	cache := b.keys
	keep := cache != nil && !b.tx.Writable()
	version := fmt.Sprintf("%s/%d", b.ident, b.tx.ID())
	if keep {
		cache.mu.Lock()
		keys, ok := cache.byName[name]
		if cache.version != version {
			ok = false
		}
		cache.mu.Unlock()
		if ok {
			return keys, nil
		}
	}
	list, err := ids()
	if err != nil {
		return nil, err
	}
	keys := make([][]byte, 0, len(list))
	for _, id := range list {
		if order := b.ids.Get([]byte(id)); order != nil {
			keys = append(keys, bytes.Clone(order))
		}
	}
	slices.SortFunc(keys, bytes.Compare)
	keys = slices.CompactFunc(keys, bytes.Equal) // an id named twice
	if keep {
		cache.mu.Lock()
		if cache.version != version {
			cache.version, cache.byName = version, map[string][][]byte{}
		}
		cache.byName[name] = keys
		cache.mu.Unlock()
	}
	return keys, nil
}

// linkedKeys returns the order keys of the events linked by rels, sorted.
func linkedKeys(b buckets, rels []model.Rel) ([][]byte, error) {
	name := "links " + strings.Join(slices.Sorted(slices.Values(stringsOf(rels))), ",")
	return keptKeys(b, name, func() ([]string, error) {
		ids, err := linkedIDs(b, rels)
		return slices.Collect(maps.Keys(ids)), err
	})
}

// idsSeed seeds the hash that names a list of ids in the cache.
var idsSeed = maphash.MakeSeed()

// idKeys returns the order keys of the stored events among ids, sorted
// (the filter to the ↯ set names hundreds of thousands).
func idKeys(b buckets, ids []string) [][]byte {
	var h maphash.Hash
	h.SetSeed(idsSeed)
	for _, id := range ids {
		h.WriteString(id)
		h.WriteByte(0)
	}
	keys, _ := keptKeys(b, fmt.Sprintf("ids %x", h.Sum64()), func() ([]string, error) { return ids, nil })
	return keys
}

func stringsOf(rels []model.Rel) []string {
	out := make([]string, len(rels))
	for i, r := range rels {
		out[i] = string(r)
	}
	return out
}

// keyedEvents walks a sorted list of order keys.
type keyedEvents struct {
	events   *bbolt.Bucket
	keys     [][]byte
	i        int
	backward bool
}

func (k *keyedEvents) at() []byte {
	if k.i < 0 || k.i >= len(k.keys) {
		return nil
	}
	return k.keys[k.i]
}

func (k *keyedEvents) seek(from []byte) []byte {
	switch {
	case !k.backward && from == nil:
		k.i = 0
	case !k.backward:
		k.i, _ = slices.BinarySearchFunc(k.keys, from, bytes.Compare)
	case from == nil:
		k.i = len(k.keys) - 1
	default:
		i, _ := slices.BinarySearchFunc(k.keys, from, bytes.Compare)
		k.i = i - 1
	}
	return k.at()
}

func (k *keyedEvents) next() []byte {
	if k.backward {
		k.i--
	} else {
		k.i++
	}
	return k.at()
}

func (k *keyedEvents) value() []byte {
	if key := k.at(); key != nil {
		return k.events.Get(key)
	}
	return nil
}
