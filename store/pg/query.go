package pg

import (
	"bytes"
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// plan is a query as the database answers it: the parts of model.Query
// that columns answer exactly (tags, statuses, actors, sources, untagged, noted,
// ids, links) as SQL conditions, and the rest (dates, text) checked here
// on each candidate with model.Query.Matches, the definition every store
// agrees with. The database narrows a search's candidates by the events'
// search key (search.go), which selects every match and may select more.
type plan struct {
	q     model.Query
	where string // " AND ..." conditions on the events table
	args  []any  // $1 is the investigation
	inGo  bool   // some part is checked here
	// search is the condition of a search on the search key ("" when
	// there is none), kept apart from where for the walk's first look
	// (search.go). A search's queries are planned with the values they
	// are run with.
	search string
	// fragments narrow a search past its first look by the words of the
	// events' keys (words.go, wordsWhere).
	fragments []string
}

func (p *plan) arg(v any) string {
	p.args = append(p.args, v)
	return fmt.Sprintf("$%d", len(p.args))
}

func (s *Store) plan(q model.Query) *plan {
	p := &plan{q: q, args: []any{s.inv}}
	if len(q.Tags) > 0 {
		p.where += " AND tags && " + p.arg(q.Tags) + "::text[]"
	}
	if len(q.Statuses) > 0 {
		st := make([]string, len(q.Statuses))
		for i, x := range q.Statuses {
			st[i] = string(x)
		}
		p.where += " AND status = ANY(" + p.arg(st) + "::text[])"
	}
	if len(q.Actors) > 0 {
		p.where += " AND actors && " + p.arg(q.Actors) + "::text[]"
	}
	if len(q.Sources) > 0 {
		p.where += " AND cites && " + p.arg(q.Sources) + "::text[]"
	}
	if q.Untagged {
		p.where += " AND cardinality(tags) = 0"
	}
	if q.Noted {
		p.where += " AND noted"
	}
	if q.ByID {
		// The primary key answers it: none when it names none.
		p.where += " AND id = ANY(" + p.arg(append([]string{}, q.IDs...)) + "::text[])"
	}
	if q.Text != "" {
		// A tag is searched as it is shown, #key, and keyed without its
		// #: the text without it selects a superset, which Go narrows.
		if pieces := model.FoldPattern(strings.TrimPrefix(q.Text, "#")); len(pieces) > 0 {
			p.search = "search LIKE " + p.arg(searchPattern(pieces))
			p.fragments = searchFragments(pieces)
		}
	}
	if len(q.Linked) > 0 {
		// An event has a link q.Linked names when it makes one of those
		// relations (a links row it is the source of), or another event
		// makes it one whose inverse is among them (a row it is the
		// target of): both looked up in the links table's indexes.
		var own, made []string
		for _, r := range q.Linked {
			own = append(own, string(r))
		}
		for _, r := range model.Rels {
			if slices.Contains(q.Linked, r.Inverse()) {
				made = append(made, string(r))
			}
		}
		p.where += " AND (id IN (SELECT source FROM links WHERE inv = $1 AND rel = ANY(" + p.arg(own) + "::text[]))" +
			" OR id IN (SELECT target FROM links WHERE inv = $1 AND rel = ANY(" + p.arg(made) + "::text[])))"
	}
	p.inGo = !q.During.IsZero() || q.Text != ""
	return p
}

// wordsWhere returns the conditions that select the events whose words
// hold each of the search's fragments, with args and the fragments'
// patterns: a vocabulary word that holds the fragment, for each.
func (p *plan) wordsWhere(args []any) (string, []any) {
	var b strings.Builder
	for _, f := range p.fragments {
		args = append(args, "%"+f+"%")
		fmt.Fprintf(&b, " AND words && ARRAY(SELECT word FROM search_words WHERE word LIKE $%d)", len(args))
	}
	return b.String(), args
}

// keeps reports whether a candidate the conditions let through matches
// the rest of the query.
func (p *plan) keeps(id string, body []byte) (bool, error) {
	if !p.inGo {
		return true, nil
	}
	e, err := decodeEvent(id, body)
	if err != nil {
		return false, err
	}
	q := p.q
	q.Linked = nil // answered by the conditions
	return q.Matches(&e), nil
}

// candidate is one row a walk reads; hit is unset for a row a search's
// first look reads that its key rules out.
type candidate struct {
	ord, body []byte
	hit       bool
}

// batch is how many rows a walk reads in one query.
const batch = 256

// walk calls fn with the events p selects, in timeline order from the
// first at or after from (nil: the start), or backward from the last
// before from (nil: the end), reading a page of rows at a time by their
// order key (keyset pagination on events_order). It looks at no more
// than limit candidates (0: no limit) and returns where the next piece
// goes on (at or after next; backward, before it), or nil when fn stopped
// or the candidates ran out. The body is read only when withBody is set
// or p needs it.
func (s *Store) walk(db querier, p *plan, from []byte, backward bool, limit int, withBody bool, fn func(c candidate) (bool, error)) (next []byte, err error) {
	body := "NULL::bytea"
	if withBody || p.inGo {
		body = "body"
	}
	order, op := "ASC", ">="
	if backward {
		order, op = "DESC", "<"
	}
	seen := 0
	var last []byte
	// A search first looks at the rows next to from (search.go).
	look := p.search != ""
	for {
		args := append([]any(nil), p.args...)
		where := p.where
		if from != nil {
			args = append(args, from)
			where += fmt.Sprintf(" AND ord %s $%d", op, len(args))
		}
		n := batch
		if limit > 0 {
			n = min(n, limit-seen+1)
		}
		var sql string
		switch {
		case look:
			n = lookRows
			args = append(args, n)
			sql = fmt.Sprintf(`SELECT ord, CASE WHEN hit THEN body END, hit FROM (
				SELECT ord, %s AS body, %s AS hit FROM events WHERE inv = $1%s ORDER BY ord %s LIMIT $%d) AS near
				ORDER BY ord %s`, body, p.search, where, order, len(args), order)
		case p.search != "":
			var words string
			words, args = p.wordsWhere(args)
			where += " AND " + p.search + words
			fallthrough
		default:
			sql, args = pageSQL(body, where, order, args, n)
		}
		if p.search != "" {
			args = append([]any{pgx.QueryExecModeExec}, args...)
		}
		rows, err := db.Query(ctx, sql, args...)
		page, err := scanCandidates(rows, err)
		if err != nil {
			return nil, err
		}
		look = false
		for _, c := range page {
			if !c.hit {
				last = c.ord
				continue
			}
			if limit > 0 && seen == limit {
				if backward {
					return last, nil
				}
				return c.ord, nil
			}
			seen++
			last = c.ord
			ok, err := p.keeps(model.OrderKeyID(c.ord), c.body)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			more, err := fn(c)
			if err != nil || !more {
				return nil, err
			}
		}
		if len(page) < n {
			return nil, nil
		}
		// The next page starts after the last row of this one.
		from, op = last, ">"
		if backward {
			op = "<"
		}
	}
}

// pageSQL is the statement that reads up to n rows of the events table
// that where selects (with args, $1 the investigation), by their order
// key in order (ASC or DESC), with body (a column, or NULL).
func pageSQL(body, where, order string, args []any, n int) (string, []any) {
	args = append(args, n)
	return fmt.Sprintf(`SELECT ord, %s, true FROM events WHERE inv = $1%s ORDER BY ord %s LIMIT $%d`, body, where, order, len(args)), args
}

// Events iterates over the events q selects in timeline order, a page of
// rows at a time: each page is read in a query of its own, so a long
// loop holds no transaction open.
func (s *Store) Events(q model.Query) iter.Seq2[model.Event, error] {
	return func(yield func(model.Event, error) bool) {
		p := s.plan(q)
		if len(q.Linked) > 0 && p.search == "" {
			s.eventsByKeys(p, yield)
			return
		}
		var from []byte
		for {
			var page []model.Event
			err := s.read(func(db querier) error {
				var err error
				from, err = s.walk(db, p, from, false, batch, true, func(r candidate) (bool, error) {
					e, err := decodeEvent(model.OrderKeyID(r.ord), r.body)
					page = append(page, e)
					return err == nil, err
				})
				return err
			})
			if err != nil {
				yield(model.Event{}, err)
				return
			}
			for _, e := range page {
				if !yield(e, nil) {
					return
				}
			}
			if from == nil {
				return
			}
		}
	}
}

// eventsByKeys is Events for a filter by links: it reads the keys of the
// events p selects in one statement, then the events a page of keys at a
// time, each page in a transaction of its own as Events reads. Read a
// page at a time by the order index, as other filters are, each page
// looked up the investigation's links again and read every event's row
// from where the page before ended to find the linked ones: at a million
// events the browser's check of the linked events' order (an eighth of
// the events) took 1,027 such pages, 152 s of the server's time, where
// the keys take 1.4 s and their pages about 8 ms each.
//
// A page reads its events by id, as they are now, and keeps those the
// query still selects: what changed between the two reads is seen as a page at
// a time by the order index would see it. An event whose key moved on
// (retitled, dated again, its linked group placed again) comes at its new
// place; one that moved back before the pages read comes no more, as one
// that changes behind a walk's pages. An event that came to be selected
// after the keys were read does not come.
func (s *Store) eventsByKeys(p *plan, yield func(model.Event, error) bool) {
	var keys [][]byte
	err := s.read(func(db querier) error {
		rows, err := db.Query(ctx, `SELECT ord FROM events WHERE inv = $1`+p.where+` ORDER BY ord`, p.args...)
		if err == nil {
			keys, err = pgx.CollectRows(rows, pgx.RowTo[[]byte])
		}
		return err
	})
	var passed []byte // the last key of the pages read
	for err == nil && len(keys) > 0 {
		n := min(keyPage, len(keys))
		page, last := keys[:n], keys[n-1]
		ids := make([]string, n)
		for i, k := range page {
			ids[i] = model.OrderKeyID(k)
		}
		var found []candidate
		incoming := map[string][]model.Incoming{}
		err = s.read(func(db querier) error {
			rows, err := db.Query(ctx, `SELECT ord, body, `+rowLinks+`, true FROM events WHERE inv = $1 AND id = ANY($2::text[])`, s.inv, ids)
			found, err = scanLinked(rows, err, incoming)
			return err
		})
		if err != nil {
			break
		}
		clear(page) // let the keys read go
		keys = keys[n:]
		var events []model.Event
		slices.SortFunc(found, func(a, b candidate) int { return bytes.Compare(a.ord, b.ord) })
		for _, c := range found {
			switch {
			case bytes.Compare(c.ord, last) > 0:
				// Moved on past this page: it comes at its place.
				at, _ := slices.BinarySearchFunc(keys, c.ord, bytes.Compare)
				keys = slices.Insert(keys, at, c.ord)
				continue
			case passed != nil && bytes.Compare(c.ord, passed) <= 0:
				continue // moved back behind the pages read
			}
			id := model.OrderKeyID(c.ord)
			e, derr := decodeEvent(id, c.body)
			if derr != nil {
				err = derr
				break
			}
			if p.q.MatchesIn(&e, incoming[id]) {
				events = append(events, e)
			}
		}
		if err != nil {
			break
		}
		passed = last
		for _, e := range events {
			if !yield(e, nil) {
				return
			}
		}
	}
	if err != nil {
		yield(model.Event{}, err)
	}
}

// keyPage is how many events eventsByKeys reads in one statement.
var keyPage = batch

// read runs fn on the connection in one read-only transaction at
// repeatable read, so that the queries of one answer see one state.
func (s *Store) read(fn func(db querier) error) error {
	l := s.take()
	defer s.give(l)
	tx, err := s.beginTx(l, txReadOnly)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return s.fail(err)
	}
	return s.fail(tx.Commit(ctx))
}

