package model

import (
	"errors"
	"fmt"
	"slices"
)

// SaveQuote adds a quote to an event (N 0) or replaces its quote N (from
// 1). Base is that quote as it was when the editing began: when another
// change came first, the save is refused rather than overwriting it,
// unless that change only edited the quote where it stands (Quotes tells)
// in other fields, which are kept (mergeQuote). With NewSource set, the
// source is added first, in the same write, and the quote cites it: a
// source made on the spot for a quote is kept only with the quote.
type SaveQuote struct {
	Event string
	N     int
	Base  Quote
	// Quotes are the event's quotes when the editing began: the quotes
	// now but for quote N the same, quote N was edited in place.
	Quotes    []Quote
	Quote     Quote
	NewSource *Source
}

// IDs implements Edit.
func (s SaveQuote) IDs() []string { return []string{s.Event} }

// Change implements Edit: the quote shows at once, citing the new source
// by the id it asks for (a source without one gets it when written).
func (s SaveQuote) Change(e Event) Event {
	if e.ID != s.Event {
		return e
	}
	c := e.Clone()
	q := s.Quote
	if s.NewSource != nil {
		q.Source = s.NewSource.ID
	}
	if s.put(&c, q) != nil {
		return e
	}
	return c
}

// put adds or replaces the quote in e.
func (s SaveQuote) put(e *Event, q Quote) error {
	if s.N == 0 {
		e.Quotes = append(e.Quotes, q)
		return nil
	}
	i, err := itemIndex(e, e.Quotes, s.N, "quote")
	if err != nil {
		return err
	}
	if e.Quotes[i] != s.Base {
		if !s.inPlace(e.Quotes, i) {
			return fmt.Errorf("event %q: quote %d: %w; open it again to see the change", e.ID, s.N, ErrConflict)
		}
		merged, err := mergeQuote(s.Base, q, e.Quotes[i])
		if err != nil {
			var qc *QuoteConflict
			if errors.As(err, &qc) {
				qc.Event, qc.N = e.ID, s.N
			}
			return err
		}
		q = merged
	}
	e.Quotes[i] = q
	return nil
}

// inPlace reports whether quotes are the event's quotes as they were
// when the editing began but for quote i: that quote was edited where it
// stands, not moved, removed or replaced by another.
func (s SaveQuote) inPlace(quotes []Quote, i int) bool {
	if len(quotes) != len(s.Quotes) || s.Quotes[i] != s.Base {
		return false
	}
	for j, q := range quotes {
		if j != i && q != s.Quotes[j] {
			return false
		}
	}
	return true
}

// mergeQuote is mine, typed on base, over now, another change's: a field
// mine left as it was keeps now's value; one changed both ways is a
// QuoteConflict.
func mergeQuote(base, mine, now Quote) (Quote, error) {
	var out Quote
	if name := mergeTexts(
		textField{"words", base.Text, mine.Text, now.Text, &out.Text},
		textField{"speaker", base.Speaker, mine.Speaker, now.Speaker, &out.Speaker},
		textField{"source", base.Source, mine.Source, now.Source, &out.Source},
		textField{"context", base.Context, mine.Context, now.Context, &out.Context},
	); name != "" {
		return Quote{}, &QuoteConflict{Field: name, Now: now}
	}
	if !mergeTyped(base.Stance, mine.Stance, now.Stance, &out.Stance) {
		return Quote{}, &QuoteConflict{Field: "stance", Now: now}
	}
	return out, nil
}

// QuoteConflict refuses an edit of a quote's field that another change
// made meanwhile, otherwise.
type QuoteConflict struct {
	Event string
	N     int    // the quote, from 1
	Field string // words, speaker, source, context or stance
	Now   Quote  // the quote as the store holds it
}

func (e *QuoteConflict) Error() string {
	return fmt.Sprintf("event %q: quote %d: its %s was changed meanwhile by another change, %s: saving again puts yours in its place", e.Event, e.N, e.Field, e.ChangedTo())
}

