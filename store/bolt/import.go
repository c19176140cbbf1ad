package bolt

import (
	"bytes"
	"errors"
	"fmt"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/written"

	"github.com/go-json-experiment/json"
	bbolt "go.etcd.io/bbolt"
)

// txImport is an import in progress: a model.Sink writing into one write
// transaction, so that it is all or nothing. Send it a file's values (with
// a model.Checker in front, which can ask it which ids the store already
// holds), then Commit, or Rollback to leave the store as it was.
type txImport struct {
	importSink
	s     *Store
	tx    *bbolt.Tx
	list  bool      // a dry run: list what each update changes
	later laterPuts // the new events' ids and history, put as it commits
}

// HasEvent implements model.Known, the events this import adds
// included.
func (im *txImport) HasEvent(id string) bool {
	_, ok := im.later.held[id]
	return ok || im.importSink.HasEvent(id)
}

// StoredEvent implements model.StoredEventReader, the events this
// import adds included.
func (im *txImport) StoredEvent(id string) (model.Event, error) {
	if e, ok, err := im.later.event(id); ok {
		return e, err
	}
	return im.importSink.StoredEvent(id)
}

// beginImport starts an import. It holds the store's write transaction
// until Commit or Rollback.
func (s *Store) beginImport(dryRun bool) (*txImport, error) {
	if s.readOnly {
		return nil, model.ErrReadOnly
	}
	if !dryRun {
		if err := s.writable(); err != nil {
			return nil, err
		}
	}
	tx, err := s.db.Begin(true)
	if err != nil {
		return nil, err
	}
	if err := s.clearClosed(tx); err != nil {
		tx.Rollback()
		return nil, err
	}
	b := bucketsOf(tx)
	im := &txImport{importSink: importSink{b: b, journal: importJournal{seq: lastSeq(b.journal) + 1}, noTrash: empty(b.trash)}, s: s, tx: tx}
	return im, nil
}

// importSink is what both imports do alike: they answer the checker
// from the store's buckets, and gather the header the files bring into
// the journal entry.
type importSink struct {
	b       buckets
	header  model.Header
	journal importJournal
	editSide
	byURL  *model.URLIndex // the stored sources, once asked
	result model.ImportResult
	// noTrash is set when the trash was empty as the import began: an
	// import puts nothing there, so no event need be looked for in it
	// (a million lookups in an empty bucket took 0.4 s of the import's
	// one serial goroutine).
	noTrash bool
}

// HasEvent implements model.Known: links may point at events already in
// the store.
func (is *importSink) HasEvent(id string) bool { return is.b.ids.Get([]byte(id)) != nil }

// StoredEvent implements model.StoredEventReader: a TimelineJS reader
// tells by it whether a stored event is one of its slides.
func (is *importSink) StoredEvent(id string) (model.Event, error) {
	order := is.b.ids.Get([]byte(id))
	if order == nil {
		return model.Event{}, model.ErrNotFound
	}
	e, err := stored.Decode(is.b.events.Get(order))
	if err != nil {
		return e, fmt.Errorf("event %q: %w", id, err)
	}
	e.ID = id
	return e, nil
}

// ImportedEvent implements model.ImportedEventReader: the version the
// last import left (editedBase), when a change since has touched it.
func (is *importSink) ImportedEvent(id string) (model.Event, bool, error) {
	base, err := is.editedBase(id)
	if err != nil || base == nil {
		return model.Event{}, false, err
	}
	e := *base
	e.ID = id
	return e, true, nil
}

// StoredIDs implements model.StoredIDLister, from the ids index and the
// trash: one walk over the ids that begin with prefix in each.
func (is *importSink) StoredIDs(prefix, suffix string) ([]string, error) {
	var out []string
	for _, b := range []*bbolt.Bucket{is.b.ids, is.b.trash} {
		c := b.Cursor()
		for k, _ := c.Seek([]byte(prefix)); k != nil && bytes.HasPrefix(k, []byte(prefix)); k, _ = c.Next() {
			if bytes.HasSuffix(k, []byte(suffix)) {
				out = append(out, string(k))
			}
		}
	}
	return out, nil
}

