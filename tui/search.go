package tui

import "chrono/model"

// search is the state of the search over the view. It is incremental:
// each key at the / prompt looks again from the event selected when /
// was pressed, and esc goes back to it. Its matches are counted in the
// background.
type search struct {
	text string
	seq  int // tells the answer to the latest key from earlier ones
	// Where the search began, and what it was, for esc.
	from      model.Position
	fromID    string
	prev      string
	miss      bool // the last search found nothing
	searching bool // a search is looking for its next match
	// step is where the search under way began looking: a change made
	// elsewhere meanwhile has it look again from there (readAgain).
	step searchStep
	// The matches counted so far; countSeq tells the current count from
	// one for an earlier search or view.
	matches     int
	matchesDone bool
	countSeq    int
	// A step of the search and one of its count are read one at a time
	// each: keys typed or pasted faster than a step answers (each reads
	// up to 25,000 events' text) do not start a read each. The latest
	// asked for waits, and starts when the one under way answers.
	finding, counting oneAtATime
}

// begin notes where a search starts from: the selected row, if any.
func (s *search) begin(row model.Row, selected bool) {
	s.from, s.fromID, s.prev = model.Position{}, "", s.text
	if selected {
		s.from, s.fromID = row.Pos, row.Event.ID
	}
}

// phrase says how many events the search matches, or how many so far
// while it counts.
func (s *search) phrase() string {
	n := "1 match"
	if s.matches != 1 {
		n = thousands(s.matches) + " matches"
	}
	switch {
	case s.searching && s.matchesDone && s.matches > 0:
		return "searching… · " + n
	case s.searching:
		return "searching…"
	case !s.matchesDone:
		return n + " so far…"
	case s.matches == 0:
		return "no match"
	}
	return n
}
