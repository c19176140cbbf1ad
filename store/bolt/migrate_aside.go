package bolt

import bbolt "go.etcd.io/bbolt"

// setAsideSchema is the first schema whose linked groups are placed with
// the links the dates contradict set aside (model.Order). A store of an
// older one, read as it is, is checked against the order that placed it
// (model.OrderKeepingContradicted).
const setAsideSchema = 12

// placeSetAside (11 to 12) places every linked group again: a link the
// dates contradict, which moved its events and those its chains reach,
// now moves none. Only the events of such groups move; the rest keep
// their keys.
func placeSetAside(tx *bbolt.Tx) error { return bucketsOf(tx).settleAll() }
