package pg

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestConformance runs the store contract's suite against the
// PostgreSQL store, each test in an investigation of its own in one
// database. Besides the contract's answers, it checks after every change
// that the columns and the links table agree with the events, and that
// refused writes leave every row of the investigation as it was.
func TestConformance(t *testing.T) {
	needServer(t)
	storetest.Run(t, harness())
}

// harness is the conformance suite's way with this store.
func harness() storetest.Harness {
	return storetest.Harness{
		Open: func(t *testing.T) model.Store { return newStore(t, "tester@conformance") },
		Check: func(t testing.TB, s model.Store) {
			t.Helper()
			checkColumns(t, s.(*Store))
			storetest.CheckWritten(t, s.(*Store))
		},
		Dump: func(t testing.TB, s model.Store) map[string]string {
			t.Helper()
			return dump(t, s.(*Store))
		},
		InJournal: func(key string) bool {
			return strings.HasPrefix(key, "journal/") || strings.HasPrefix(key, "history/")
		},
		AlterEvent: func(t *testing.T, s model.Store, id, old, new string) model.Store {
			// An UPDATE of the body alone, behind chrono's back: no
			// column, index or journal entry follows.
			st := s.(*Store)
			c, err := st.conn()
			if err != nil {
				t.Fatal(err)
			}
			var body []byte
			if err := c.QueryRow(ctx, `SELECT body FROM events WHERE inv = $1 AND id = $2`, st.inv, id).Scan(&body); err != nil {
				t.Fatal(err)
			}
			if len(old) != len(new) || !bytes.Contains(body, []byte(old)) {
				t.Fatalf("event %q: %q is not in its stored value, or %q is not as long", id, old, new)
			}
			body = bytes.Replace(body, []byte(old), []byte(new), 1)
			if _, err := c.Exec(ctx, `UPDATE events SET body = $3 WHERE inv = $1 AND id = $2`, st.inv, id, body); err != nil {
				t.Fatal(err)
			}
			return s
		},
		Reopen: func(t *testing.T, s model.Store, author string) model.Store {
			st := s.(*Store)
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			again, err := Open(server.url, Options{Investigation: st.name, Author: author})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { again.Close() })
			return again
		},
	}
}

// dumpTables are the tables of an investigation and the columns that
// name a row.
var dumpTables = []struct{ table, key, cols string }{
	{"events", "id", "ord, body, status, actors, tags, noted, period, months, cites, search, linked_to"},
	{"links", "target || '/' || source || '/' || rel", "''"},
	{"sources", "id", "body"},
	{"trash", "id", "at, body"},
	{"journal", "seq::text", "at, body, hash, prev"},
	{"snapshots", "source || '/' || n", "meta"},
	{"snapshot_pieces", "source || '/' || n || '/' || part || '/' || i", "data"},
	{"history", "id || '/' || seq", "''"},
}

// dump returns every row of the investigation, by table and key, and its
// header.
func dump(t testing.TB, s *Store) map[string]string {
	t.Helper()
	c, err := s.conn()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, tb := range dumpTables {
		rows, err := c.Query(ctx, fmt.Sprintf(`SELECT %s, row(%s)::text FROM %s WHERE inv = $1`, tb.key, tb.cols, tb.table), s.inv)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				t.Fatal(err)
			}
			out[tb.table+"/"+k] = v
		}
		rows.Close()
		if rows.Err() != nil {
			t.Fatal(rows.Err())
		}
	}
	h, err := s.Header()
	if err != nil {
		t.Fatal(err)
	}
	out["investigations/title"], out["investigations/description"] = h.Title, h.Description
	return out
}

// checkColumns checks that every event's columns are those its body
// gives, its order key the one model.Order gives it among all the
// events, the links table holds exactly the events' links, and the kept
// counts are the events' counts.
func checkColumns(t testing.TB, s *Store) {
	t.Helper()
	c, err := s.conn()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := c.Query(ctx, `SELECT id, ord, body, status, actors, tags, noted, period, months, cites, search, words FROM events WHERE inv = $1`, s.inv)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	var stored []row
	var events []model.Event
	for rows.Next() {
		var got row
		if err := rows.Scan(&got.id, &got.ord, &got.body, &got.status, &got.actors, &got.tags, &got.noted, &got.period, &got.months, &got.cites, &got.search, &got.words); err != nil {
			t.Fatal(err)
		}
		e, err := decodeEvent(got.id, got.body)
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, got)
		events = append(events, e)
		for _, l := range e.Links {
			want = append(want, l.Event+"/"+e.ID+"/"+string(l.Rel))
		}
	}
	rows.Close()
	keys := storetest.OrderKeys(events)
	for i, got := range stored {
		r := rowOf(&events[i])
		if len(got.body) > 0 && got.body[0] == '{' {
			r = rowBefore12(t, &events[i]) // written before the twelfth step
		}
		r.ord = keys[got.id]
		if fmt.Sprint(r) != fmt.Sprint(got) {
			t.Errorf("event %q: the row holds\n%v\nits body and its place give\n%v", got.id, got, r)
		}
	}
	rows.Close()
	rows, err = c.Query(ctx, `SELECT target || '/' || source || '/' || rel FROM links WHERE inv = $1`, s.inv)
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for rows.Next() {
		var k string
		rows.Scan(&k)
		have = append(have, k)
	}
	rows.Close()
	slices.Sort(want)
	want = slices.Compact(want)
	slices.Sort(have)
	if !slices.Equal(want, have) {
		t.Errorf("the links table holds %q; the events' links are %q", have, want)
	}
	checkLinkedTo(t, c)
	checkKeptCounts(t, c, s.inv)
}

// checkLinkedTo checks that every event of the database, in every
// investigation, is flagged as linked to exactly when the links table
// holds a link to it (flagLinkTargets): a trigger that mixed up two
// investigations would leave the other one wrong. One statement reads
// one snapshot of what is committed, which must agree whatever the
// other tests are writing.
func checkLinkedTo(t testing.TB, c querier) {
	t.Helper()
	rows, err := c.Query(ctx, `SELECT i.name, e.id, e.linked_to FROM events e JOIN investigations i ON i.id = e.inv
		WHERE e.linked_to <> EXISTS (SELECT FROM links l WHERE l.inv = e.inv AND l.target = e.id) ORDER BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var inv, id string
		var flag bool
		if err := rows.Scan(&inv, &id, &flag); err != nil {
			t.Fatal(err)
		}
		t.Errorf("investigation %q: event %q is flagged as linked to: %v; the links table says otherwise", inv, id, flag)
	}
	if rows.Err() != nil {
		t.Fatal(rows.Err())
	}
}
