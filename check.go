package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"chrono/model"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// checkOptions is what chrono check was asked for.
type checkOptions struct {
	*cli
	store, chronology bool
	// both is a check given neither flag: what a kind of store cannot
	// check is said and passed over, not a failure.
	both bool
}

// newCheckCmd is chrono check: whether the store agrees with itself, and
// whether what the chronology says can all be true.
func newCheckCmd(c *cli) *cobra.Command {
	opts := &checkOptions{cli: c}
	cmd := &cobra.Command{
		Use:   "check [--store] [--chronology]",
		Short: "Check the store, and what in the chronology cannot all be true",
		Long: `Check reads the whole store, read-only, and changes nothing. Without
flags it does both checks below; a flag asks for that one alone.

--store checks the file's pages (bbolt's own check), that every stored
value can be read, that every index and kept count agrees with the
events, that the journal's hash chain holds (as verify --journal), and
that each snapshot's bytes and text have the hashes kept with them and
those the journal recorded (as verify checks them). It says so when all
agree, and otherwise lists each mismatch, with its place (the bucket,
and the event when there is one), and exits 1.
It then lists each link that names an event neither on the timeline nor
in the trash (emptying the trash with an earlier chrono left them), with
its event and number and how to remove it, and exits 1 when there is any.
A PostgreSQL database keeps its own pages and indexes: there --store
checks what it cannot vouch for, the journal's hash chain, each event
against what the journal left it as, and the snapshots, then the links.

--chronology lists what the events' dates, links and sources say that
cannot all be true, naming the events: an event that precedes another
(precedes, follows, disputes) but whose earliest instant is after the
other's latest; a cycle of such links; an event dated after the
publication of the source its date text is anchored to; a quote from a
source published before the event it is said to describe (quotes with
stance context are not counted). It exits 1 when there is any. Whether
the quotes' words are in their sources is verify's to check.

A damaged store is best restored from a backup (chrono backup -o FILE makes
one of a sound store). What a damaged store can still read can be kept with
chrono export -o FILE, imported into a new store.`,
		Args: exactArgs(0, "no arguments: it checks the store --db names"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("store") && !cmd.Flags().Changed("chronology") {
				opts.store, opts.chronology, opts.both = true, true, true
			}
			// What it finds is wrapped at a terminal: an event's id cut by
			// the terminal's edge cannot be read or copied whole.
			w, done := opts.out()
			to := opts.stdout
			opts.stdout = w
			err := runCheck(opts)
			opts.stdout = to
			if derr := done(); err == nil {
				err = derr
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&opts.store, "store", false, "check the store's file, indexes and counts")
	cmd.Flags().BoolVar(&opts.chronology, "chronology", false, "check that the events' dates, links and sources can all be true")
	return cmd
}

// runCheck checks the store and says what it found.
// It opens the store itself, not with withStore, which would check a
// damaged store a second time.
func runCheck(opts *checkOptions) error {
	if !opts.store && !opts.chronology {
		return usagef("check has nothing to check: give --store, --chronology or neither (both)")
	}
	// The store's check reports a lost last change among what it finds.
	opts.rollbackSaid = opts.store
	s, err := opts.openStore(true)
	if err != nil {
		return err
	}
	defer s.Close()
	if opts.store {
		if _, ok := s.(model.StoreChecker); !ok {
			// A database keeps its own pages; what chrono keeps in it
			// that the database cannot vouch for is checked, and its
			// links and chronology all the same.
			if err := checkDatabase(opts, s); err != nil {
				return err
			}
		} else if err := checkStore(opts, s); err != nil {
			return err
		}
		// Both are said, whichever fails.
		lerr := checkLinks(opts, s)
		if terr := checkTags(opts, s); lerr == nil && terr != nil {
			lerr = terr
		}
		if lerr != nil {
			return lerr
		}
	}
	if opts.chronology {
		return checkChronology(opts, s)
	}
	return nil
}

// checkStore checks that the store agrees with itself.
func checkStore(opts *checkOptions, s model.Store) error {
	c, ok := s.(model.StoreChecker)
	if !ok {
		return fmt.Errorf("store %s cannot be checked: its kind of store (a database, which keeps its own pages and indexes) has no check of its own; chrono check checks its links and chronology, and chrono verify --journal its journal's chain", s.Location())
	}
	r, err := c.Check()
	if err != nil {
		return err
	}
	// A snapshot's bytes changed outside chrono leave every page and
	// index sound; only the hashes kept with them show it, and a
	// backup of such a store does not restore.
	if pagesSound(r) {
		addDamagedSnapshots(&r, s)
	}
	return reportCheck(opts, r, "all indexes and counts agree")
}

// addDamagedSnapshots adds to r the snapshots whose bytes or text are
// not as kept (damagedSnapshots).
func addDamagedSnapshots(r *model.CheckReport, s model.Store) {
	damaged, err := damagedSnapshots(s)
	if err != nil {
		r.Mismatches = append(r.Mismatches, model.Mismatch{Where: "snapshots", What: err.Error()})
	}
	for _, d := range damaged {
		r.Mismatches = append(r.Mismatches, model.Mismatch{Where: "snapshots", What: fmt.Sprintf("source %s, snapshot %d: %s (chrono verify says more)", d.Source, d.Snapshot, d.Problem), Altered: !d.unreadable})
	}
}

// reportCheck says what a check found: that all is well, as sound says,
// or each mismatch, and fails.
func reportCheck(opts *checkOptions, r model.CheckReport, sound string) error {
	if r.OK() {
		fmt.Fprintf(opts.stdout, "store %s: %s, %s\n", r.Location, plural(r.Events, "event"), sound)
		if r.NotCovered > 0 {
			// Said, so that a clean check is not read as vouching for
			// bytes it could not compare.
			fmt.Fprintf(opts.stdout, "journal: %s last written by entries that keep neither their version nor a fingerprint of it (imports by an earlier chrono, which kept no fingerprint): their bytes could not be compared with the journal\n", plural(r.NotCovered, "event"))
		}
		return nil
	}
	writeMismatches(opts.stdout, r)
	return checkFailed(r)
}

// checkDatabase checks what a database, which keeps its own pages and
// indexes, cannot vouch for: the journal's hash chain, and each snapshot's
// bytes and text against the hashes kept with them and the journal's
// record, as check --store does in a file.
func checkDatabase(opts *checkOptions, s model.Store) error {
	n, err := s.Count(model.Query{})
	if err != nil {
		return err
	}
	r := model.CheckReport{Location: s.Location(), Events: n}
	if v, ok := s.(model.JournalVerifier); ok {
		c, err := v.VerifyJournal()
		if err != nil {
			return err
		}
		if m, broken := c.Mismatch(); broken {
			r.Mismatches = append(r.Mismatches, m)
		}
	}
	// The database vouches for its pages, not for bytes changed through
	// it behind chrono's back: each event is compared with the journal,
	// as a store file's check does.
	if v, ok := s.(model.EventsVerifier); ok {
		er, err := v.VerifyEvents()
		if err != nil {
			return err
		}
		r.Mismatches = append(r.Mismatches, er.Mismatches...)
		r.NotCovered = er.NotCovered
	}
	addDamagedSnapshots(&r, s)
	return reportCheck(opts, r, "a database keeps its own pages and indexes; the journal's chain holds, the events are what it left, and the snapshots match their hashes")
}

// pagesSound reports whether the store's check found its pages whole,
// and nothing wrong where the snapshots are kept, so that they can be
// read.
func pagesSound(r model.CheckReport) bool {
	for _, m := range r.Mismatches {
		switch m.Where {
		case "pages", "sources", "snapshots":
			return false
		}
	}
	return true
}

// checkChronology lists what the chronology says that cannot all be
// true. It reads every event, one at a time, for what the sources'
// publication rules out, and holds only the linked events' dates and
// links, which alone can contradict each other (as chronologyProblems
// does): a million events held whole took 2.4 GB.
func checkChronology(opts *checkOptions, s model.Store) error {
	sources, err := s.Sources()
	if err != nil {
		return err
	}
	var linked []model.Event
	for e, err := range s.Events(model.Query{Linked: model.OrderRels}) {
		if err != nil {
			return err
		}
		linked = append(linked, model.Event{ID: e.ID, Date: e.Date, Links: e.Links})
	}
	// Each is said as it is found: a large chronology may have hundreds
	// of thousands.
	out := bufio.NewWriter(opts.stdout)
	found := 0
	say := func(cs []model.Contradiction) {
		for _, c := range cs {
			fmt.Fprintf(out, "%s\n", termtext.Line(c.What))
			found++
		}
	}
	say(model.PlacementOf(s).Contradictions(linked, nil))
	linked = nil
	published := model.PublishedDates(sources)
	events := 0
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			out.Flush()
			return err
		}
		events++
		say(model.SourceContradictions(&e, published))
	}
	if found == 0 {
		// The quotes' words are verify's to check, against the snapshots:
		// said here so that nobody takes this line for all of it.
		fmt.Fprintf(out, "chronology: %s; their dates, links and sources can all be true (chrono verify checks the quotes' words against their sources)\n", plural(events, "event"))
	}
	if err := out.Flush(); err != nil || found == 0 {
		return err
	}
	n := "1 thing"
	if found != 1 {
		n = model.Thousands(int64(found)) + " things"
	}
	return fmt.Errorf("the chronology says %s that cannot all be true (listed above): correct the dates, links or sources concerned; nothing was changed", n)
}

