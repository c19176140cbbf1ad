package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"maps"
	"slices"
	"sync"
	"time"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/internal/extsort"
	"chrono/store/outfile"
	"chrono/store/written"

	bbolt "go.etcd.io/bbolt"
)

var (
	_ model.StoreChecker = (*Store)(nil)
	_ model.StoreChecker = (*Shared)(nil)
)

// Check reads the whole store and reports where it disagrees with
// itself: pages bbolt finds wrong (its own check, tx.Check), values that
// cannot be read, every index entry and kept count that the events do
// not account for, or that is missing, and the first journal entry where
// the hash chain breaks. Writes keep all of these in
// step, so any disagreement is damage.
//
// The store is first read through, every key and value, under the guard
// that turns a fault into an error: bbolt runs its own check in a
// goroutine of its own, where a page pointing outside the memory map
// would end the program, so it runs only on a store read through whole.
func (s *Store) Check() (r model.CheckReport, err error) {
	// bbolt reads past a damaged newest meta page without a word, and
	// what it reads then is whole: only the page says a change is lost.
	// Said first, it leaves the rest of the check to run as on any store.
	defer func() {
		if s.guard.lost != "" {
			r.Mismatches = append([]model.Mismatch{{Where: "meta", What: s.guard.lost}}, r.Mismatches...)
		}
	}()
	r = model.CheckReport{Location: s.path}
	var problems []model.Mismatch
	add := func(where, event, format string, args ...any) {
		problems = append(problems, model.Mismatch{Where: where, Event: event, What: fmt.Sprintf(format, args...)})
	}
	// altered says a finding that an alteration outside chrono explains,
	// as the chain's break does.
	altered := func(where, event, format string, args ...any) {
		add(where, event, format, args...)
		problems[len(problems)-1].Altered = true
	}
	err = s.view(func(b buckets) error {
		for _, bk := range allBuckets {
			if *bk.in(&b) == nil {
				add(string(bk.name), "", "the bucket is missing")
			}
		}
		if len(problems) > 0 {
			return nil
		}
		touchAll(b.tx)
		for _, bk := range allBuckets {
			if why := s.pagesInBounds(b.tx, uint64((*bk.in(&b)).Root())); why != "" {
				add(string(bk.name), "", "%s", why)
			}
		}
		return nil
	})
	if err != nil {
		// A fault or panic reading the pages: nothing more can be read
		// safely.
		add("pages", "", "%s", damageOf(err))
		r.Mismatches = problems
		return r, nil
	}
	if len(problems) > 0 {
		r.Mismatches = problems
		return r, nil
	}
	var sortErr error
	err = s.view(func(b buckets) error {
		defer releasing(b.tx)()
		for err := range b.tx.Check() {
			add("pages", "", "%s", damageOf(err))
		}
		if r.Events, sortErr = s.checkIndexes(b, add, altered, &r.NotCovered); sortErr != nil {
			return nil
		}
		// A byte changed in a journal entry leaves every page and index
		// sound; only its hash shows it, and backup refuses such a store
		// as damaged, so the check must say so too.
		if m, broken := verifyChain(b.journal).Mismatch(); broken {
			problems = append(problems, m)
		}
		return nil
	})
	if err != nil {
		add("pages", "", "%s", damageOf(err))
	}
	r.Mismatches = problems
	if sortErr != nil {
		return r, fmt.Errorf("checking the indexes of %s: %w", s.path, sortErr)
	}
	return r, nil
}

// Check implements model.StoreChecker.
func (s *Shared) Check() (model.CheckReport, error) { return read(s, (*Store).Check) }