// Count returns how many events q selects: from the kept counts when
// they hold it (counts.go), counted by the database when its conditions
// answer the whole query.
func (s *Store) Count(q model.Query) (int, error) {
	n := 0
	err := s.read(func(db querier) (err error) {
		n, err = s.countBefore(db, s.plan(q), nil)
		return err
	})
	return n, err
}

// countBefore counts the events p selects before ord (nil: all).
func (s *Store) countBefore(db querier, p *plan, ord []byte) (int, error) {
	n := 0
	if sql, args, ok := s.countSQL(p, ord); ok {
		err := db.QueryRow(ctx, sql, args...).Scan(&n)
		return n, err
	}
	if ord != nil {
		// Walk back from ord: what comes before it is all there is.
		_, err := s.walk(db, p, ord, true, 0, false, func(candidate) (bool, error) { n++; return true, nil })
		return n, err
	}
	_, err := s.walk(db, p, nil, false, 0, false, func(candidate) (bool, error) { n++; return true, nil })
	return n, err
}

// countSQL returns the statement that counts the events p selects
// before ord (nil: all), and false when the database does not answer p
// alone: the kept counts answer the whole investigation's count and its
// ranks (counts.go), the database counts the rest.
func (s *Store) countSQL(p *plan, ord []byte) (string, []any, bool) {
	if p.inGo {
		return "", nil, false
	}
	if ord == nil {
		if sql, args, ok := s.keptCountSQL(p.q); ok {
			return sql, args, true
		}
	} else if p.q.IsZero() { // the whole investigation's, before a key
		sql, args := s.rank(ord)
		return sql, args, true
	}
	args := append([]any(nil), p.args...)
	where := p.where
	if ord != nil {
		args = append(args, ord)
		where += fmt.Sprintf(" AND ord < $%d", len(args))
	}
	return `SELECT count(*) FROM events WHERE inv = $1` + where, args, true
}

