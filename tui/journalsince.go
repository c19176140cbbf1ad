package tui

import "chrono/model"

// entriesSince gives visit, newest first, the journal entries after the
// one numbered seq with hash (0: none seen), a page at a time, until
// visit returns false. It returns the newest entry's number and hash (0
// and "" for an empty journal), and complete: the walk reached the entry
// seen, as it was when seen (with seq 0, the journal's start), visit
// having taken every entry after it. An entry that is gone or changed
// says the journal is not the one read before.
//
// The entries after seq are read without it and what comes before it
// (JournalQuery.After), and the entry seen alone with the fewest of its
// events: an import's entry, which names every event it added, is not
// read whole each time the journal is looked at after it.
func entriesSince(s model.Store, seq uint64, hash string, visit func(e *model.Entry) bool) (newest uint64, newestHash string, complete bool, err error) {
	var before uint64
	for {
		es, err := s.Journal(model.JournalQuery{Before: before, After: seq, Limit: journalPage, MostEvents: mostChanged + 1})
		if err != nil {
			return 0, "", false, err
		}
		for i := range es {
			e := &es[i]
			if newest == 0 {
				newest, newestHash = e.Seq, e.Hash
			}
			if !visit(e) {
				return newest, newestHash, false, nil
			}
		}
		if len(es) < journalPage {
			break
		}
		before = es[len(es)-1].Seq
	}
	if seq == 0 {
		return newest, newestHash, true, nil
	}
	// The entry seen, or the newest before it when it is gone.
	seen, err := s.Journal(model.JournalQuery{Before: seq + 1, Limit: 1, MostEvents: 1})
	if err != nil || len(seen) == 0 {
		return newest, newestHash, false, err
	}
	if newest == 0 {
		newest, newestHash = seen[0].Seq, seen[0].Hash
	}
	return newest, newestHash, seen[0].Seq == seq && seen[0].Hash == hash, nil
}
