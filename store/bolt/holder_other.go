//go:build !linux

package bolt

// holder names the process that holds the store's lock where the system
// says it; elsewhere it cannot be told.
func holder(string) string { return "" }
