package bolt

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// TestCheckSoundStore: a store that writes kept in step checks clean.
func TestCheckSoundStore(t *testing.T) {
	s := newStore(t)
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	n, _ := s.Count(model.Query{})
	if !r.OK() || r.Events != n || r.Location != s.Location() {
		t.Errorf("Check = %+v; want no mismatches and %d events at %s", r, n, s.Location())
	}
}

// damageRaw changes a closed store with raw bbolt, behind chrono's back,
// and opens it again.
func damageRaw(t *testing.T, s *Store, change func(b buckets) error) *Store {
	t.Helper()
	path := s.Location()
	s.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return change(bucketsOf(tx)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return openAt(t, path, Options{})
}

// TestEventLostFromEvents: an event whose value damage removed while its
// ids entry stayed is no longer silent: the count and the list disagree,
// reading the event says the store is damaged, and the check names the
// event and the bucket.
func TestEventLostFromEvents(t *testing.T) {
	s := newStore(t)
	const id = "khashoggi-killed"
	s = damageRaw(t, s, func(b buckets) error { return b.events.Delete(b.ids.Get([]byte(id))) })
	_, err := s.Detail(id)
	if !errors.Is(err, model.ErrDamaged) || !strings.Contains(err.Error(), "store "+s.Location()+" is damaged (event \""+id+"\"") ||
		!strings.HasSuffix(err.Error(), "nothing was changed; restore it from a backup made before the damage (chrono check --store says how far it goes; chrono export -o FILE keeps what can be read)") {
		t.Errorf("Detail: %v\nwant: store %s is damaged (event %q: ...): nothing was changed; restore it from a backup ...", err, s.Location(), id)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !hasMismatch(r, "ids", id) || !hasMismatch(r, "counts", "") {
		t.Errorf("Check found %+v; want the ids entry of %q and the counts", r.Mismatches, id)
	}
}

// TestCheckFindsEachIndex: an entry added to or taken from each index
// and count behind chrono's back is found, with its bucket.
func TestCheckFindsEachIndex(t *testing.T) {
	for _, c := range []struct {
		bucket string
		change func(b buckets) error
	}{
		{"ids", func(b buckets) error { return b.ids.Delete([]byte("khashoggi-killed")) }},
		{"ids", func(b buckets) error { return b.ids.Put([]byte("ghost"), []byte("nowhere")) }},
		{"tags", func(b buckets) error { return b.tags.Put(tagKey("ghost", []byte("nowhere")), nil) }},
		{"links", func(b buckets) error { return b.links.Put(linkKey("khashoggi-killed", "ghost", "cites"), nil) }},
		{"counts", func(b buckets) error { return bump(b.counts, keyTotal, 1) }},
		{"counts", func(b buckets) error { return b.counts.Delete(counterKey(counterTag, "fbi")) }},
		{"sources", func(b buckets) error { return b.sources.Put([]byte("bad"), []byte("{not json")) }},
		{"trash", func(b buckets) error { return b.trash.Put([]byte("khashoggi-killed"), []byte("{}")) }},
		{"history", func(b buckets) error { return b.history.Put(historyKey("khashoggi-killed", 999), nil) }},
		{"events", func(b buckets) error {
			return b.events.Put(b.ids.Get([]byte("khashoggi-killed")), []byte{stored.Version, 0, 200})
		}},
	} {
		s := damageRaw(t, newStore(t), c.change)
		r, err := s.Check()
		if err != nil {
			t.Fatal(err)
		}
		if !hasMismatch(r, c.bucket, "") {
			t.Errorf("damage in %s: Check found %+v", c.bucket, r.Mismatches)
		}
	}
}

func hasMismatch(r model.CheckReport, where, event string) bool {
	return slices.ContainsFunc(r.Mismatches, func(m model.Mismatch) bool {
		return m.Where == where && (event == "" || m.Event == event)
	})
}

// TestDamagedValuesSayWhere: a stored value that cannot be read is said
// as the store's damage, in one form: the file, what is damaged (which
// event, source, trashed event or journal entry, and which part of it),
// and what to do.
func TestDamagedValuesSayWhere(t *testing.T) {
	const id = "khashoggi-killed"
	for _, c := range []struct {
		what   string
		change func(b buckets) error
		read   func(s *Store) error
	}{
		{`event "` + id + `": its `, func(b buckets) error {
			order := b.ids.Get([]byte(id))
			v := b.events.Get(order)
			return b.events.Put(order, slices.Clone(v[:len(v)-1]))
		}, func(s *Store) error { _, err := s.Detail(id); return err }},
		{`event "` + id + `": its `, func(b buckets) error {
			order := b.ids.Get([]byte(id))
			v := b.events.Get(order)
			return b.events.Put(order, slices.Clone(v[:len(v)-1]))
		}, func(s *Store) error {
			for _, err := range s.Events(model.Query{}) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{`source "wapo": its stored value is not readable JSON`, func(b buckets) error {
			return b.sources.Put([]byte("wapo"), []byte(`{"id": "wapo", "title": `))
		}, func(s *Store) error { _, err := s.Sources(); return err }},
		{`event "gone" in the trash: its stored value is not readable JSON`, func(b buckets) error {
			return b.trash.Put([]byte("gone"), []byte(`{"event": `))
		}, func(s *Store) error { _, err := s.Trash(); return err }},
		{`journal entry #1: `, func(b buckets) error {
			return b.journal.Put(seqKey(1), []byte{9, 9})
		}, func(s *Store) error { _, err := s.Entry(1); return err }},
	} {
		s := damageRaw(t, newStore(t), c.change)
		err := c.read(s)
		want := "store " + s.Location() + " is damaged (" + c.what
		if !errors.Is(err, model.ErrDamaged) || !strings.HasPrefix(fmt.Sprint(err), want) ||
			!strings.HasSuffix(err.Error(), "): nothing was changed; restore it from a backup made before the damage (chrono check --store says how far it goes; chrono export -o FILE keeps what can be read)") {
			t.Errorf("got  %v\nwant %s...): nothing was changed; restore it from a backup made before the damage (chrono check --store says how far it goes; chrono export -o FILE keeps what can be read)", err, want)
		}
	}
}

// TestCheckSaysEachMismatch: each kind of disagreement between an index
// and the events or the journal is said as it is, of the right event,
// in the order the index is read (what it has wrongly first, then what
// it lacks), whether the check's sorted entries stay in memory or are
// spilled to disk.
func TestCheckSaysEachMismatch(t *testing.T) {
	orderOf := func(b buckets, id string) []byte { return slices.Clone(b.ids.Get([]byte(id))) }
	cases := []struct {
		name   string
		change func(b buckets) error
		want   []model.Mismatch
		alone  bool // nothing else is found
	}{
		{"a tag entry missing", func(b buckets) error {
			return b.tags.Delete(tagKey("congress", orderOf(b, "miller-contacts-lieu")))
		}, []model.Mismatch{{Where: "tags", Event: "miller-contacts-lieu", What: `the tags index lacks the entry (tag "congress" of event "miller-contacts-lieu")`}}, true},
		{"an extra tag entry", func(b buckets) error {
			return b.tags.Put(tagKey("ghost", orderOf(b, "fbi-tip")), nil)
		}, []model.Mismatch{{Where: "tags", Event: "fbi-tip", What: `the tags index has an entry (tag "ghost" of event "fbi-tip") no event accounts for`}}, true},
		{"an extra link entry", func(b buckets) error {
			return b.links.Put(linkKey("khashoggi-killed", "ghost", "cites"), nil)
		}, []model.Mismatch{{Where: "links", Event: "ghost", What: `the links index has an entry (link "cites" from event "ghost" to "khashoggi-killed") no event accounts for`}}, true},
		{"a link entry missing", func(b buckets) error {
			return b.links.Delete(linkKey("fbi-tip", "miller-contacts-lieu", "follows"))
		}, []model.Mismatch{{Where: "links", Event: "miller-contacts-lieu", What: `the links index lacks the entry (link "follows" from event "miller-contacts-lieu" to "fbi-tip")`}}, true},
		{"ids entries wrong, extra and missing", func(b buckets) error {
			if err := b.ids.Put([]byte("fbi-tip"), orderOf(b, "apple-sues-nso")); err != nil {
				return err
			}
			if err := b.ids.Put([]byte("ghost"), []byte("nowhere")); err != nil {
				return err
			}
			return b.ids.Delete([]byte("khashoggi-killed"))
		}, []model.Mismatch{
			{Where: "ids", Event: "fbi-tip", What: "the ids index points at another place than where the event is"},
			{Where: "ids", Event: "ghost", What: "the ids index has the event, the events bucket has not: the event is lost from this file"},
			{Where: "ids", Event: "khashoggi-killed", What: "the events bucket has the event, the ids index has not: it cannot be found by its id"},
		}, true},
		{"an event stored twice", func(b buckets) error {
			order := orderOf(b, "fbi-tip")
			return b.events.Put(append(order, 'x'), slices.Clone(b.events.Get(order)))
		}, []model.Mismatch{
			{Where: "events", Event: "fbi-tip", What: "stored twice"},
			// The ids index is to point at the later of the two.
			{Where: "ids", Event: "fbi-tip", What: "the ids index points at another place than where the event is"},
		}, false},
		{"a history entry missing", func(b buckets) error {
			return b.history.Delete(historyKey("fbi-tip", 1))
		}, []model.Mismatch{{Where: "history", Event: "fbi-tip", What: "the history index lacks journal entry #1"}}, true},
		{"an extra history entry", func(b buckets) error {
			return b.history.Put(historyKey("fbi-tip", 999), nil)
		}, []model.Mismatch{{Where: "history", Event: "fbi-tip", What: "the history index names journal entry #999, past the journal's last, #1: the newest entries were deleted outside chrono, or the index is damaged"}}, true},
		{"a history entry for another event", func(b buckets) error {
			return b.history.Put(historyKey("no-such-event", 1), nil)
		}, []model.Mismatch{{Where: "history", Event: "no-such-event", What: "the history index names journal entry #1, which does not list the event"}}, true},
	}
	for _, memory := range []int{checkSortMemory, 64} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/memory %d", c.name, memory), func(t *testing.T) {
				defer func(n int) { checkSortMemory = n }(checkSortMemory)
				checkSortMemory = memory
				s := damageRaw(t, newStore(t), c.change)
				r, err := s.Check()
				if err != nil {
					t.Fatal(err)
				}
				var got []model.Mismatch
				for _, m := range r.Mismatches {
					if slices.Contains(c.want, m) {
						got = append(got, m)
					}
				}
				if !slices.Equal(got, c.want) || c.alone && len(r.Mismatches) != len(c.want) {
					t.Errorf("Check found\n%+v\nwant\n%+v", r.Mismatches, c.want)
				}
				// The sorted entries went with the check.
				entries, err := os.ReadDir(filepath.Dir(s.Location()))
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range entries {
					if strings.Contains(e.Name(), ".chrono-") {
						t.Errorf("the check left %s beside the store", e.Name())
					}
				}
			})
		}
	}
}