// pagesInBounds walks the pages of a bucket from its root, reading them
// from the file rather than the memory map, and reports the first page
// whose elements point outside it, or that points at a page past the end:
// bbolt's check would read there. An inline bucket (root 0) has no pages
// of its own; touchAll has read it.
func (s *Store) pagesInBounds(tx *bbolt.Tx, root uint64) string {
	if root == 0 || s.file == nil {
		return ""
	}
	size := uint64(s.db.Info().PageSize)
	high := uint64(tx.Size()) / size
	seen := map[uint64]bool{}
	var walk func(id uint64) string
	walk = func(id uint64) string {
		if id < 2 || id >= high {
			return fmt.Sprintf("a branch points at page %d, outside the file's %d pages", id, high)
		}
		if seen[id] {
			return fmt.Sprintf("page %d is reached twice", id)
		}
		seen[id] = true
		head := make([]byte, pageHeaderSize)
		if _, err := s.file.ReadAt(head, int64(id*size)); err != nil {
			return fmt.Sprintf("page %d cannot be read (%v)", id, err)
		}
		flags, count := binary.NativeEndian.Uint16(head[8:]), int(binary.NativeEndian.Uint16(head[10:]))
		span := (1 + uint64(binary.NativeEndian.Uint32(head[12:]))) * size
		if id+span/size > high {
			return fmt.Sprintf("page %d runs past the end of the file", id)
		}
		if flags != branchPageFlag && flags != leafPageFlag {
			return fmt.Sprintf("page %d should be a branch or leaf page, its flags are %#x", id, flags)
		}
		if uint64(pageHeaderSize+pageElementSize*count) > span {
			return fmt.Sprintf("page %d claims %d elements, more than it holds", id, count)
		}
		p := make([]byte, span)
		if _, err := s.file.ReadAt(p, int64(id*size)); err != nil {
			return fmt.Sprintf("page %d cannot be read (%v)", id, err)
		}
		for i := range count {
			var inside bool
			if flags == branchPageFlag {
				_, inside = branchKey(p, i)
			} else {
				_, _, _, inside = leafEntry(p, i)
			}
			if !inside {
				return fmt.Sprintf("page %d: element %d points outside the page", id, i)
			}
			if flags == branchPageFlag {
				if why := walk(binary.NativeEndian.Uint64(p[pageHeaderSize+i*pageElementSize+8:])); why != "" {
					return why
				}
			}
		}
		return ""
	}
	return walk(root)
}

// touchedRelease is how many bytes of keys and values touchAll reads
// between letting go of the pages.
const touchedRelease = 32 << 20

// releasePeriod is how often a check that reads every page lets go of
// those it has read: the pages of a file just written come in at more
// than a gigabyte a second.
const releasePeriod = 25 * time.Millisecond

// releasing lets go of the pages of tx's mapping every releasePeriod
// until the function it returns is called: a check reads every page of
// the file, and would otherwise hold all of it in its resident memory
// (1.2 GB at a million events). The pages are the file's, read again
// from the page cache when the check comes back to one, so letting go
// of them while the check reads is safe.
func releasing(tx *bbolt.Tx) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(releasePeriod)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				release(tx)
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// touchAll reads every byte of every key and value of the store, so that
// a page pointing outside the memory map faults here, under the guard.
// It lets go of the pages it has read as it goes (release).
func touchAll(tx *bbolt.Tx) {
	var sum uint32
	read := 0
	var walk func(b *bbolt.Bucket)
	walk = func(b *bbolt.Bucket) {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			sum = crc32.Update(crc32.Update(sum, crc32.IEEETable, k), crc32.IEEETable, v)
			if read += len(k) + len(v); read > touchedRelease {
				release(tx)
				read = 0
			}
			if v == nil {
				if child := b.Bucket(k); child != nil {
					walk(child)
				}
			}
		}
	}
	_ = tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
		sum = crc32.Update(sum, crc32.IEEETable, name)
		walk(b)
		return nil
	})
}

// checkSortMemory bounds what the check holds of the index entries the
// events and the journal make before it spills them, sorted, to a run
// file: kept in maps, a million events' entries took 1.4 GB of heap.
var checkSortMemory = 16 << 20

// The sections of the check's sorted entries, in the order they are
// walked and so reported: the ids, the tags, then the links.
const (
	wantIDs byte = iota
	wantTags
	wantLinks
)

// report says one finding, as Check's add.
type report func(where, event, format string, args ...any)

