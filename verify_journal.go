package main

import (
	"fmt"
	"io"

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
	r, err := walkChain(v, true)
	if err != nil {
		return err
	}
	// The chain proves the journal; the events are compared with it
	// where the store can, so that bytes changed in place are found.
	// Past a break, the journal's versions are not its own: the events
	// are not compared with them.
	var events *eventsReport
	if ev, ok := s.(model.EventsVerifier); ok && r.OK() {
		er, err := ev.VerifyEvents()
		if err != nil {
			return err
		}
		events = &eventsReport{Read: er.Events, NotCovered: er.NotCovered, report: er}
		for _, m := range er.Mismatches {
			events.Altered = append(events.Altered, alteredEvent{ID: m.Event, What: m.What})
		}
	}
	if asJSON {
		// What this machine saw goes with the chain's report: a journal
		// that holds proves nothing of one cut short or put in its place.
		b, err := json.Marshal(struct {
			model.ChainReport `json:",inline"`
			NotAsSeen         string        `json:"not_as_seen,omitempty"`
			Events            *eventsReport `json:"events,omitempty"`
		}{r, c.seenLost, events})
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
	if events != nil && !asJSON {
		events.write(c.stdout)
	}
	if events != nil && len(events.Altered) > 0 && r.OK() {
		were := "1 event was"
		if n := len(events.Altered); n != 1 {
			were = model.Thousands(int64(n)) + " events were"
		}
		return fmt.Errorf("store %s: %s altered outside chrono, though its journal holds: restore the store from a backup made before, and keep this one as found (chrono backup -o FILE copies it, the alteration with it); chrono log ID shows the version the journal holds of each event named",
			s.Location(), were)
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

// eventsReport is what verify --journal found of the events against the
// journal (model.EventsVerifier).
type eventsReport struct {
	Read       int            `json:"read"`
	NotCovered int            `json:"not_covered,omitzero"`
	Altered    []alteredEvent `json:"altered,omitempty"`
	report     model.CheckReport
}

// alteredEvent is an event whose stored bytes or place are not what the
// journal left, and what differs.
type alteredEvent struct {
	ID   string `json:"id"`
	What string `json:"what"`
}

// write says the report as verify --journal prints it.
func (e *eventsReport) write(w io.Writer) {
	if len(e.Altered) > 0 {
		writeMismatches(w, e.report)
		return
	}
	if e.Read == 0 {
		return
	}
	if e.NotCovered == 0 {
		fmt.Fprintf(w, "events: all %s as the journal left them\n", model.Thousands(int64(e.Read)))
		return
	}
	fmt.Fprintf(w, "events: %s of %s as the journal left them; %s last written by entries that keep neither their version nor a fingerprint of it (imports by an earlier chrono, which kept no fingerprint) could not be compared\n",
		model.Thousands(int64(e.Read-e.NotCovered)), model.Thousands(int64(e.Read)), model.Thousands(int64(e.NotCovered)))
}

// walkChain walks the journal's chain of v. here is for a verification
// the investigator asks for: every entry is then hashed on this machine,
// where the store could leave that to its server (model.JournalHasher),
// so that no server's hashing is trusted.
func walkChain(v model.JournalVerifier, here bool) (model.ChainReport, error) {
	if h, ok := v.(model.JournalHasher); ok && here {
		return h.VerifyJournalHere()
	}
	return v.VerifyJournal()
}
