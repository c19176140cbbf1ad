package pg

import "github.com/jackc/pgx/v5"

// placeSetAside is the twenty-first step: every linked group is placed
// again, as model.Order now places it. A link the dates contradict,
// which moved its events and those its chains reach, moves none; only
// the events of such groups change keys. A database read as it is
// before the step keeps the order it was placed in, which nothing here
// checks against the model.
func placeSetAside(tx pgx.Tx) error { return settleInvestigations(tx) }
