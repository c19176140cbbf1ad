package bolt

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// schema3Key is the order key of schema 3: earliest instant, latest
// instant, id; undated events last.
func schema3Key(e *model.Event) []byte {
	var k []byte
	if e.Date.IsZero() {
		k = bytes.Repeat([]byte{0xFF}, 24)
	} else {
		for _, i := range []model.Instant{e.Date.Earliest(), e.Date.Latest()} {
			sec, nsec := i.Unix()
			k = binary.BigEndian.AppendUint64(k, uint64(sec)^(1<<63))
			k = binary.BigEndian.AppendUint32(k, uint32(nsec))
		}
	}
	return append(k, e.ID...)
}

// testMigrationPlacesInOrder: a store of schema 5 (events under their
// earliest instant and id, no counts by order period) opens at schema 6
// with every event where the chronology's order places it, and the
// indexes and counts a store of schema 6 would have.
func testMigrationPlacesInOrder(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	want := dumpOf(t, s)
	s.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	err = db.Update(func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		var events []model.Event
		var keys [][]byte
		if err := b.events.ForEach(func(k, v []byte) error {
			e, err := stored.Decode(v)
			events = append(events, e)
			keys = append(keys, bytes.Clone(k))
			return err
		}); err != nil {
			return err
		}
		for i := range events {
			e := &events[i]
			old := schema3Key(e)
			if !bytes.Equal(old, keys[i]) {
				moved++
			}
			v := bytes.Clone(b.events.Get(keys[i]))
			if err := b.events.Delete(keys[i]); err != nil {
				return err
			}
			if err := b.events.Put(old, v); err != nil {
				return err
			}
			if err := b.ids.Put([]byte(e.ID), old); err != nil {
				return err
			}
			for _, tag := range e.Tags {
				if err := b.tags.Delete(tagKey(tag, keys[i])); err != nil {
					return err
				}
				if err := b.tags.Put(tagKey(tag, old), nil); err != nil {
					return err
				}
			}
		}
		if err := deleteCounters(tx, counterOrder); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta.name).Put(keySchema, binary.AppendUvarint(nil, 5))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if moved == 0 {
		t.Fatal("the example's events are where schema 5 put them: the test shows nothing")
	}
	s = openAt(t, path, Options{})
	checkInvariants(t, s)
	got := dumpOf(t, s)
	for name := range mergeKeys(want, got) {
		if !reflect.DeepEqual(got[name], want[name]) {
			t.Errorf("bucket %s after the upgrade:\n%q\nwant\n%q", name, got[name], want[name])
		}
	}
}

func init() { migrationTests[5] = testMigrationPlacesInOrder }
