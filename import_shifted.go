package main

import (
	"errors"
	"fmt"
	"regexp"

	"chrono/model"
	"chrono/model/termtext"
)

// A slide without a unique_id gets its id from its headline, numbered
// among the slides of the same headline in file order ("meeting-2"), or
// from its place when its headline makes none ("slide-3"). A slide added
// or removed before others shifts their numbers: imported, each would
// update the stored event of another slide, carrying the status, tags
// and notes given it in chrono onto the wrong event. Such a file is
// refused before the import, naming the ids to give the slides.

// shifted is a slide whose made id is a stored event's while another
// slide of the file is that event.
type shifted struct {
	file     string
	i, j     int         // the slide's index among the file's events, and the stored event's slide's
	at, is   model.Place // where they begin
	headline string
	id       string      // the id the slide would take
	stored   model.Event // the stored event of that id
}

// shiftedProblems says of each shifted slide of a file, whose slides
// begin at at, where it is and which ids to give.
func shiftedProblems(file string, at []model.Place, found []shifted) []error {
	named := map[int]bool{} // slides told the id to take
	for _, sh := range found {
		named[sh.j] = true
	}
	var out []error
	for _, sh := range found {
		sh.file, sh.at, sh.is = file, at[sh.i], at[sh.j]
		out = append(out, sh.problem(!named[sh.i]))
	}
	return out
}

// shiftedIn finds among a file's events, in file order, those whose made
// id names a stored event of another title or date, which another of
// them, given another id, has.
func shiftedIn(s model.Store, events []model.Event) ([]shifted, error) {
	type content struct{ title, date string }
	slide := map[content]int{}
	for i := range events {
		if e := &events[i]; madeID(e) {
			slide[content{e.Title, e.Date.String()}] = i
		}
	}
	var out []shifted
	for i := range events {
		e := &events[i]
		if !madeID(e) {
			continue
		}
		stored, err := s.Event(e.ID)
		switch {
		case errors.Is(err, model.ErrNotFound):
			continue
		case err != nil:
			return nil, err
		case stored.Title == e.Title && stored.Date == e.Date:
			continue // the same slide
		}
		j, ok := slide[content{stored.Title, stored.Date.String()}]
		if !ok || events[j].ID == e.ID {
			continue // edited in the file, or in chrono: the update says
		}
		out = append(out, shifted{i: i, j: j, headline: e.Title, id: e.ID, stored: stored})
	}
	return out, nil
}

// slideNumber is the id of a slide made from its place in the file.
var slideNumber = regexp.MustCompile(`^slide-[0-9]+$`)

// madeID reports whether e's id is one a slide without a unique_id gets.
func madeID(e *model.Event) bool { return fromHeadline(e) || slideNumber.MatchString(e.ID) }

// problem says where the slide is, what it would do, and what to write:
// own says the slide itself needs an id (none is named for it).
func (sh shifted) problem(own bool) error {
	place := sh.at.Problem(model.Problem{File: termtext.Line(sh.file)}).Error()
	also := ""
	if own {
		also = ", and this one an id of its own"
	}
	return fmt.Errorf("%sthe slide %q would update %s, the stored %q (%s), which is the slide at %d:%d: give that one \"unique_id\": %q%s",
		place, termtext.Line(sh.headline), sh.id, termtext.Line(sh.stored.Title), sh.stored.Date.Label(), sh.is.Line, sh.is.Column, sh.id, also)
}

// shiftedAdvice follows the problems of shifted slides.
const shiftedAdvice = "slides without a unique_id take their ids from their headlines and their places in the file, and a slide added or removed before others shifts theirs, which would carry what chrono holds of one event onto another: give the slides named above unique_ids, as said, then import again"
