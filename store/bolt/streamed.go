package bolt

import (
	"maps"
	"slices"

	"chrono/model"
	"chrono/model/journalform"
)

// streamedRecords are the events' records of a write that finishes each
// as it goes (model.Changes.Stream): encoded into the entry's log as
// they come, with what the entry's keys need of them, so that no
// event's versions are held to the end.
type streamedRecords struct {
	log    journalform.Log
	ids    []string        // each record's event, for its history key
	linked map[string]bool // the events whose links from others changed
	links  bool            // whether the write's op can change links
}

// StreamEvents implements model.StreamedChanges: from here on, each
// event's record goes into the entry's log when the next event is
// touched. It says false when the write holds its changes whole: run
// again after model.ErrTouchedAgain, or once it has touched an event.
func (t *writeTx) StreamEvents() bool {
	if !t.streams || t.streamed != nil {
		return t.streamed != nil
	}
	r := &streamedRecords{linked: map[string]bool{}, links: !t.op.LeavesLinks()}
	if !t.changes.Stream(r.put) {
		return false
	}
	t.streamed = r
	return true
}

// put records c.
func (r *streamedRecords) put(c *model.EventChange) error {
	if err := r.log.Change(c); err != nil {
		return err
	}
	r.ids = append(r.ids, c.ID)
	if r.links {
		c.NoteLinksChanged(r.linked)
	}
	return nil
}

// linksChangedTo is model.Entry.LinksChangedTo over the records.
func (r *streamedRecords) linksChangedTo() []string {
	if !r.links {
		return nil
	}
	return slices.Sorted(maps.Keys(r.linked))
}
