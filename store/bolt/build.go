package bolt

import (
	"fmt"
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

// bucketOfLetter returns the name of the bucket a sorted record's letter
// stands for, or nil.
func bucketOfLetter(letter byte) []byte {
	for _, bk := range allBuckets {
		if bk.letter == letter {
			return bk.name
		}
	}
	return nil
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
// the key) until then.
const (
	txBudget  = 16 << 20
	txRecords = 64 << 10
)

// build writes the merge of old (a read transaction on the store, or nil)
// and the sorted records into a new store file at path, places its linked
// groups (order.go), and syncs it.
// progress, when set, is told how many records have been written.
//
// sizeHint is about how large the new file will be: bbolt maps that much
// from the start instead of mapping the file again as it grows (each time
// copying what the open transaction has written).
func build(path string, old *bbolt.Tx, sorted []extsort.Stream, sizeHint int64, progress func(written int64)) (err error) {
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
		return fmt.Errorf("creating the new store %s: %w", path, err)
	}
	defer func() {
		if cerr := db.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if err := db.Update(initialise); err != nil {
		return err
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
			name := bucketOfLetter(letter)
			if name == nil {
				return fmt.Errorf("building the store: unknown bucket letter %q", letter)
			}
			bucket = tx.Bucket(name)
			// Keys arrive in order: fill each page but for room for
			// what settling the linked groups moves in among them (a
			// full page splits in two half-empty ones on the first).
			bucket.FillPercent = buildFill
		}
		start := len(arena)
		arena = append(arena, r.Value...)
		written++
		inTx++
		return bucket.Put(r.Key[1:], arena[start:len(arena):len(arena)])
	})
	if err != nil {
		return err
	}
	if err := commit(); err != nil {
		return err
	}
	if err := settleBuilt(db); err != nil {
		return fmt.Errorf("placing the linked events of the new store: %w", err)
	}
	return db.Sync()
}

// buildFill is how full a built store's pages are: a tenth is left for
// the events settling moves. Filled whole, and settled in one
// transaction, a million events' file was 2.2 times its JSON, of
// half-empty pages and free ones; 100,000 events' 284 MB, now 174 MB.
const buildFill = 0.9

// settleChunk is how many seeds of linked groups one transaction of
// settleBuilt places (a variable for the tests): the pages 256 brought
// in took a million events' import to 408 MiB resident, 64 to 282.
var settleChunk = 64

// settleBuilt places the linked groups of a built store with their
// group (the records put each event under its own order key), before the
// file takes the store's place. It does so in many transactions, so that
// each reuses the pages the ones before let go: in one, every page it
// changed was in the file twice at the end, and a million events left
// a gigabyte of free pages in it. The file is no store's yet, so nothing
// sees it half settled.
func settleBuilt(db *bbolt.DB) error {
	var seeds []string
	if err := db.View(func(tx *bbolt.Tx) error {
		seeds = orderSeeds(bucketsOf(tx))
		return nil
	}); err != nil {
		return err
	}
	done := map[string]bool{}
	for len(seeds) > 0 {
		chunk := seeds[:min(len(seeds), settleChunk)]
		seeds = seeds[len(chunk):]
		if err := db.Update(func(tx *bbolt.Tx) error {
			b := bucketsOf(tx)
			for _, bk := range []*bbolt.Bucket{b.events, b.ids, b.tags} {
				bk.FillPercent = buildFill
			}
			if err := b.placeOnce(chunk, done); err != nil {
				return err
			}
			// The groups' events are all over the file: let the pages
			// they brought in go, or the import's resident memory
			// grows by the whole file (1.7 GB at a million events). The
			// mapping holds only what the file holds, so this is safe
			// in a write too.
			release(tx)
			return nil
		}); err != nil {
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
