package bolt

import (
	"sync"

	"chrono/model"
	"chrono/model/journalform"
)

// heads keeps the entries' heads the journal's reads decoded last. An
// import's head lists every source it added, which is tens of
// kilobytes to decode each time the browser shows the history of one of
// the events it added (every new event selected). A stored entry never
// changes, and its hash covers its sequence number and content, so the
// hash names a decoded head in any store. The heads it hands out are
// shared: their readers must not change what their slices hold.
var heads = headCache{byHash: map[[hashSize]byte]keptHead{}}

// headsKept bounds the cache: enough for an event's history and the
// journal screen's page, a few hundred kilobytes at most.
const headsKept = 256

type headCache struct {
	mu     sync.Mutex
	byHash map[[hashSize]byte]keptHead
}

// keptHead is an entry's head and how many events it touched.
type keptHead struct {
	e model.Entry
	n int
}

// head returns the head of the entry stored under seq as v, and its
// parts, as decodeEntryHead does. A head kept saves decoding it again,
// and for an entry in FormJSON (restored from PostgreSQL: one JSON value)
// decoding the whole entry when its events are not asked for.
func (c *headCache) head(seq uint64, v []byte) (model.Entry, journalform.Parts, error) {
	if !chained(v) {
		return decodeEntryHead(seq, v)
	}
	key := [hashSize]byte(entryHash(v))
	c.mu.Lock()
	k, ok := c.byHash[key]
	c.mu.Unlock()
	if ok && k.e.Seq == seq {
		p, err := journalform.SplitKnown(seq, model.ChainForm(v[0]), v[chainFields:], k.n)
		return k.e, p, asCorruption(err)
	}
	e, p, err := decodeEntryHead(seq, v)
	if err == nil {
		c.mu.Lock()
		if len(c.byHash) >= headsKept {
			clear(c.byHash)
		}
		c.byHash[key] = keptHead{e, p.N()}
		c.mu.Unlock()
	}
	return e, p, err
}
