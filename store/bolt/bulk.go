package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/internal/extsort"
	"chrono/store/outfile"
	"chrono/store/written"

	"github.com/go-json-experiment/json"
	bbolt "go.etcd.io/bbolt"
)

// sortMemory is how much of the import the sorter holds before it spills
// a sorted run to disk. It holds two such buffers (one fills while the
// other is written), and they are most of the heap the import keeps: at
// 48 MiB each they left the collector so little room under the import's
// memory limit that it ran all but without pause, and handed pages back
// to the system only to fault them in again.
var sortMemory = 32 << 20

// bulkImport is an import too large for one transaction: a model.Sink
// that checks each value against the store (read in one long read
// transaction), and turns it into sorted records; Commit builds a new
// store file from the old content and the records, and swaps it in.
type bulkImport struct {
	importSink
	s      *Store
	tx     *bbolt.Tx // read transaction on the store as it was
	dir    string    // the import's working directory
	sort   *extsort.Sorter
	counts *tally // changes to the kept counts
	dryRun bool
	// progress, when set, is told how many records the build has written
	// out of how many it will write at most.
	progress func(written, total int64)
	records  int64
	enc      []byte
	looked   int // events looked for in the store
	// pipe adds the events read, when the store held none, until drain.
	pipe     *addPipe
	noEvents bool // the store had none: no event need be looked for
}

// releaseLooked is how many events an import looks for in the store
// between letting go of the pages the lookups brought in.
const releaseLooked = 512

func (s *Store) beginBulk(dryRun bool) (bi *bulkImport, err error) {
	if s.readOnly {
		return nil, model.ErrReadOnly
	}
	if !dryRun {
		if err := s.writable(); err != nil {
			return nil, err
		}
		if err := s.shareForBuild("import"); err != nil {
			return nil, err
		}
		defer func() {
			if err != nil {
				s.takeBack() // no import to end: the lock comes back here
			}
		}()
	}
	tx, err := s.db.Begin(false)
	if err != nil {
		return nil, err
	}
	b := bucketsOf(tx)
	// Each record's stored event is looked up by pread, not through the
	// mapping: on a re-import the lookups land all over the file, and a
	// fault here costs tens of µs where a pread costs a few (pread.go).
	b.trees = s.trees(tx)
	if b.trees != nil {
		b.trees.recent = &leafRing{} // EventFields runs on one goroutine
	}
	bi = &bulkImport{importSink: importSink{b: b, noTrash: empty(b.trash)}, s: s, tx: tx, counts: newTally(), dryRun: dryRun, noEvents: empty(b.ids)}
	bi.journal.seq = lastSeq(bi.b.journal) + 1
	if !dryRun {
		if bi.dir, err = tempDir(s.path); err != nil {
			tx.Rollback()
			return nil, err
		}
		bi.sort = extsort.New(bi.dir, sortMemory)
		if bi.noEvents {
			// Placing the linked groups then reads them from the runs
			// rather than through the merge (settle).
			bi.sort.Note(bucketEvents.letter)
		}
	}
	return bi, nil
}

func (bi *bulkImport) add(bk bucket, key, value []byte, rank extsort.Rank) error {
	if bi.sort == nil {
		return nil // a dry run
	}
	bi.records++
	return bi.sort.Add(bk.letter, key, value, rank)
}

// Source implements model.Sink.
func (bi *bulkImport) Source(s model.Source, _ int) error {
	if err := bi.drain(); err != nil {
		return err
	}
	bi.result.Sources++
	old := bi.b.sources.Get([]byte(s.ID))
	if err := bi.mergeSource(old, &s); err != nil {
		return err
	}
	v, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if !bi.dryRun {
		if err := bi.journal.source(old, &s, v); err != nil {
			return err
		}
	}
	return bi.add(bucketSources, []byte(s.ID), v, extsort.RankNew)
}

