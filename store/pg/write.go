package pg

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/jackc/pgx/v5"
)

// clock tells the time writes are recorded at.
var clock = time.Now

// Channel is the channel every commit notifies, with the investigation's
// row id and the journal entry's sequence number ("3:1207") as payload.
const Channel = "chrono_journal"

// lockWait is how long a write waits for a lock in the database.
var lockWait = "5s"

// begin starts a write transaction and takes the investigation's row
// lock, which every writer of the investigation takes first: writers on
// any machine go one after another, as a bbolt store's writers take its
// file lock. That is the conflict rule: an edit names the version of the
// event it was based on (model's journaled edits carry it), and the
// domain compares it with the stored one inside the transaction, under
// the lock, so no other commit can come between the check and the write;
// an edit based on an older version is refused with model.ErrConflict
// and the newer one shown. Serializable isolation would find the same
// conflicts, but only at commit, and make every writer retry; the lock
// makes the check exact at the first read.
func (s *Store) begin(l *line, long bool) (pgx.Tx, error) {
	if s.readOnly {
		return nil, fmt.Errorf("%s: %w", s.loc, model.ErrReadOnly)
	}
	// Read committed, whatever the server's default: each statement
	// after the investigation's lock sees what was committed before it
	// was taken, which the rule above and DiscardUnused count on.
	tx, err := s.beginTx(l, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return nil, err
	}
	// Waiting for a lock (another writer's: an import holds it for as
	// long as it runs; or a session's outside chrono) gives up after
	// lockWait, as a file store's writer gives up on its file lock,
	// rather than hanging without a word (fail says it is in use). A
	// long write (an import, a restore) waits so for the investigation's
	// lock alone, and for the locks after it as before.
	var was string
	if err := tx.QueryRow(ctx, `SELECT current_setting('lock_timeout'), set_config('lock_timeout', $1, true)`, lockWait).Scan(&was, new(string)); err != nil {
		tx.Rollback(ctx)
		return nil, s.fail(err)
	}
	var id int64
	err = tx.QueryRow(ctx, `SELECT id FROM investigations WHERE id = $1 FOR UPDATE`, s.inv).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		err = fmt.Errorf("%w: the investigation %q was removed from the database", model.ErrNoStore, s.name)
	}
	if err == nil && long {
		_, err = tx.Exec(ctx, `SELECT set_config('lock_timeout', $1, true)`, was)
	}
	if err != nil {
		tx.Rollback(ctx)
		return nil, s.fail(err)
	}
	return tx, nil
}

// Write runs fn in one write transaction and records what it changed as
// one journal entry in the same transaction, and notifies listeners of
// it when it commits: both are kept, or neither.
func (s *Store) Write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	l := s.take()
	defer s.give(l)
	tx, err := s.begin(l, false)
	if err != nil {
		return model.Entry{}, err
	}
	defer tx.Rollback(ctx)
	t := &writeTx{s: s, tx: tx, now: clock().UTC().Round(0), regroup: map[string]bool{}}
	if err := fn(t); err != nil {
		return model.Entry{}, s.failTx(tx, err)
	}
	if err := settle(tx, s.inv, slices.Sorted(maps.Keys(t.regroup))); err != nil {
		return model.Entry{}, s.fail(err)
	}
	entry, err := t.record(op, phrase)
	if err != nil {
		return model.Entry{}, s.fail(err)
	}
	if entry.Seq == 0 {
		return model.Entry{}, nil
	}
	if err := tx.Commit(ctx); err != nil {
		return model.Entry{}, s.fail(fmt.Errorf("saving the change: %w", err))
	}
	return entry, nil
}

// writeTx is model.Tx over one transaction; its changes are what the
// journal entry records at the end.
type writeTx struct {
	s       *Store
	tx      pgx.Tx
	now     time.Time
	changes model.Changes
	// regroup holds the events whose linked groups settle places again
	// before the transaction commits.
	regroup map[string]bool
}

var _ model.Tx = (*writeTx)(nil)

// record stores the journal entry of what the transaction changed, and
// returns it; an entry with Seq 0 when nothing changed.
func (t *writeTx) record(op model.Op, phrase string) (model.Entry, error) {
	e, changed, err := t.changes.Entry(op, phrase, t.s.author, t.now, t.state())
	if err != nil || !changed {
		return model.Entry{}, err
	}
	seq, err := recordEntry(t.tx, t.s, &e, true)
	e.Seq = seq
	return e, err
}