// ChangedTo says what the other change left the field as: "to “…”", or
// "emptied".
func (e *QuoteConflict) ChangedTo() string {
	q := e.Now
	switch e.Field {
	case "words":
		return changedTo(q.Text)
	case "speaker":
		return changedTo(q.Speaker)
	case "source":
		return changedTo(q.Source)
	case "context":
		return changedTo(q.Context)
	case "stance":
		if q.Stance == "" {
			return "to none stated"
		}
		return "to " + string(q.Stance)
	}
	return ""
}

// Unwrap makes a QuoteConflict an ErrConflict.
func (e *QuoteConflict) Unwrap() error { return ErrConflict }

// Apply implements Edit.
func (s SaveQuote) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpQuote, s.Phrase(), func(tx Tx) error {
		q := s.Quote
		if s.NewSource != nil {
			src, err := AddSource(tx, *s.NewSource)
			if err != nil {
				return err
			}
			q.Source = src.ID
			if s.NewSource.ID == "" { // its id was made here: the entry names it
				made := s
				made.NewSource = &src
				tx.Rephrase(made.Phrase())
			}
		}
		_, err := UpdateEvent(tx, s.Event, func(e *Event) error { return s.put(e, q) })
		return err
	})
}

// Phrase implements Edit.
func (s SaveQuote) Phrase() string {
	what := "added a quote to " + s.Event
	if s.N > 0 {
		what = fmt.Sprintf("saved quote %d of %s", s.N, s.Event)
	}
	switch {
	case s.NewSource != nil && s.NewSource.ID != "":
		what += ", citing a new source, " + s.NewSource.ID
	case s.NewSource != nil:
		what += ", citing a new source"
	}
	return what
}

// PhraseDone is Phrase once the write has made changes: a source made on
// the spot without an id is named by the one the write gave it, which the
// quote, changed, cites.
func (s SaveQuote) PhraseDone(changes []Change) string {
	if s.NewSource == nil || s.NewSource.ID != "" {
		return s.Phrase()
	}
	for _, c := range changes {
		i := len(c.After.Quotes) - 1
		if s.N > 0 {
			i = s.N - 1
		}
		if c.After.ID == s.Event && i >= 0 && i < len(c.After.Quotes) {
			made := *s.NewSource
			made.ID = c.After.Quotes[i].Source
			s.NewSource = &made
			break
		}
	}
	return s.Phrase()
}

// SaveSource adds a source (Base nil) or saves an edit of one: Base is
// the source as it was when the editing began, so that a change another
// made meanwhile is refused rather than overwritten.
type SaveSource struct {
	Base   *Source
	Source Source
}

// IDs implements Edit: a source is no event.
func (s SaveSource) IDs() []string { return nil }

// Change implements Edit.
func (s SaveSource) Change(e Event) Event { return e }

// Apply implements Edit.
func (s SaveSource) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpSource, s.Phrase(), func(tx Tx) error {
		if s.Base == nil {
			src, err := AddSource(tx, s.Source)
			if err == nil && s.Source.ID == "" { // its id was made here: the entry names it
				tx.Rephrase(SaveSource{Source: src}.Phrase())
			}
			return err
		}
		if s.Source.ID != s.Base.ID {
			return fmt.Errorf("source %q: id: cannot be changed (add a new source)", s.Base.ID)
		}
		current, err := tx.Source(s.Base.ID)
		if err != nil {
			return err
		}
		merged, err := mergeSource(*s.Base, s.Source, current)
		if err != nil {
			return err
		}
		return EditSource(tx, merged)
	})
}

