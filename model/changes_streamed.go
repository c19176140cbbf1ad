package model

import "errors"

// A write that touches each of many events once, one after another in
// their ids' order (the revert of an import), need not hold every
// event's version before to the end: an event's record is finished when
// the next is first touched, and handed on (Changes.Stream). An undo of
// a million imported events held a million versions that way, some
// gigabytes, until the entry was written.

// ErrTouchedAgain is what a write whose changes are streamed returns
// when an event is touched after a later one was (Changes.Stream): its
// record is already finished. The store runs the write again with its
// changes held whole.
var ErrTouchedAgain = errors.New("an event was touched again after its record was finished")

// StreamedChanges is a Tx that can finish each event's record as the
// write moves on to the next (Changes.Stream). A write that touches
// each event once, in its ids' order, calls StreamEvents before the
// first; a Tx that holds its changes whole says false.
type StreamedChanges interface {
	StreamEvents() bool
}

// streamed is the part of Changes that finishes records as it goes.
type streamed struct {
	put       func(c *EventChange) error
	open      *EventChange // the event touched last, its record unfinished
	mentioned bool         // the open event is recorded even when unchanged
	last      string       // the id touched last
	n         int          // records handed on
}

// Stream makes c finish each event's record when the next event is
// first touched, and hand it to put, rather than hold it to Entry: the
// events the write touches must come in their ids' order, each once
// (ErrTouchedAgain otherwise). Entry then returns the entry without its
// events, Touched saying how many were recorded. It says false, and
// changes nothing, once the write has touched an event.
func (c *Changes) Stream(put func(c *EventChange) error) bool {
	if len(c.eventOrder) > 0 {
		return false
	}
	c.stream = &streamed{put: put}
	return true
}

// streamEvent is Event in a write whose changes are streamed.
func (c *Changes) streamEvent(id string, st TxState, mention bool) error {
	s := c.stream
	if s.open != nil && s.open.ID == id {
		s.mentioned = s.mentioned || mention
		return nil
	}
	if s.last != "" && id <= s.last {
		return ErrTouchedAgain
	}
	if err := c.finishOpen(st); err != nil {
		return err
	}
	ch, err := changeFrom(id, st)
	if err != nil {
		return err
	}
	s.open, s.mentioned, s.last = ch, mention, id
	return nil
}

// finishOpen finishes the record of the event touched last, as Entry
// would, and hands it on when it records a change.
func (c *Changes) finishOpen(st TxState) error {
	s := c.stream
	ch := s.open
	if ch == nil {
		return nil
	}
	s.open = nil
	keep, err := finish(ch, st, s.mentioned)
	if err != nil || !keep {
		return err
	}
	s.n++
	return s.put(ch)
}

// finish fills in ch's place and version after from st, and reports
// whether the entry records it: not when it was left where and as it
// was, unless mentioned.
func finish(ch *EventChange, st TxState, mentioned bool) (bool, error) {
	after, place, err := st.Where(ch.ID)
	if err != nil {
		return false, err
	}
	ch.To, ch.After = place, nil
	switch {
	case place == Absent:
	case ch.Before != nil && SameEvent(ch.Before, &after):
		// Moved and not changed (a trash move, an undo of an
		// import's new events): the one version is kept once, not
		// twice, for what may be a million events.
		ch.After = ch.Before
	default:
		ch.After = &after
	}
	return !(ch.From == ch.To && sameVersion(ch.Before, ch.After) && !mentioned), nil
}
