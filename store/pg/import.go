package pg

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"chrono/model"
	"chrono/store/written"

	"github.com/go-json-experiment/json"
	"github.com/jackc/pgx/v5"
)

// importBatch is how many events an import gathers before it writes
// them: one query finds which are stored, one COPY puts them in a
// staging table, and one statement set moves them into place.
const importBatch = 2000

// txImport is an import in progress, in one transaction: all or
// nothing. It is a model.FieldSink behind a model.Checker, and answers
// the checker's questions (model.Known) from the database, once the
// batch in flight is written.
type txImport struct {
	s  *Store
	tx pgx.Tx
	// stored is the header as stored, once read (storedHeader).
	stored *model.Header
	// applyCounts applies the import's deferred counts (deferCounts).
	applyCounts func() error
	seq         uint64
	list        bool
	replace     bool
	carries     model.FieldSet
	whole       bool // the input's records are events whole (model.Input.Whole)
	header      model.Header
	result      model.ImportResult
	pending     []pendingEvent
	inBatch     map[string]bool
	// A batch is written on a goroutine of its own while the next is
	// read (send): flying holds its ids, and done gives its error. Only
	// that goroutine uses the transaction meanwhile; wait ends it, and
	// keeps its error in failed.
	flying map[string]bool
	done   chan error
	failed error
	// empty is set when the investigation held nothing as the import
	// began, no event, none in the trash and no link (lookUp); counts
	// then counts the rows it inserts (importCounts).
	empty  bool
	counts *importCounts
	// targets, when the investigation held nothing, are the events the
	// import's links name: those flagged as linked to (importFlags).
	targets  map[string]bool
	linkRows [][]any
	changes  entryChanges
	sources  []model.SourceChange
	// regroup holds the events whose linked groups commit places again.
	regroup map[string]bool
	// words holds the words the import has put in the vocabulary.
	words map[string]bool
	// written counts the events the batches have written; once they are
	// as many as analyzeAt, the planner is shown them (analyzeWithin),
	// and analyzeAt is 0, or twice as many when that failed.
	written, analyzeAt int
	// merge keeps what was changed in chrono since the last import
	// (editedBases); place says where the event sent is in its file.
	merge model.EditMerge
	place func() model.Place
	ops   map[int64]model.Op // what each journal entry read did, by seq
	// byURL is the stored sources, read when first asked.
	byURL *model.URLIndex
}

type pendingEvent struct {
	e       model.Event
	present model.FieldSet
	n       int         // the record's number in its file
	at      model.Place // and its place, for a conflict with an edit
}

