package main

import (
	"fmt"

	"chrono/model"
)

// damagedSnapshots checks each snapshot of s against the SHA-256 and
// size kept with its original bytes and the SHA-256 kept with its text,
// as verify does, and returns those that do not match or cannot be read.
// Whether the journal records them is verify's to say: a store made
// before it did is not damaged.
func damagedSnapshots(s model.Reader) ([]snapshotCheck, error) {
	sources, err := s.Sources()
	if err != nil {
		return nil, err
	}
	var damaged []snapshotCheck
	for _, src := range sources {
		snaps, err := s.Snapshots(src.ID)
		if err != nil {
			return nil, fmt.Errorf("source %q: reading its snapshots: %w", src.ID, err)
		}
		for _, sn := range snaps {
			if c := checkSnapshotHash(s, src.ID, sn); !c.OK {
				damaged = append(damaged, c)
			}
		}
	}
	return damaged, nil
}
