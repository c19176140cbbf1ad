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
	mu      sync.Mutex
	ident   string
	txid    int
	facets  map[model.FacetKind][]model.Facet
	periods []model.Period // nil: not kept
}

// at empties the cache unless it is of the version b reads; c.mu is
// held.
func (c *countCache) at(b buckets) {
	if c.ident == b.ident && c.txid == b.tx.ID() {
		return
	}
	c.ident, c.txid, c.facets, c.periods = b.ident, b.tx.ID(), nil, nil
}

// facetsOf returns the facets of kind as b reads them, counting them
// with count unless they are kept. A nil cache keeps nothing.
func (c *countCache) facetsOf(b buckets, kind model.FacetKind, count func() []model.Facet) []model.Facet {
	if c == nil || b.tx.Writable() { // a write's own counts may yet be rolled back
		return count()
	}
	c.mu.Lock()
	c.at(b)
	kept, ok := c.facets[kind]
	c.mu.Unlock()
	if ok {
		return slices.Clone(kept)
	}
	out := count()
	c.mu.Lock()
	c.at(b)
	if c.facets == nil {
		c.facets = map[model.FacetKind][]model.Facet{}
	}
	c.facets[kind] = slices.Clone(out)
	c.mu.Unlock()
	return out
}

// periodsOf is facetsOf for the months of the whole timeline.
func (c *countCache) periodsOf(b buckets, read func() []model.Period) []model.Period {
	if c == nil || b.tx.Writable() {
		return read()
	}
	c.mu.Lock()
	c.at(b)
	kept := c.periods
	c.mu.Unlock()
	if kept != nil {
		return slices.Clone(kept)
	}
	out := read()
	c.mu.Lock()
	c.at(b)
	c.periods = slices.Clip(slices.Clone(out))
	if c.periods == nil {
		c.periods = []model.Period{}
	}
	c.mu.Unlock()
	return out
}
