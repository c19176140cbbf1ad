package main

import (
	"chrono/model"
	"chrono/model/formats"
	"chrono/model/markdown"
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