// SharesText implements model.TextSharer: an import into a store that
// holds no events keeps none of an event's strings but the names its
// counts are tallied by, which the tally clones.
func (bi *bulkImport) SharesText() bool { return bi.noEvents && bi.noTrash && bi.sort != nil }

// EventFields implements model.FieldSink: as txImport.EventFields, a
// stored event with the same id is updated with the fields in present.
func (bi *bulkImport) EventFields(e model.Event, n int, present model.FieldSet) error {
	bi.result.Events++
	if bi.noEvents && bi.noTrash && bi.sort != nil {
		// Every event is new: added on a goroutine of their own.
		bi.result.New++
		if bi.pipe == nil {
			bi.pipe = startPipe(func(e *model.Event) error { return bi.addNew(e, model.OrderKey(e)) })
		}
		if !bi.pipe.send(&e) {
			return bi.drain()
		}
		return nil
	}
	if !bi.noEvents || !bi.noTrash {
		if bi.looked++; bi.looked%releaseLooked == 0 {
			// What the lookups map (the trash, a page pread could not
			// read) would otherwise stay mapped in: on a re-import, up
			// to the whole file (1.1 GB at a million events).
			release(bi.tx)
		}
	}
	if bi.trashed(e.ID, n) {
		return nil
	}
	order := model.OrderKey(&e)
	var oldOrder []byte
	if !bi.noEvents {
		oldOrder = bi.b.value(bi.b.ids, []byte(e.ID))
	}
	if oldOrder != nil {
		oldValue := bi.b.value(bi.b.events, oldOrder)
		old, err := stored.Decode(oldValue)
		if err != nil {
			return err
		}
		u, err := bi.mergeStored(old, e, n, present)
		if err != nil || !u.Keep {
			return err
		}
		e = u.Event
		order = model.OrderKey(&e) // the date may be the stored one
		bi.enc = stored.Encode(bi.enc[:0], &e)
		was, err := stored.Current(oldValue)
		if err != nil {
			return fmt.Errorf("event %q: %w", e.ID, err)
		}
		if bytes.Equal(was, bi.enc) {
			bi.result.Unchanged++
			if u.Remember {
				return bi.journalUpdated(u.Change(&old), bi.enc)
			}
			return nil
		}
		u.CountUpdate(&bi.result, &old, bi.dryRun)
		if err := bi.remove(&old, oldOrder); err != nil {
			return err
		}
		if err := bi.journalUpdated(u.Change(&old), bi.enc); err != nil {
			return err
		}
	} else {
		bi.result.New++
		return bi.addNew(&e, order)
	}
	if err := bi.add(bucketEvents, order, bi.enc, extsort.RankNew); err != nil {
		return err
	}
	return bi.addRecords(&e, order)
}

// addNew adds the records of an event the store does not hold.
func (bi *bulkImport) addNew(e *model.Event, order []byte) error {
	var fp [model.WrittenSize]byte // the fingerprint of its stored value
	if bi.sort != nil {
		// Encoded where the sorter keeps it: encoding it apart and
		// copying it in copied most of the import's bytes once more.
		bi.records++
		b := bi.sort.Value(bucketEvents.letter, order)
		at := len(b)
		b = stored.Encode(b, e)
		fp = written.Of(b[at:]) // taken before the sorter may write b out
		if err := bi.sort.AddValue(b, extsort.RankNew); err != nil {
			return err
		}
	} else if err := bi.add(bucketEvents, order, stored.Encode(bi.enc[:0], e), extsort.RankNew); err != nil {
		return err // a dry run, which keeps no journal
	}
	if err := bi.journalAdded(e.ID, fp); err != nil {
		return err
	}
	return bi.addRecords(e, order)
}

// addRecords adds the records that find an event stored under order:
// its id's, its index entries and its counts.
func (bi *bulkImport) addRecords(e *model.Event, order []byte) error {
	if err := bi.add(bucketIDs, []byte(e.ID), order, extsort.RankNew); err != nil {
		return err
	}
	if err := indexEntries(e, order, func(bk bucket, key []byte) error { return bi.add(bk, key, nil, extsort.RankNew) }); err != nil {
		return err
	}
	return counters(e, order, func(c counter) error { bi.counts.add(c, 1); return nil })
}

