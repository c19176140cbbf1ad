//go:build !linux

package bolt

import bbolt "go.etcd.io/bbolt"

// release does nothing where the kernel is not told: the pages a search
// read stay mapped until the kernel needs them.
func release(*bbolt.Tx) {}
