package bolt

import (
	"bytes"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[11] = testMigrationSetsAside }

// testMigrationSetsAside: a store of schema 11, whose linked group a
// link the dates contradict moved (the killing of 2018 before the call
// of 2017), reads as it is and checks clean read-only; opened to write,
// it is at the current schema with the group in the order of the dates,
// as a store of that schema places it, and checks clean.
func testMigrationSetsAside(t *testing.T) {
	testPlacementMigration(t, 11, model.PlacedKeepingContradicted, func(tx model.Tx) error {
		_, err := model.LinkEvents(tx, "khashoggi-killed", model.Precedes, "nso-mobileum-call")
		return err
	})
}

// testPlacementMigration: a store of schema, whose linked group, linked
// by link, the rule old moved out of the dates' order, reads as it is,
// says its problems by that rule, and checks clean read-only; opened to
// write, it is at the current schema with the group in the order of the
// dates, as a store of that schema places it, and checks clean.
func testPlacementMigration(t *testing.T, schema uint64, old model.Placement, link func(tx model.Tx) error) {
	t.Helper()
	path := storeFile(t)
	s := openAt(t, path, Options{})
	if _, err := s.Write(model.OpLink, "link", link); err != nil {
		t.Fatal(err)
	}
	want := dumpOf(t, s)
	wantIDs := storetest.IDs(storetest.AllEvents(t, s))
	s.Close()
	asSchema(t, path, schema, func(tx *bbolt.Tx) error { return placeBy(tx, old.Order) })

	ro := openAt(t, path, Options{ReadOnly: true})
	if slices.Equal(storetest.IDs(storetest.AllEvents(t, ro)), wantIDs) {
		t.Fatalf("the old placement moved nothing: the test places no group as schema %d did", schema)
	}
	if got := model.PlacementOf(ro); got != old {
		t.Errorf("read as it is, the store's rule is %v, want the one of schema %d", got, schema)
	}
	if r, err := ro.Check(); err != nil || !r.OK() {
		t.Errorf("the check of the store of schema %d read as it is: %+v, %v", schema, r.Mismatches, err)
	}
	ro.Close()

	s = openAt(t, path, Options{})
	if got := storetest.IDs(storetest.AllEvents(t, s)); !slices.Equal(got, wantIDs) {
		t.Errorf("after the upgrade: %q\nwant %q", got, wantIDs)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Errorf("the check after the upgrade: %+v, %v", r.Mismatches, err)
	}
	if got := dumpOf(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade:\n%q\nwant\n%q", got, want)
	}
}

// placeKeepingContradicted places every linked group as a store of
// schema 11 did: links the dates contradict narrowing as the others do.
func placeKeepingContradicted(tx *bbolt.Tx) error { return placeBy(tx, model.OrderKeepingContradicted) }

// placeBy places every linked group by the order given, as a store of
// an earlier schema did.
func placeBy(tx *bbolt.Tx, order func([]model.Event) model.Chronology) error {
	b := bucketsOf(tx)
	done := map[string]bool{}
	for _, id := range orderSeeds(b) {
		if done[id] {
			continue
		}
		events, keys, err := b.group(id, done)
		if err != nil {
			return err
		}
		ch := order(events)
		for i := range ch.Events {
			p := &ch.Events[i]
			if want := p.OrderKey(); !bytes.Equal(want, keys[p.Event.ID]) {
				if err := b.move(p.Event, keys[p.Event.ID], want); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// TestReadAsItIsSaysItsOwnProblems: a store of schema 11 read as it is
// lists a chain the dates contradict (the event of 2021 before that of
// 2020 before that of 2019) in the order schema 11 placed it, and says
// the problems of that order: those the list's ↯ marks and chrono check
// name. By the rule that sets the links aside, they would be those of
// another order than the one listed.
func TestReadAsItIsSaysItsOwnProblems(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chrono.db")
	s := openAt(t, path, Options{})
	if _, err := s.Write(model.OpAdd, "add", func(tx model.Tx) error {
		for _, e := range []struct{ id, date, next string }{{"b", "2019", ""}, {"a", "2020", "b"}, {"z", "2021", "a"}} {
			d, err := model.ParseDate(e.date)
			if err != nil {
				return err
			}
			ev := model.Event{ID: e.id, Title: e.id, Date: d}
			if e.next != "" {
				ev.Links = []model.Link{{Rel: model.Precedes, Event: e.next}}
			}
			if _, err := model.AddEvent(tx, ev); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	events := storetest.AllEvents(t, s)
	s.Close()
	asSchema(t, path, 11, placeKeepingContradicted)

	named := func(cs []model.Contradiction) []string {
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.Events...)
		}
		slices.Sort(ids)
		return slices.Compact(ids)
	}
	ro := openAt(t, path, Options{ReadOnly: true})
	got := named(model.PlacementOf(ro).Contradictions(storetest.AllEvents(t, ro), nil))
	old := model.OrderKeepingContradicted(slices.Clone(events))
	if want := named(model.Contradictions(events, nil, &old)); !slices.Equal(got, want) {
		t.Errorf("read as it is, the problems name %q; the order it lists has them name %q", got, want)
	}
	if now := named(model.Contradictions(events, nil, nil)); slices.Equal(got, now) {
		t.Fatalf("both orders name %q: the test tells nothing apart", now)
	}
	ro.Close()

	s = openAt(t, path, Options{})
	if got, want := named(model.PlacementOf(s).Contradictions(storetest.AllEvents(t, s), nil)), named(model.Contradictions(events, nil, nil)); !slices.Equal(got, want) {
		t.Errorf("upgraded, the problems name %q, want %q", got, want)
	}
}
