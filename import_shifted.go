package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"chrono/model"
	"chrono/model/termtext"
)

// A slide without a unique_id gets its id from its headline, numbered
// among the slides of the same headline in file order ("meeting-2"), or
// from its place when its headline makes none ("slide-3"). A slide added
// or removed before others shifts their numbers: imported, each would
// update the stored event of another slide, carrying the status, tags
// and notes given it in chrono onto the wrong event. Such a file is
// refused before the import, naming the ids to give the slides. So is a
// slide whose unique_id is the id a stored slide without one was given:
// a slide added with the id it had, or one whose made id gave way.

// shifted is a slide whose id is a stored event's while another slide
// of the file is that event, one of the two without a unique_id; or a
// slide whose made id is a stored event's while the slide is stored
// under a later number.
type shifted struct {
	file     string
	i, j     int         // the slide's index among the file's events, and the stored event's slide's (-1: none)
	at, is   model.Place // where they begin
	headline string
	id       string      // the id the slide would take
	stored   model.Event // the stored event of that id; none when new is set
	// own is the stored event the slide is, under a later number (a
	// slide removed before it), or "".
	own   string
	twice bool // the stored event's slide gave id as its unique_id too
	new   bool // no event has id: the slide would be one, beside own
}

// shiftedProblems says of each shifted slide of a file, whose slides
// begin at at, where it is and which ids to give.
func shiftedProblems(file string, at []model.Place, found []shifted) []error {
	named := map[int]bool{} // slides told the id to take
	for _, sh := range found {
		if sh.j >= 0 {
			named[sh.j] = true
		}
	}
	var out []error
	for _, sh := range found {
		sh.file, sh.at = file, at[sh.i]
		if sh.j >= 0 {
			sh.is = at[sh.j]
		}
		out = append(out, sh.problem(!named[sh.i]))
	}
	return out
}

// shiftedIn finds among a file's events, in file order, those whose id
// names a stored event of another title, date or text, when another of
// them, given another id, is that event, and either of the two has a
// made id (a slide added before, or given the id of a stored slide
// without a unique_id); or, for a made id, when the stored event of a
// later number is this one (a slide removed before). Slides alike,
// which cannot be told apart, are passed over. A stored event is a slide
// when it reads as the slide now or as the last import left it (base:
// model.ImportBase, nil when nothing but that import changed it): the
// events worked on in chrono, a title corrected, are those a shift
// would cost most. made and given, in step with events, say which ids
// were made and the unique_id each such slide gave, if any.
func shiftedIn(event func(string) (model.Event, error), base func(string) (*model.Event, error), events []model.Event, made []bool, given []string) ([]shifted, error) {
	type content struct{ title, date, summary string }
	of := func(e *model.Event) content { return content{e.Title, e.Date.String(), e.Summary} }
	// is reports whether the stored event c is, now or as imported, what
	// match says of a slide's content.
	is := func(c *model.Event, match func(content) bool) (bool, error) {
		if match(of(c)) {
			return true, nil
		}
		b, err := base(c.ID)
		return err == nil && b != nil && match(of(b)), err
	}
	slide := map[content]int{}
	anyMade := false
	for i := range events {
		anyMade = anyMade || made[i]
		c := of(&events[i])
		if _, twice := slide[c]; twice {
			slide[c] = -1
			continue
		}
		slide[c] = i
	}
	if !anyMade {
		return nil, nil // every id is the file's own
	}
	// storedLater is the stored event numbered after e's made id that
	// is e's slide, or "".
	storedLater := func(e *model.Event) (string, error) {
		return laterNumber(event, e.ID, func(c *model.Event) (bool, error) {
			return is(c, func(c content) bool { return c == of(e) })
		})
	}
	var out []shifted
	for i := range events {
		e := &events[i]
		if slide[of(e)] < 0 {
			continue
		}
		stored, err := event(e.ID)
		switch {
		case errors.Is(err, model.ErrNotFound) && made[i]:
			// A slide removed before, whose id was made from a
			// headline: the id this one takes now is no event's,
			// while its own is numbered after it.
			own, err := storedLater(e)
			if err != nil {
				return nil, err
			}
			if own != "" {
				out = append(out, shifted{i: i, j: -1, headline: e.Title, id: e.ID, own: own, new: true})
			}
			continue
		case errors.Is(err, model.ErrNotFound):
			continue
		case err != nil:
			return nil, err
		}
		if same, err := is(&stored, func(c content) bool { return c == of(e) }); err != nil {
			return nil, err
		} else if same {
			continue // the same slide
		}
		j := -1
		if _, err := is(&stored, func(c content) bool {
			k, ok := slide[c]
			if ok && k >= 0 {
				j = k
			}
			return ok && k >= 0
		}); err != nil {
			return nil, err
		}
		if j >= 0 && events[j].ID != e.ID && (made[i] || made[j]) {
			sh := shifted{i: i, j: j, headline: e.Title, id: e.ID, stored: stored, twice: given[j] == e.ID}
			if made[i] {
				// Its own stored event, numbered after: the id to give.
				if sh.own, err = storedLater(e); err != nil {
					return nil, err
				}
			}
			out = append(out, sh)
			continue
		}
		if !made[i] {
			continue // a unique_id names what its author says
		}
		own, err := storedLater(e)
		if err != nil {
			return nil, err
		}
		if own != "" {
			out = append(out, shifted{i: i, j: -1, headline: e.Title, id: e.ID, stored: stored, own: own})
		}
	}
	return out, nil
}

