package model

import "strings"

// CitationParts are what a source is cited by, in order: its publisher,
// its author, its title in quotes and its publication date. Each text
// goes through text first (to make it one line, or to escape it) and is
// left out when nothing is left of it; the date's label goes through
// date.
func CitationParts(s Source, text, date func(string) string) []string {
	var parts []string
	for _, f := range []string{s.Publisher, s.Author} {
		if f := text(f); f != "" {
			parts = append(parts, f)
		}
	}
	if t := text(s.Title); t != "" {
		parts = append(parts, "“"+t+"”")
	}
	if !s.Published.IsZero() {
		parts = append(parts, date(s.Published.Label()))
	}
	return parts
}

// Citation cites a source in full, its texts through text:
// "The Washington Post · Craig Timberg · “Title” · 1 Feb 2022", or
// "source wapo" when it has none of these.
func Citation(s Source, text func(string) string) string {
	parts := CitationParts(s, text, text)
	if len(parts) == 0 {
		return "source " + s.ID
	}
	return strings.Join(parts, " · ")
}
