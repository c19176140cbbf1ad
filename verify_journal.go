package main

import (
	"fmt"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// verifyJournal walks the store's journal chain and says whether it
// holds: the count and the head when it does; the first entry where it
// breaks, and exit 1, when it does not.
func verifyJournal(c *cli, s model.Store, asJSON bool) error {
	v, ok := s.(model.JournalVerifier)
	if !ok {
		return fmt.Errorf("store %s cannot verify its journal: its kind of store keeps no hash chain", s.Location())
	}
	r, err := v.VerifyJournal()
	if err != nil {
		return err
	}
	if asJSON {
		// What this machine saw goes with the chain's report: a journal
		// that holds proves nothing of one cut short or put in its place.
		b, err := json.Marshal(struct {
			model.ChainReport `json:",inline"`
			NotAsSeen         string `json:"not_as_seen,omitempty"`
		}{r, c.seenLost})
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s\n", b)
	} else if r.OK() {
		fmt.Fprintf(c.stdout, "journal: %s, the chain holds; head %s\n", entries(r.Entries), headLine(r.Head))
	} else {
		fmt.Fprintf(c.stdout, "journal: the chain breaks at entry #%d (%s): %s\n", r.Break.Seq, r.Break.Fault, r.Break.What)
		if r.Entries > 0 {
			fmt.Fprintf(c.stdout, "journal: up to entry #%d the chain holds; head %s\n", r.Head.Seq, headLine(r.Head))
		}
	}
	if c.seenLost != "" && !asJSON {
		fmt.Fprintf(c.stdout, "journal: not as this machine saw it: %s\n", c.seenLost)
	}
	if r.OK() && c.seenLost != "" {
		// The chain holds, and proves nothing of entries cut off or of a
		// whole other journal: what this machine saw does.
		return fmt.Errorf("the journal of %s does not hold the entry this machine saw: restore a backup that does, or give --accept-rollback to take it as it is", s.Location())
	}
	if r.OK() {
		return nil
	}
	return fmt.Errorf("the journal of %s was altered outside chrono at entry #%d (%s): compare the entries before it with a head noted earlier (chrono log --head); restore a backup made before it to recover", s.Location(), r.Break.Seq, r.Break.Fault)
}

// headLine is a chain head as verify and log --head print it: the short
// form to copy, and the whole hash.
func headLine(h model.ChainHead) string {
	if h.Seq == 0 {
		return "none (the journal is empty)"
	}
	return fmt.Sprintf("%s (sha256 %s)", h.Short(), h.Hash)
}

// entries is "1 entry", "12,000 entries".
func entries(n uint64) string {
	if n == 1 {
		return "1 entry"
	}
	return model.Thousands(int64(n)) + " entries"
}
