package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"slices"

	"chrono/store/internal/extsort"
	"chrono/store/outfile"

	bbolt "go.etcd.io/bbolt"
)

// The bulk build writes a new store file from the old store's content
// and the import's sorted records, every bucket from its first key to
// its last, then moves it over the old file in one rename: the old store
// stays whole until the new one is complete and on disk, so an import
// killed at any point leaves the store as it was.

// bucketOfLetter returns the bucket a sorted record's letter stands for.
func bucketOfLetter(letter byte) (bucket, bool) {
	for _, bk := range allBuckets {
		if bk.letter == letter {
			return bk, true
		}
	}
	return bucket{}, false
}

// cursorStream reads one bucket of the old store as records of rank
// extsort.RankOld.
type cursorStream struct {
	c      *bbolt.Cursor
	letter byte
	cur    extsort.Record
	end    bool
	pages  *oldPages
}

// cursorStreams returns a stream of each bucket of a store (none for a
// nil transaction).
func cursorStreams(tx *bbolt.Tx) []extsort.Stream {
	if tx == nil {
		return nil
	}
	var out []extsort.Stream
	pages := &oldPages{tx: tx}
	for _, bk := range allBuckets {
		if b := tx.Bucket(bk.name); b != nil {
			out = append(out, newCursorStream(b, bk.letter, pages))
		}
	}
	return out
}

func newCursorStream(b *bbolt.Bucket, letter byte, pages *oldPages) *cursorStream {
	cs := &cursorStream{c: b.Cursor(), letter: letter, pages: pages}
	cs.set(cs.c.First())
	return cs
}

func (cs *cursorStream) set(k, v []byte) {
	if k == nil {
		cs.end = true
		return
	}
	cs.cur.Key = append(append(cs.cur.Key[:0], cs.letter), k...)
	cs.cur.Value = v
	cs.cur.Rank = extsort.RankOld
}

func (cs *cursorStream) Head() (*extsort.Record, bool) { return &cs.cur, !cs.end }
func (cs *cursorStream) Next() error                   { cs.pages.next(); cs.set(cs.c.Next()); return nil }
func (cs *cursorStream) Close()                        {}

// storePageSize is the page size of a built store: pages of 16 KiB hold
// an event of about a kilobyte with little left over at the end of each
// page, and make fewer, larger writes; bbolt reads the page size of a
// file from the file.
const storePageSize = 16 << 10

// buildReleaseEvery is how many records the build writes between letting go
// of the old store's pages it has read, and telling progress.
const buildReleaseEvery = 4 << 10

// build writes the merge of old (a read transaction on the store at
// oldPath, or nil) and the sorted records into a new store file at path,
// and syncs it. large, when set, is a value written from its reader in
// place of the empty one its record holds.
// The records place the linked groups already (settle).
// progress, when set, is told how many records have been written.
//
// merged is called once the records are in the file, before it is
// synced: the import's sorted runs can go then, and should, as the
// system may not have written them to disk yet (a million events' runs
// are a gigabyte), and writing them competes with syncing the file.
func build(path string, old *bbolt.Tx, oldPath string, sorted []extsort.Stream, large *largeValue, progress func(written int64), merged func()) error {
	pw, err := newPageWriter(path, storePageSize)
	if err != nil {
		return err
	}
	streams := slices.Concat(sorted, cursorStreams(old))
	if old == nil {
		streams = append(streams, initialRecords())
	}
	var (
		open    bucket // the bucket being written
		opened  bool
		ended   = map[byte]bool{}
		written int64
	)
	end := func() error {
		if !opened {
			return nil
		}
		ended[open.letter] = true
		if err := pw.endBucket(open.name); err != nil {
			return fmt.Errorf("building the store: bucket %s: %w", open.name, err)
		}
		return nil
	}
	err = extsort.NewMerge(streams).EachAhead(guardOld(old, oldPath, path), func(r *extsort.Record) error {
		if !opened || r.Key[0] != open.letter {
			if err := end(); err != nil {
				return err
			}
			bk, ok := bucketOfLetter(r.Key[0])
			switch {
			case !ok:
				return fmt.Errorf("building the store: unknown bucket letter %q", r.Key[0])
			case ended[bk.letter]:
				return fmt.Errorf("building the store: records of bucket %s out of order", bk.name)
			}
			open, opened = bk, true
		}
		var err error
		switch {
		case large != nil && bytes.Equal(r.Key, large.key):
			err = pw.putFrom(r.Key[1:], large.size, large.r)
		case old != nil && r.Rank == extsort.RankOld && len(r.Value) > releaseValueEvery:
			err = pw.putFrom(r.Key[1:], int64(len(r.Value)), &oldValue{tx: old, value: r.Value})
		default:
			err = pw.put(r.Key[1:], r.Value)
		}
		if err != nil {
			return fmt.Errorf("building the store: bucket %s: key %s: %w", open.name, shortKey(r.Key[1:]), err)
		}
		if written++; written%buildReleaseEvery == 0 {
			if old != nil {
				release(old) // the pages of the old store merged so far
			}
			if progress != nil {
				progress(written)
			}
		}
		return nil
	})
	if err == nil {
		err = end()
	}
	for _, bk := range allBuckets {
		if err == nil && !ended[bk.letter] {
			err = pw.endBucket(bk.name) // empty
		}
	}
	if err != nil {
		pw.f.Close() // the file goes with the import's directory
		return err
	}
	if progress != nil {
		progress(written)
	}
	return pw.close(merged)
}

// initialRecords is what initialise puts in a new store file, as records
// of the weakest rank: the import's own win.
func initialRecords() extsort.Stream {
	letter := bucketMeta.letter
	return &extsort.List{Records: []extsort.Record{
		{Key: append([]byte{letter}, keyFormat...), Value: formatName, Rank: extsort.RankOld},
		{Key: append([]byte{letter}, keySchema...), Value: binary.AppendUvarint(nil, SchemaVersion), Rank: extsort.RankOld},
	}}
}

// guardOld guards a merge that reads the old store (when there is one,
// at oldPath): what a damaged file makes it raise is said of that file,
// or else of path.
func guardOld(old *bbolt.Tx, oldPath, path string) func(func() error) error {
	if old != nil {
		path = oldPath
	}
	return func(merge func() error) error { return guardPath(path, merge) }
}

// swap moves the newly built file over the store's (the file its path
// stands for, so that a link to the store stays a link) and reopens the
// store on it. The rename is atomic: another process sees the old store or
// the new one, never a mix. The new file keeps the old one's mode and,
// where the process may, its owner and group. It is opened, and locked,
// before it takes the store's name: a reader that opens it as soon as it
// has (readers were let in during the build) would otherwise hold the
// import up, or make it fail once the new store is in place.
func (s *Store) swap(built string) error {
	var file *os.File
	db, err := bbolt.Open(built, 0o600, &bbolt.Options{
		Timeout:      DefaultTimeout,
		FreelistType: bbolt.FreelistMapType,
		OpenFile:     openKeeping(&file),
	})
	if err != nil {
		return fmt.Errorf("opening the new store built for %s: %w", s.path, err)
	}
	target, err := outfile.Resolve(s.path)
	if err == nil {
		err = outfile.Replace(built, target)
	}
	if err != nil {
		db.Close()
		return fmt.Errorf("putting the new store in place of %s: %w", s.path, err)
	}
	s.db.Close()
	s.shared = false
	// The new file is told from the old by what is kept of it: its
	// identity, and the pages read from it (the two files' versions
	// count alike).
	s.db, s.file = db, file
	s.ident = identOf(file)
	s.pages.drop()
	return nil
}
