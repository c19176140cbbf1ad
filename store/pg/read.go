package pg

import (
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	"chrono/model"
	"chrono/model/journalform"
	"chrono/store/snapshots"

	"github.com/go-json-experiment/json"
	"github.com/jackc/pgx/v5"
)

var txReadOnly = pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}

// notFound is a lookup that found nothing: it says what was missing, and
// is model.ErrNotFound to errors.Is.
type notFound string

func (e notFound) Error() string { return string(e) }
func (e notFound) Unwrap() error { return model.ErrNotFound }

// Header returns the investigation's title and description.
func (s *Store) Header() (model.Header, error) {
	var h model.Header
	err := s.readOne(func(db querier) (err error) {
		h, err = s.header(db)
		return err
	})
	return h, err
}

func (s *Store) header(db querier) (model.Header, error) {
	var h model.Header
	err := db.QueryRow(ctx, `SELECT title, description FROM investigations WHERE id = $1`, s.inv).Scan(&h.Title, &h.Description)
	if errors.Is(err, pgx.ErrNoRows) {
		return h, fmt.Errorf("%w: the investigation %q was removed from the database", model.ErrNoStore, s.name)
	}
	return h, err
}

// Sources returns every source, by id.
func (s *Store) Sources() ([]model.Source, error) {
	var out []model.Source
	err := s.readOne(func(db querier) error {
		out = nil // when run again (readOne)
		rows, err := db.Query(ctx, `SELECT id, body FROM sources WHERE inv = $1 ORDER BY id`, s.inv)
		return eachRow(rows, err, func(id string, body []byte) error {
			src, err := decodeSource(id, body)
			if err == nil {
				out = append(out, src)
			}
			return err
		})
	})
	return out, err
}

func decodeSource(id string, v []byte) (model.Source, error) {
	var src model.Source
	if err := json.Unmarshal(v, &src); err != nil {
		return src, fmt.Errorf("source %q: its stored value is not readable JSON (%v): %w", id, err, model.ErrDamaged)
	}
	return src, nil
}

// event reads a stored event and its order key.
func (s *Store) event(db querier, id string) (model.Event, []byte, error) {
	var ord, body []byte
	err := db.QueryRow(ctx, `SELECT ord, body FROM events WHERE inv = $1 AND id = $2`, s.inv, id).Scan(&ord, &body)
	if errors.Is(err, pgx.ErrNoRows) {
		return model.Event{}, nil, &model.Missing{Kind: model.MissingEvent, ID: id}
	}
	if err != nil {
		return model.Event{}, nil, err
	}
	e, err := decodeEvent(id, body)
	return e, ord, err
}

// Event returns the event with an id.
func (s *Store) Event(id string) (model.Event, error) {
	var e model.Event
	err := s.readOne(func(db querier) (err error) {
		e, _, err = s.event(db, id)
		return err
	})
	return e, err
}

// Position returns where the event with an id is in timeline order.
func (s *Store) Position(id string) (model.Position, error) {
	var p model.Position
	err := s.readOne(func(db querier) error {
		var ord []byte
		err := db.QueryRow(ctx, `SELECT ord FROM events WHERE inv = $1 AND id = $2`, s.inv, id).Scan(&ord)
		if errors.Is(err, pgx.ErrNoRows) {
			return &model.Missing{Kind: model.MissingEvent, ID: id}
		}
		p = model.PositionOf(ord)
		return err
	})
	return p, err
}

