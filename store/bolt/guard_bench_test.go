package bolt

import (
	"fmt"
	"path/filepath"
	"testing"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// BenchmarkWriteGuard measures the check made before the first write of
// a process (guard.go): bbolt's check over the buckets every write
// touches, and its whole check, run when the last writer did not close
// the store.
func BenchmarkWriteGuard(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			skipHuge(b, n)
			path := filepath.Join(b.TempDir(), "chrono.db")
			s, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Import([]model.Input{fileInput(b, synthDoc(b, n))}, model.ImportOptions{}); err != nil {
				b.Fatal(err)
			}
			for _, full := range []bool{false, true} {
				name := "everyWrite"
				if full {
					name = "full"
				}
				b.Run(name, func(b *testing.B) {
					for b.Loop() {
						err := s.db.View(func(tx *bbolt.Tx) error {
							if why := checkStore(tx, full, true); why != "" {
								b.Fatal(why)
							}
							return nil
						})
						if err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