// checkIndexes rebuilds every index and kept count from the events, and
// the history from the journal, and reports where the stored ones differ;
// it returns how many events could be read. The entries the events and
// the journal make are sorted on disk, in a directory beside the store,
// and walked beside each stored index in key order, so that the memory
// it takes does not grow with the store's indexes. What stays in memory:
// the counts (one per tag, actor, status, source and month, a few MB at a
// million events) and what model.Order reads of the linked events
// (placing). The error is for entries that could not be sorted.
//
// altered says what an alteration of the journal explains: an entry
// deleted outside chrono leaves the history index naming it; and an
// event whose bytes are not what the journal says was written
// (package written), whose count of events it could not compare with the
// journal goes in notCovered.
func (s *Store) checkIndexes(b buckets, add, altered report, notCovered *int) (events int, err error) {
	// A store opened to be read is read as it is from readsAsIs on
	// (Open): its layout is whole, only not yet marked as this one.
	schema, err := schemaOf(b.tx)
	if err != nil || schema != SchemaVersion && !(s.readOnly && schema >= readsAsIs && schema < SchemaVersion) {
		add("meta", "", "the schema is %d (%v), want %d", schema, err, SchemaVersion)
	}
	dir := checkTempDir(s.path)
	if dir != "" {
		defer outfile.RemoveTemp(dir)
	}
	// No more than the file holds: a small store's check need not take
	// the whole buffer.
	memory := int(min(int64(checkSortMemory), max(b.tx.Size(), 4<<10)))
	want := extsort.New(dir, memory)
	defer want.Remove()
	wantCounts := map[string]int{}
	wc := written.New(dir, memory)
	defer wc.Remove()
	placed := newPlacing()
	var key []byte
	err = b.events.ForEach(func(order, v []byte) error {
		e, err := stored.Decode(v)
		if err != nil {
			// Named by its key: what a damaged value gives for an id
			// may be nothing, or the bytes after it.
			id := model.OrderKeyID(order)
			if id == "" {
				id = e.ID
			}
			add("events", id, "%v", err)
			return nil
		}
		events++
		if cur, err := stored.Current(v); err == nil {
			if err := wc.Stored(e.ID, model.OnTimeline, cur); err != nil {
				return err
			}
		}
		placed.add(&e, order)
		// The id and then the order key, so that an event stored twice
		// is two entries (the merge keeps one of a key), with the order
		// key as the value to tell them apart again. Ids hold no 0x00
		// (model.CheckID), so these sort as the ids index does.
		key = append(append(append(key[:0], e.ID...), keySep), order...)
		if err := want.Add(wantIDs, key, order, extsort.RankNew); err != nil {
			return err
		}
		if err := indexEntries(&e, order, func(bk bucket, key []byte) error {
			if bk.letter == bucketTags.letter {
				return want.Add(wantTags, key, nil, extsort.RankNew)
			}
			return want.Add(wantLinks, key, nil, extsort.RankNew)
		}); err != nil {
			return err
		}
		return counters(&e, order, func(c counter) error {
			wantCounts[string(c.key())]++
			return nil
		})
	})
	if err != nil {
		return events, err
	}
	// What the indexes hold wrong is said after what the events bucket
	// does (an event stored twice, or placed elsewhere), as when the
	// events were read first and the indexes after.
	var later []model.Mismatch
	err = joinEventIndexes(b, want, add, func(where, event, format string, args ...any) {
		later = append(later, model.Mismatch{Where: where, Event: event, What: fmt.Sprintf(format, args...)})
	})
	want.Remove()
	if err != nil {
		return events, err
	}
	placed.check(b, schema, func(id string) {
		add("events", id, "stored under another key than the chronology's order gives it (its date, title or linked group changed without it)")
	})
	for _, m := range later {
		add(m.Where, m.Event, "%s", m.What)
	}
	_ = b.counts.ForEach(func(k, v []byte) error {
		got := int(beUint64(v))
		if len(v) != 8 {
			add("counts", "", "the count %q is %d bytes, not 8", k, len(v))
		}
		if want := wantCounts[string(k)]; got != want {
			add("counts", "", "the count %s is %d, the events make it %d", describeCount(k), got, want)
		}
		delete(wantCounts, string(k))
		return nil
	})
	for _, k := range slices.Sorted(maps.Keys(wantCounts)) {
		add("counts", "", "the count %s is missing, the events make it %d", describeCount([]byte(k)), wantCounts[k])
	}
	_ = b.sources.ForEach(func(k, v []byte) error {
		if _, err := decodeSource(string(k), v); err != nil {
			add("sources", "", "%v", err)
		}
		return nil
	})
	err = b.trash.ForEach(func(k, v []byte) error {
		id := string(k)
		t, err := decodeTrashed(v)
		if err != nil {
			add("trash", id, "%v", err)
		} else if err := wc.Stored(id, model.InTrash, stored.Encode(nil, &t.Event)); err != nil {
			return err
		}
		if _, ok := wantIDsOnTimeline(b, id); ok {
			add("trash", id, "the event is both on the timeline and in the trash")
		}
		return nil
	})
	if err != nil {
		return events, err
	}
	if err := checkHistory(b, extsort.New(dir, memory), wc, add, altered); err != nil {
		return events, err
	}
	if !verifyChain(b.journal).OK() {
		// Past a break, the journal's versions are not its own: the
		// events are not compared with them, and the break is said.
		*notCovered = events
		return events, nil
	}
	*notCovered, err = wc.Compare(written.Report(altered), func(id string) bool { return b.ids.Get([]byte(id)) != nil })
	return events, err
}

