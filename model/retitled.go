package model

// Retitled reports whether b reads as a with its title changed: the same
// date, and the same summary, or without one the same first quote, not
// empty. A format whose ids are made from titles (a TimelineJS slide
// without a unique_id) brings a corrected title as a new event; this is
// how an import tells it from a new event that merely shares a date.
func Retitled(a, b *Event) bool {
	if a.ID == b.ID || a.Title == b.Title || a.Date.IsZero() || a.Date != b.Date {
		return false
	}
	if a.Summary != "" || b.Summary != "" {
		return a.Summary == b.Summary
	}
	return len(a.Quotes) > 0 && len(b.Quotes) > 0 && a.Quotes[0].Text != "" && a.Quotes[0].Text == b.Quotes[0].Text
}
