package bolt

import bbolt "go.etcd.io/bbolt"

// fewestAsideSchema is the first schema whose linked groups are placed
// with the fewest links set aside that leave no chain the dates
// contradict (model.Order). A store of schema 12 or 13, read as it is, is
// checked against the order that placed it (model.OrderSettingAsideOwn).
const fewestAsideSchema = 14

// placeFewestAside (13 to 14) places every linked group again: a chain
// the dates contradict (2020 before an undated event before 2019), which
// moved its events out of their dates' order, now has the fewest of its
// links set aside. Only the events of such groups move; the rest keep
// their keys.
func placeFewestAside(tx *bbolt.Tx) error { return bucketsOf(tx).settleAll() }
