package bolt

import (
	"slices"
	"sync"

	"chrono/model"
)

// countCache keeps what the kept counts said as of one committed version
// of the store (the file as opened, and a read transaction's ID in it):
// the facets and the months of the whole timeline. A server's sessions
// each read them again when a colleague tags an event, fifty reads of
// the same counts; the first reads them, the others take a copy. A
// Shared store keeps one across the openings of its file.
type countCache struct {
	mu    sync.Mutex
	ident string
	txid  int
	kept  map[any]any // by what was read (a model.FacetKind, wholeMonths): a slice
}

// wholeMonths is the key of the months of the whole timeline as the
// rows show them in a zone (shownPeriods).
type wholeMonths struct{ zone model.Zone }

// at empties the cache unless it is of the version b reads; c.mu is
// held.
func (c *countCache) at(b buckets) {
	if c.ident == b.ident && c.txid == b.tx.ID() {
		return
	}
	c.ident, c.txid, c.kept = b.ident, b.tx.ID(), map[any]any{}
}

// keptCounts returns what read reads of b under what, read again only
// when c keeps nothing of it at b's version; each caller has its own
// copy. A nil cache keeps nothing, nor does a write's transaction,
// which may yet be rolled back.
func keptCounts[T any](c *countCache, b buckets, what any, read func() []T) []T {
	if c == nil || b.tx.Writable() {
		return read()
	}
	c.mu.Lock()
	c.at(b)
	kept, ok := c.kept[what].([]T)
	c.mu.Unlock()
	if ok {
		return slices.Clone(kept)
	}
	out := read()
	c.mu.Lock()
	c.at(b)
	c.kept[what] = slices.Clone(out)
	c.mu.Unlock()
	return out
}
