package csvfmt

import (
	"fmt"
	"strings"

	"chrono/model"
)

// seenSource is a source as first met on a row.
type seenSource struct {
	source model.Source
	line   int
}

// sourceSet remembers the sources rows have carried, so that a source
// repeated on many rows is sent once, and a row that gives an id another
// value is caught. It grows with the number of distinct sources, not rows.
type sourceSet map[string]seenSource

// add returns whether s is new, or what differs from the source of the
// same id first met on an earlier line.
func (set sourceSet) add(s model.Source, line int) (isNew bool, problem string) {
	first, seen := set[s.ID]
	if !seen {
		set[s.ID] = seenSource{s, line}
		return true, ""
	}
	if first.source == s {
		return false, ""
	}
	return false, fmt.Sprintf("source %q differs from the one on line %d (%s): an id names one source, so make the rows agree or give this one another id",
		s.ID, first.line, sourceDiff(s, first.source))
}

// sourceDiff lists the fields where a differs from b.
func sourceDiff(a, b model.Source) string {
	var diffs []string
	field := func(name, x, y string) {
		if x != y {
			diffs = append(diffs, fmt.Sprintf("%s %q here, %q there", name, x, y))
		}
	}
	field("publisher", a.Publisher, b.Publisher)
	field("author", a.Author, b.Author)
	field("title", a.Title, b.Title)
	field("url", a.URL, b.URL)
	field("published", a.Published.String(), b.Published.String())
	return strings.Join(diffs, "; ")
}
