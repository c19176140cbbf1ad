package model

import "slices"

// Source is a document quotes and dates are taken from.
type Source struct {
	ID        string `json:"id"`
	Publisher string `json:"publisher,omitempty"`
	Author    string `json:"author,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	// Archive is a kept copy of the page at URL elsewhere (a Wayback
	// Machine or archive.today link).
	Archive string `json:"archive,omitempty"`
	// Published is when the source was published: the anchor for relative
	// dates ("last year") quoted from it.
	Published Date `json:"published,omitzero"`
}

// Header is what describes an investigation as a whole.
type Header struct {
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
}

// FilledFrom returns h with o's title and description where h has none:
// an investigation keeps its own once it has them, and an import only
// fills them in.
func (h Header) FilledFrom(o Header) Header {
	if h.Title == "" {
		h.Title = o.Title
	}
	if h.Description == "" {
		h.Description = o.Description
	}
	return h
}

// CountHeader adds to r the fields of the header stored that an import
// keeps (Header.FilledFrom) while file, the header a file gives, says
// them otherwise: said, not taken silently.
func (r *ImportResult) CountHeader(stored, file Header) {
	for _, f := range [...]struct {
		name          string
		stored, given string
	}{{"title", stored.Title, file.Title}, {"description", stored.Description, file.Description}} {
		if f.stored != "" && f.given != "" && f.given != f.stored && !slices.Contains(r.HeaderKept, f.name) {
			r.HeaderKept = append(r.HeaderKept, f.name)
		}
	}
}

// Timeline is a whole investigation: its header, sources and events.
type Timeline struct {
	Header
	Sources []Source `json:"sources,omitempty"`
	Events  []Event  `json:"events"`
}

// Sink receives an investigation piece by piece, so that a format reader
// never has to hold a large file in memory. Readers call Header at most
// once, at any point, and Source and Event in the order of the file; each
// call says where in the file the value was found (n counts sources and
// events separately, from 1). A Sink may return an error to stop the read.
type Sink interface {
	Header(h Header) error
	Source(s Source, n int) error
	Event(e Event, n int) error
}

// Collect is a Sink that keeps everything in a Timeline; for small files
// and tests.
type Collect struct{ Timeline Timeline }

// Header implements Sink.
func (c *Collect) Header(h Header) error { c.Timeline.Header = h; return nil }

// Source implements Sink.
func (c *Collect) Source(s Source, _ int) error {
	c.Timeline.Sources = append(c.Timeline.Sources, s)
	return nil
}

// Event implements Sink.
func (c *Collect) Event(e Event, _ int) error {
	c.Timeline.Events = append(c.Timeline.Events, e)
	return nil
}

// Feed sends a whole Timeline to a Sink, as a reader would.
func Feed(t Timeline, s Sink) error {
	if err := s.Header(t.Header); err != nil {
		return err
	}
	for i, src := range t.Sources {
		if err := s.Source(src, i+1); err != nil {
			return err
		}
	}
	for i, e := range t.Events {
		if err := s.Event(e, i+1); err != nil {
			return err
		}
	}
	return nil
}
