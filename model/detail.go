package model

// Detail is an event with what is needed to present it in full: the
// sources it cites, its links in both directions, the titles of the
// events they lead to, its latest changes and its sources' snapshots,
// read together so that a browser reads an event it selects in one go
// (one round trip to a database). A store may read what is rare (a long
// history's rest) after the rest; Version is never newer than the rest.
type Detail struct {
	Event Event
	// Sources holds at least the sources the event cites, by id.
	Sources map[string]Source
	// Related are the event's links in both directions (see Relations).
	Related []Relation
	// Titles holds the titles of related events by id; a related event
	// missing from it is not on the timeline.
	Titles map[string]string
	// Trashed holds the titles of related events in the trash, by id: a
	// link to one is not to nothing, and chrono restore brings it back.
	Trashed map[string]string
	// History is the event's own latest changes, newest first: what
	// Journal(JournalQuery{Event: id, Limit: DetailHistory}) returns.
	// Not those to the links other events make to it (Linked), which no
	// index names: finding them reads back through the journal, a walk
	// too long for each event the browser selects; chrono log ID lists
	// them.
	History []Entry
	// Snapshots are the snapshots of the sources in Sources that have
	// any, by source id, as Snapshots lists them.
	Snapshots map[string][]Snapshot
	// Version is the store's Version as of this state.
	Version string
}

// DetailHistory is how many of an event's latest changes a Detail holds.
const DetailHistory = 5
