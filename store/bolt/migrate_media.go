package bolt

import bbolt "go.etcd.io/bbolt"

// allowMedia (8 to 9) changes no byte. From schema 9 an event with media
// is kept in version 4 of its stored form (package stored), which a
// chrono of schema 8 cannot read and would call damaged. With the
// version raised, it says the store is newer and to upgrade chrono
// instead.
func allowMedia(*bbolt.Tx) error { return nil }