// state is the transaction as it stands, for its changes.
func (t *writeTx) state() model.TxState {
	return model.TxState{Where: t.where, Source: t.Source, Header: t.Header}
}

// recordEntry stores an entry under the next sequence number, with its
// head (heads.go) and, with history, the history row of each event it
// touched (an import writes its own as it goes), with the linking row of
// each event whose links from others it changed, and notifies the
// channel at commit. The investigation's row lock, held since begin,
// makes the number the next one.
func recordEntry(tx pgx.Tx, s *Store, e *model.Entry, history bool) (uint64, error) {
	last, prev, err := chainHead(tx, s.inv)
	if err != nil {
		return 0, err
	}
	e.Seq = last + 1
	hash, err := insertEntry(tx, s.inv, *e, prev)
	if err != nil {
		return 0, err
	}
	e.Hash, e.Prev = hex.EncodeToString(hash), hex.EncodeToString(prev)
	if history {
		ids, changes, err := changesOf(e)
		if err != nil {
			return 0, err
		}
		if err := insertHistory(tx, s.inv, e.Seq, ids, changes); err != nil {
			return 0, err
		}
	}
	if err := insertLinking(tx, s.inv, e.Seq, e.LinksChangedTo()); err != nil {
		return 0, err
	}
	if err := notify(tx, s.inv, e.Seq); err != nil {
		return 0, err
	}
	return e.Seq, nil
}

// notify tells the investigation's listeners, once tx commits, that its
// journal reaches entry seq.
func notify(tx pgx.Tx, inv int64, seq uint64) error {
	_, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, Channel, fmt.Sprintf("%d:%d", inv, seq))
	return err
}

// same compares two versions as JSON, nil only with nil.
func same[T any](a, b *T) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ja, erra := json.Marshal(a)
	jb, errb := json.Marshal(b)
	return erra == nil && errb == nil && bytes.Equal(ja, jb)
}

// where returns an event and where it is: on the timeline, in the trash,
// or absent.
func (t *writeTx) where(id string) (model.Event, model.Whereabouts, error) {
	e, _, err := t.s.event(t.tx, id)
	if err == nil {
		return e, model.OnTimeline, nil
	}
	if !errors.Is(err, model.ErrNotFound) {
		return e, "", err
	}
	tr, err := t.Trashed(id)
	if err == nil {
		return tr.Event, model.InTrash, nil
	}
	if errors.Is(err, model.ErrNotFound) {
		return model.Event{}, model.Absent, nil
	}
	return model.Event{}, "", err
}

// touch remembers an event as it is before the transaction first writes
// it.
func (t *writeTx) touch(id string) error { return t.changes.Event(id, t.state()) }

// mark records that id's linked group, as it is now and as the write
// leaves it, must be placed again: the events its order links name now
// are read before the write replaces or removes them.
func (t *writeTx) mark(id string) error {
	t.regroup[id] = true
	linked, err := linkedIDs(t.tx, t.s.inv, []string{id})
	for _, other := range linked {
		t.regroup[other] = true
	}
	return err
}

// Author implements model.Tx.
func (t *writeTx) Author() string { return t.s.author }

// Now implements model.Tx.
func (t *writeTx) Now() time.Time { return t.now }

// Header implements model.Tx.
func (t *writeTx) Header() (model.Header, error) { return t.s.header(t.tx) }

// SetHeader implements model.Tx.
func (t *writeTx) SetHeader(h model.Header) error {
	if err := t.changes.Header(t.state()); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, `UPDATE investigations SET title = $2, description = $3 WHERE id = $1`, t.s.inv, h.Title, h.Description)
	return err
}

// Event implements model.Tx.
func (t *writeTx) Event(id string) (model.Event, error) {
	e, _, err := t.s.event(t.tx, id)
	return e, err
}

func (t *writeTx) inTrash(id string) (bool, error) {
	var n int
	err := t.tx.QueryRow(ctx, `SELECT count(*) FROM trash WHERE inv = $1 AND id = $2`, t.s.inv, id).Scan(&n)
	return n > 0, err
}