// drain waits for the events read to be added, and returns the first
// error in adding them. The sorter, the journal's entry and the counts
// are the adding goroutine's until then.
func (bi *bulkImport) drain() error {
	if bi.pipe == nil {
		return nil
	}
	err := bi.pipe.stop()
	bi.pipe = nil
	return err
}

// journalAdded records an event the import adds, whose stored value has
// the fingerprint fp: its id and fp in the entry, and its history key.
func (bi *bulkImport) journalAdded(id string, fp [model.WrittenSize]byte) error {
	if bi.dryRun {
		return nil
	}
	if err := bi.journal.log.AddedWritten(id, fp); err != nil {
		return err
	}
	return bi.add(bucketHistory, historyKey(id, bi.journal.seq), historyAdded, extsort.RankNew)
}

// journalUpdated records c, an event the import replaces (or leaves
// as it was, keeping what the file said), stored as v.
func (bi *bulkImport) journalUpdated(c model.EventChange, v []byte) error {
	if bi.dryRun {
		return nil
	}
	c.Written = written.Hex(v)
	if err := bi.journal.log.Change(&c); err != nil {
		return err
	}
	v, err := historyValue(&c)
	if err != nil {
		return err
	}
	return bi.add(bucketHistory, historyKey(c.ID, bi.journal.seq), v, extsort.RankNew)
}

// remove takes out a stored event that the import replaces: its value,
// its index entries and its counts.
func (bi *bulkImport) remove(old *model.Event, order []byte) error {
	if err := bi.add(bucketEvents, bytes.Clone(order), nil, extsort.RankDelete); err != nil {
		return err
	}
	if err := indexEntries(old, order, func(bk bucket, key []byte) error { return bi.add(bk, key, nil, extsort.RankDelete) }); err != nil {
		return err
	}
	return counters(old, order, func(c counter) error { bi.counts.add(c, -1); return nil })
}

// Commit records the import in the journal, as phrase says, builds the
// new store and puts it in place.
func (bi *bulkImport) Commit(phrase string) (model.ImportResult, error) {
	defer bi.cleanUp()
	if err := bi.drain(); err != nil {
		return bi.result, err
	}
	if err := bi.finish(phrase); err != nil {
		return bi.result, err
	}
	err := bi.s.buildSwap(bi.tx, bi.dir, bi.sort, bi.records, bi.progress, nil)
	bi.tx = nil // rolled back
	if err != nil {
		return bi.result, err
	}
	return bi.result, nil
}

// buildSwap builds the store from the one tx reads and the records
// sorted, in dir, and puts it in place of the old; tx is rolled back. progress, when set, is told how many
// records the build has written out of how many it will write at most.
// large, when set, is a value written from its reader in place of its
// record's.
func (s *Store) buildSwap(tx *bbolt.Tx, dir string, sort *extsort.Sorter, records int64, report func(written, total int64), large *largeValue) error {
	defer tx.Rollback() // on the way out in error; rolling back twice is harmless
	streams, err := sort.Streams()
	if err != nil {
		return err
	}
	noted, err := sort.Noted()
	if err != nil {
		extsort.CloseStreams(streams)
		return err
	}
	placing, err := settle(streams, tx, s.path, dir, noted)
	if noted != nil {
		noted.Close()
	}
	if err != nil {
		return fmt.Errorf("placing the linked events: %w", err)
	}
	var placed []extsort.Stream
	// The sorted records go once the new store holds them (build), or
	// when the commit ends; closing and removing twice is harmless.
	letGo := func() {
		extsort.CloseStreams(streams)
		extsort.CloseStreams(placed)
		sort.Remove()
		placing.Remove()
	}
	defer letGo()
	if streams, err = sort.LastStreams(); err != nil {
		return err
	}
	if placed, err = placing.LastStreams(); err != nil {
		return err
	}
	built := filepath.Join(dir, "store")
	var progress func(int64)
	if report != nil {
		total := records + int64(tx.Size()/64) // a rough count of the old keys
		progress = func(written int64) { report(written, max(total, written)) }
	}
	if err := build(built, tx, s.path, slices.Concat(streams, placed), large, progress, letGo); err != nil {
		return err
	}
	tx.Rollback()
	if err := s.swap(built); err != nil {
		return err
	}
	s.guard.dirty = true // the new file was built without the closed key
	return nil
}

