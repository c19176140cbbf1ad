package markdown

import (
	"strings"

	"chrono/model"
)

// sourceName names a source briefly, for an attribution: its publisher
// (else its title, else its id) and publication date, linked to its URL
// when it has one that may be a link: [The Washington Post, 1 Feb 2022](url).
func sourceName(s model.Source) string {
	name := oneLine(s.Publisher)
	if name == "" {
		name = oneLine(s.Title)
	}
	if name == "" {
		name = "source " + code(s.ID)
	}
	if !s.Published.IsZero() {
		name += ", " + inline(s.Published.Label())
	}
	if linkable(s.URL) {
		return link(name, s.URL)
	}
	return name
}

// citation cites a source in full for the list of sources: publisher ·
// author · “title” · date · URL · archived copy. A URL that may not be a link is shown as
// code, readable and inert.
func citation(s model.Source) string {
	parts := model.CitationParts(s, oneLine, inline)
	switch {
	case linkable(s.URL):
		parts = append(parts, "<"+s.URL+">")
	case s.URL != "":
		parts = append(parts, code(s.URL))
	}
	// The archived copy is what a story cites once the page changes.
	switch {
	case linkable(s.Archive):
		parts = append(parts, "archived <"+s.Archive+">")
	case s.Archive != "":
		parts = append(parts, "archived "+code(s.Archive))
	}
	if len(parts) == 0 {
		return "source " + code(s.ID)
	}
	return strings.Join(parts, " · ")
}