// Import imports inputs as one import in one transaction, each checked
// by a model.Checker that also knows what the investigation holds, and
// returns what each added. An event already stored is merged as the
// bbolt store merges it (model.EditMerge: the fields the file carries,
// but for those changed in chrono since the last import that the file
// left as they were; with Replace, every field but the stored tags and
// notes). On any problem nothing is kept. A dry run reports and keeps
// nothing.
func (s *Store) Import(inputs []model.Input, opts model.ImportOptions) ([]model.ImportResult, error) {
	l := s.take()
	defer s.give(l)
	tx, err := s.begin(l, true)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	// A value the staging table compresses is moved into the events
	// table as it is: when the events are compressed with lz4
	// (compressWithLZ4), so is what the import writes. The column is
	// read through to_jsonb, as servers before PostgreSQL 14 have no
	// such column, and then the server's default stands.
	_, err = tx.Exec(ctx, `SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_attribute a
		WHERE attrelid = 'events'::regclass AND attname = 'body' AND to_jsonb(a)->>'attcompression' = 'l';
	CREATE TEMP TABLE chrono_staging (
		id text COLLATE "C", ord bytea, body bytea, status text COLLATE "C", actors text[] COLLATE "C",
		tags text[] COLLATE "C", noted boolean, period bigint, months bigint, cites text[] COLLATE "C",
		search text COLLATE "C", words text COLLATE "C", linked boolean) ON COMMIT DROP`)
	if err != nil {
		return nil, s.fail(err)
	}
	if s.sums {
		if _, err := tx.Exec(ctx, entryPartsSQL); err != nil {
			return nil, s.fail(err)
		}
	}
	applyCounts, err := deferCounts(tx)
	if err != nil {
		return nil, s.fail(err)
	}
	var last int64
	var empty bool
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(seq), 0), NOT EXISTS (SELECT 1 FROM events WHERE inv = $1) AND NOT EXISTS (SELECT 1 FROM trash WHERE inv = $1)
			AND NOT EXISTS (SELECT 1 FROM links WHERE inv = $1)
		FROM journal WHERE inv = $1`, s.inv).Scan(&last, &empty); err != nil {
		return nil, s.fail(err)
	}
	if err := importFlags(tx, empty); err != nil {
		return nil, s.fail(err)
	}
	im := &txImport{s: s, tx: tx, applyCounts: applyCounts, seq: uint64(last + 1), list: opts.DryRun, replace: opts.Replace, inBatch: map[string]bool{}, regroup: map[string]bool{}, words: map[string]bool{}, analyzeAt: analyzeAfter, empty: empty}
	if empty {
		im.counts, im.targets = newImportCounts(), map[string]bool{}
	}
	// Before the rollback: the batch in flight uses the transaction.
	defer im.wait()
	results := make([]model.ImportResult, 0, len(inputs))
	var before model.ImportResult
	im.merge.Prefer, im.merge.Replace, im.merge.SkipTrashed = opts.Prefer, opts.Replace, opts.SkipTrashed
	chk := model.NewChecker(im, im)
	im.place = chk.Sent
	for _, in := range inputs {
		chk.NextFile(in.Name)
		im.carries, im.whole = in.Carries, in.Whole
		im.merge.Taken = in.Taken // the last file's batches are written (wait)
		err := in.Read(chk)
		if err == nil {
			err = chk.Done()
		} else {
			err = chk.Stopped(err)
		}
		if err == nil {
			err = im.send()
		}
		// A batch that failed is the first fault: what the reader met
		// after it may be its consequence.
		if werr := im.wait(); werr != nil {
			err = werr
		}
		if err == nil {
			err = im.merge.Err()
		}
		if err != nil {
			return nil, s.failIn(in.Name, err)
		}
		if opts.Progress != nil {
			opts.Progress(model.ImportProgress{Events: im.result.Events})
		}
		results = append(results, im.result.Since(before))
		before = im.result
	}
	if opts.DryRun {
		return results, nil
	}
	if opts.Progress != nil {
		opts.Progress(model.ImportProgress{Events: im.result.Events, Placing: true})
	}
	if err := im.commit(inputs, results); err != nil {
		return nil, s.fail(err)
	}
	return results, nil
}

// The statistics of the columns the import's own analysis leaves out
// (analyzeWithin) are refreshed by autovacuum, which analyses a table
// once the rows changed since its last analysis outnumber its
// threshold (50 and a tenth of the table, by default): at its next
// round (a minute by default) after an import of more than a tenth of
// the events, and not for a smaller one, whose rows change the
// statistics of the whole table little. The import neither waits for
// an analysis nor leaves one running: an analysis sent on a
// connection closed at once was finished by the server, which then
// logged an error for every such import (could not send data to
// client, connection to client lost), for an import that succeeded. A
// server whose autovacuum is off is analysed by its administrator.

// analyzeAfter is how many events an import writes for the planner's
// statistics of them to be refreshed at once.
const analyzeAfter = 10_000

// analyzeWithin shows the planner the events the import has written so
// far in its transaction (ANALYZE counts a transaction's own rows).
// Until then the statistics may say the investigation has next to no
// events (a new one, in a database whose statistics know only the
// others), and the planner reads a batch's stored versions (storedSQL)
// by scanning every event of the investigation for the batch's ids,
// rather than looking each up by its key: a scan that grows with each
// batch. A million events into a database that held another
// investigation took 27 minutes so, against 7 since. Once is enough:
// the planner scales what the statistics say by the table's size.
//
// Plans made for any values (plan_cache_mode) were tried instead: into a
// new database, they read a batch's stored versions as slowly (100 s of
// an import of 100,000 events).
//
// The lock ANALYZE takes is held until the import commits: vacuum and
// other analyses of the events table wait or pass it by meanwhile; reads
// and writes do not. It waits up to analyzeWait for the lock: an
// ordinary autovacuum that holds it gives way after deadlock_timeout (1
// s by default); another import, or an autovacuum against wraparound,
// does not. Then the savepoint is rolled back and let go (so that the
// rest of the import is not a subtransaction), and it tries again once
// the import has written twice as many events: a few seconds lost in
// all. ANALYZE sets the table's row count outside the transaction: a
// dry run, or an import that fails after it, leaves the count with the
// rows it rolled back until the next analysis, which the planner then
// overestimates; a dry run that scanned for each batch would be worse.
// A role that may not analyse only gets a warning, which chrono does
// not show, and the import goes on as before.
//
// Only the investigation and the id are analysed, which the lookups
// read by (the table's row count comes with them): the other columns,
// the words and search keys above all, took most of the analysis (1.2
// to 5.6 s of a 100,000-event import), for statistics that no
// statement of the import reads, and that autovacuum refreshes after
// the import (see Import).
func (im *txImport) analyzeWithin() error {
	var was string
	if err := im.tx.QueryRow(ctx, `SELECT current_setting('lock_timeout')`).Scan(&was); err != nil {
		return err
	}
	if _, err := im.tx.Exec(ctx, `SAVEPOINT chrono_analyze`); err != nil {
		return err
	}
	if _, err := im.tx.Exec(ctx, `SET LOCAL lock_timeout = '`+analyzeWait+`'; ANALYZE events (inv, id)`); err != nil {
		im.analyzeAt = 2 * im.written
		_, err := im.tx.Exec(ctx, `ROLLBACK TO SAVEPOINT chrono_analyze; RELEASE SAVEPOINT chrono_analyze`)
		return err
	}
	im.analyzeAt = 0
	if _, err := im.tx.Exec(ctx, `RELEASE SAVEPOINT chrono_analyze`); err != nil {
		return err
	}
	_, err := im.tx.Exec(ctx, `SELECT set_config('lock_timeout', $1, true)`, was)
	return err
}

// analyzeWait is how long an import waits for the lock to analyse.
const analyzeWait = "3s"

// HasEvent implements model.Known. The store is asked once the batch in
// flight is written: an import whose events refer to stored ones writes
// those batches in turn, not beside the reading.
func (im *txImport) HasEvent(id string) bool {
	if im.inBatch[id] || im.flying[id] {
		return true
	}
	if im.wait() != nil {
		return false // the import fails with the batch's error
	}
	var n int
	err := im.tx.QueryRow(ctx, `SELECT count(*) FROM events WHERE inv = $1 AND id = $2`, im.s.inv, id).Scan(&n)
	return err == nil && n > 0
}

// StoredEvent implements model.StoredEventReader: a TimelineJS reader
// tells by it whether a stored event is one of its slides.
func (im *txImport) StoredEvent(id string) (model.Event, error) {
	if err := im.wait(); err != nil {
		return model.Event{}, err
	}
	var body []byte
	err := im.tx.QueryRow(ctx, `SELECT body FROM events WHERE inv = $1 AND id = $2`, im.s.inv, id).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return model.Event{}, model.ErrNotFound
	}
	if err != nil {
		return model.Event{}, err
	}
	e, err := decodeEvent(id, body)
	e.ID = id
	return e, err
}

// ImportedEvent implements model.ImportedEventReader: the version the
// last import left (editedBases), when a change since has touched it.
func (im *txImport) ImportedEvent(id string) (model.Event, bool, error) {
	if err := im.wait(); err != nil {
		return model.Event{}, false, err
	}
	bases, err := im.editedBases([]string{id})
	if err != nil || bases[id] == nil {
		return model.Event{}, false, err
	}
	e := *bases[id]
	e.ID = id
	return e, true, nil
}

// StoredIDs implements model.StoredIDLister: one query, over the ids
// of the events and the trash that begin with prefix (a range of each
// index, ids being of collation C).
func (im *txImport) StoredIDs(prefix, suffix string) ([]string, error) {
	if err := im.wait(); err != nil {
		return nil, err
	}
	rows, err := im.tx.Query(ctx, `SELECT id FROM events WHERE inv = $1 AND id >= $2 AND starts_with(id, $2) AND right(id, length($3)) = $3
		UNION ALL SELECT id FROM trash WHERE inv = $1 AND id >= $2 AND starts_with(id, $2) AND right(id, length($3)) = $3`, im.s.inv, prefix, suffix)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// InTrash implements model.TrashKnown, as HasEvent.
func (im *txImport) InTrash(id string) bool {
	if im.wait() != nil {
		return false
	}
	var n int
	err := im.tx.QueryRow(ctx, `SELECT count(*) FROM trash WHERE inv = $1 AND id = $2`, im.s.inv, id).Scan(&n)
	return err == nil && n > 0
}

// HasSource implements model.Known, as HasEvent.
func (im *txImport) HasSource(id string) bool {
	if im.wait() != nil {
		return false
	}
	var n int
	err := im.tx.QueryRow(ctx, `SELECT count(*) FROM sources WHERE inv = $1 AND id = $2`, im.s.inv, id).Scan(&n)
	return err == nil && n > 0
}

// StoredSourceID implements model.SourcesByURL, from the sources stored
// when it is first asked (those the import brings the Checker knows). Of
// two stored sources with one URL, the first by id is named. A read that
// fails finds none: the import's own reads say why.
func (im *txImport) StoredSourceID(url string) (string, bool) {
	return im.sourcesByURL().ID(url)
}

// StoredSourceURL implements model.SourcesByURL, as StoredSourceID.
func (im *txImport) StoredSourceURL(id string) (string, bool) {
	return im.sourcesByURL().URL(id)
}

// sourcesByURL is the stored sources, read when first asked; none when
// they cannot be read (the import's own reads say why).
func (im *txImport) sourcesByURL() *model.URLIndex {
	if im.byURL == nil {
		if im.wait() != nil {
			return &model.URLIndex{}
		}
		byURL := &model.URLIndex{}
		rows, err := im.tx.Query(ctx, `SELECT id, body FROM sources WHERE inv = $1 ORDER BY id`, im.s.inv)
		err = eachRow(rows, err, func(id string, body []byte) error {
			if src, err := decodeSource(id, body); err == nil {
				byURL.Add(id, src.URL)
			}
			return nil
		})
		if err != nil {
			return &model.URLIndex{}
		}
		im.byURL = byURL
	}
	return im.byURL
}

// Header implements model.Sink: the investigation keeps its own title
// and description once it has them; an import fills them in when empty.
func (im *txImport) Header(h model.Header) error {
	stored, err := im.storedHeader()
	if err != nil {
		return err
	}
	im.result.CountHeader(stored.FilledFrom(im.header), h)
	im.header = im.header.FilledFrom(h)
	return nil
}

// storedHeader is the investigation's header as stored when the import
// began, read once: nothing else writes it inside the import's
// transaction.
func (im *txImport) storedHeader() (model.Header, error) {
	if im.stored == nil {
		if err := im.wait(); err != nil {
			return model.Header{}, err
		}
		h, err := im.s.header(im.tx)
		if err != nil {
			return model.Header{}, err
		}
		im.stored = &h
	}
	return *im.stored, nil
}

// Source implements model.Sink; a source with the id of a stored one
// is merged into it (model.EditMerge.Source): filled in, not overwritten.
func (im *txImport) Source(src model.Source, _ int) error {
	if err := im.wait(); err != nil {
		return err
	}
	im.result.Sources++
	var old []byte
	err := im.tx.QueryRow(ctx, `SELECT body FROM sources WHERE inv = $1 AND id = $2`, im.s.inv, src.ID).Scan(&old)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	var before *model.Source
	if old != nil {
		b, err := decodeSource(src.ID, old)
		if err != nil {
			return err
		}
		m := im.merge.Source(b, src)
		im.result.CountSource(src.ID, m)
		src, before = m.Source, &b
	}
	body, err := json.Marshal(src)
	if err != nil {
		return err
	}
	if !bytes.Equal(old, body) {
		im.sources = append(im.sources, model.SourceChange{ID: src.ID, Before: before, After: &src})
	}
	_, err = im.tx.Exec(ctx, `INSERT INTO sources (inv, id, body) VALUES ($1, $2, $3) ON CONFLICT (inv, id) DO UPDATE SET body = EXCLUDED.body`, im.s.inv, src.ID, body)
	return err
}

// Event implements model.Sink.
func (im *txImport) Event(e model.Event, n int) error { return im.EventFields(e, n, model.AllFields) }

// EventFields implements model.FieldSink: the event waits for its batch.
func (im *txImport) EventFields(e model.Event, n int, present model.FieldSet) error {
	present = model.UpdateFields(present, im.carries, im.replace, im.whole)
	im.pending = append(im.pending, pendingEvent{e, present, n, im.place()})
	im.inBatch[e.ID] = true
	if len(im.pending) >= importBatch {
		return im.send()
	}
	return nil
}

// send waits for the batch in flight, then writes the pending events on
// a goroutine of its own, while the reader goes on with the next batch:
// the file is read and checked while the server writes, not in turn.
func (im *txImport) send() error {
	if err := im.wait(); err != nil || len(im.pending) == 0 {
		return err
	}
	batch := im.pending
	im.flying, im.inBatch = im.inBatch, map[string]bool{}
	im.pending = make([]pendingEvent, 0, importBatch)
	done := make(chan error, 1)
	im.done = done
	go func() {
		// A fault here is the import's error, as it was when batches
		// were written on the reader's goroutine, not the process's end;
		// and however the goroutine ends, wait has an answer.
		sent := false
		defer func() {
			if r := recover(); !sent {
				done <- fmt.Errorf("internal error writing a batch of the import: %v", r)
			}
		}()
		err := im.flush(batch)
		if err == nil && im.s.sums {
			err = im.changes.send(im.tx, false)
		}
		sent = true
		done <- err
	}()
	return nil
}

// linkedInTrash decodes the stored versions of a batch's events, and
// returns them with the events in the trash they link to, for the merge
// to keep those links (model.EditMerge.InTrash).
func (im *txImport) linkedInTrash(stored map[string][2][]byte) (map[string]model.Event, map[string]bool, error) {
	decoded := make(map[string]model.Event, len(stored))
	var targets []string
	for id, old := range stored {
		e, err := decodeEvent(id, old[1])
		if err != nil {
			return nil, nil, err
		}
		decoded[id] = e
		for _, l := range e.Links {
			targets = append(targets, l.Event)
		}
	}
	if len(targets) == 0 {
		return decoded, nil, nil
	}
	rows, err := im.tx.Query(ctx, `SELECT id FROM trash WHERE inv = $1 AND id = ANY($2)`, im.s.inv, targets)
	if err != nil {
		return nil, nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, nil, err
	}
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	return decoded, in, nil
}

// wait waits for the batch in flight, if any, and returns the error of
// the first batch that failed.
func (im *txImport) wait() error {
	if im.done != nil {
		if err := <-im.done; im.failed == nil {
			im.failed = err
		}
		im.done, im.flying = nil, nil
	}
	return im.failed
}

// flush writes a batch of events: it reads the stored versions of the
// batch's ids in one query, merges, copies the new rows into the
// staging table, and moves them into the events table with their links
// and history in one statement each.
func (im *txImport) flush(batch []pendingEvent) error {
	trashed, stored, err := im.lookUp(batch)
	if err != nil {
		return err
	}
	bases, err := im.editedBases(slices.Collect(maps.Keys(stored)))
	if err != nil {
		return err
	}
	decoded, linkedInTrash, err := im.linkedInTrash(stored)
	if err != nil {
		return err
	}
	im.merge.InTrash = func(id string) bool { return linkedInTrash[id] }
	var rows []placedRow
	var history, linked, words []string
	var changes [][]byte
	for _, p := range batch {
		e := p.e
		im.result.Events++
		if trashed[e.ID] {
			im.merge.Trashed(e.ID, p.n, p.at, &im.result)
			continue
		}
		_, ok := stored[e.ID]
		var c model.EventChange
		if !ok {
			im.result.New++
			c = model.EventChange{ID: e.ID, To: model.OnTimeline}
		} else {
			before := decoded[e.ID]
			u := im.merge.Merge(before, e, p.present, bases[e.ID], p.n, p.at, &im.result)
			if !u.Keep {
				continue
			}
			e = u.Event
			change := u.Change(&before)
			// Not the key: a linked event's stored key is its group's,
			// not the one rowOf gives it alone.
			if same(&before, &e) {
				im.result.Unchanged++
				if u.Remember {
					// What the file said is kept for the next import;
					// the event is not written, and the entry keeps
					// the fingerprint of what stays stored.
					change.Written = written.Hex(bodyOf(&before))
					if err := im.remember(change); err != nil {
						return err
					}
				}
				continue
			}
			u.CountUpdate(&im.result, &before, im.list)
			c = change
			linked = append(linked, e.ID)
		}
		r := rowOf(&e)
		// The entry keeps the fingerprint of what is stored, for the
		// check; the history row leaves it out, as the bbolt store's
		// does, so that an event's history reads as its entry does.
		c.Written = written.Hex(r.body)
		if err := im.changes.add(&c); err != nil {
			return err
		}
		change, err := json.Marshal(historyChange(&c))
		if err != nil {
			return fmt.Errorf("event %q: %w", e.ID, err)
		}
		history, changes = append(history, e.ID), append(changes, change)
		rows = append(rows, placedRow{r, e})
		for _, w := range r.words {
			if !im.words[w] {
				words = append(words, w) // not yet put in the vocabulary
			}
		}
		for _, l := range e.Links {
			im.linkRows = append(im.linkRows, []any{im.s.inv, l.Event, e.ID, string(l.Rel)})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	if im.targets != nil {
		// A link of this batch may name an event before it in the batch.
		for _, l := range im.linkRows {
			im.targets[l[1].(string)] = true
		}
	}
	// The groups the written events were in, by the links they had, and
	// those they are in now, are placed again at commit. Only a stored
	// event loses links here, so only those are looked up before: the
	// links made to the others stay, and are found after. The links go
	// in before the events: an event that the batch links to is then
	// flagged as it is inserted (importFlags), not written again.
	// Of a stored event's links, only those the file no longer makes are
	// removed: one removed and made again would have its target written
	// twice (unflagged, then flagged), with every index of the events
	// table, for a link that stayed.
	if len(linked) > 0 {
		if err := im.markLinked(linked); err != nil {
			return err
		}
		if _, err := im.tx.Exec(ctx, `DELETE FROM links l WHERE l.inv = $1 AND l.source = ANY($2::text[])
			AND NOT EXISTS (SELECT FROM unnest($3::text[], $4::text[], $5::text[]) AS x(t, s, r) WHERE x.t = l.target AND x.s = l.source AND x.r = l.rel)`,
			im.s.inv, linked, column(im.linkRows, 1), column(im.linkRows, 2), column(im.linkRows, 3)); err != nil {
			return err
		}
	}
	if len(im.linkRows) > 0 {
		if _, err := im.tx.Exec(ctx, `INSERT INTO links (inv, target, source, rel) SELECT $1, t, s, r FROM unnest($2::text[], $3::text[], $4::text[]) AS x(t, s, r) ON CONFLICT DO NOTHING`,
			im.s.inv, column(im.linkRows, 1), column(im.linkRows, 2), column(im.linkRows, 3)); err != nil {
			return err
		}
		im.linkRows = im.linkRows[:0]
	}
	if err := im.placeLinked(rows); err != nil {
		return err
	}
	write := make([][]any, len(rows))
	for i := range rows {
		r := &rows[i].r
		if im.counts != nil {
			im.counts.add(r)
		}
		// The words go as one text, split by the server: an array of
		// some 60 texts took the server three times as long to read.
		write[i] = []any{r.id, r.ord, r.body, r.status, r.actors, r.tags, r.noted, r.period, r.months, r.cites, r.search, strings.Join(r.words, " "), im.targets[r.id]}
	}
	if _, err := im.tx.Exec(ctx, `TRUNCATE chrono_staging`); err != nil {
		return err
	}
	if _, err := im.tx.CopyFrom(ctx, pgx.Identifier{"chrono_staging"},
		[]string{"id", "ord", "body", "status", "actors", "tags", "noted", "period", "months", "cites", "search", "words", "linked"}, pgx.CopyFromRows(write)); err != nil {
		return err
	}
	if _, err := im.tx.Exec(ctx, `INSERT INTO events (inv, id, ord, body, status, actors, tags, noted, period, months, cites, search, words, linked_to)
		SELECT $1, id, ord, body, status, actors, tags, noted, period, months, cites, search, string_to_array(words, ' '), linked FROM chrono_staging
		ON CONFLICT (inv, id) DO UPDATE SET ord = EXCLUDED.ord, body = EXCLUDED.body, status = EXCLUDED.status,
			actors = EXCLUDED.actors, tags = EXCLUDED.tags, noted = EXCLUDED.noted, period = EXCLUDED.period,
			months = EXCLUDED.months, cites = EXCLUDED.cites, search = EXCLUDED.search, words = EXCLUDED.words,
			version = events.version + 1`, im.s.inv); err != nil {
		return err
	}
	if err := addWords(im.tx, words, im.words); err != nil {
		return err
	}
	if im.written += len(rows); im.analyzeAt > 0 && im.written >= im.analyzeAt {
		if err := im.analyzeWithin(); err != nil {
			return err
		}
	}
	if im.s.afterBatch != nil {
		im.s.afterBatch(im.tx)
	}
	if err := im.markLinked(history); err != nil {
		return err
	}
	return insertHistory(im.tx, im.s.inv, im.seq, history, changes)
}

// lookUp reads which of a batch's events are in the trash, and the
// stored versions of the others. An investigation that held nothing when
// the import began holds none of a batch's events: the checker refuses
// an id that an import's files name twice, and no other writer adds one
// meanwhile (writers to an investigation take turns, begin). The
// lookups, a tenth of a first import's time, are then not made.
func (im *txImport) lookUp(batch []pendingEvent) (map[string]bool, map[string][2][]byte, error) {
	trashed, stored := map[string]bool{}, map[string][2][]byte{}
	if im.empty {
		return trashed, stored, nil
	}
	ids := make([]string, len(batch))
	for i, p := range batch {
		ids[i] = p.e.ID
	}
	rows, err := im.tx.Query(ctx, `SELECT id FROM trash WHERE inv = $1 AND id = ANY($2::text[])`, im.s.inv, ids)
	if err != nil {
		return nil, nil, err
	}
	tids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, nil, err
	}
	for _, id := range tids {
		trashed[id] = true
	}
	rows, err = im.tx.Query(ctx, storedSQL, im.s.inv, ids)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var id string
		var ord, body []byte
		if err := rows.Scan(&id, &ord, &body); err != nil {
			rows.Close()
			return nil, nil, err
		}
		stored[id] = [2][]byte{ord, body}
	}
	rows.Close()
	return trashed, stored, rows.Err()
}

// storedSQL reads the stored versions of a batch's events ($2, their
// ids): by the primary key, once the planner knows how many events the
// investigation has (analyzeWithin).
const storedSQL = `SELECT id, ord, body FROM events WHERE inv = $1 AND id = ANY($2::text[])`

// markLinked marks for settling the events an order link joins to ids.
func (im *txImport) markLinked(ids []string) error {
	linked, err := linkedIDs(im.tx, im.s.inv, ids)
	for _, id := range linked {
		im.regroup[id] = true
	}
	return err
}

func column(rows [][]any, i int) []string {
	out := make([]string, len(rows))
	for j, r := range rows {
		out[j] = r[i].(string)
	}
	return out
}

// commit fills in the header, records the import's journal entry and
// commits.
func (im *txImport) commit(inputs []model.Input, results []model.ImportResult) error {
	stored, err := im.storedHeader()
	if err != nil {
		return err
	}
	after := stored.FilledFrom(im.header)
	if im.counts != nil {
		// The moves of the linked groups are counted as any write's.
		if _, err := im.tx.Exec(ctx, `SELECT set_config('chrono.counts', '', true)`); err != nil {
			return err
		}
	}
	if err := settle(im.tx, im.s.inv, slices.Sorted(maps.Keys(im.regroup))); err != nil {
		return err
	}
	if err := im.applyCounts(); err != nil {
		return err
	}
	if im.counts != nil {
		if err := im.counts.apply(im.tx, im.s.inv); err != nil {
			return err
		}
	}
	e := model.Entry{At: clock().UTC().Round(0), Author: im.s.author, Op: model.OpImport,
		Phrase: model.ImportPhrase(inputs, results), Sources: im.sources}
	if after != stored {
		e.Header = &model.HeaderChange{Before: stored, After: after}
		if _, err := im.tx.Exec(ctx, `UPDATE investigations SET title = $2, description = $3 WHERE id = $1`, im.s.inv, after.Title, after.Description); err != nil {
			return err
		}
	}
	if im.changes.n > 0 || len(e.Sources) > 0 || e.Header != nil {
		if err := im.changes.record(im.tx, im.s, &e); err != nil {
			return err
		}
	}
	if err := im.tx.Commit(ctx); err != nil {
		return fmt.Errorf("saving the import: %w", err)
	}
	return nil
}