// writeMismatches lists what a check found, one mismatch a line; what a
// damaged file holds is no terminal control.
func writeMismatches(w io.Writer, r model.CheckReport) {
	for _, m := range r.Mismatches {
		where := m.Where
		if m.Event != "" {
			where += fmt.Sprintf(", event %q", m.Event)
		}
		fmt.Fprintf(w, "%s: %s\n", where, termtext.Line(m.What))
	}
}

// checkFailed is the error of a check that found mismatches.
func checkFailed(r model.CheckReport) error {
	n := "1 mismatch"
	if len(r.Mismatches) != 1 {
		n = model.Thousands(int64(len(r.Mismatches))) + " mismatches"
	}
	if altered(r) {
		// Export and import would make a store whose journal starts
		// anew: the record of what was done, and of the break, gone.
		return fmt.Errorf("store %s is %w (%s; %s could be read): nothing was changed; it reads as it is, but what is named above was altered outside chrono: restore it from a backup made before, and keep this store as found (chrono backup -o FILE copies it, the alteration with it; %s)",
			r.Location, model.ErrDamaged, n, plural(r.Events, "event"), whatDiffers(r))
	}
	read := plural(r.Events, "event") + " could be read"
	if !pagesSound(r) && r.Events == 0 {
		// The check stops at a page it cannot read, before it counts
		// the events: none counted is not none readable.
		read = "the check stopped at a page it could not read"
	}
	return fmt.Errorf("store %s is %w (%s; %s): nothing was changed; restore it from a backup, or keep what can be read with chrono export -o FILE and import FILE into a new store",
		r.Location, model.ErrDamaged, n, read)
}

