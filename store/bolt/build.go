package bolt

import (
	"fmt"
	"os"
	"slices"
	"time"

	"chrono/store/bolt/internal/extsort"
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
}

// cursorStreams returns a stream of each bucket of a store (none for a
// nil transaction).
func cursorStreams(tx *bbolt.Tx) []extsort.Stream {
	if tx == nil {
		return nil
	}
	var out []extsort.Stream
	for _, bk := range allBuckets {
		if b := tx.Bucket(bk.name); b != nil {
			out = append(out, newCursorStream(b, bk.letter))
		}
	}
	return out
}

func newCursorStream(b *bbolt.Bucket, letter byte) *cursorStream {
	cs := &cursorStream{c: b.Cursor(), letter: letter}
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
func (cs *cursorStream) Next() error                   { cs.set(cs.c.Next()); return nil }
func (cs *cursorStream) Close()                        {}

// txBudget and txRecords bound what one transaction of the build
// writes: bbolt holds a transaction's writes in memory until it commits,
// and appended keys all gather in one node (about 100 bytes each besides
// the key) until then. Each key put is looked for in that node: with
// 4,096 records rather than 65,536 a transaction, copying a million
// events' store took some 10 s rather than 14.
const (
	txBudget  = 16 << 20
	txRecords = 4 << 10
)

// build writes the merge of old (a read transaction on the store, or nil)
// and the sorted records into a new store file at path, and syncs it.
// The records place the linked groups already (settle).
// progress, when set, is told how many records have been written.
//
// sizeHint is about how large the new file will be: bbolt maps that much
// from the start instead of mapping the file again as it grows (each time
// copying what the open transaction has written).
//
// merged is called once the records are in the file, before it is
// synced: the import's sorted runs can go then, and should, as the
// system may not have written them to disk yet (a million events' runs
// are a gigabyte), and writing them competes with syncing the file.
func build(path string, old *bbolt.Tx, sorted []extsort.Stream, sizeHint int64, progress func(written int64), merged func()) error {
	db, err := merge(path, old, sorted, sizeHint, progress)
	if err != nil {
		return err
	}
	merged()
	err = db.Sync()
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// merge writes the merge of old (a read transaction on a store, or nil)
// and the sorted records into a new store file at path, and returns it
// open, not synced.
func merge(path string, old *bbolt.Tx, sorted []extsort.Stream, sizeHint int64, progress func(written int64)) (_ *bbolt.DB, err error) {
	streams := slices.Concat(sorted, cursorStreams(old))
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{
		Timeout: time.Second,
		NoSync:  true, // synced once, at the end
		// Pages of 16 KiB hold an event of about a kilobyte with little
		// left over at the end of each page, and make fewer, larger
		// writes; bbolt reads the page size of a file from the file.
		PageSize:        16 << 10,
		FreelistType:    bbolt.FreelistMapType,
		InitialMmapSize: int(min(max(sizeHint+sizeHint/4, 1<<24), 1<<40)),
	})
	if err != nil {
		return nil, fmt.Errorf("creating the new store %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			db.Close()
		}
	}()
	if err := db.Update(initialise); err != nil {
		return nil, err
	}

	var (
		tx      *bbolt.Tx
		bucket  *bbolt.Bucket
		letter  byte
		arena   = make([]byte, 0, txBudget+1<<20) // values must outlive their Put until the commit
		written int64
		inTx    int // records in the open transaction
	)
	commit := func() error {
		if tx == nil {
			return nil
		}
		err := tx.Commit()
		if err == nil {
			// the pages the commit read about what it wrote
			err = db.View(func(tx *bbolt.Tx) error { release(tx); return nil })
		}
		if old != nil {
			release(old) // and those of the old store it has merged
		}
		tx, bucket, arena, inTx = nil, nil, arena[:0], 0
		if progress != nil {
			progress(written)
		}
		return err
	}
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	err = extsort.NewMerge(streams).EachAhead(guardOld(old, path), func(r *extsort.Record) error {
		if tx != nil && (len(arena)+len(r.Value) > txBudget || inTx == txRecords) {
			if err := commit(); err != nil {
				return err
			}
		}
		if tx == nil {
			var err error
			if tx, err = db.Begin(true); err != nil {
				return err
			}
		}
		if bucket == nil || r.Key[0] != letter {
			letter = r.Key[0]
			bk, ok := bucketOfLetter(letter)
			if !ok {
				return fmt.Errorf("building the store: unknown bucket letter %q", letter)
			}
			bucket = tx.Bucket(bk.name)
			// Keys arrive in order: fill each page.
			bucket.FillPercent = 1
		}
		start := len(arena)
		arena = append(arena, r.Value...)
		written++
		inTx++
		return bucket.Put(r.Key[1:], arena[start:len(arena):len(arena)])
	})
	if err == nil {
		err = commit()
	}
	if err != nil {
		return nil, err
	}
	return db, nil
}

// guardOld guards a merge that reads the old store (when there is one):
// what a damaged file makes it raise is said of that file, or else of
// path.
func guardOld(old *bbolt.Tx, path string) func(func() error) error {
	if old != nil {
		path = old.DB().Path()
	}
	return func(merge func() error) error { return guardPath(path, merge) }
}

// swap moves the newly built file over the store's (the file its path
// stands for, so that a link to the store stays a link) and reopens the
// store on it. The rename is atomic: another process sees the old store or
// the new one, never a mix. The new file keeps the old one's mode and,
// where the process may, its owner and group.
func (s *Store) swap(built string) error {
	target, err := outfile.Resolve(s.path)
	if err == nil {
		err = outfile.Replace(built, target)
	}
	if err != nil {
		return fmt.Errorf("putting the new store in place of %s: %w", s.path, err)
	}
	old := s.db
	var file *os.File
	db, err := bbolt.Open(s.path, 0o600, &bbolt.Options{
		Timeout:      DefaultTimeout,
		FreelistType: bbolt.FreelistMapType,
		OpenFile:     openKeeping(&file),
	})
	old.Close()
	if err != nil {
		return openError(s.path, err)
	}
	// The new file is told from the old by what is kept of it: its
	// identity, and the pages read from it (the two files' versions
	// count alike).
	s.db, s.file = db, file
	s.ident = identOf(file)
	s.pages.drop()
	return nil
}
