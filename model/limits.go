package model

import (
	"fmt"
	"strings"
)

// Limits on the size of what one event, source or header may hold. They
// are far above anything written by hand or exported by a newsroom or
// forensic tool, and they keep one hostile record from filling the memory
// of every program that reads it back (the browser, an export, a search).
const (
	// MaxLineBytes caps one-line fields: titles, speakers, dates as
	// written, sources' names and URLs.
	MaxLineBytes = 64 << 10
	// MaxActorBytes caps an actor's name, which the stores keep as a key
	// of its own (the counts by actor; PostgreSQL's index of actors,
	// whose entries take at most 2.7 KB).
	MaxActorBytes = 2 << 10
	// MaxTextBytes caps running text: summaries, quotes, notes, the
	// investigation's description.
	MaxTextBytes = 1 << 20
	// MaxItems caps each list an event holds: actors, tags, quotes,
	// links, notes and media.
	MaxItems = 10_000
)

// limits checks text fields against their caps and appends a message for
// each that is over.
type limits []string

func (l *limits) line(field, s string) { l.check(field, s, MaxLineBytes) }
func (l *limits) text(field, s string) { l.check(field, s, MaxTextBytes) }

func (l *limits) check(field, s string, max int) {
	if len(s) > max {
		*l = append(*l, fmt.Sprintf("%s: %s bytes, more than the %s allowed; is this the right column, or a whole document pasted into one field?",
			field, Thousands(int64(len(s))), Thousands(int64(max))))
	}
}

func (l *limits) items(field string, n int) {
	if n > MaxItems {
		*l = append(*l, fmt.Sprintf("%s: %s entries, more than the %s allowed", field, Thousands(int64(n)), Thousands(MaxItems)))
	}
}

// checkSizes returns a message for each field of e over its cap. Field
// names with a number are only made for a field that is over: this runs
// for every event of every import.
func (e *Event) checkSizes() []string {
	var l limits
	l.line("title", e.Title)
	l.line("date_text", e.DateText)
	l.line("date_source", e.DateSource)
	l.text("summary", e.Summary)
	l.items("actors", len(e.Actors))
	l.items("tags", len(e.Tags))
	l.items("quotes", len(e.Quotes))
	l.items("links", len(e.Links))
	l.items("notes", len(e.Notes))
	l.items("media", len(e.Media))
	for i, a := range e.Actors {
		if len(a) > MaxActorBytes {
			l.check(fmt.Sprintf("actor #%d", i+1), a, MaxActorBytes)
		}
	}
	for i, q := range e.Quotes {
		if len(q.Text) > MaxTextBytes || len(q.Context) > MaxTextBytes || len(q.Speaker) > MaxLineBytes || len(q.Source) > MaxLineBytes {
			l.text(fmt.Sprintf("quote #%d: text", i+1), q.Text)
			l.line(fmt.Sprintf("quote #%d: speaker", i+1), q.Speaker)
			l.line(fmt.Sprintf("quote #%d: source", i+1), q.Source)
			l.text(fmt.Sprintf("quote #%d: context", i+1), q.Context)
		}
	}
	for i, n := range e.Notes {
		if len(n.Text) > MaxTextBytes {
			l.text(fmt.Sprintf("note #%d", i+1), n.Text)
		}
	}
	for i, m := range e.Media {
		for _, f := range m.fields() {
			max := MaxLineBytes
			if f.text {
				max = MaxTextBytes
			}
			if len(f.value) > max {
				l.check(fmt.Sprintf("medium #%d: %s", i+1, f.name), f.value, max)
			}
		}
	}
	return l
}

// checkSizes returns a message for each field of s over its cap.
func (s *Source) checkSizes() []string {
	var l limits
	l.line("publisher", s.Publisher)
	l.line("author", s.Author)
	l.line("title", s.Title)
	l.line("url", s.URL)
	l.line("archive", s.Archive)
	return l
}

// Check returns what is wrong with an investigation's header: fields over
// their caps.
func (h *Header) Check() []string {
	var l limits
	l.line("title", h.Title)
	l.text("description", h.Description)
	if strings.ContainsRune(h.Title, 0) {
		l = append(l, "title: "+nulInName)
	}
	if strings.ContainsRune(h.Description, 0) {
		l = append(l, "description: "+nulInName)
	}
	return l
}

// nulInName is what is wrong with a name, or an investigation's title or
// description, that holds U+0000: each is kept as text of its own, which
// PostgreSQL refuses to hold it in, while an event's text is kept whole.
const nulInName = "holds a NUL character (U+0000), which PostgreSQL cannot keep there: remove it"
