package model

// PageAt says which rows of a view a Page holds: those Window(q, At,
// FromEnd, Before, After) returns.
type PageAt struct {
	At            Position
	FromEnd       bool
	Before, After int
	// Uncounted leaves the page's Start 0, not worked out: a browser
	// that reads on past an edge of the rows it holds knows where they
	// are, and a database would count every event before them.
	Uncounted bool
}

// Page is a window of a view with what a browser shows beside each row:
// the links other events make to its event, by event id (an id with
// none is in the map with none).
type Page struct {
	Window
	Incoming map[string][]Incoming
}