// checkTempDir makes the check's working directory beside the store,
// where there is room for what is as large as its indexes (the system's
// temporary directory may be memory), or returns "" for the system's
// own when it cannot: a store may be checked where it cannot be written.
func checkTempDir(storePath string) string {
	dir, err := tempDir(storePath)
	if err != nil {
		return ""
	}
	return dir
}

// joinEventIndexes walks the ids, tags and links indexes beside the
// entries the events make them (sorted in want), and reports with add
// an event stored twice, with index what the indexes hold wrong.
func joinEventIndexes(b buckets, want *extsort.Sorter, add, index report) error {
	streams, err := want.Streams()
	if err != nil {
		return err
	}
	defer extsort.CloseStreams(streams)
	joins := []indexJoin{
		&idsJoin{walk: walkIndex(b.ids), add: add, index: index},
		eventIndexJoin(b, bucketTags, index),
		eventIndexJoin(b, bucketLinks, index),
	}
	at := 0
	err = extsort.NewMerge(streams).Each(func(r *extsort.Record) error {
		for ; at < int(r.Key[0]); at++ {
			joins[at].end()
		}
		joins[at].want(r.Key[1:], r.Value)
		return nil
	})
	if err != nil {
		return err
	}
	for ; at < len(joins); at++ {
		joins[at].end()
	}
	return nil
}

// checkHistory rebuilds the history index from the journal, sorted in
// want, and walks the stored one beside it; it hands wc each event
// change, for the versions the journal says it left.
func checkHistory(b buckets, want *extsort.Sorter, wc *written.Check, add, altered report) error {
	defer want.Remove()
	var key []byte
	var sortErr error
	_ = b.journal.ForEach(func(k, v []byte) error {
		// The events one at a time: an import's entry made a slice of
		// them took a hundred bytes an event. An entry that cannot be
		// read gives none, as decodeEntry.
		e, p, err := decodeEntryHead(beUint64(k), v)
		// The linking index too, where the store keeps one, as the
		// entry was indexed when it was written (Entry.LinksChangedTo):
		// its keys sorted after the history's.
		var linked map[string]bool
		if err == nil && b.linking != nil && !e.Op.LeavesLinks() {
			linked = map[string]bool{}
		}
		if err == nil {
			err = asCorruption(p.EachEvent(func(c *model.EventChange) error {
				if linked != nil {
					c.NoteLinksChanged(linked)
				}
				key = appendHistoryKey(key[:0], c.ID, e.Seq)
				if sortErr = want.Add(0, key, nil, extsort.RankNew); sortErr != nil {
					return sortErr
				}
				sortErr = wc.Journaled(e.Seq, c)
				return sortErr
			}))
		}
		for id := range linked {
			if err != nil || sortErr != nil {
				break
			}
			key = appendHistoryKey(key[:0], id, e.Seq)
			sortErr = want.Add(1, key, nil, extsort.RankNew)
		}
		if sortErr != nil {
			return sortErr
		}
		if err != nil {
			add("journal", "", "%v", err)
		}
		return nil
	})
	if sortErr != nil {
		return sortErr
	}
	streams, err := want.Streams()
	if err != nil {
		return err
	}
	defer extsort.CloseStreams(streams)
	var last uint64 // the journal's last entry
	if k, _ := b.journal.Cursor().Last(); k != nil {
		last = beUint64(k)
	}
	j := &keyJoin{
		walk:   walkIndex(b.history),
		report: add,
		extra: func(k []byte) {
			id, _, _ := bytes.Cut(k, []byte{keySep})
			seq := historySeq(k)
			switch {
			case seq <= last && b.journal.Get(seqKey(seq)) == nil:
				// Deleted from the journal, whose chain breaks there:
				// the index kept its number.
				altered("history", string(id), "the history index names journal entry #%d, which is no longer in the journal: it was deleted outside chrono", seq)
			case seq > last:
				add("history", string(id), "the history index names journal entry #%d, past the journal's last, #%d: the newest entries were deleted outside chrono, or the index is damaged", seq, last)
			default:
				add("history", string(id), "the history index names journal entry #%d, which does not list the event", seq)
			}
		},
		lack: func(k []byte) model.Mismatch {
			id, _, _ := bytes.Cut(k, []byte{keySep})
			return model.Mismatch{Where: "history", Event: string(id), What: fmt.Sprintf("the history index lacks journal entry #%d", historySeq(k))}
		},
	}
	var linking *keyJoin
	if b.linking != nil {
		linking = &keyJoin{
			walk:   walkIndex(b.linking),
			report: add,
			extra: func(k []byte) {
				id, _, _ := bytes.Cut(k, []byte{keySep})
				add("linking", string(id), "the linking index names journal entry #%d, which changed no link to the event", historySeq(k))
			},
			lack: func(k []byte) model.Mismatch {
				id, _, _ := bytes.Cut(k, []byte{keySep})
				return model.Mismatch{Where: "linking", Event: string(id), What: fmt.Sprintf("the linking index lacks journal entry #%d, which changed a link to the event", historySeq(k))}
			},
		}
	}
	err = extsort.NewMerge(streams).Each(func(r *extsort.Record) error {
		if r.Key[0] == 1 {
			linking.want(r.Key[1:], r.Value)
		} else {
			j.want(r.Key[1:], r.Value)
		}
		return nil
	})
	if err != nil {
		return err
	}
	j.end()
	if linking != nil {
		linking.end()
	}
	return nil
}

