package pg

import (
	"github.com/jackc/pgx/v5"

	"chrono/model"
)

// setAsideSchema is the first schema whose linked groups are placed with
// the links their own events' dates contradict set aside
// (model.OrderSettingAsideOwn).
const setAsideSchema = 21

// placeSetAside is the twenty-first step: every linked group is placed
// again, as model.OrderSettingAsideOwn places it (model.Order, then). A link the dates contradict,
// which moved its events and those its chains reach, moves none; only
// the events of such groups change keys. A database read as it is
// before the step keeps the order it was placed in, and says its
// problems by the rule that placed it (Placement).
func placeSetAside(tx pgx.Tx) error { return settleInvestigations(tx) }

// placementOf is the rule the linked groups of a database of the schema
// are placed by.
func placementOf(schema int) model.Placement {
	switch {
	case schema < setAsideSchema:
		return model.PlacedKeepingContradicted
	case schema < fewestAsideSchema:
		return model.PlacedSettingAsideOwn
	}
	return model.PlacedNow
}

// Placement is the rule the investigation's linked groups are placed by:
// that of the schema, which a database read as it is keeps.
func (s *Store) Placement() model.Placement { return s.placement }
