package bolt

import (
	"hash/maphash"
	"sync"

	"chrono/model"
	"chrono/model/journalform"
)

// heads keeps the entries' heads the journal's reads decoded last. An
// import's head lists every source it added, which is tens of
// kilobytes to decode each time the browser shows the history of one of
// the events it added (every new event selected). An entry's hash covers
// its sequence number and content, so the hash names a decoded head in
// any store. But it is the hash the entry claims: an entry altered in the
// file may keep it, and must read as it now is, so a kept head also holds
// a checksum of the bytes it was decoded from (seeded per process, so
// that no file can be made to match it). The heads it hands out are
// shared: their readers must not change what their slices hold.
var heads = headCache{byHash: map[[hashSize]byte]keptHead{}, seed: maphash.MakeSeed()}

// headsKept bounds the cache: enough for an event's history and the
// journal screen's page, a few hundred kilobytes at most.
const headsKept = 256

type headCache struct {
	mu     sync.Mutex
	byHash map[[hashSize]byte]keptHead
	seed   maphash.Seed
}

// keptHead is an entry's head, how many events it touched, and the
// checksum of the bytes it was decoded from (headCache.sum).
type keptHead struct {
	e   model.Entry
	n   int
	sum uint64
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
		if err == nil && k.sum == c.sum(v, p) {
			return k.e, p, nil
		}
	}
	e, p, err := decodeEntryHead(seq, v)
	if err == nil {
		c.mu.Lock()
		if len(c.byHash) >= headsKept {
			clear(c.byHash)
		}
		c.byHash[key] = keptHead{e, p.N(), c.sum(v, p)}
		c.mu.Unlock()
	}
	return e, p, err
}

// sum is the checksum of what an entry's head is decoded from: its
// stored value but for the events an entry in FormRecords holds apart,
// which are read anew each time (an import's are megabytes).
func (c *headCache) sum(v []byte, p journalform.Parts) uint64 {
	return maphash.Bytes(c.seed, v[:len(v)-p.EventBytes()])
}