// TestCheckNamesAnUnreadableEventByItsKey: an event whose stored value
// cannot be read is named by the id its key holds, not by whatever the
// damaged value gave for one.
func TestCheckNamesAnUnreadableEventByItsKey(t *testing.T) {
	s := damageRaw(t, newStore(t), func(b buckets) error {
		order := slices.Clone(b.ids.Get([]byte("fbi-tip")))
		v := slices.Clone(b.events.Get(order))
		// Cut inside its first field, the id, so that what decodes of
		// it runs on into the bytes after.
		return b.events.Put(order, v[:len(v)/2])
	})
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range r.Mismatches {
		if m.Where == "events" {
			if m.Event != "fbi-tip" {
				t.Errorf("the unreadable event is named %q, want fbi-tip: %+v", m.Event, m)
			}
			return
		}
	}
	t.Errorf("no mismatch in events: %+v", r.Mismatches)
}

// TestCheckSaysLinkingMismatches: the index of the entries that changed
// the links to each event is rebuilt from the journal and compared, as
// the history index is: an entry it lacks and one no entry accounts for
// are each said, of their event.
func TestCheckSaysLinkingMismatches(t *testing.T) {
	s := newStore(t)
	e, err := s.Write(model.OpLink, "link", func(tx model.Tx) error {
		_, err := model.LinkEvents(tx, "tye-statement", model.Disputes, "khashoggi-killed")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(); err != nil || len(r.Mismatches) != 0 {
		t.Fatalf("a sound store: %+v, %v", r.Mismatches, err)
	}
	s = damageRaw(t, s, func(b buckets) error {
		if err := b.linking.Delete(historyKey("khashoggi-killed", e.Seq)); err != nil {
			return err
		}
		return b.linking.Put(historyKey("fbi-tip", 1), nil)
	})
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Mismatch{
		{Where: "linking", Event: "fbi-tip", What: "the linking index names journal entry #1, which changed no link to the event"},
		{Where: "linking", Event: "khashoggi-killed", What: fmt.Sprintf("the linking index lacks journal entry #%d, which changed a link to the event", e.Seq)},
	}
	if !slices.Equal(r.Mismatches, want) {
		t.Errorf("Check found\n%+v\nwant\n%+v", r.Mismatches, want)
	}
}