// trashed reports whether id, record n of its file, is in the trash,
// and then leaves it out (model.EditMerge.Trashed).
func (is *importSink) trashed(id string, n int) bool {
	if !is.inTrash(id) {
		return false
	}
	is.merge.Trashed(id, n, is.at(), &is.result)
	return true
}

// at is where in its file the record being merged is, when the reader
// says.
func (is *importSink) at() model.Place {
	if is.place == nil {
		return model.Place{}
	}
	return is.place()
}

// HasSource implements model.Known.
func (is *importSink) HasSource(id string) bool { return is.b.sources.Get([]byte(id)) != nil }

// StoredSourceID implements model.SourcesByURL, from the sources stored
// when it is first asked: those the import brings the Checker knows. Of
// two stored sources with one URL, the first by id is named.
func (is *importSink) StoredSourceID(url string) (string, bool) {
	return is.sourcesByURL().ID(url)
}

// StoredSourceURL implements model.SourcesByURL, as StoredSourceID.
func (is *importSink) StoredSourceURL(id string) (string, bool) {
	return is.sourcesByURL().URL(id)
}

// sourcesByURL is the stored sources, read when first asked.
func (is *importSink) sourcesByURL() *model.URLIndex {
	if is.byURL == nil {
		is.byURL = &model.URLIndex{}
		c := is.b.sources.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			// An unreadable source is not this lookup's to report: the
			// import's own reads and chrono check --store say it.
			if src, err := decodeSource(string(k), v); err == nil {
				is.byURL.Add(string(k), src.URL)
			}
		}
	}
	return is.byURL
}

// InTrash implements model.TrashKnown.
func (is *importSink) InTrash(id string) bool { return is.inTrash(id) }

// inTrash reports whether the trash holds an event with the id.
func (is *importSink) inTrash(id string) bool {
	return !is.noTrash && is.b.trash.Get([]byte(id)) != nil
}

// trashKnown is an import's model.Known that also knows the events in the
// trash, for ImportBackup; the rest is the import's own.
type trashKnown struct{ knownWithTrash }

// knownWithTrash is what trashKnown takes of an importer.
type knownWithTrash interface {
	model.Known
	model.SourcesByURL
	inTrash(id string) bool
}

// HasEvent implements model.Known.
func (k trashKnown) HasEvent(id string) bool {
	return k.knownWithTrash.HasEvent(id) || k.inTrash(id)
}

// Header implements model.Sink. The store keeps its own title and
// description once it has them; an import fills them in when empty, from
// the first of its files that has them.
func (is *importSink) Header(h model.Header) error {
	is.result.CountHeader(is.b.header().FilledFrom(is.header), h)
	is.header = is.header.FilledFrom(h)
	return nil
}

// Source implements model.Sink; a source with the id of a stored one
// is merged into it (model.EditMerge.Source): filled in, not overwritten.
func (im *txImport) Source(s model.Source, _ int) error {
	im.result.Sources++
	old := bytes.Clone(im.b.sources.Get([]byte(s.ID)))
	if err := im.mergeSource(old, &s); err != nil {
		return err
	}
	v, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if err := im.journal.source(old, &s, v); err != nil {
		return err
	}
	return im.b.sources.Put([]byte(s.ID), v)
}

// EventFields implements model.FieldSink. An event with the id of a
// stored one updates it: the fields in present are taken from e, but for
// those changed in chrono since the last import that e leaves as they
// were (model.EditMerge); the others are kept, and so are the
// investigator's tags and notes.
func (im *txImport) EventFields(e model.Event, n int, present model.FieldSet) error {
	im.result.Events++
	if im.trashed(e.ID, n) {
		return nil
	}
	if !im.HasEvent(e.ID) {
		im.result.New++
		v, err := im.later.putNew(im.b, &e)
		if err != nil {
			return err
		}
		if err := im.journal.log.AddedWritten(e.ID, written.Of(v)); err != nil {
			return err
		}
		im.later.add(im.b.history, historyKey(e.ID, im.journal.seq), historyAdded)
		return nil
	}
	old, oldOrder, err := im.b.event(e.ID)
	if err != nil {
		return err
	}
	u, err := im.mergeStored(old, e, n, present)
	if err != nil || !u.Keep {
		return err
	}
	e = u.Event
	was, err := stored.Current(im.b.events.Get(oldOrder))
	if err != nil {
		return fmt.Errorf("event %q: %w", e.ID, err)
	}
	v := stored.Encode(nil, &e)
	unchanged := bytes.Equal(was, v)
	if unchanged {
		im.result.Unchanged++
		if !u.Remember {
			return nil
		}
	} else {
		u.CountUpdate(&im.result, &old, im.list)
	}
	before := old
	c := u.Change(&before)
	c.Written = written.Hex(v)
	if err := im.journal.log.Change(&c); err != nil {
		return err
	}
	hv, err := historyValue(&c)
	if err != nil {
		return err
	}
	if err := im.b.history.Put(historyKey(e.ID, im.journal.seq), hv); err != nil {
		return err
	}
	if unchanged {
		return nil
	}
	return im.b.replace(&old, oldOrder, &e)
}

