package model

import "fmt"

// SourcesByURL is implemented by a Known (a store's import) that also
// finds a stored source by its URL.
type SourcesByURL interface {
	// StoredSourceID returns the id of a stored source with the URL.
	StoredSourceID(url string) (id string, ok bool)
	// StoredSourceURL returns the URL of the stored source with the id,
	// "" for one without; ok is false when none has the id.
	StoredSourceURL(id string) (url string, ok bool)
}

// StoredSources is implemented by a Sink that knows the sources already
// stored where an import goes, and those read before in the same import
// (a Checker). A
// reader whose format has no source ids and makes them up (TimelineJS
// names a source after its URL's host) asks it, so that a URL already
// known is cited by its source's id, and a made-up id never names a
// source of another URL: a quote cites the page it came from.
type StoredSources interface {
	SourcesByURL
	// SourceTaken reports whether a source with the id is known.
	SourceTaken(id string) bool
}

// StoredSourceID implements StoredSources: a source read before in this
// import, else one the store holds, when the store can find it by URL.
func (c *Checker) StoredSourceID(url string) (string, bool) {
	if id, ok := c.byURL.ID(url); ok {
		return id, true
	}
	if f, ok := c.known.(SourcesByURL); ok {
		return f.StoredSourceID(url)
	}
	return "", false
}

// StoredSourceURL implements StoredSources: of a source read before in
// this import, else of one the store holds.
func (c *Checker) StoredSourceURL(id string) (string, bool) {
	if s, ok := c.sources[id]; ok {
		return s.src.URL, true
	}
	if f, ok := c.known.(SourcesByURL); ok {
		return f.StoredSourceURL(id)
	}
	return "", false
}

// SourceTaken implements StoredSources.
func (c *Checker) SourceTaken(id string) bool { return c.resolves(id, false) }

// URLIndex finds sources by URL, the first source added with a URL
// being the one found for it, and a source's URL by its id. The zero
// value is empty.
type URLIndex struct{ ids, urls map[string]string }

// Add adds source id with url; the id is found for url unless a source
// added before has url too.
func (x *URLIndex) Add(id, url string) {
	if x.ids == nil {
		x.ids, x.urls = map[string]string{}, map[string]string{}
	}
	x.urls[id] = url
	if _, ok := x.ids[url]; !ok && url != "" {
		x.ids[url] = id
	}
}

// URL returns the URL of source id; ok is false when none was added.
func (x *URLIndex) URL(id string) (string, bool) {
	url, ok := x.urls[id]
	return url, ok
}

// ID returns the id of the first source added with url.
func (x *URLIndex) ID(url string) (string, bool) {
	id, ok := x.ids[url]
	return id, ok
}

// StoredEvents is a Sink that knows the events already stored where an
// import goes (a Checker): a reader whose ids are made up, and were made
// otherwise by an earlier chrono, asks whether the store holds one under
// its old id, to keep to such ids rather than add the events again.
type StoredEvents interface {
	EventStored(id string) bool
}

// EventStored implements StoredEvents.
func (c *Checker) EventStored(id string) bool { return c.known != nil && c.known.HasEvent(id) }

// StoredEventReader is a Sink, or a Known, that can say what the store
// where an import goes holds under an event's id: a reader that must
// tell whether a stored event is one of its records or another asks it.
// StoredEvent returns ErrNotFound when the store holds none.
type StoredEventReader interface {
	StoredEvent(id string) (Event, error)
}

// StoredEvent implements StoredEventReader, as the store it checks
// against answers; a store that cannot say what it holds is said to, in
// an error that is not ErrNotFound.
func (c *Checker) StoredEvent(id string) (Event, error) {
	if r, ok := c.known.(StoredEventReader); ok {
		return r.StoredEvent(id)
	}
	if c.EventStored(id) {
		return Event{}, fmt.Errorf("event %q: the store cannot say what it holds", id)
	}
	return Event{}, ErrNotFound
}

// ImportedEventReader is a StoredEventReader that can also say what the
// last import left of a stored event changed in chrono since: a reader
// that tells its records apart by what they hold (records alike,
// timesketch.Alike) knows a record by what its file said, not by an edit
// made in chrono.
type ImportedEventReader interface {
	// ImportedEvent returns the stored event id as the last import left
	// it, when a change other than an import has touched it since; ok
	// is false otherwise.
	ImportedEvent(id string) (e Event, ok bool, err error)
}

// ImportedEvent implements ImportedEventReader, as the store it checks
// against answers; ok is false for a store that cannot say.
func (c *Checker) ImportedEvent(id string) (Event, bool, error) {
	if r, ok := c.known.(ImportedEventReader); ok {
		return r.ImportedEvent(id)
	}
	return Event{}, false, nil
}

// InTrash implements TrashKnown, as the store it checks against
// answers; false for a store that cannot say: a reader that tells its
// records apart by what they hold (timesketch.Alike) gives a record
// alike to none of the stored events the id of one in the trash before
// another's.
func (c *Checker) InTrash(id string) bool {
	t, ok := c.known.(TrashKnown)
	return ok && t.InTrash(id)
}

// StoredIDLister is a Sink, or a Known, that lists the ids of the events
// the store where an import goes holds, in its trash too, that begin
// with prefix and end with suffix. A reader that numbers the ids it makes for records alike
// in its file (Timesketch's "ts-…-2") asks it which it numbered in an
// earlier import, to tell those records apart by what they hold rather
// than by their order in the file.
type StoredIDLister interface {
	StoredIDs(prefix, suffix string) ([]string, error)
}

// StoredIDs implements StoredIDLister, as the store it checks against
// answers; none for a store that cannot list them.
func (c *Checker) StoredIDs(prefix, suffix string) ([]string, error) {
	if l, ok := c.known.(StoredIDLister); ok {
		return l.StoredIDs(prefix, suffix)
	}
	return nil, nil
}

// MadeIDs is a Sink told which events' ids their reader made, the file
// giving none it could keep (a TimelineJS slide without a unique_id, or
// whose unique_id is not an id or is another slide's; a Timesketch or
// Plaso record without a chrono_id): the nth event's, before it is
// sent. Such an id is made from the event's title and time, so a title
// corrected in the file makes a new event beside the stored one; an
// import told of them can say so.
type MadeIDs interface{ MadeID(n int) }
