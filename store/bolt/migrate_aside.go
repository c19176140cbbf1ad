package bolt

import (
	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// setAsideSchema is the first schema whose linked groups are placed with
// the links their own events' dates contradict set aside
// (model.OrderSettingAsideOwn). A store of an older one, read as it is,
// is checked against the order that placed it
// (model.OrderKeepingContradicted).
const setAsideSchema = 12

// placeSetAside (11 to 12) places every linked group again: a link the
// dates contradict, which moved its events and those its chains reach,
// now moves none. Only the events of such groups move; the rest keep
// their keys.
func placeSetAside(tx *bbolt.Tx) error { return bucketsOf(tx).settleAll() }

// placementOf is the rule the linked groups of a store of the schema are
// placed by.
func placementOf(schema uint64) model.Placement {
	switch {
	case schema < setAsideSchema:
		return model.PlacedKeepingContradicted
	case schema < fewestAsideSchema:
		return model.PlacedSettingAsideOwn
	}
	return model.PlacedNow
}

// Placement is the rule the store's linked groups are placed by: that of
// its schema, which a store read as it is keeps.
func (s *Store) Placement() model.Placement {
	var schema uint64
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		schema, err = schemaOf(tx)
		return err
	})
	if err != nil {
		return model.PlacedNow
	}
	return placementOf(schema)
}

// Placement is Store.Placement.
func (s *Shared) Placement() model.Placement {
	p, err := read(s, func(st *Store) (model.Placement, error) { return st.Placement(), nil })
	if err != nil {
		return model.PlacedNow
	}
	return p
}