// laterNumbers is how many numbers past its own a slide's stored event
// is looked for, a slide or more having been removed before it.
const laterNumbers = 8

// laterNumber is the id of a stored event numbered after id, as made ids
// are numbered (meeting, meeting-2; slide-3, slide-4), that is the slide
// (same), or "".
func laterNumber(event func(string) (model.Event, error), id string, same func(*model.Event) (bool, error)) (string, error) {
	root, n := id, 1
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		if k, err := strconv.Atoi(id[i+1:]); err == nil && k > 0 {
			root, n = id[:i], k
		}
	}
	for k := n + 1; k <= n+laterNumbers; k++ {
		c, err := event(root + "-" + strconv.Itoa(k))
		switch {
		case errors.Is(err, model.ErrNotFound):
			continue
		case err != nil:
			return "", err
		}
		if ok, err := same(&c); err != nil || ok {
			return c.ID, err
		}
	}
	return "", nil
}

// problem says where the slide is, what it would do, and what to write:
// own says the slide itself needs an id (none is named for it).
func (sh shifted) problem(own bool) error {
	place := sh.at.Problem(model.Problem{File: termtext.Line(sh.file)}).Error()
	if sh.new {
		return fmt.Errorf("%sthe slide %q would become a new event, %s, while it is the stored %s: give it \"unique_id\": %q", place, termtext.Line(sh.headline), sh.id, sh.own, sh.own)
	}
	would := fmt.Sprintf("%sthe slide %q would update %s, the stored %q (%s)", place, termtext.Line(sh.headline), sh.id, termtext.Line(sh.stored.Title), sh.stored.Date.Label())
	if sh.j < 0 {
		// A slide removed before: this one is stored under a later number.
		return fmt.Errorf("%s, while it is the stored %s: give it \"unique_id\": %q", would, sh.own, sh.own)
	}
	if sh.twice {
		// That slide has the id already: this one must give way.
		return fmt.Errorf("%s, which is the slide at %d:%d, whose unique_id is %q too: give this one another", would, sh.is.Line, sh.is.Column, sh.id)
	}
	also := ""
	switch {
	case own && sh.own != "":
		also = fmt.Sprintf(", and this one \"unique_id\": %q, the stored event it is", sh.own)
	case own:
		also = ", and this one an id of its own"
	}
	return fmt.Errorf("%s, which is the slide at %d:%d: give that one \"unique_id\": %q%s", would, sh.is.Line, sh.is.Column, sh.id, also)
}

// shiftedAdvice follows the problems of shifted slides.
const shiftedAdvice = "slides without a unique_id of their own (none, or one another slide has too) take their ids from their headlines and their places in the file, and a slide added or removed before others, or given the id one of them had, shifts theirs, which would carry what chrono holds of one event onto another: give the slides named above unique_ids, as said, then import again"