// IDs returns the ids of stored events that begin with prefix, in byte
// order, at most limit of them.
func (s *Store) IDs(prefix string, limit int) ([]string, error) {
	var out []string
	err := s.readOne(func(db querier) error {
		rows, err := db.Query(ctx, `SELECT id FROM events WHERE inv = $1 AND id >= $2 AND left(id, length($2)) = $2 ORDER BY id LIMIT $3`, s.inv, prefix, max(limit, 0))
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	return out, err
}

// backlinksSQL reads the links other stored events make to the events
// with ids ($2), in the order of their targets, sources and relations.
const backlinksSQL = `SELECT target, source, rel FROM links WHERE inv = $1 AND target = ANY($2::text[]) ORDER BY target, source, rel`

// backlinks returns the links other stored events make to the events
// with ids, by id, in the order of the links' sources and relations.
func (s *Store) backlinks(db querier, ids []string) (map[string][]model.Incoming, error) {
	rows, err := db.Query(ctx, backlinksSQL, s.inv, ids)
	if err != nil {
		return nil, err
	}
	return scanBacklinks(rows)
}

// scanBacklinks reads the rows of backlinksSQL, and closes them.
func scanBacklinks(rows pgx.Rows) (map[string][]model.Incoming, error) {
	defer rows.Close()
	out := map[string][]model.Incoming{}
	for rows.Next() {
		var target, source, rel string
		if err := rows.Scan(&target, &source, &rel); err != nil {
			return nil, err
		}
		out[target] = append(out[target], model.Incoming{From: source, Rel: model.Rel(rel)})
	}
	return out, rows.Err()
}

// IncomingLinks returns, by id, the links other events make to each of
// the events, in one query.
func (s *Store) IncomingLinks(ids []string) (map[string][]model.Incoming, error) {
	var out map[string][]model.Incoming
	err := s.readOne(func(db querier) (err error) {
		out, err = s.backlinks(db, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return withEvery(out, ids), nil
}

// Detail returns an event with the sources it cites, its links in both
// directions, the titles of the linked events, its latest changes and
// its sources' snapshots, read in one round trip (readBatch): the
// sources and their snapshots by the event's cites column, the titles of
// the events at either end of its rows in the links table, in the
// timeline or in the trash.
func (s *Store) Detail(id string) (model.Detail, error) {
	history := model.JournalQuery{Event: id, Limit: model.DetailHistory}
	const latest = 1 << 62 // before every entry
	var b pgx.Batch
	b.Queue(`SELECT ord, body FROM events WHERE inv = $1 AND id = $2`, s.inv, id)
	b.Queue(`SELECT id, body FROM sources WHERE inv = $1 AND id = ANY((SELECT cites FROM events WHERE inv = $1 AND id = $2)::text[])`, s.inv, id)
	b.Queue(backlinksSQL, s.inv, []string{id})
	b.Queue(`SELECT id, body FROM events WHERE inv = $1 AND id IN (`+linkedSQL+`)`, s.inv, id)
	b.Queue(`SELECT id, body FROM trash WHERE inv = $1 AND id IN (`+linkedSQL+`)`, s.inv, id)
	b.Queue(`SELECT source, n, meta FROM snapshots WHERE inv = $1
		AND source = ANY((SELECT cites FROM events WHERE inv = $1 AND id = $2)::text[]) ORDER BY source, n`, s.inv, id)
	b.Queue(versionSQL, s.inv)
	sql, args := s.journalSQL(history, latest, model.DetailHistory)
	b.Queue(sql, args...)
	var d model.Detail
	var in map[string][]model.Incoming
	var linked map[string]model.Event
	var trashed map[string]string // titles of linked events in the trash
	var metas map[string][]snapshots.Record
	var seq int64
	var page []journalRow
	err := s.readBatch(&b, func(br pgx.BatchResults) error {
		var ord, body []byte
		err := br.QueryRow().Scan(&ord, &body)
		if errors.Is(err, pgx.ErrNoRows) {
			return &model.Missing{Kind: model.MissingEvent, ID: id}
		}
		if err != nil {
			return err
		}
		e, err := decodeEvent(id, body)
		if err != nil {
			return err
		}
		d = model.Detail{Event: e, Sources: map[string]model.Source{}, Titles: map[string]string{}, Snapshots: map[string][]model.Snapshot{}}
		rows, err := br.Query()
		err = eachRow(rows, err, func(sid string, body []byte) (err error) {
			d.Sources[sid], err = decodeSource(sid, body)
			return err
		})
		if err != nil {
			return err
		}
		if rows, err = br.Query(); err != nil {
			return err
		}
		if in, err = scanBacklinks(rows); err != nil {
			return err
		}
		linked = map[string]model.Event{}
		rows, err = br.Query()
		err = eachRow(rows, err, func(other string, body []byte) (err error) {
			linked[other], err = decodeEvent(other, body)
			return err
		})
		if err != nil {
			return err
		}
		trashed = map[string]string{}
		rows, err = br.Query()
		err = eachRow(rows, err, func(other string, body []byte) error {
			t, err := decodeTrashed(other, body)
			trashed[other] = t.Event.Title
			return err
		})
		if err != nil {
			return err
		}
		if metas, err = scanSnapshotMetas(br.Query()); err != nil {
			return err
		}
		if err := br.QueryRow().Scan(&seq); err != nil {
			return err
		}
		page, err = scanJournal(br.Query())
		return err
	})
	if err != nil {
		return model.Detail{}, err
	}
	d.Related = model.Relations(&d.Event, in[id])
	for _, r := range d.Related {
		if other, ok := linked[r.Event]; ok {
			d.Titles[r.Event] = other.Title
		} else if title, ok := trashed[r.Event]; ok {
			if d.Trashed == nil {
				d.Trashed = map[string]string{}
			}
			d.Trashed[r.Event] = title
		}
	}
	for sid, m := range metas {
		if _, ok := d.Sources[sid]; !ok {
			continue
		}
		if listed := snapshots.Listed(m, false); len(listed) > 0 {
			d.Snapshots[sid] = listed
		}
	}
	d.Version = s.versionOf(seq)
	// A head not kept is read on its own; and should the page not hold
	// the latest changes (entries it leaves out), the journal is read.
	var done bool
	own := history
	own.Linked = false
	err = s.readOne(func(db querier) (err error) {
		if d.History, _, done, err = s.journalPage(db, own, page, nil, latest); err != nil {
			return err
		}
		if !done && len(page) == model.DetailHistory {
			if d.History, err = s.journalIn(db, own); err != nil {
				return err
			}
		}
		// The changes to the links others make to the event are not in
		// its history rows: its linking rows name them.
		linking, err := s.linkingIn(db, history)
		d.History = mergeNewest(d.History, linking, model.DetailHistory)
		return err
	})
	if err != nil {
		return model.Detail{}, err
	}
	return d, nil
}

// linkedSQL selects the ids of the events at the other end of the links
// of event $2 of investigation $1, either way.
const linkedSQL = `SELECT source FROM links WHERE inv = $1 AND target = $2 UNION SELECT target FROM links WHERE inv = $1 AND source = $2`

// eachRow calls fn with each row of rows, an id and a body, and closes
// them; err is the error of the query that gave them.
func eachRow(rows pgx.Rows, err error, fn func(id string, body []byte) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var body []byte
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		if err := fn(id, body); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Facets counts events by tag, actor, status or cited source, most
// frequent first, then by name: from the kept counts (counts.go), exact.
func (s *Store) Facets(kind model.FacetKind) ([]model.Facet, error) {
	var facet string
	sql := `SELECT name, n FROM facet_counts WHERE inv = $1 AND kind = $2 AND n <> 0`
	switch kind {
	case model.FacetTags:
		facet = "t"
	case model.FacetActors:
		facet = "a"
	case model.FacetStatuses:
		facet = "s"
	case model.FacetSources:
		facet = "c" // the events citing the source (keepCited)
	default:
		return nil, fmt.Errorf("no facets of kind %d", kind)
	}
	args := []any{s.inv, facet}
	if facet == "c" && !s.citedKept {
		sql, args = citedCountsSQL, []any{s.inv}
	}
	var out []model.Facet
	err := s.readOne(func(db querier) error {
		out = nil // when run again (readOne)
		rows, err := db.Query(ctx, sql, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f model.Facet
			if err := rows.Scan(&f.Name, &f.Count); err != nil {
				return err
			}
			out = append(out, f)
		}
		return rows.Err()
	})
	slices.SortFunc(out, func(a, b model.Facet) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return out, err
}

// Version changes whenever the investigation does: every change is a
// journal entry, committed with it.
func (s *Store) Version() (string, error) {
	var seq int64
	err := s.readOne(func(db querier) error {
		return db.QueryRow(ctx, versionSQL, s.inv).Scan(&seq)
	})
	return s.versionOf(seq), err
}

// versionSQL reads the sequence number of the investigation's latest
// journal entry ($1), which its Version is made of.
const versionSQL = `SELECT coalesce(max(seq), 0) FROM journal WHERE inv = $1`

// versionOf is the Version of the investigation at its journal entry seq.
func (s *Store) versionOf(seq int64) string { return fmt.Sprintf("%d/%d", s.inv, seq) }

// Trash returns the events in the trash, most recently deleted first.
func (s *Store) Trash() ([]model.Trashed, error) {
	var out []model.Trashed
	err := s.readOne(func(db querier) error {
		out = nil // when run again (readOne)
		rows, err := db.Query(ctx, `SELECT id, body FROM trash WHERE inv = $1`, s.inv)
		return eachRow(rows, err, func(id string, body []byte) error {
			t, err := decodeTrashed(id, body)
			if err == nil {
				out = append(out, t)
			}
			return err
		})
	})
	model.SortTrash(out)
	return out, err
}

func decodeTrashed(id string, v []byte) (model.Trashed, error) {
	var t model.Trashed
	if err := json.Unmarshal(v, &t); err != nil {
		return t, fmt.Errorf("event %q in the trash: its stored value is not readable JSON (%v): %w", id, err, model.ErrDamaged)
	}
	return t, nil
}

// decodeEntry reads an entry stored in form, with its link in the
// journal's chain.
func decodeEntry(seq int64, form model.ChainForm, v, hash, prev []byte) (model.Entry, error) {
	e, err := journalform.Decode(uint64(seq), form, v)
	if err != nil {
		return e, err
	}
	e.Hash, e.Prev = hex.EncodeToString(hash), hex.EncodeToString(prev)
	return e, nil
}

// Journal returns the entries q selects, newest first: an event's from
// the history table, the others from the end of the journal backwards, a
// page at a time.
func (s *Store) Journal(q model.JournalQuery) ([]model.Entry, error) {
	var out []model.Entry
	err := s.readOne(func(db querier) (err error) {
		out, err = s.journalIn(db, q)
		return err
	})
	return out, err
}

// journalIn is Journal read through db.
func (s *Store) journalIn(db querier, q model.JournalQuery) ([]model.Entry, error) {
	if q.Event != "" && q.Linked {
		return s.linkedJournalIn(db, q)
	}
	var out []model.Entry
	before := int64(1) << 62
	if q.Before != 0 {
		before = int64(q.Before)
	}
	for {
		sql, args := s.journalSQL(q, before, batch)
		page, err := scanJournal(db.Query(ctx, sql, args...))
		if err != nil {
			return out, err
		}
		var done bool
		if out, before, done, err = s.journalPage(db, q, page, out, before); err != nil || done || len(page) < batch {
			return out, err
		}
	}
}

// journalSQL is the statement that reads a page of up to limit rows of
// the journal q selects, back from the entry before before. An entry's
// head and an event's own change stand for its body where they answer
// (heads.go).
func (s *Store) journalSQL(q model.JournalQuery, before int64, limit int) (string, []any) {
	if q.Event != "" {
		return `SELECT j.seq, CASE WHEN j.head IS NOT NULL AND h.change IS NOT NULL THEN
				CASE WHEN j.seq = ANY($6) THEN NULL ELSE j.head END ELSE j.body END,
			j.head IS NOT NULL AND h.change IS NOT NULL, h.change, j.hash, j.prev, j.form FROM history h JOIN journal j ON j.inv = h.inv AND j.seq = h.seq
			WHERE h.inv = $1 AND h.id = $2 AND h.seq < $3 AND h.seq > $5 ORDER BY h.seq DESC LIMIT $4`,
			[]any{s.inv, q.Event, before, limit, int64(q.After), s.heads.known()}
	}
	heads := q.HeadsOnly || q.MostEvents > 0 && q.MostEvents <= headEvents
	return `SELECT seq, CASE WHEN $4 AND head IS NOT NULL THEN CASE WHEN seq = ANY($6) THEN NULL ELSE head END ELSE body END,
			$4 AND head IS NOT NULL, NULL::bytea, hash, prev, form
			FROM journal WHERE inv = $1 AND seq < $2 AND seq > $5 ORDER BY seq DESC LIMIT $3`,
		[]any{s.inv, before, limit, heads, int64(q.After), s.heads.known()}
}

// journalRow is a row of journalSQL.
type journalRow struct {
	seq                      int64
	body, change, hash, prev []byte
	head                     bool
	form                     int16
}

// scanJournal reads the rows of journalSQL, and closes them; err is the
// error of the query that gave them.
func scanJournal(rows pgx.Rows, err error) ([]journalRow, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []journalRow
	for rows.Next() {
		var r journalRow
		if err := rows.Scan(&r.seq, &r.body, &r.head, &r.change, &r.hash, &r.prev, &r.form); err != nil {
			return nil, err
		}
		page = append(page, r)
	}
	return page, rows.Err()
}

// journalPage decodes a page of journalSQL's rows, read back from
// before, onto out, and returns where the next page starts (before, for
// an empty page), and done when out holds q.Limit entries. A head not
// kept is read through db.
func (s *Store) journalPage(db querier, q model.JournalQuery, page []journalRow, out []model.Entry, before int64) (_ []model.Entry, next int64, done bool, err error) {
	for _, r := range page {
		var e model.Entry
		if r.head {
			e, err = s.heads.decode(r.seq, r.body, r.hash, r.prev, func() (head []byte, err error) {
				err = db.QueryRow(ctx, `SELECT head FROM journal WHERE inv = $1 AND seq = $2`, s.inv, r.seq).Scan(&head)
				return head, err
			})
		} else {
			e, err = decodeEntry(r.seq, model.ChainForm(r.form), r.body, r.hash, r.prev)
		}
		if err != nil {
			return out, before, false, err
		}
		before = r.seq
		if r.head {
			if e, err = fromHead(q, e, r.change); err != nil {
				return out, before, false, err
			}
		}
		if !q.Matches(&e) {
			continue
		}
		if !r.head {
			e = q.Trim(e)
		}
		out = append(out, e)
		if q.Limit > 0 && len(out) >= q.Limit {
			return out, before, true, nil
		}
	}
	return out, before, false, nil
}

// Entry returns the journal entry with a sequence number.
func (s *Store) Entry(seq uint64) (model.Entry, error) {
	var e model.Entry
	err := s.readOne(func(db querier) error {
		var body, hash, prev []byte
		var form int16
		err := db.QueryRow(ctx, `SELECT form, body, hash, prev FROM journal WHERE inv = $1 AND seq = $2`, s.inv, int64(seq)).Scan(&form, &body, &hash, &prev)
		if errors.Is(err, pgx.ErrNoRows) {
			var last int64
			if err := db.QueryRow(ctx, `SELECT coalesce(max(seq), 0) FROM journal WHERE inv = $1`, s.inv).Scan(&last); err != nil {
				return err
			}
			return notFound(fmt.Sprintf("no journal entry #%d in %s (the journal goes up to #%d)", seq, s.loc, last))
		}
		if err != nil {
			return err
		}
		e, err = decodeEntry(int64(seq), model.ChainForm(form), body, hash, prev)
		return err
	})
	return e, err
}
