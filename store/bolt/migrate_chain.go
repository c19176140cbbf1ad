package bolt

import (
	"bytes"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// unchainedFormat is the format of a journal entry before the journal
// was a hash chain: [1] [compressed] [the rest], the rest as now.
const unchainedFormat = 1

// chainJournal (3 to 4) makes the journal a hash chain (chain.go): each
// entry, in the order of its number, gains its link to the one before it
// and the hash of its content, its other bytes unchanged. It reads and
// rewrites each entry once; the keys are read first, since a bucket is
// not to be written while a cursor walks it.
func chainJournal(tx *bbolt.Tx) error {
	journal := tx.Bucket(bucketJournal.name)
	var keys [][]byte
	c := journal.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	prev := make([]byte, hashSize)
	for _, k := range keys {
		seq := beUint64(k)
		rest, err := unchained(seq, journal.Get(k))
		if err != nil {
			return err
		}
		v, err := chainedValue(seq, model.FormRecords, prev, rest)
		if err != nil {
			return err
		}
		if err := journal.Put(k, v); err != nil {
			return err
		}
		prev = entryHash(v)
	}
	return nil
}

// unchained is a stored entry without its format byte and its link: an
// entry of before the chain, or one already chained (a store whose schema
// was set back), which is linked again.
func unchained(seq uint64, v []byte) ([]byte, error) {
	switch {
	case len(v) >= 2 && v[0] == unchainedFormat:
		return v[1:], nil
	case len(v) > chainFields && v[0] == byte(model.FormRecords):
		return v[chainFields:], nil
	}
	return nil, stored.Unreadablef("journal entry #%d: unknown format", seq)
}