// CountFrom counts the events q selects at or after from, looking at no
// more than limit candidates, and returns where to go on (zero when the
// view is done). A count the database answers alone is answered at once.
func (s *Store) CountFrom(q model.Query, from model.Position, limit int) (n int, next model.Position, err error) {
	err = s.read(func(db querier) error {
		p := s.plan(q)
		if from.IsZero() && !p.inGo {
			n, err = s.countBefore(db, p, nil)
			return err
		}
		k, err := s.walk(db, p, from.Key(), false, max(limit, 1), false, func(candidate) (bool, error) { n++; return true, nil })
		if k != nil {
			next = model.PositionOf(k)
		}
		return err
	})
	return n, next, err
}

// Find looks for the first event q selects at or after from, or, when
// backward, the last before from (zero: the end), looking at no more
// than limit candidates.
func (s *Store) Find(q model.Query, from model.Position, backward bool, limit int) (hit, next model.Position, err error) {
	err = s.read(func(db querier) error {
		p := s.plan(q)
		k, err := s.walk(db, p, from.Key(), backward, max(limit, 1), false, func(c candidate) (bool, error) {
			hit = model.PositionOf(c.ord)
			return false, nil
		})
		if k != nil {
			next = model.PositionOf(k)
		}
		return err
	})
	return hit, next, err
}