// HasEvent implements model.Tx.
func (t *writeTx) HasEvent(id string) (bool, error) {
	var n int
	err := t.tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM events WHERE inv = $1 AND id = $2) + (SELECT count(*) FROM trash WHERE inv = $1 AND id = $2)`, t.s.inv, id).Scan(&n)
	return n > 0, err
}

// PutEvent implements model.Tx. It refuses an id that is not one, and
// the id of an event in the trash (which would then be in two places).
func (t *writeTx) PutEvent(e model.Event) error {
	if msg := model.CheckID(e.ID); msg != "" {
		return fmt.Errorf("event %q: %s", e.ID, msg)
	}
	if trashed, err := t.inTrash(e.ID); err != nil || trashed {
		if err == nil {
			err = fmt.Errorf("event %q is in the trash: restore it, or purge it, before writing an event with its id", e.ID)
		}
		return err
	}
	if err := t.touch(e.ID); err != nil {
		return err
	}
	if err := t.mark(e.ID); err != nil {
		return err
	}
	return putEvent(t.tx, t.s.inv, &e)
}

// putEvent writes an event, new or replacing the stored one, and its
// links; the row's version counts its writes.
func putEvent(tx pgx.Tx, inv int64, e *model.Event) error {
	r := rowOf(e)
	// The event's new words go into the vocabulary in the same statement
	// as its row, as the row went alone before there were words.
	_, err := tx.Exec(ctx, `WITH added AS (`+addWordsSQL("$13")+`)
		INSERT INTO events (inv, id, ord, body, status, actors, tags, noted, period, months, cites, search, words)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (inv, id) DO UPDATE SET ord = EXCLUDED.ord, body = EXCLUDED.body, status = EXCLUDED.status,
			actors = EXCLUDED.actors, tags = EXCLUDED.tags, noted = EXCLUDED.noted, period = EXCLUDED.period,
			months = EXCLUDED.months, cites = EXCLUDED.cites, search = EXCLUDED.search, words = EXCLUDED.words,
			version = events.version + 1`,
		inv, r.id, r.ord, r.body, r.status, r.actors, r.tags, r.noted, r.period, r.months, r.cites, r.search, r.words)
	if err != nil {
		return err
	}
	return putLinks(tx, inv, e)
}

// putLinks makes the links table hold the event's links.
func putLinks(tx pgx.Tx, inv int64, e *model.Event) error {
	if _, err := tx.Exec(ctx, `DELETE FROM links WHERE inv = $1 AND source = $2`, inv, e.ID); err != nil {
		return err
	}
	if len(e.Links) == 0 {
		return nil
	}
	targets, rels := make([]string, len(e.Links)), make([]string, len(e.Links))
	for i, l := range e.Links {
		targets[i], rels[i] = l.Event, string(l.Rel)
	}
	_, err := tx.Exec(ctx, `INSERT INTO links (inv, target, source, rel) SELECT $1, t, $2, r FROM unnest($3::text[], $4::text[]) AS x(t, r) ON CONFLICT DO NOTHING`,
		inv, e.ID, targets, rels)
	return err
}

// removeEvent deletes a stored event and its links.
func removeEvent(tx pgx.Tx, inv int64, id string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM events WHERE inv = $1 AND id = $2`, inv, id); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM links WHERE inv = $1 AND source = $2`, inv, id)
	return err
}

// Backlinks implements model.Tx.
func (t *writeTx) Backlinks(id string) ([]model.Incoming, error) {
	in, err := t.s.backlinks(t.tx, []string{id})
	return in[id], err
}

// TrashEvent implements model.Tx.
func (t *writeTx) TrashEvent(id string) error {
	e, _, err := t.s.event(t.tx, id)
	if err != nil {
		return err
	}
	if err := t.touch(id); err != nil {
		return err
	}
	if err := t.mark(id); err != nil {
		return err
	}
	if err := removeEvent(t.tx, t.s.inv, id); err != nil {
		return err
	}
	body, err := json.Marshal(&model.Trashed{Event: e, At: t.now, Author: t.s.author})
	if err != nil {
		return fmt.Errorf("event %q: %w", id, err)
	}
	_, err = t.tx.Exec(ctx, `INSERT INTO trash (inv, id, at, body) VALUES ($1, $2, $3, $4)`, t.s.inv, id, t.now, body)
	return err
}

// Trashed implements model.Tx.
func (t *writeTx) Trashed(id string) (model.Trashed, error) {
	var body []byte
	err := t.tx.QueryRow(ctx, `SELECT body FROM trash WHERE inv = $1 AND id = $2`, t.s.inv, id).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return model.Trashed{}, &model.Missing{Kind: model.MissingTrashed, ID: id}
	}
	if err != nil {
		return model.Trashed{}, err
	}
	return decodeTrashed(id, body)
}

// RestoreEvent implements model.Tx.
func (t *writeTx) RestoreEvent(id string) error {
	tr, err := t.Trashed(id)
	if err != nil {
		return err
	}
	if _, _, err := t.s.event(t.tx, id); err == nil {
		return fmt.Errorf("event %q is both in the trash and on the timeline: purge the one in the trash, or delete the other first", id)
	}
	if err := t.touch(id); err != nil {
		return err
	}
	if _, err := t.tx.Exec(ctx, `DELETE FROM trash WHERE inv = $1 AND id = $2`, t.s.inv, id); err != nil {
		return err
	}
	t.regroup[id] = true
	return putEvent(t.tx, t.s.inv, &tr.Event)
}

// PurgeEvent implements model.Tx.
func (t *writeTx) PurgeEvent(id string) error {
	if _, err := t.Trashed(id); err != nil {
		return err
	}
	if err := t.touch(id); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, `DELETE FROM trash WHERE inv = $1 AND id = $2`, t.s.inv, id)
	return err
}

// Source implements model.Tx.
func (t *writeTx) Source(id string) (model.Source, error) {
	var body []byte
	err := t.tx.QueryRow(ctx, `SELECT body FROM sources WHERE inv = $1 AND id = $2`, t.s.inv, id).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return model.Source{}, &model.Missing{Kind: model.MissingSource, ID: id}
	}
	if err != nil {
		return model.Source{}, err
	}
	return decodeSource(id, body)
}

// touchSource remembers a source as it is before the transaction first
// writes it.
func (t *writeTx) touchSource(id string) error { return t.changes.Source(id, t.state()) }

// PutSource implements model.Tx.
func (t *writeTx) PutSource(src model.Source) error {
	if msg := model.CheckID(src.ID); msg != "" {
		return fmt.Errorf("source %q: %s", src.ID, msg)
	}
	body, err := json.Marshal(src)
	if err != nil {
		return fmt.Errorf("source %q: %w", src.ID, err)
	}
	if err := t.touchSource(src.ID); err != nil {
		return err
	}
	_, err = t.tx.Exec(ctx, `INSERT INTO sources (inv, id, body) VALUES ($1, $2, $3) ON CONFLICT (inv, id) DO UPDATE SET body = EXCLUDED.body`, t.s.inv, src.ID, body)
	return err
}

// DeleteSource implements model.Tx.
func (t *writeTx) DeleteSource(id string) error {
	if _, err := t.Source(id); err != nil {
		return err
	}
	if has, err := t.hasSnapshots(id); err != nil || has {
		if err == nil {
			err = fmt.Errorf("source %q has snapshots of its content, kept as evidence even once withdrawn (an attach undone); it stays", id)
		}
		return err
	}
	if err := t.touchSource(id); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, `DELETE FROM sources WHERE inv = $1 AND id = $2`, t.s.inv, id)
	return err
}

// Citing implements model.Tx: the stored events that cite the source.
func (t *writeTx) Citing(sourceID string) (int, error) {
	var n int
	err := t.tx.QueryRow(ctx, `SELECT count(*) FROM events WHERE inv = $1 AND cites @> ARRAY[$2::text]`, t.s.inv, sourceID).Scan(&n)
	return n, err
}

// Later implements model.Tx: the entries after seq, oldest first.
func (t *writeTx) Later(seq uint64) ([]model.Entry, error) {
	rows, err := t.tx.Query(ctx, `SELECT seq, form, body, hash, prev FROM journal WHERE inv = $1 AND seq > $2 ORDER BY seq`, t.s.inv, int64(seq))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Entry
	for rows.Next() {
		var n int64
		var form int16
		var body, hash, prev []byte
		if err := rows.Scan(&n, &form, &body, &hash, &prev); err != nil {
			return nil, err
		}
		e, err := decodeEntry(n, model.ChainForm(form), body, hash, prev)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Reverts implements model.Tx.
func (t *writeTx) Reverts(seq uint64) { t.changes.Reverts(seq) }

// Rephrase implements model.Tx.
func (t *writeTx) Rephrase(phrase string) { t.changes.Rephrase(phrase) }

// Mention implements model.Tx.
func (t *writeTx) Mention(id string) error { return t.changes.Mention(id, t.state()) }
