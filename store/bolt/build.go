package bolt

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"chrono/model"
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
// and the sorted records into a new store file at path, places its linked
// groups (order.go), and syncs it.
// progress, when set, is told how many records have been written.
//
// sizeHint is about how large the new file will be: bbolt maps that much
// from the start instead of mapping the file again as it grows (each time
// copying what the open transaction has written).
//
// merged is called once the records are in the file, before its groups
// are placed: the import's sorted runs can go then, and should, as the
// system has not yet written them to disk all (a million events' runs
// are a gigabyte), and writing them competes with writing the file.
func build(path string, old *bbolt.Tx, sorted []extsort.Stream, sizeHint int64, progress func(written int64), merged func()) (err error) {
	db, err := merge(path, old, sorted, sizeHint, progress)
	if err != nil {
		return err
	}
	merged()
	settled, err := settleBuilt(db, sizeHint)
	if err != nil {
		err = fmt.Errorf("placing the linked events of the new store: %w", err)
	} else {
		err = settled.Sync()
	}
	if settled != nil {
		if cerr := settled.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// merge writes the merge of old (a read transaction on a store, or nil)
// and the sorted records into a new store file at path, and returns it
// open, not synced.
func merge(path string, old *bbolt.Tx, sorted []extsort.Stream, sizeHint int64, progress func(written int64)) (_ *bbolt.DB, err error) {
	streams := sorted
	if old != nil {
		for _, bk := range allBuckets {
			if b := old.Bucket(bk.name); b != nil {
				streams = append(streams, newCursorStream(b, bk.letter))
			}
		}
	}
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
	err = extsort.NewMerge(streams).Each(func(r *extsort.Record) error {
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

// settleInPlace is how many events settleBuilt moves in the built file
// itself, in one transaction (a variable for the tests). When more move,
// it writes the file again with them moved: a move changes pages all over
// the file, and a million events' import (69,000 moves) spent 36 s on
// them, where writing the file again takes some 10.
var settleInPlace = 1024

// settleBuilt places the linked groups of a built store, open as db, with
// their group (the records put each event under its own order key),
// before the file takes the store's place: the file is no store's yet,
// so nothing sees it half settled. It returns the settled store, open,
// which is db or a new file written over db's; on an error, db is closed.
func settleBuilt(db *bbolt.DB, sizeHint int64) (*bbolt.DB, error) {
	var moves []placement
	err := db.View(func(tx *bbolt.Tx) error {
		var err error
		moves, err = pending(tx)
		return err
	})
	if err != nil || len(moves) == 0 {
		if err != nil {
			db.Close()
			return nil, err
		}
		return db, nil
	}
	if len(moves) <= settleInPlace {
		err := db.Update(func(tx *bbolt.Tx) error {
			b := bucketsOf(tx)
			for _, m := range moves {
				e, err := b.eventAt(m.id, m.old)
				if err != nil {
					return err
				}
				if err := b.move(&e, m.old, m.want); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			db.Close()
			return nil, err
		}
		return db, nil
	}
	path := db.Path()
	again := path + ".settled"
	var settled *bbolt.DB
	err = db.View(func(tx *bbolt.Tx) error {
		sorter := extsort.New(filepath.Dir(path), sortMemory/4)
		defer sorter.Remove()
		if err := movesAsRecords(bucketsOf(tx), moves, sorter); err != nil {
			return err
		}
		streams, err := sorter.Streams()
		if err != nil {
			return err
		}
		defer extsort.CloseStreams(streams)
		settled, err = merge(again, tx, streams, sizeHint, nil)
		return err
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(again, path)
	}
	if err != nil {
		if settled != nil {
			settled.Close()
		}
		os.Remove(again)
		return nil, err
	}
	return settled, nil
}

// settleRelease is how many events or groups settleBuilt reads between
// letting go of the pages they brought in: 4,096 groups took a million
// events' import to 600 MiB resident.
const settleRelease = 256

// placement is an event whose group gives it another key than it has.
type placement struct {
	id        string
	old, want []byte
}

// pending orders every linked group of a store and returns the events
// whose key their group changes, in the order of their keys.
func pending(tx *bbolt.Tx) ([]placement, error) {
	b := bucketsOf(tx)
	var moves []placement
	done := map[string]bool{}
	for i, id := range orderSeeds(b) {
		err := b.placements(id, done, func(e *model.Event, old, want []byte) error {
			moves = append(moves, placement{e.ID, old, want})
			return nil
		})
		if err != nil {
			return nil, err
		}
		if i%settleRelease == settleRelease-1 {
			release(tx) // the groups' events are all over the file
		}
	}
	slices.SortFunc(moves, func(a, b placement) int { return bytes.Compare(a.old, b.old) })
	return moves, nil
}

// movesAsRecords adds to sorter the records that, merged over the store
// b reads, move each event of moves: its value and the index entries and
// counts that depend on its key (rekey), and its id's entry.
func movesAsRecords(b buckets, moves []placement, sorter *extsort.Sorter) error {
	counts := map[string]int{}
	for i, m := range moves {
		v := b.events.Get(m.old)
		e, err := b.eventAt(m.id, m.old)
		if err != nil {
			return err
		}
		if err := sorter.Add(bucketEvents.letter, m.old, nil, extsort.RankDelete); err != nil {
			return err
		}
		if err := sorter.Add(bucketEvents.letter, m.want, v, extsort.RankNew); err != nil {
			return err
		}
		if err := sorter.Add(bucketIDs.letter, []byte(m.id), m.want, extsort.RankNew); err != nil {
			return err
		}
		err = rekey(&e, m.old, m.want, func(bk bucket, key []byte, put bool) error {
			if put {
				return sorter.Add(bk.letter, key, nil, extsort.RankNew)
			}
			return sorter.Add(bk.letter, key, nil, extsort.RankDelete)
		}, func(key []byte, delta int) error {
			counts[string(key)] += delta
			return nil
		})
		if err != nil {
			return err
		}
		if i%settleRelease == settleRelease-1 {
			release(b.tx) // what the events brought in
		}
	}
	add := func(bk bucket, key, value []byte, rank extsort.Rank) error {
		return sorter.Add(bk.letter, key, value, rank)
	}
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		if err := addCount(add, b.counts, []byte(k), counts[k]); err != nil {
			return err
		}
	}
	return nil
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
	db, err := bbolt.Open(s.path, 0o600, &bbolt.Options{Timeout: DefaultTimeout, FreelistType: bbolt.FreelistMapType})
	old.Close()
	if err != nil {
		return openError(s.path, err)
	}
	s.db = db
	return nil
}