// Window returns up to before events of the view q selects that come
// before at and up to after events from at on, in timeline order, with
// the rank of the first in the view.
func (s *Store) Window(q model.Query, at model.Position, fromEnd bool, before, after int) (model.Window, error) {
	pg, err := s.page(q, model.PageAt{At: at, FromEnd: fromEnd, Before: before, After: after}, false)
	return pg.Window, err
}

// Page is Window with the links other events make to each row's event:
// for a query the database answers alone, in the same round trip.
func (s *Store) Page(q model.Query, at model.PageAt) (model.Page, error) {
	return s.page(q, at, true)
}

// page reads a Page, its links only when incoming.
func (s *Store) page(q model.Query, at model.PageAt, incoming bool) (model.Page, error) {
	anchor := at.At.Key()
	if at.FromEnd {
		anchor, at.After = nil, 0 // from the end, after is ignored
	}
	before, after := at.Before, at.After
	p := s.plan(q)
	readBack := before > 0 && (anchor != nil || at.FromEnd)
	if !p.inGo && p.search == "" {
		return s.pageAtOnce(p, anchor, readBack, at, incoming)
	}
	var pg model.Page
	err := s.read(func(db querier) error {
		rowsOf := func(backward bool, n int) ([]model.Row, error) {
			var out []model.Row
			if n <= 0 {
				return nil, nil
			}
			_, err := s.walk(db, p, anchor, backward, 0, true, func(c candidate) (bool, error) {
				r, err := rowOfCandidate(c, incoming)
				out = append(out, r)
				return err == nil && len(out) < n, err
			})
			return out, err
		}
		var back, fwd []model.Row
		var err error
		if readBack {
			if back, err = rowsOf(true, before); err != nil {
				return err
			}
		}
		if fwd, err = rowsOf(false, after); err != nil {
			return err
		}
		pg.Window = windowOf(back, fwd, anchor == nil && !at.FromEnd, at.FromEnd, before, after)
		if len(pg.Rows) > 0 && !at.Uncounted {
			if pg.Start, err = s.countBefore(db, p, pg.Rows[0].Pos.Key()); err != nil {
				return err
			}
		}
		if incoming {
			pg.Incoming, err = s.backlinks(db, pg.IDs())
		}
		return err
	})
	if err != nil {
		return model.Page{}, err
	}
	if incoming {
		pg.Incoming = withEvery(pg.Incoming, pg.IDs())
	}
	return pg, nil
}

