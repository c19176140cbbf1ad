package bolt

import (
	"reflect"
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[13] = testMigrationSetsAsideFewest }

// testMigrationSetsAsideFewest: a store of schema 13, whose linked group
// a chain the dates contradict moved (the killing of 2018 before an
// undated aside before the call of 2017), reads as it is, says its
// problems by the rule that placed it, and checks clean read-only;
// opened to write, it is at the current schema with the group in the
// order of the dates, as a store of that schema places it, and checks
// clean.
func testMigrationSetsAsideFewest(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	if _, err := s.Write(model.OpLink, "link", func(tx model.Tx) error {
		if _, err := model.AddEvent(tx, model.Event{ID: "undated-aside", Title: "An aside, undated"}); err != nil {
			return err
		}
		if _, err := model.LinkEvents(tx, "khashoggi-killed", model.Precedes, "undated-aside"); err != nil {
			return err
		}
		_, err := model.LinkEvents(tx, "undated-aside", model.Precedes, "nso-mobileum-call")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	want := dumpOf(t, s)
	wantIDs := storetest.IDs(storetest.AllEvents(t, s))
	s.Close()
	asSchema(t, path, 13, func(tx *bbolt.Tx) error { return placeBy(tx, model.OrderSettingAsideOwn) })

	ro := openAt(t, path, Options{ReadOnly: true})
	if slices.Equal(storetest.IDs(storetest.AllEvents(t, ro)), wantIDs) {
		t.Fatal("the old placement moved nothing: the test places no group as schema 13 did")
	}
	if got := model.PlacementOf(ro); got != model.PlacedSettingAsideOwn {
		t.Errorf("read as it is, the store's rule is %v, want the one of schema 13", got)
	}
	if r, err := ro.Check(); err != nil || !r.OK() {
		t.Errorf("the check of the store of schema 13 read as it is: %+v, %v", r.Mismatches, err)
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
