package tui

import "chrono/model"

// entriesSince gives visit, newest first, the journal entries after the
// one numbered seq with hash (0: none seen), a page at a time, until
// visit returns false. It returns the newest entry's number and hash (0
// and "" for an empty journal), and complete: the walk reached the entry
// seen, as it was when seen (with seq 0, the journal's start), visit
// having taken every entry after it. An entry that is gone or changed
// says the journal is not the one read before.
func entriesSince(s model.Store, seq uint64, hash string, visit func(e *model.Entry) bool) (newest uint64, newestHash string, complete bool, err error) {
	var before uint64
	for {
		es, err := s.Journal(model.JournalQuery{Before: before, Limit: journalPage, MostEvents: mostChanged + 1})
		if err != nil {
			return 0, "", false, err
		}
		for i := range es {
			e := &es[i]
			if newest == 0 {
				newest, newestHash = e.Seq, e.Hash
			}
			if e.Seq <= seq {
				return newest, newestHash, e.Seq == seq && e.Hash == hash, nil
			}
			if !visit(e) {
				return newest, newestHash, false, nil
			}
		}
		if len(es) < journalPage {
			return newest, newestHash, seq == 0, nil
		}
		before = es[len(es)-1].Seq
	}
}
