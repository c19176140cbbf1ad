package model

// Detail is an event with what is needed to present it in full: the
// sources it cites, its links in both directions, and the titles of the
// events they lead to.
type Detail struct {
	Event Event
	// Sources holds at least the sources the event cites, by id.
	Sources map[string]Source
	// Related are the event's links in both directions (see Relations).
	Related []Relation
	// Titles holds the titles of related events by id; a related event
	// missing from it is not in the store.
	Titles map[string]string
}
