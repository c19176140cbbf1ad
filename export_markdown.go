package main

import (
	"fmt"
	"iter"

	"chrono/model"
	"chrono/model/formats"
	"chrono/model/markdown"
	"chrono/model/verbatim"
)

// markdownDraft is f, when it is Markdown, writing as the export asks:
// the investigator's private notes only with --notes, every linked event
// by its title, looked up in the store when the export does not write it
// above the link, and the links other events make to each event.
func (o *exportOptions) markdownDraft(f formats.Format, s model.Store) formats.Format {
	if f.Name != "markdown" {
		return f
	}
	title := func(id string) (string, bool) {
		e, err := s.Event(id)
		if err != nil {
			return "", false
		}
		return e.Title, true
	}
	incoming := func(id string) ([]model.Incoming, error) {
		in, err := s.IncomingLinks([]string{id})
		return in[id], err
	}
	f.Write = markdown.Writer(markdown.Options{Notes: o.notes, Title: title, Incoming: incoming})
	return f
}

// eventsNoted passes events on, noting the id of each that quotes.
func eventsNoted(events iter.Seq2[model.Event, error], ids map[string]bool) iter.Seq2[model.Event, error] {
	return func(yield func(model.Event, error) bool) {
		for e, err := range events {
			if err == nil && len(e.Quotes) > 0 {
				ids[e.ID] = true
			}
			if !yield(e, err) {
				return
			}
		}
	}
}

// warnMisquoted says on stderr how many of the quotes a Markdown draft
// carries are not found in their sources' snapshots, as verify finds
// them: a draft is for a story, and a misquote in it should not go out
// unnoticed. The caller asks only when some source has a snapshot.
func (o *exportOptions) warnMisquoted(s model.Store, drafted map[string]bool) error {
	if len(drafted) == 0 {
		return nil
	}
	rep, err := verifyQuotes(s)
	if err != nil {
		return err
	}
	missing := 0
	for _, q := range rep.Quotes {
		if drafted[q.Event] && q.State == verbatim.NotFound.String() {
			missing++
		}
	}
	switch {
	case missing == 1:
		fmt.Fprintln(o.stderr, "warning: 1 quote in the draft not found in its source's snapshot; chrono verify lists it: check it against the source before the story goes out")
	case missing > 1:
		fmt.Fprintf(o.stderr, "warning: %d quotes in the draft not found in their sources' snapshots; chrono verify lists them: check them against the sources before the story goes out\n", missing)
	}
	return nil
}