// indexWalk reads a stored index in key order, one entry at a time, as
// a join asks for them.
type indexWalk struct {
	c    *bbolt.Cursor
	k, v []byte // the entry at hand; k is nil past the last
}

func walkIndex(bk *bbolt.Bucket) *indexWalk {
	w := &indexWalk{c: bk.Cursor()}
	w.k, w.v = w.c.First()
	return w
}

// upTo moves past the stored entries before key, calling extra with
// each, and then past key itself, whose value it returns, when the
// index has it.
func (w *indexWalk) upTo(key []byte, extra func(k, v []byte)) (v []byte, ok bool) {
	for w.k != nil && bytes.Compare(w.k, key) < 0 {
		extra(w.k, w.v)
		w.k, w.v = w.c.Next()
	}
	if w.k == nil || !bytes.Equal(w.k, key) {
		return nil, false
	}
	v = w.v
	w.k, w.v = w.c.Next()
	return v, true
}

// rest calls extra with each stored entry not yet read.
func (w *indexWalk) rest(extra func(k, v []byte)) {
	for ; w.k != nil; w.k, w.v = w.c.Next() {
		extra(w.k, w.v)
	}
}

// indexJoin compares one stored index with the entries the events make
// it, given in key order.
type indexJoin interface {
	want(k, v []byte)
	// end says what is left: the stored entries no event accounts for,
	// then those the index lacks, as they were said before the join.
	end()
}

// keyJoin is the join of an index whose keys alone say what it holds.
type keyJoin struct {
	walk   *indexWalk
	report report
	extra  func(k []byte)                // says a stored entry no event accounts for
	lack   func(k []byte) model.Mismatch // what to say of an entry the index lacks
	lacks  []model.Mismatch
}

func (j *keyJoin) want(k, _ []byte) {
	if _, ok := j.walk.upTo(k, j.extraOf); !ok {
		j.lacks = append(j.lacks, j.lack(k))
	}
}

func (j *keyJoin) extraOf(k, _ []byte) { j.extra(k) }

func (j *keyJoin) end() {
	j.walk.rest(j.extraOf)
	for _, m := range j.lacks {
		j.report(m.Where, m.Event, "%s", m.What)
	}
	j.lacks = nil
}