// addCount adds the record that sets the count under key to n, of rank
// put, or that takes it out, of rank del, when none is left.
func addCount(add func(bk bucket, key, value []byte, rank extsort.Rank) error, key []byte, n int, put, del extsort.Rank) error {
	if n > 0 {
		return add(bucketCounts, key, binary.BigEndian.AppendUint64(nil, uint64(n)), put)
	}
	return add(bucketCounts, key, nil, del)
}

// finish adds the records of the counts, the header and the journal
// entry, which are known only once every event has been read.
func (bi *bulkImport) finish(phrase string) error {
	err := bi.counts.each(func(c counter, delta int) error {
		if delta == 0 {
			return nil
		}
		key := c.key()
		return addCount(bi.add, key, countOf(bi.b.counts, key)+delta, extsort.RankNew, extsort.RankDelete)
	})
	if err != nil {
		return err
	}
	if err := bi.fillHeader(func(key, value []byte) error { return bi.add(bucketMeta, key, value, extsort.RankNew) }); err != nil {
		return err
	}
	// Until Close, the new store is being written to (guard.go).
	if err := bi.add(bucketMeta, keyClosed, nil, extsort.RankDelete); err != nil {
		return err
	}
	if !bi.journal.changed() {
		return nil
	}
	v, err := bi.journal.entry(bi.s, phrase, bi.b.journal)
	if err != nil {
		return err
	}
	return bi.add(bucketJournal, seqKey(bi.journal.seq), v, extsort.RankNew)
}

// Rollback abandons the import and returns what it would have done.
func (bi *bulkImport) Rollback() model.ImportResult {
	bi.cleanUp()
	return bi.result
}

func (bi *bulkImport) cleanUp() {
	_ = bi.drain() // the import ends: what went wrong has been said
	if bi.tx != nil {
		bi.tx.Rollback()
		bi.tx = nil
	}
	// Ended without its new file in place: the store is written to
	// again (after the swap, this does nothing).
	bi.s.takeBack()
	if bi.sort != nil {
		bi.sort.Remove()
	}
	if bi.dir != "" {
		outfile.RemoveTemp(bi.dir)
	}
}

// Result returns what the import has done so far.
func (bi *bulkImport) Result() model.ImportResult { return bi.result }

// tempDir makes the directory a large import works in, beside the file
// the store's path stands for (links followed), so that it is on the same
// disk and the finished store can be moved over that file.
func tempDir(storePath string) (string, error) {
	target, err := outfile.Resolve(storePath)
	if err != nil {
		return "", err
	}
	dir, err := outfile.TempDir(target, outfile.Import)
	if err != nil {
		return "", fmt.Errorf("the import: %w", err)
	}
	return dir, nil
}

// removeStaleImports removes what imports of this store killed before
// they finished left beside it: directories named for this store alone
// (by exact prefix, never a pattern made of its name), of processes no
// longer running. Those named as chrono named them before it kept the
// process id are removed too: this runs under the store's write lock,
// so no import of this store is under way.
func removeStaleImports(storePath string) {
	target, err := outfile.Resolve(storePath)
	if err != nil {
		return
	}
	outfile.RemoveStale(target, outfile.Import)
	dir := filepath.Dir(target)
	entries, _ := os.ReadDir(dir)
	legacy := "." + filepath.Base(target) + ".import-"
	for _, e := range entries {
		if rest, ok := strings.CutPrefix(e.Name(), legacy); ok && e.IsDir() && allDigits(rest) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
