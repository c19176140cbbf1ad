package pg

import "github.com/jackc/pgx/v5"

// fewestAsideSchema is the first schema whose linked groups are placed
// with the fewest links set aside that leave no chain the dates
// contradict (model.Order).
const fewestAsideSchema = 24

// placeFewestAside is the twenty-fourth step: every linked group is
// placed again, as model.Order now places it. A chain the dates
// contradict (2020 before an undated event before 2019), which moved its
// events out of their dates' order, has the fewest of its links set
// aside; only the events of such groups change keys. A database read as
// it is before the step says its problems by the rule that placed it
// (Placement).
func placeFewestAside(tx pgx.Tx) error { return settleInvestigations(tx) }
