package bolt

import (
	"encoding/binary"
	"fmt"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// The layout of a store file, schema version 1. One file is one
// investigation.
//
//	meta/
//	  format       "chrono": marks the file as a chrono store
//	  schema       uvarint schema version
//	  title        the investigation's title
//	  description  its description
//	events/  order key → event value (codec.go)
//	         The order key (model.OrderKey) sorts in timeline order, so a
//	         cursor pages through the timeline without loading it.
//	ids/     event id → order key
//	tags/    tag 0x00 order key → nil: each tag's events in timeline order
//	links/   target id 0x00 linking id 0x00 rel → nil: links seen from
//	         the event they point at
//	sources/ source id → source as JSON
//	counts/  kept up to date on every write, so counting never scans:
//	  n                    events
//	  t 0x00 tag           events with the tag
//	  a 0x00 actor         events with the actor
//	  s 0x00 status        events with the status ("" for not assessed)
//	  p 0x00 period        events whose earliest bound falls in a month
//	                       (period.go); open starts and undated events
//	                       have periods of their own at either end
//
// Counters are uint64 big-endian.
var (
	bucketMeta    = []byte("meta")
	bucketEvents  = []byte("events")
	bucketIDs     = []byte("ids")
	bucketTags    = []byte("tags")
	bucketLinks   = []byte("links")
	bucketSources = []byte("sources")
	bucketCounts  = []byte("counts")

	allBuckets = [][]byte{bucketMeta, bucketEvents, bucketIDs, bucketTags, bucketLinks, bucketSources, bucketCounts}

	keyFormat      = []byte("format")
	keySchema      = []byte("schema")
	keyTitle       = []byte("title")
	keyDescription = []byte("description")

	formatName = []byte("chrono")
)

// SchemaVersion is the layout this chrono writes.
const SchemaVersion = 1

// migration upgrades a store from the version before it (its index in
// migrations plus 1) to the next, inside the transaction that opens the
// store. A change of layout adds one, with a test, and bumps SchemaVersion.
type migration func(tx *bbolt.Tx) error

// migrations[i] upgrades version i+1 to i+2.
var migrations = []migration{}

func schemaOf(tx *bbolt.Tx) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyFormat)) != string(formatName) {
		return 0, model.ErrNotChrono
	}
	v, n := binary.Uvarint(meta.Get(keySchema))
	if n <= 0 {
		return 0, fmt.Errorf("%w: no schema version", model.ErrNotChrono)
	}
	return v, nil
}

// initialise creates the buckets of an empty file and marks it ours.
func initialise(tx *bbolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	meta := tx.Bucket(bucketMeta)
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
	return tx.Bucket(bucketMeta).Put(keySchema, binary.AppendUvarint(nil, target))
}

// tagKey is the tags/ key of an event with a tag.
func tagKey(tag string, order []byte) []byte {
	k := make([]byte, 0, len(tag)+1+len(order))
	k = append(k, tag...)
	k = append(k, 0)
	return append(k, order...)
}

// linkKey is the links/ key of a link from one event to another.
func linkKey(target, from string, rel model.Rel) []byte {
	k := make([]byte, 0, len(target)+len(from)+len(rel)+2)
	k = append(k, target...)
	k = append(k, 0)
	k = append(k, from...)
	k = append(k, 0)
	return append(k, rel...)
}