// eventIndexJoin is the join of the tags or links index.
func eventIndexJoin(b buckets, bk bucket, index report) *keyJoin {
	name := string(bk.name)
	return &keyJoin{
		walk:   walkIndex(*bk.in(&b)),
		report: index,
		extra: func(k []byte) {
			event, what := describeIndexKey(bk, k)
			index(name, event, "the %s index has an entry (%s) no event accounts for", name, what)
		},
		lack: func(k []byte) model.Mismatch {
			event, what := describeIndexKey(bk, k)
			return model.Mismatch{Where: name, Event: event, What: fmt.Sprintf("the %s index lacks the entry (%s)", name, what)}
		},
	}
}

// idsJoin is the join of the ids index. Its entries come as id, 0x00,
// order key, with the order key as the value; those of one id follow one
// another, in their order keys' order.
type idsJoin struct {
	walk       *indexWalk
	add, index report
	id, order  []byte // the id at hand, and its last order key
	n          int    // how many events have the id
	lacks      []string
}

func (j *idsJoin) want(k, order []byte) {
	id := k[:len(k)-len(order)-1]
	if j.n > 0 && bytes.Equal(id, j.id) {
		// Said for each but the first, as the events bucket is read.
		j.add("events", string(id), "stored twice")
		j.n++
		j.order = append(j.order[:0], order...)
		return
	}
	j.compare()
	j.id, j.order, j.n = append(j.id[:0], id...), append(j.order[:0], order...), 1
}

// compare says where the ids index differs on the id at hand: of the
// events stored under it, the ids index is to point at the last.
func (j *idsJoin) compare() {
	if j.n == 0 {
		return
	}
	j.n = 0
	got, ok := j.walk.upTo(j.id, j.lost)
	switch {
	case !ok:
		j.lacks = append(j.lacks, string(j.id))
	case !bytes.Equal(got, j.order):
		j.index("ids", string(j.id), "the ids index points at another place than where the event is")
	}
}

func (j *idsJoin) lost(k, _ []byte) {
	j.index("ids", string(k), "the ids index has the event, the events bucket has not: the event is lost from this file")
}

func (j *idsJoin) end() {
	j.compare()
	j.walk.rest(j.lost)
	for _, id := range j.lacks {
		j.index("ids", id, "the events bucket has the event, the ids index has not: it cannot be found by its id")
	}
	j.lacks = nil
}

// wantIDsOnTimeline reports whether the ids index has the event.
func wantIDsOnTimeline(b buckets, id string) ([]byte, bool) {
	v := b.ids.Get([]byte(id))
	return v, v != nil
}

// describeIndexKey says for a person what a tags or links key holds,
// and the event it is of: the tagged event, or the linking one.
func describeIndexKey(bk bucket, k []byte) (event, what string) {
	if bk.letter == bucketTags.letter {
		tag, order, _ := bytes.Cut(k, []byte{keySep})
		event = model.OrderKeyID(order)
		return event, fmt.Sprintf("tag %q of event %q", tag, event)
	}
	parts := bytes.SplitN(k, []byte{keySep}, 3)
	if len(parts) < 3 {
		return "", fmt.Sprintf("%q", k)
	}
	return string(parts[1]), fmt.Sprintf("link %q from event %q to %q", parts[2], parts[1], parts[0])
}

// historySeq is the journal entry a history key names.
func historySeq(k []byte) uint64 {
	if len(k) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(k[len(k)-8:])
}

// describeCount names a counts key for a person.
func describeCount(k []byte) string {
	if bytes.Equal(k, keyTotal) {
		return "of all events"
	}
	if len(k) < 2 {
		return fmt.Sprintf("%q", k)
	}
	name := string(k[2:])
	switch counterKind(k[0]) {
	case counterTag:
		return fmt.Sprintf("of tag %q", name)
	case counterActor:
		return fmt.Sprintf("of actor %q", name)
	case counterStatus:
		return fmt.Sprintf("of status %q", name)
	case counterCited:
		return fmt.Sprintf("of events citing source %q", name)
	case counterPeriod:
		y, m := model.PeriodMonth(periodFromCountKey(k))
		return fmt.Sprintf("of events in %04d-%02d", y, m)
	case counterOrder:
		y, m := model.PeriodMonth(periodFromCountKey(k))
		return fmt.Sprintf("of events placed by %04d-%02d", y, m)
	case counterSpan:
		p, months := spanFromCountKey(k)
		y, m := model.PeriodMonth(p)
		return fmt.Sprintf("of events from %04d-%02d spanning %d months", y, m, months)
	}
	return fmt.Sprintf("%q", k)
}
