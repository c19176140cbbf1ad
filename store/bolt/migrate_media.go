package bolt

import bbolt "go.etcd.io/bbolt"

// allowMedia (8 to 9) changes no byte. From schema 9 an event with media
// is kept in version 4 of its stored form (package stored), which a
// chrono of schema 8 cannot read and would call damaged. With the
// version raised, it says the store is newer and to upgrade chrono
// instead.
func allowMedia(*bbolt.Tx) error { return nil }

// readsAsIs is the oldest schema a read-only open reads without
// upgrading it: every step after it changes no byte (allowMedia,
// allowDateTextParts) or adds an index whose reads do without it
// (indexLinking), so a store of it
// reads as one of SchemaVersion, and chrono list, or a backup on
// write-protected media, need not wait for a write.
const readsAsIs = 8
