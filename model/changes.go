package model

import (
	"errors"
	"time"
)

// Changes is what one write transaction has changed, kept for its journal
// entry: each event and source as it was when the transaction first wrote
// it, in that order, the header as it was before, and the snapshots kept
// or withdrawn. At the end Entry compares what was with what is, so that
// a write that puts something back as it was records nothing for it.
// Every store's Tx keeps one, so that the same write makes the same entry
// in every store.
type Changes struct {
	events      map[string]*EventChange // Before and From as first seen
	eventOrder  []string
	sources     map[string]*SourceChange // Before as first seen
	sourceOrder []string
	header      *Header // before, once written
	snapshots   []SnapshotRef
	reverts     uint64
	mentioned   map[string]bool // recorded even when unchanged (Mention)
	phrase      string          // replaces the Write's phrase (Rephrase)
	stream      *streamed       // when set, events' records finished as they go (Stream)
}

// TxState is how Changes reads a transaction as it stands: where an event
// is and what it holds, a source (ErrNotFound when there is none), and the
// header.
type TxState struct {
	Where  func(id string) (Event, Whereabouts, error)
	Source func(id string) (Source, error)
	Header func() (Header, error)
}

// Event remembers an event as it is before the transaction first writes
// it; call it before every write of the event.
func (c *Changes) Event(id string, st TxState) error {
	if c.stream != nil {
		return c.streamEvent(id, st, false)
	}
	if _, ok := c.events[id]; ok {
		return nil
	}
	ch, err := changeFrom(id, st)
	if err != nil {
		return err
	}
	if c.events == nil {
		c.events = map[string]*EventChange{}
	}
	c.events[id] = ch
	c.eventOrder = append(c.eventOrder, id)
	return nil
}

// changeFrom starts the record of the event id as the transaction first
// finds it: where it is, and its version there.
func changeFrom(id string, st TxState) (*EventChange, error) {
	e, place, err := st.Where(id)
	if err != nil {
		return nil, err
	}
	ch := &EventChange{ID: id, From: place}
	if place != Absent {
		ch.Before = &e
	}
	return ch, nil
}

// Mention remembers an event as Event does, and records it in the entry
// even when the transaction leaves it as it was (Tx.Mention).
func (c *Changes) Mention(id string, st TxState) error {
	if c.stream != nil {
		return c.streamEvent(id, st, true)
	}
	if err := c.Event(id, st); err != nil {
		return err
	}
	if c.mentioned == nil {
		c.mentioned = map[string]bool{}
	}
	c.mentioned[id] = true
	return nil
}

// Source remembers a source as it is before the transaction first writes
// it; call it before every write of the source.
func (c *Changes) Source(id string, st TxState) error {
	if _, ok := c.sources[id]; ok {
		return nil
	}
	ch := &SourceChange{ID: id}
	var err error
	if ch.Before, err = sourceIn(id, st); err != nil {
		return err
	}
	if c.sources == nil {
		c.sources = map[string]*SourceChange{}
	}
	c.sources[id] = ch
	c.sourceOrder = append(c.sourceOrder, id)
	return nil
}

// Header remembers the header as it is before the transaction first
// writes it; call it before every write of the header.
func (c *Changes) Header(st TxState) error {
	if c.header != nil {
		return nil
	}
	h, err := st.Header()
	if err != nil {
		return err
	}
	c.header = &h
	return nil
}

// Snapshot records a snapshot kept or withdrawn.
func (c *Changes) Snapshot(ref SnapshotRef) { c.snapshots = append(c.snapshots, ref) }

// Reverts records that the write reverses the entry seq (Tx.Reverts).
func (c *Changes) Reverts(seq uint64) { c.reverts = seq }

// Rephrase records the phrase the entry says (Tx.Rephrase).
func (c *Changes) Rephrase(phrase string) { c.phrase = phrase }

// Entry returns the journal entry of what changed, without its Seq or its
// link in the chain (the store's to give), and false when nothing did.
// When the events' records were streamed (Stream), the entry holds none
// of them, and Touched says how many were handed on.
func (c *Changes) Entry(op Op, phrase, author string, at time.Time, st TxState) (Entry, bool, error) {
	if c.phrase != "" {
		phrase = c.phrase
	}
	e := Entry{At: at, Author: author, Op: op, Phrase: phrase, Reverts: c.reverts}
	for _, id := range c.eventOrder {
		ch := c.events[id]
		keep, err := finish(ch, st, c.mentioned[id])
		if err != nil {
			return e, false, err
		}
		if keep {
			e.Events = append(e.Events, *ch)
		}
	}
	if c.stream != nil {
		if err := c.finishOpen(st); err != nil {
			return e, false, err
		}
		e.Touched = c.stream.n
	}
	for _, id := range c.sourceOrder {
		ch := c.sources[id]
		after, err := sourceIn(id, st)
		if err != nil {
			return e, false, err
		}
		ch.After = after
		if (ch.Before == nil) == (after == nil) && (after == nil || *ch.Before == *after) {
			continue
		}
		e.Sources = append(e.Sources, *ch)
	}
	if c.header != nil {
		now, err := st.Header()
		if err != nil {
			return e, false, err
		}
		if now != *c.header {
			e.Header = &HeaderChange{Before: *c.header, After: now}
		}
	}
	e.Snapshots = c.snapshots
	changed := len(e.Events) > 0 || e.Touched > 0 || len(e.Sources) > 0 || e.Header != nil || len(e.Snapshots) > 0
	return e, changed, nil
}

// sourceIn returns the source id as st holds it, nil when it holds none.
func sourceIn(id string, st TxState) (*Source, error) {
	src, err := st.Source(id)
	switch {
	case err == nil:
		return &src, nil
	case errors.Is(err, ErrNotFound):
		return nil, nil
	}
	return nil, err
}

// sameVersion is SameEvent, nil only with nil.
func sameVersion(a, b *Event) bool {
	if a == nil || b == nil {
		return a == b
	}
	return SameEvent(a, b)
}