// pageAtOnce is page for a query the database answers alone: the rows
// before the anchor, the rows from it, the count before it and the
// links to them, in one round trip (readBatch). The rows before the
// anchor are all of the view's, so the first row's rank is the anchor's
// less their number.
func (s *Store) pageAtOnce(p *plan, anchor []byte, readBack bool, at model.PageAt, incoming bool) (model.Page, error) {
	before, after := at.Before, at.After // after is 0 from the end (page)
	body := "body"
	if incoming {
		body = "body, " + rowLinks
	}
	var b pgx.Batch
	// The whole investigation's statements are planned once for any
	// values: the plan is the same for all (the order's index), and
	// planning each read again took longer than running it (0.3 ms a
	// page, and 1.2–1.5 ms a rank, whose tick sums depend on the key).
	// The setting ends with the read's transaction. A filter's plan may
	// depend on its values (a rare tag, a common one), so it is planned
	// for them each time.
	generic := p.q.IsZero() && s.planOnce
	if generic {
		b.Queue(`SET LOCAL plan_cache_mode = force_generic_plan`)
	}
	if readBack {
		sql, args := pageWhere(p, body, anchor, "<", "DESC", before)
		b.Queue(sql, args...)
	}
	readFwd := after > 0
	if readFwd {
		sql, args := pageWhere(p, body, anchor, ">=", "ASC", after)
		b.Queue(sql, args...)
	}
	// Nothing comes before the first of a window from the start.
	counted := (anchor != nil || at.FromEnd) && !at.Uncounted
	if counted {
		sql, args, _ := s.countSQL(p, anchor)
		b.Queue(sql, args...)
	}
	var back, fwd []model.Row
	var n int
	var in map[string][]model.Incoming
	if incoming {
		in = map[string][]model.Incoming{}
	}
	scan := func(rows pgx.Rows, err error) ([]model.Row, error) { return scanRows(rows, err, in) }
	err := s.readBatch(&b, func(br pgx.BatchResults) (err error) {
		if generic {
			if _, err := br.Exec(); err != nil {
				return err
			}
		}
		if readBack {
			if back, err = scan(br.Query()); err != nil {
				return err
			}
		}
		if readFwd {
			if fwd, err = scan(br.Query()); err != nil {
				return err
			}
		}
		if counted {
			return br.QueryRow().Scan(&n)
		}
		return nil
	})
	if err != nil {
		return model.Page{}, err
	}
	pg := model.Page{Window: windowOf(back, fwd, anchor == nil && !at.FromEnd, at.FromEnd, before, after)}
	if len(pg.Rows) > 0 && counted {
		pg.Start = n - len(back)
	}
	if incoming {
		pg.Incoming = withEvery(in, pg.IDs())
	}
	return pg, nil
}

// rowLinks is the column of a row's links from other events, each
// "source/rel" (no relation has a slash), in backlinksSQL's order, read
// with the row by the index of the links, for the rows a page returns
// alone; only for a row whose flag says it has some (flagLinkTargets).
const rowLinks = `CASE WHEN events.linked_to THEN ARRAY(SELECT l.source || '/' || l.rel FROM links l WHERE l.inv = $1 AND l.target = events.id ORDER BY l.source, l.rel) ELSE '{}' END`

// withEvery puts each id in links, with none when it has none.
func withEvery(links map[string][]model.Incoming, ids []string) map[string][]model.Incoming {
	if links == nil {
		links = map[string][]model.Incoming{}
	}
	for _, id := range ids {
		if _, ok := links[id]; !ok {
			links[id] = nil
		}
	}
	return links
}

// pageWhere is the statement that reads up to n of the rows p selects,
// with the columns body names (their bodies, and perhaps rowLinks), from
// the order key from on (op ">=" ASC) or back from it (op "<" DESC);
// nil: from an end.
func pageWhere(p *plan, body string, from []byte, op, order string, n int) (string, []any) {
	args := append([]any(nil), p.args...)
	where := p.where
	if from != nil {
		args = append(args, from)
		where += fmt.Sprintf(" AND ord %s $%d", op, len(args))
	}
	return pageSQL(body, where, order, args, n)
}

// scanCandidates reads rows of a walk's or a window's query (ord, body,
// hit), and closes them; err is the error of the query that gave them.
func scanCandidates(rows pgx.Rows, err error) ([]candidate, error) {
	return scanLinked(rows, err, nil)
}

// scanLinked is scanCandidates for rows read with rowLinks after the
// body when incoming is not nil: their links go in incoming, by the
// row's event id.
func scanLinked(rows pgx.Rows, err error, incoming map[string][]model.Incoming) ([]candidate, error) {
	var out []candidate
	err = eachLinked(rows, err, incoming, func(c candidate) error {
		out = append(out, c)
		return nil
	})
	return out, err
}

