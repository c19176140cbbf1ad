package main

import (
	"fmt"

	"chrono/model"
)

// damagedSnapshots checks each snapshot of s as verify does: against the
// SHA-256 and size kept with its original bytes and the SHA-256 kept with
// its text, then against what the journal's entry that kept it recorded
// (bytes and hashes replaced together match each other, not the chain).
// It returns those that do not hold up or cannot be read, and those the
// journal left otherwise than the store has them (outOfStep).
func damagedSnapshots(s model.Reader) ([]snapshotCheck, error) {
	sources, err := s.Sources()
	if err != nil {
		return nil, err
	}
	// Read whole, once: a snapshot taken away shows only there.
	kept, states, err := model.ReadSnapshotJournal(s)
	if err != nil {
		return nil, err
	}
	if err := unvouchPastBreak(s, kept, false); err != nil {
		return nil, err
	}
	var damaged []snapshotCheck
	for _, src := range sources {
		snaps, err := s.Snapshots(src.ID)
		if err != nil {
			return nil, fmt.Errorf("source %q: reading its snapshots: %w", src.ID, err)
		}
		for _, sn := range snaps {
			c, err := checkSnapshot(s, src.ID, sn, kept)
			if err != nil {
				return nil, err
			}
			if !c.OK {
				damaged = append(damaged, c)
			}
		}
	}
	out, err := outOfStep(s, states)
	return append(damaged, out...), err
}
