package bolt

import bbolt "go.etcd.io/bbolt"

// allowJournalForms (6 to 7) changes no byte. From schema 7 the journal
// may hold entries in model.FormJSON, restored from PostgreSQL with the
// hashes they have there; a chrono of schema 6 reads only FormRecords, and
// would call such a store damaged. With the version raised, it says the
// store is newer and to upgrade chrono instead.
func allowJournalForms(*bbolt.Tx) error { return nil }