// scanRows is scanLinked for a page's rows, each decoded as it comes:
// while the server reads the rows after it, and the batch's statements
// after them. A Page's rows (with incoming) are decoded to be kept whole.
func scanRows(rows pgx.Rows, err error, incoming map[string][]model.Incoming) ([]model.Row, error) {
	var out []model.Row
	err = eachLinked(rows, err, incoming, func(c candidate) error {
		r, err := rowOfCandidate(c, incoming != nil)
		out = append(out, r)
		return err
	})
	return out, err
}

// eachLinked gives fn each row of rows as scanLinked reads it, and
// closes them; err is the error of the query that gave them.
func eachLinked(rows pgx.Rows, err error, incoming map[string][]model.Incoming, fn func(candidate) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c candidate
		var links []string
		dst := []any{&c.ord, &c.body, &c.hit}
		if incoming != nil {
			dst = []any{&c.ord, &c.body, &links, &c.hit}
		}
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		if incoming != nil {
			in, err := incomingOf(model.OrderKeyID(c.ord), links)
			if err != nil {
				return err
			}
			incoming[model.OrderKeyID(c.ord)] = in
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// incomingOf reads the links rowLinks gives for event id.
func incomingOf(id string, links []string) ([]model.Incoming, error) {
	var in []model.Incoming
	for _, l := range links {
		i := strings.LastIndexByte(l, '/')
		if i < 0 {
			return nil, fmt.Errorf("event %q: a link to it reads %q, not source/rel: %w", id, l, model.ErrDamaged)
		}
		in = append(in, model.Incoming{From: l[:i], Rel: model.Rel(l[i+1:])})
	}
	return in, nil
}

// rowOfCandidate decodes a row read with its body, whole when kept: a
// Page's rows are kept whole, where a Window's are read by scans that
// keep their ids.
func rowOfCandidate(c candidate, kept bool) (model.Row, error) {
	e, err := decodeBody(model.OrderKeyID(c.ord), c.body, kept)
	return model.Row{Pos: model.PositionOf(c.ord), Event: e}, err
}

// windowOf puts a window together from the rows before its anchor (the
// nearest first) and the rows from it: at the start when fewer than
// before came before it or it is the start, at the end when fewer than
// after came from it or it is the end.
func windowOf(back, fwd []model.Row, fromStart, fromEnd bool, before, after int) model.Window {
	slices.Reverse(back)
	return model.Window{
		Rows:    append(back, fwd...),
		AtStart: len(back) < before || fromStart,
		AtEnd:   fromEnd || len(fwd) < after,
	}
}

// Periods counts the events q selects by month of their earliest bound
// and by how many months they may fall in, in that order: from the kept
// counts for the whole investigation, grouped by the database, or, for a
// query checked here, as the walk finds them. A month is the one the
// rows show an event in, in q.Zone: the events near a month's turn are
// read again (shownPeriods).
func (s *Store) Periods(q model.Query) ([]model.Period, error) {
	type span struct{ p, months int64 }
	var out []model.Period
	err := s.read(func(db querier) error {
		counts := map[span]int{}
		p := s.plan(q)
		if p.inGo {
			_, err := s.walk(db, p, nil, false, 0, false, func(c candidate) (bool, error) {
				pd, months := model.PeriodSpanOfKey(c.ord)
				counts[span{pd, int64(months)}]++
				return true, nil
			})
			if err != nil {
				return err
			}
		} else {
			sql, args := `SELECT period, months, count(*) FROM events WHERE inv = $1`+p.where+` GROUP BY period, months`, p.args
			if q.IsZero() {
				sql, args = `SELECT period, months, n FROM period_counts WHERE inv = $1 AND n <> 0`, []any{s.inv}
			}
			rows, err := db.Query(ctx, sql, args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var sp span
				var n int
				if err := rows.Scan(&sp.p, &sp.months, &n); err != nil {
					rows.Close()
					return err
				}
				counts[sp] = n
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		keys := make([]span, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b span) int { return cmp.Or(cmp.Compare(a.p, b.p), cmp.Compare(a.months, b.months)) })
		out = make([]model.Period, 0, len(keys))
		for _, k := range keys {
			out = append(out, model.PeriodAt(k.p, int(k.months), counts[k]))
		}
		var err error
		out, err = s.shownPeriods(db, p, out)
		return err
	})
	return out, err
}
