package tui

import (
	"fmt"
	"strings"

	"chrono/model"
)

// The event form edits an event's media as text, a medium to a block of
// lines: its url on a line of its own, then a line for each of its other
// fields that has a value, named ("caption: …"). A blank line may part
// the blocks; a line indented under a caption or an alt text goes on
// with it on a new line. Removing a block removes the medium; adding one
// adds it.
//
//	https://example.org/limassol.jpg
//	caption: Hulio at the Limassol meeting
//	credit: Andreas Kyriakou

// mediumFields are the names of a medium's fields after its url, in the
// order the form writes them.
var mediumFields = []string{"caption", "credit", "title", "alt", "thumbnail", "link"}

// mediaText is media as the form's field holds them.
func mediaText(media []model.Medium) string {
	var b strings.Builder
	for i, m := range media {
		if i > 0 {
			b.WriteString("\n")
		}
		// A url that would read as a named field, or as nothing, is
		// named.
		if _, _, named := namedLine(m.URL); named || strings.TrimSpace(m.URL) == "" || m.URL != strings.TrimSpace(m.URL) {
			b.WriteString("url: ")
		}
		b.WriteString(m.URL + "\n")
		for _, name := range mediumFields {
			if v := *m.Field(name); v != "" {
				b.WriteString(name + ": " + strings.ReplaceAll(v, "\n", "\n  ") + "\n")
			}
		}
	}
	return b.String()
}

// namedLine splits a line naming a medium's field ("caption: …") into
// the name, in lower case, and the value.
func namedLine(l string) (name, value string, ok bool) {
	name, value, ok = strings.Cut(l, ":")
	if !ok {
		return "", "", false
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if name != "url" && (&model.Medium{}).Field(name) == nil {
		return "", "", false
	}
	return name, strings.TrimSpace(value), true
}

// readMedia reads the form's media field; an error names the line and
// says what to write.
func readMedia(s string) ([]model.Medium, error) {
	var media []model.Medium
	last := "" // the field an indented line goes on with
	for i, l := range strings.Split(s, "\n") {
		n := i + 1
		indented := l != "" && (l[0] == ' ' || l[0] == '\t')
		switch {
		case indented && (last == "caption" || last == "alt"):
			// Blank but indented, it is a blank line of the text, as
			// mediaText writes one.
			f := media[len(media)-1].Field(last)
			*f += "\n" + strings.TrimSpace(l)
			continue
		case strings.TrimSpace(l) == "":
			last = ""
			continue
		case indented:
			return nil, fmt.Errorf("media line %d: an indented line goes on with the caption or alt text above it, and there is none: write a medium's url at the line's start", n)
		}
		name, value, named := namedLine(l)
		switch {
		case !named:
			name, value = "url", strings.TrimSpace(l)
			if strings.ContainsAny(value, " \t") {
				return nil, fmt.Errorf("media line %d: %q is not a url (it has spaces): write the medium's url, or name the field (caption: …)", n, clip(line(value), 40))
			}
			fallthrough
		case name == "url":
			if value == "" {
				return nil, fmt.Errorf("media line %d: url missing: every medium starts with its url", n)
			}
			media = append(media, model.Medium{URL: value})
		case len(media) == 0:
			return nil, fmt.Errorf("media line %d: %s with no medium: write the medium's url on the line above", n, name)
		default:
			f := media[len(media)-1].Field(name)
			if *f != "" {
				return nil, fmt.Errorf("media line %d: a second %s for medium #%d: keep one, or start another medium with its url", n, name, len(media))
			}
			*f = value
		}
		last = name
	}
	for i := range media {
		// Indented lines of spaces after the text are no part of it.
		media[i].Caption = strings.TrimRight(media[i].Caption, "\n")
		media[i].Alt = strings.TrimRight(media[i].Alt, "\n")
	}
	return media, nil
}
