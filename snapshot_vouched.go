package main

import "chrono/model"

// unvouchPastBreak walks the journal's chain of s, when its kind of
// store keeps one, and marks the records in kept that the chain does not
// vouch for (model.Unvouch): a snapshot rewritten with the entry that
// kept it agrees with that entry, and only the chain shows it. here is
// walkChain's: verify hashes every entry itself.
func unvouchPastBreak(s model.Reader, kept map[model.SnapshotKey]model.SnapshotRecord, here bool) error {
	v, ok := s.(model.JournalVerifier)
	if !ok {
		return nil
	}
	chain, err := walkChain(v, here)
	if err != nil {
		return err
	}
	model.Unvouch(kept, chain)
	return nil
}
