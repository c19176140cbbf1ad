package model

// TextSharer is a Sink that may be sent events whose strings share one
// allocation, the text of the record they were read from: a reader that
// copies a record once and cuts every field from the copy makes one
// allocation a record rather than one a field. Whatever keeps one such
// string keeps the record's whole text alive with it, so a Sink shares
// text only when it keeps none of an event's strings past the call, or
// keeps clones of them.
type TextSharer interface {
	Sink
	// SharesText reports whether the events sent may share their text.
	SharesText() bool
}

// SharesText reports whether sink takes events whose strings share
// their record's text (TextSharer); a Sink that does not say so is sent
// strings of their own.
func SharesText(sink Sink) bool {
	ts, ok := sink.(TextSharer)
	return ok && ts.SharesText()
}