// whatDiffers names the commands that say more of the alterations a
// check found: verify --journal for the journal, verify for snapshots.
func whatDiffers(r model.CheckReport) string {
	var journal, snapshots, events bool
	for _, m := range r.Mismatches {
		journal = journal || m.Where == "journal" || m.Where == "history"
		snapshots = snapshots || m.Where == "snapshots"
		events = events || m.Where == "events"
	}
	switch {
	case journal && snapshots:
		return "chrono verify --journal and chrono verify say what differs"
	case journal:
		return "chrono verify --journal says what differs"
	case events && snapshots:
		return "chrono log ID shows the version the journal holds of each event named, chrono verify what differs in the snapshots"
	case events:
		return "chrono log ID shows the version the journal holds of each event named"
	}
	return "chrono verify says what differs"
}

// altered reports whether all a check found is bytes changed outside
// chrono (a journal entry or a snapshot no longer matching its hash) in a
// store whose pages, values and indexes are whole.
func altered(r model.CheckReport) bool {
	for _, m := range r.Mismatches {
		if !m.Altered {
			return false
		}
	}
	return len(r.Mismatches) > 0
}

// checkDamaged, when err says the store is damaged, checks the whole
// store and lists every mismatch on w, so that one damaged value found
// by a command shows how far the damage goes.
func checkDamaged(w io.Writer, s model.Store, err error) {
	c, ok := s.(model.StoreChecker)
	if !ok || !errors.Is(err, model.ErrDamaged) {
		return
	}
	r, cerr := c.Check()
	if cerr != nil || r.OK() {
		return
	}
	fmt.Fprintf(w, "chrono check --store finds:\n")
	writeMismatches(w, r)
}
