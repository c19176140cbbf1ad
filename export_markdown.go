package main

import (
	"chrono/model"
	"chrono/model/formats"
	"chrono/model/markdown"
)

// markdownDraft is f, when it is Markdown, writing as the export asks:
// the investigator's private notes only with --notes, and every linked
// event by its title, looked up in the store when the export does not
// write it above the link.
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
	f.Write = markdown.Writer(markdown.Options{Notes: o.notes, Title: title})
	return f
}
