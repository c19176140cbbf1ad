package bolt

import (
	"encoding/binary"
	"fmt"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// The layout of a store file, schema version 6. One file is one
// investigation.
//
//	meta/
//	  format       "chrono": marks the file as a chrono store
//	  schema       uvarint schema version
//	  title        the investigation's title
//	  description  its description
//	  closed       present while no writer is at work (guard.go): set
//	               on Close, cleared by the first write of a session
//	events/  order key → event value (package stored)
//	         The order key (model.OrderKey) sorts in the chronology's
//	         order (model.Order): by the span the event is placed by, its
//	         date narrowed by its linked group's constraints (order.go),
//	         so a cursor pages through the timeline without loading it.
//	ids/     event id → order key
//	tags/    tag 0x00 order key → nil: each tag's events in timeline order
//	links/   target id 0x00 linking id 0x00 rel → nil: links seen from
//	         the event they point at
//	sources/ source id → source as JSON
//	trash/   event id → the deleted event, when and by whom (journal.go):
//	         out of events/ and every index and count, and restorable
//	journal/ seq (uint64 big-endian, from 1) → entry (journal.go): every
//	         change, in the order it was committed, with what it replaced;
//	         a hash chain (chain.go), never deleted from
//	history/ event id 0x00 seq → nil: the entries that touched each
//	         event, so that an event's history never scans the journal;
//	         'a' for an event an import added, 'k' and the change as
//	         JSON for an import's change that kept what the file said
//	         (journal.go, historyValue)
//	linking/ event id 0x00 seq → nil: the entries that changed the links
//	         other events make to each event (model.Entry.LinksChangedTo),
//	         which its history lists too (journal.go); absent from a store
//	         of schema 9 read as it is, whose histories read the journal
//	         back
//	snapshots/ source id 0x00 n ... → kept copies of sources' content,
//	         deflated, in pieces (snapshot.go)
//	counts/  kept up to date on every write, so counting never scans:
//	  n                    events
//	  t 0x00 tag           events with the tag
//	  a 0x00 actor         events with the actor
//	  s 0x00 status        events with the status ("" for not assessed)
//	  p 0x00 period        events whose stated earliest bound falls in a
//	                       month (period.go); open starts and undated
//	                       events have periods of their own at either end
//	  o 0x00 period        events whose order key leads with an instant of
//	                       a month: the latest bound of the span they are
//	                       placed by, so that a position is counted, not
//	                       scanned (order.go)
//	  c 0x00 source id     events whose quotes or date_source cite the
//	                       source (each event once)
//	  r 0x00 period months those of a period's events that may fall in
//	                       more than one month: months (uint32) is how
//	                       many, so that density spreads them (period.go)
//
// Counters are uint64 big-endian. The buckets, the keys of meta/ and the
// bytes that build the other keys are named below, and nowhere else: the
// order key is model's, and event values are package stored's.

// bucket is one top-level bucket of a store file.
type bucket struct {
	name   []byte // its name in the file
	letter byte   // what stands for it in the bulk build's sorted records (build.go); links' sorts first (settle.go)
	// in is where a transaction's buckets (bucketsOf) keep it open.
	in func(*buckets) **bbolt.Bucket
}

var (
	bucketMeta    = bucket{[]byte("meta"), 'm', func(b *buckets) **bbolt.Bucket { return &b.meta }}       // the file's format and schema, the investigation's header
	bucketEvents  = bucket{[]byte("events"), 'e', func(b *buckets) **bbolt.Bucket { return &b.events }}   // order key → event value
	bucketIDs     = bucket{[]byte("ids"), 'i', func(b *buckets) **bbolt.Bucket { return &b.ids }}         // event id → order key
	bucketTags    = bucket{[]byte("tags"), 't', func(b *buckets) **bbolt.Bucket { return &b.tags }}       // tag 0x00 order key → nil
	bucketLinks   = bucket{[]byte("links"), 'a', func(b *buckets) **bbolt.Bucket { return &b.links }}     // target 0x00 linking id 0x00 rel → nil
	bucketSources = bucket{[]byte("sources"), 's', func(b *buckets) **bbolt.Bucket { return &b.sources }} // source id → source as JSON
	bucketCounts  = bucket{[]byte("counts"), 'c', func(b *buckets) **bbolt.Bucket { return &b.counts }}   // counter key → uint64
	bucketTrash   = bucket{[]byte("trash"), 'x', func(b *buckets) **bbolt.Bucket { return &b.trash }}     // event id → trashed value
	bucketJournal = bucket{[]byte("journal"), 'j', func(b *buckets) **bbolt.Bucket { return &b.journal }} // seq → entry value
	bucketHistory = bucket{[]byte("history"), 'h', func(b *buckets) **bbolt.Bucket { return &b.history }} // id 0x00 seq → nil, 'a' or 'k' change

	bucketSnapshots = bucket{[]byte("snapshots"), 'p', func(b *buckets) **bbolt.Bucket { return &b.snapshots }} // source 0x00 n part … → snapshot (snapshot.go)
	bucketLinking   = bucket{[]byte("linking"), 'l', func(b *buckets) **bbolt.Bucket { return &b.linking }}     // id 0x00 seq → nil
)

// allBuckets is every bucket of a store file: a new file is made with
// them (initialise), a transaction opens them (bucketsOf), and the bulk
// build copies them (build). A bucket added to the layout is added here.
var allBuckets = []bucket{bucketMeta, bucketEvents, bucketIDs, bucketTags, bucketLinks, bucketSources, bucketCounts, bucketTrash, bucketJournal, bucketHistory, bucketSnapshots, bucketLinking}

// The keys of meta/, and the value of its format key.
var (
	keyFormat      = []byte("format")
	keySchema      = []byte("schema")
	keyTitle       = []byte("title")
	keyDescription = []byte("description")
	keyClosed      = []byte("closed")

	formatName = []byte("chrono")
)

// keySep ends each part of a composite key but the last (tags/, links/,
// counts/), so that a seek to one tag's or id's keys never runs into a
// longer one's.
const keySep = 0x00

// counterKind is the first byte of a counts/ key: what it counts.
type counterKind byte

const (
	counterTotal  counterKind = 'n' // every event; the whole key is this byte
	counterTag    counterKind = 't' // the events with a tag
	counterActor  counterKind = 'a' // the events with an actor
	counterStatus counterKind = 's' // the events with a status
	counterPeriod counterKind = 'p' // the events starting in a period (period.go)
	counterCited  counterKind = 'c' // the events citing a source
	counterSpan   counterKind = 'r' // the events starting in a period and spanning more months (period.go)
	counterOrder  counterKind = 'o' // the events whose order key leads with an instant of a period (period.go)
)

// prefix is what every counts/ key of the kind but the total starts
// with: the kind and keySep.
func (k counterKind) prefix() []byte { return []byte{byte(k), keySep} }

// keyTotal is the counts/ key of the number of events.
var keyTotal = []byte{byte(counterTotal)}

// counterKey is the counts/ key of a kind of named count and a name.
func counterKey(kind counterKind, name string) []byte {
	return append(kind.prefix(), name...)
}

// SchemaVersion is the layout this chrono writes.
const SchemaVersion = 14

// migration upgrades a store from the version before it (its index in
// migrations plus 1) to the next, inside the transaction that opens the
// store. A change of layout adds one, with a test, and bumps SchemaVersion.
type migration func(tx *bbolt.Tx) error

// migrations[i] upgrades version i+1 to i+2.
var migrations = []migration{addJournal, countSpans, chainJournal, addSnapshots, placeInOrder, allowJournalForms, boundTitles, allowMedia, indexLinking, allowWritten, placeSetAside, allowDateTextParts, placeFewestAside}

// addJournal (1 to 2) adds the trash, the journal and the history of each
// event, all empty, and counts the events citing each source, reading
// every event once.
func addJournal(tx *bbolt.Tx) error {
	for _, bk := range []bucket{bucketTrash, bucketJournal, bucketHistory, bucketSnapshots, bucketLinking} {
		if _, err := tx.CreateBucketIfNotExists(bk.name); err != nil {
			return err
		}
	}
	counts := tx.Bucket(bucketCounts.name)
	cited := map[string]int{}
	err := tx.Bucket(bucketEvents.name).ForEach(func(order, v []byte) error {
		e, err := stored.Decode(v)
		if err != nil {
			return fmt.Errorf("event at %q: %w", order, err)
		}
		for _, src := range model.AppendCited(nil, &e) {
			cited[src]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	for src, n := range cited {
		if err := counts.Put(counterKey(counterCited, src), binary.BigEndian.AppendUint64(nil, uint64(n))); err != nil {
			return err
		}
	}
	return nil
}

// countSpans (2 to 3) counts the events that may fall in more than one
// month by the month they start in and the months they span, reading
// the order keys only.
func countSpans(tx *bbolt.Tx) error {
	counts := tx.Bucket(bucketCounts.name)
	spans := map[[2]int64]int{}
	c := tx.Bucket(bucketEvents.name).Cursor()
	for order, _ := c.First(); order != nil; order, _ = c.Next() {
		if p, months := model.PeriodSpanOfKey(order); months > 1 {
			spans[[2]int64{p, int64(months)}]++
		}
	}
	for s, n := range spans {
		if err := counts.Put(spanCountKey(s[0], int(s[1])), binary.BigEndian.AppendUint64(nil, uint64(n))); err != nil {
			return err
		}
	}
	return nil
}

func schemaOf(tx *bbolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta.name)
	if meta == nil || string(meta.Get(keyFormat)) != string(formatName) {
		return 0, model.ErrNotChrono
	}
	v, n := binary.Uvarint(meta.Get(keySchema))
	if n <= 0 {
		return 0, fmt.Errorf("%w: no schema version", model.ErrNotChrono)
	}
	return v, nil
}

// initialise creates the buckets of an empty file and marks it ours. A
// file the bulk build writes gets the same (build.go, initialRecords).
func initialise(tx *bbolt.Tx) error {
	for _, bk := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(bk.name); err != nil {
			return err
		}
	}
	meta := tx.Bucket(bucketMeta.name)
	if err := meta.Put(keyFormat, formatName); err != nil {
		return err
	}
	return meta.Put(keySchema, binary.AppendUvarint(nil, SchemaVersion))
}

// migrate brings a store at version v up to SchemaVersion.
func migrate(tx *bbolt.Tx, v uint64) error { return runMigrations(tx, v, migrations) }

// runMigrations runs steps[v-1:] in order, inside tx, and records the
// version they lead to: len(steps)+1. The caller's transaction makes the
// whole upgrade one step: should any migration fail, the store keeps its
// old layout and version.
func runMigrations(tx *bbolt.Tx, v uint64, steps []migration) error {
	target := uint64(len(steps)) + 1
	if v < 1 || v > target {
		return fmt.Errorf("no upgrade from schema %d to %d", v, target)
	}
	for ; v < target; v++ {
		if err := steps[v-1](tx); err != nil {
			return fmt.Errorf("upgrading the store from schema %d: %w; the store is unchanged", v, err)
		}
	}
	return tx.Bucket(bucketMeta.name).Put(keySchema, binary.AppendUvarint(nil, target))
}

// tagKey is the tags/ key of an event with a tag.
func tagKey(tag string, order []byte) []byte {
	k := make([]byte, 0, len(tag)+1+len(order))
	k = append(k, tag...)
	k = append(k, keySep)
	return append(k, order...)
}

// historyKey is the history/ key of an entry that touched an event.
func historyKey(id string, seq uint64) []byte {
	return appendHistoryKey(make([]byte, 0, len(id)+9), id, seq)
}

// appendHistoryKey appends historyKey(id, seq) to dst.
func appendHistoryKey(dst []byte, id string, seq uint64) []byte {
	dst = append(dst, id...)
	dst = append(dst, keySep)
	return binary.BigEndian.AppendUint64(dst, seq)
}

// seqKey is the journal/ key of an entry.
func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// linkKey is the links/ key of a link from one event to another.
func linkKey(target, from string, rel model.Rel) []byte {
	k := make([]byte, 0, len(target)+len(from)+len(rel)+2)
	k = append(k, target...)
	k = append(k, keySep)
	k = append(k, from...)
	k = append(k, keySep)
	return append(k, rel...)
}
