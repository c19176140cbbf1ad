package timesketch

import (
	"slices"
	"strings"

	"chrono/model"
)

// Taken makes a record read from a file, read, what an update of the
// stored event takes from it (model.Input.Taken): a record chrono did
// not write, given back as Timesketch gives it, leaves the stored event
// as it was. Timesketch keeps times in UTC, so its datetime of a time
// written with an offset names the same instant without the offset; and
// it writes a record's keys in its own order, adding its own (_id,
// _index, an empty label), which become the summary's lines in another
// order, with lines of its own.
func Taken(stored model.Event, read *model.Event) {
	if read.Date.InUTCOf(stored.Date) {
		read.Date = stored.Date
	}
	if read.Summary != stored.Summary && sameLines(stored.Summary, read.Summary) {
		read.Summary = stored.Summary
	}
}

// sameLines reports whether two summaries of attributes, "key: value"
// lines, have the same lines in any order, but for the lines of
// Timesketch's own keys that the second adds. A summary written in
// words is not one.
func sameLines(stored, read string) bool {
	had := strings.Split(stored, "\n")
	for _, line := range had {
		if !strings.Contains(line, ": ") {
			return false
		}
	}
	var got []string
	for _, line := range strings.Split(read, "\n") {
		key, text, _ := strings.Cut(line, ": ")
		if timesketchOwn(key, text) && !slices.Contains(had, line) {
			continue
		}
		got = append(got, line)
	}
	slices.Sort(had)
	slices.Sort(got)
	return slices.Equal(had, got)
}
