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
var heads = headCache{byHash: map[[hashSize]byte]model.Entry{}}

// headsKept bounds the cache: enough for an event's history and the
// journal screen's page, a few hundred kilobytes at most.
const headsKept = 256

type headCache struct {
	mu     sync.Mutex
	byHash map[[hashSize]byte]model.Entry
}

// head returns the head of the entry stored under seq as v, and its
// parts, as decodeEntryHead does.
func (c *headCache) head(seq uint64, v []byte) (model.Entry, journalform.Parts, error) {
	if !chained(v) {
		return decodeEntryHead(seq, v)
	}
	key := [hashSize]byte(entryHash(v))
	c.mu.Lock()
	e, ok := c.byHash[key]
	c.mu.Unlock()
	if ok && e.Seq == seq {
		p, err := entryParts(seq, v)
		return e, p, err
	}
	e, p, err := decodeEntryHead(seq, v)
	if err == nil {
		c.mu.Lock()
		if len(c.byHash) >= headsKept {
			clear(c.byHash)
		}
		c.byHash[key] = e
		c.mu.Unlock()
	}
	return e, p, err
}
