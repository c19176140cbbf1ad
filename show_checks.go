package main

import (
	"chrono/model"
	"chrono/model/quotecheck"
	"chrono/model/stored"
	"chrono/model/verbatim"
)

// showChecked is a source's latest snapshot made ready for checking the
// quotes chrono show lists.
type showChecked struct {
	latest model.Snapshot
	x      *verbatim.Index
	text   string
	// problem says how its bytes or text differ from the hashes kept
	// with them, or those from the journal's record of it; unreadable,
	// that they cannot be read.
	problem    string
	unreadable bool
	// outOfStep says how the source's snapshots differ from those the
	// journal left.
	outOfStep string
}

// quoteChecks checks each quote of d against its source's latest
// snapshot, as the browser's sources pane does, reading each source's
// text once. A snapshot whose bytes do not match the hashes kept with
// them, or whose hashes are not those the journal recorded when it was
// kept, is said to be damaged, and a source whose snapshots are not
// those the journal left is said to be so: bytes and hashes replaced
// together match each other, and only the journal shows it. A record
// made by an entry the journal's chain does not vouch for vouches for
// nothing, as verify and the browser weigh it: an entry rewritten with
// the snapshot agrees with it, and only the chain shows it. The journal
// is read, and its chain walked, only when a quote's source has a
// snapshot.
func quoteChecks(s model.Reader, d model.Detail) ([]quotecheck.Found, error) {
	out := make([]quotecheck.Found, len(d.Event.Quotes))
	of := map[string]*showChecked{}
	var journal *showJournal
	for i, q := range d.Event.Quotes {
		if q.Source == "" {
			out[i].State = quotecheck.NoSource
			continue
		}
		c, seen := of[q.Source]
		if snaps := d.Snapshots[q.Source]; !seen && len(snaps) > 0 {
			if journal == nil {
				kept, states, err := model.ReadSnapshotJournal(s)
				if err != nil {
					return nil, err
				}
				if err := unvouchPastBreak(s, kept, false); err != nil {
					return nil, err
				}
				journal = &showJournal{kept, states}
			}
			var err error
			if c, err = latestChecked(s, q.Source, snaps, journal); err != nil {
				return nil, err
			}
			of[q.Source] = c
		}
		switch {
		case c == nil:
			out[i].State = quotecheck.NoSnapshot
		case c.unreadable:
			out[i] = quotecheck.Found{State: quotecheck.Unreadable, Snapshot: c.latest.N, Damaged: c.problem}
		default:
			out[i] = quotecheck.Of(c.x.Check(q.Text), c.text, c.latest.N)
			out[i].Damaged, out[i].OutOfStep = c.problem, c.outOfStep
		}
	}
	if len(d.Snapshots) > 0 {
		return out, nil
	}
	// As in the browser, until some source has a snapshot no quote is
	// said to have none to be checked against. Asked of the store in one
	// read: on a database, a query for each source's made a show of an
	// investigation of many sources slow.
	some, err := model.AnySnapshot(s)
	if err != nil || some {
		return out, err
	}
	return nil, nil
}

// showJournal is what the journal recorded of the snapshots
// (model.ReadSnapshotJournal).
type showJournal struct {
	kept   map[model.SnapshotKey]model.SnapshotRecord
	states model.SnapshotStates
}

// latestChecked reads the latest of a source's snapshots, snaps, and
// checks it as verify does (checkSnapshot): against the hashes kept with
// it, then against the journal's record of it; and, when it holds up,
// the source's snapshots against those the journal left.
func latestChecked(s model.Reader, source string, snaps []model.Snapshot, journal *showJournal) (*showChecked, error) {
	c := &showChecked{latest: snaps[len(snaps)-1]}
	check, err := checkSnapshot(s, source, c.latest, journal.kept)
	if err != nil {
		return nil, err
	}
	c.problem, c.unreadable = check.Problem, check.unreadable
	if c.unreadable {
		return c, nil
	}
	if c.problem == "" {
		c.outOfStep = journal.states.FirstOutOfStep(source, snaps)
	}
	text, err := model.ReadSnapshotText(s, source, c.latest.N)
	switch {
	case stored.IsDamage(err):
		c.problem, c.unreadable = "its text, which quotes are checked against, cannot be read: "+err.Error(), true
		return c, nil
	case err != nil:
		return nil, err
	}
	c.x, c.text = c.latest.QuoteIndex(text), text
	return c, nil
}