// mergeSource is mine, typed on base, over now, another change's: a
// field mine left as it was keeps now's value; one changed both ways is
// a SourceConflict.
func mergeSource(base, mine, now Source) (Source, error) {
	out := Source{ID: mine.ID}
	if name := mergeTexts(
		textField{"publisher", base.Publisher, mine.Publisher, now.Publisher, &out.Publisher},
		textField{"author", base.Author, mine.Author, now.Author, &out.Author},
		textField{"title", base.Title, mine.Title, now.Title, &out.Title},
		textField{"url", base.URL, mine.URL, now.URL, &out.URL},
		textField{"archive", base.Archive, mine.Archive, now.Archive, &out.Archive},
	); name != "" {
		return Source{}, &SourceConflict{ID: base.ID, Field: name, Now: now}
	}
	if !mergeTyped(base.Published, mine.Published, now.Published, &out.Published) {
		return Source{}, &SourceConflict{ID: base.ID, Field: "published", Now: now}
	}
	return out, nil
}

// SourceConflict refuses an edit of a source's field that another change
// made meanwhile, otherwise.
type SourceConflict struct {
	ID, Field string
	Now       Source // the source as the store holds it
}

func (e *SourceConflict) Error() string {
	return fmt.Sprintf("source %q: its %s was changed meanwhile by another change, %s: saving again puts yours in its place", e.ID, e.Named(), e.ChangedTo())
}

// Named is the field as a sentence names it.
func (e *SourceConflict) Named() string {
	if e.Field == "published" {
		return "date of publication"
	}
	return e.Field
}

// ChangedTo says what the other change left the field as: "to “…”", or
// "emptied".
func (e *SourceConflict) ChangedTo() string {
	s := e.Now
	switch e.Field {
	case "publisher":
		return changedTo(s.Publisher)
	case "author":
		return changedTo(s.Author)
	case "title":
		return changedTo(s.Title)
	case "url":
		return changedTo(s.URL)
	case "archive":
		return changedTo(s.Archive)
	case "published":
		if s.Published.IsZero() {
			return "emptied"
		}
		return "to " + s.Published.Label()
	}
	return ""
}

// Unwrap makes a SourceConflict an ErrConflict.
func (e *SourceConflict) Unwrap() error { return ErrConflict }

// Phrase implements Edit.
func (s SaveSource) Phrase() string {
	name := s.Source.ID
	if name == "" {
		name = quoteTitle(Citation(s.Source, func(t string) string { return t }))
	}
	if s.Base == nil {
		return "added source " + name
	}
	return "saved source " + name
}

// DropSource removes a source that nothing cites (RemoveSource): a cited
// one is refused with the count.
type DropSource struct{ ID string }

// IDs implements Edit.
func (d DropSource) IDs() []string { return nil }

// Change implements Edit.
func (d DropSource) Change(e Event) Event { return e }

// Apply implements Edit.
func (d DropSource) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpSource, d.Phrase(), func(tx Tx) error { return RemoveSource(tx, d.ID) })
}

// Phrase implements Edit.
func (d DropSource) Phrase() string { return "removed source " + d.ID }

// Purge empties events out of the trash for good: it cannot be undone,
// so it has no revert.
type Purge struct{ Events []string }

// IDs implements Edit: the events are in the trash, on no screen.
func (p Purge) IDs() []string { return nil }

// Change implements Edit.
func (p Purge) Change(e Event) Event { return e }

// Apply implements Edit: the changes are the events that lost links to
// the purged ones (PurgeEvents).
func (p Purge) Apply(w Writer) ([]Change, Edit, error) {
	changes, _, err := journaled(w, OpPurge, p.Phrase(), func(tx Tx) error { _, err := PurgeEvents(tx, p.Events); return err })
	return changes, nil, err
}

// Phrase implements Edit.
func (p Purge) Phrase() string {
	return "emptied the trash of " + countEvents(len(p.Events)) + " (for good)"
}

// Outcome says what the purge did: Phrase, and how many links to the
// purged events it removed from the events that changed, which are all
// events that held such links.
func (p Purge) Outcome(changes []Change) string {
	links := 0
	for _, c := range changes {
		for _, l := range c.Before.Links {
			if slices.Contains(p.Events, l.Event) && !slices.Contains(c.After.Links, l) {
				links++
			}
		}
	}
	if links == 0 {
		return p.Phrase()
	}
	return p.Phrase() + "; " + UnlinkedPhrase(links, len(changes), len(p.Events))
}
