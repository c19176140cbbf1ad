package bolt

import (
	"testing"

	"chrono/model"
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
	testPlacementMigration(t, 13, model.PlacedSettingAsideOwn, func(tx model.Tx) error {
		if _, err := model.AddEvent(tx, model.Event{ID: "undated-aside", Title: "An aside, undated"}); err != nil {
			return err
		}
		if _, err := model.LinkEvents(tx, "khashoggi-killed", model.Precedes, "undated-aside"); err != nil {
			return err
		}
		_, err := model.LinkEvents(tx, "undated-aside", model.Precedes, "nso-mobileum-call")
		return err
	})
}
