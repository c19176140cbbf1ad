package pg

import (
	"testing"

	"chrono/model"
)

// TestFewestAsideStep: a database whose linked group a chain the dates
// contradict moved (the killing of 2018 before an undated aside before
// the call of 2017), as chrono placed it before the twenty-fourth step,
// says its problems by that rule read as it is, and lists the group in
// the order of the dates after the step, as model.Order places it.
func TestFewestAsideStep(t *testing.T) {
	testPlacementStep(t, "the fewest links of chains", model.PlacedSettingAsideOwn, func(e *model.Event) {
		switch e.ID {
		case "khashoggi-killed":
			e.Links = append(e.Links, model.Link{Rel: model.Precedes, Event: "undated-aside"})
		case "undated-aside":
			e.Links = append(e.Links, model.Link{Rel: model.Precedes, Event: "nso-mobileum-call"})
		}
	})
}
