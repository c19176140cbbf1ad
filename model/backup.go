package model

// BackupReport is what a backup wrote.
type BackupReport struct {
	// Size is the copy's size in bytes.
	Size int64
	// Chain is the copy's journal chain as walked: a journal altered
	// outside chrono is copied as it was found, so where the copy's
	// chain breaks is where the store's does.
	Chain ChainReport
}