// Commit records the import in the journal, as phrase says, and makes
// it visible and durable.
func (im *txImport) Commit(phrase string) (model.ImportResult, error) {
	// Before settle, which reads the linked events it places.
	if err := im.later.put(); err != nil {
		im.tx.Rollback()
		return im.result, err
	}
	if err := im.b.settle(); err != nil {
		im.tx.Rollback()
		return im.result, err
	}
	if err := im.fillHeader(im.b.meta.Put); err != nil {
		im.tx.Rollback()
		return im.result, err
	}
	if im.journal.changed() {
		v, err := im.journal.entry(im.s, phrase, im.b.journal)
		if err == nil {
			err = im.b.journal.Put(seqKey(im.journal.seq), v)
		}
		if err != nil {
			im.tx.Rollback()
			return im.result, err
		}
	}
	if err := im.tx.Commit(); err != nil {
		return im.result, fmt.Errorf("saving the import: %w", err)
	}
	im.s.guard.dirty = true
	return im.result, nil
}

// fillHeader journals what the import fills in of the store's header,
// and hands put each meta key whose value that changes.
func (is *importSink) fillHeader(put func(key, value []byte) error) error {
	before := is.b.header()
	after := before.FilledFrom(is.header)
	if after == before {
		return nil
	}
	is.journal.header = &model.HeaderChange{Before: before, After: after}
	for _, f := range []struct {
		key       []byte
		was, will string
	}{{keyTitle, before.Title, after.Title}, {keyDescription, before.Description, after.Description}} {
		if f.will != f.was {
			if err := put(f.key, []byte(f.will)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Rollback abandons the import; the store is as it was. It returns what
// the import would have done, for a dry run.
func (im *txImport) Rollback() model.ImportResult {
	im.tx.Rollback()
	return im.result
}

// Result returns what the import has done so far.
func (im *txImport) Result() model.ImportResult { return im.result }

// drain implements importer: a small import takes each event in as it
// is read.
func (im *txImport) drain() error { return nil }

// bulkSize is the total input size from which an import builds a new
// store file rather than writing in one transaction: bbolt holds a
// transaction's writes in memory, and writes keys in file order slowly.
const bulkSize = 16 << 20

// importer is an import in progress, in one transaction or in bulk.
type importer interface {
	model.FieldSink
	model.Known
	model.SourcesByURL
	Commit(phrase string) (model.ImportResult, error)
	Rollback() model.ImportResult
	Result() model.ImportResult
	// drain returns once every event read has been taken in, with the
	// first error in taking them.
	drain() error
	sides() *editSide
	inTrash(id string) bool
}

func (is *importSink) sides() *editSide { return &is.editSide }

// Import imports inputs as one import, each checked by a model.Checker
// that also knows the events and sources already stored, and returns what
// each added. An event id may appear once in an import. On any problem
// nothing is kept, and the error names the input (model.InFile). A dry run
// reports and keeps nothing.
//
// Small imports are written in one transaction. Large ones (or those of
// unknown size) are sorted and written into a new store file beside the
// old, which replaces it only once complete: both ways, the store holds
// either everything it held before or that and the whole import.
func (s *Store) Import(inputs []model.Input, opts model.ImportOptions) ([]model.ImportResult, error) {
	return s.importInputs(inputs, opts, false)
}

// ImportBackup is Import for a copy of a whole store being built: its
// events may link to events already in this store's trash, as they did
// in the store they come from, where trashing an event kept the links to
// it for a restore. An import of files refuses such links: a file's link
// is to an event the file or the timeline holds.
func (s *Store) ImportBackup(inputs []model.Input, opts model.ImportOptions) ([]model.ImportResult, error) {
	return s.importInputs(inputs, opts, true)
}

// importInputs is Import, the links to the trash resolving when
// toTrash is set.
func (s *Store) importInputs(inputs []model.Input, opts model.ImportOptions, toTrash bool) ([]model.ImportResult, error) {
	if !s.readOnly {
		// Every import, small or a dry run, clears what a killed large
		// one left.
		removeStaleImports(s.path)
	}
	bulk := opts.Bulk
	var total int64
	for _, in := range inputs {
		if in.Size < 0 {
			bulk = true
		}
		total += max(in.Size, 0)
	}
	bulk = bulk || total >= bulkSize
	var im importer
	var err error
	if bulk {
		var bi *bulkImport
		bi, err = s.beginBulk(opts.DryRun)
		if bi != nil && opts.Progress != nil {
			bi.progress = func(written, total int64) {
				opts.Progress(model.ImportProgress{Events: bi.result.Events, Written: written, Total: total})
			}
		}
		im = bi
	} else {
		var ti *txImport
		if ti, err = s.beginImport(opts.DryRun); ti != nil {
			ti.list = opts.DryRun
		}
		im = ti
	}
	if err != nil {
		return nil, err
	}
	side := im.sides()
	side.merge.Prefer, side.merge.Replace, side.merge.InTrash, side.merge.SkipTrashed = opts.Prefer, opts.Replace, im.inTrash, opts.SkipTrashed
	carry := &carrying{next: im, replace: opts.Replace}
	var sink model.Sink = carry
	if opts.Progress != nil {
		sink = &progressSink{Sink: carry, report: opts.Progress}
	}
	results := make([]model.ImportResult, 0, len(inputs))
	var before model.ImportResult
	var known model.Known = im
	if toTrash {
		known = trashKnown{im}
	}
	chk := model.NewChecker(sink, known)
	side.place = chk.Sent
	err = s.guarded(func() error {
		for _, in := range inputs {
			chk.NextFile(in.Name)
			carry.carries, carry.whole = in.Carries, in.Whole
			side.merge.Taken = in.Taken
			err := in.Read(chk)
			if derr := im.drain(); err == nil {
				err = derr
			}
			if err == nil {
				err = chk.Done()
			} else {
				err = chk.Stopped(err)
			}
			if err == nil {
				err = side.merge.Err()
			}
			if err != nil {
				return model.InFile(in.Name, err)
			}
			now := im.Result()
			results = append(results, now.Since(before))
			before = now
		}
		return nil
	})
	// Committing a large import reads every page of the old store, and a
	// small one writes its pages out: both can meet a damaged file.
	rollback := func() { _ = s.guarded(func() error { im.Rollback(); return nil }) }
	if err != nil {
		rollback()
		return nil, noRoom(s.path, err)
	}
	if opts.DryRun {
		rollback()
		return results, nil
	}
	// The checker's record of every id read (36 MB at a million events)
	// is not needed to commit; side.place was all that held it.
	side.place = nil
	phrase := model.ImportPhrase(inputs, results)
	if opts.Progress != nil {
		opts.Progress(model.ImportProgress{Events: im.Result().Events, Placing: true})
	}
	if err := s.guarded(func() error { _, err := im.Commit(phrase); return err }); err != nil {
		if errors.Is(err, model.ErrDamaged) {
			rollback()
		}
		return nil, noRoom(s.path, err)
	}
	return results, nil
}

// progressSink counts events on their way to the import, and says how
// many have gone by every so often.
type progressSink struct {
	model.Sink
	report func(model.ImportProgress)
	n      int
}

func (p *progressSink) Event(e model.Event, n int) error {
	p.n++
	if p.n%4096 == 0 {
		p.report(model.ImportProgress{Events: p.n})
	}
	return p.Sink.Event(e, n)
}
