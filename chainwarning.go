package main

import (
	"fmt"
	"io"

	"chrono/model"
)

// warnChainBreak says on w that the journal's chain breaks, at which
// entry and how, as verify --journal names a break, then what the
// command made of it: a command that shows or copies a journal whose
// chain does not hold says so, so that nobody takes it for whole.
func warnChainBreak(w io.Writer, br *model.ChainBreak, then string) {
	fmt.Fprintf(w, "warning: the journal's chain breaks at entry #%d (%s); %s\n", br.Seq, br.Fault, then)
}

// chainBreak walks the journal of s, when its kind of store keeps it as
// a hash chain, and returns where the chain breaks: nil when it holds.
func chainBreak(s model.Store) (*model.ChainBreak, error) {
	v, ok := s.(model.JournalVerifier)
	if !ok {
		return nil, nil
	}
	r, err := v.VerifyJournal()
	if err != nil || r.OK() {
		return nil, err
	}
	return r.Break, nil
}

// chainWalk is a walk of a store's journal chain that a command made
// before its change (undo and revert walk it, to refuse an entry the
// chain does not vouch for), and the entry the change then wrote.
type chainWalk struct {
	store  model.Store
	report model.ChainReport
	wrote  model.Entry
}

// walkNoted is s, its walks of the journal's chain and the entry written
// after one noted in c.walked, for breakAfterWrite; s itself when it
// keeps no chain.
func (c *cli) walkNoted(s model.Store) model.Store {
	v, ok := s.(model.JournalVerifier)
	if !ok {
		return s
	}
	return walkNoting{Store: s, verifier: v, c: c}
}

// walkNoting is what walkNoted returns.
type walkNoting struct {
	model.Store
	verifier model.JournalVerifier
	c        *cli
}

// VerifyJournal walks the chain, and notes what it found.
func (w walkNoting) VerifyJournal() (model.ChainReport, error) {
	r, err := w.verifier.VerifyJournal()
	w.c.walked = nil
	if err == nil {
		w.c.walked = &chainWalk{store: w.Store, report: r}
	}
	return r, err
}

// Overtaken tells what the store it wraps tells, for model.Undo.
func (w walkNoting) Overtaken() bool {
	o, ok := w.Store.(model.Overtaken)
	return ok && o.Overtaken()
}

// Write makes the change, and notes the entry it wrote after the walk.
func (w walkNoting) Write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	e, err := w.Store.Write(op, phrase, fn)
	if walked := w.c.walked; err == nil && walked != nil && walked.store == w.Store {
		walked.wrote = e
	}
	return e, err
}

// breakAfterWrite is chainBreak of s after a change the command wrote.
// When the command walked the chain before its change and found it
// whole, and the journal has gained since only the entry the change
// wrote, linked to the head walked, the chain holds with it: no other
// change came in between (a bbolt store is the command's alone while it
// holds it open; in a database another writer's entry would stand
// between), and the new entry is this chrono's own. So undo and revert
// walk a long journal once, not twice. Otherwise the chain is walked.
func (c *cli) breakAfterWrite(s model.Store) (*model.ChainBreak, error) {
	if w := c.walked; w != nil && w.store == s && w.report.OK() && w.wrote.Seq != 0 && w.wrote.Seq == w.report.Head.Seq+1 {
		newest, err := s.Journal(model.JournalQuery{Limit: 1, MostEvents: 1})
		if err == nil && len(newest) == 1 && newest[0].Seq == w.wrote.Seq && newest[0].Hash == w.wrote.Hash && newest[0].Prev == w.report.Head.Hash {
			return nil, nil
		}
	}
	return chainBreak(s)
}
