package timesketch

import "chrono/model"

// LeavesOut reports whether a Timesketch export skips e: Timesketch needs
// a time for every event, and e has none it can write. An export leaves
// out the links other events make to it too (model.WithoutLinksTo), or
// the file would name events it does not have and import nowhere else.
func LeavesOut(e model.Event) bool {
	_, skip := skipped(e.Date)
	return skip
}

// skipped says why an event dated d cannot be written, if it cannot.
func skipped(d model.Date) (why model.Loss, skip bool) {
	if d.IsZero() {
		return Undated, true
	}
	if _, _, why, ok := earliest(d); !ok {
		return why, true
	}
	return model.Loss{}, false
}
