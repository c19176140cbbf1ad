package store

import (
	"fmt"

	"chrono/store/pg"
)

// Investigation is one investigation a database holds.
type Investigation = pg.Investigation

// Investigations lists the investigations at location, by name: those of
// a PostgreSQL database. A bbolt file holds one investigation, and is
// refused with a message saying so.
func Investigations(location string) ([]Investigation, error) {
	if !pg.IsAddress(location) {
		return nil, fmt.Errorf("%s is a store file, which holds one investigation; investigations are listed for a postgres:// database", location)
	}
	return pg.Investigations(location)
}
