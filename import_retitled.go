package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"chrono/model"
	"chrono/model/termtext"
	"chrono/model/timelinejs"
)

// maxRetitledLook is the largest TimelineJS file read a second time to
// look for retitled slides: a timeline people edit by hand, not a dump.
const maxRetitledLook = 16 << 20

// retitled is a slide that an import makes a new event of while the
// store holds the same event under another headline, which the file no
// longer has: a headline corrected in a file whose slides have no
// unique_id, whose ids are made from their headlines. Or a Timesketch or
// Plaso record, whose message is its title (import_retitled_records.go).
type retitled struct {
	file, headline string
	at             model.Place // where its slide begins
	i              int         // its index among the file's events
	made, stored   string      // the new event's id, and the stored one's
	among          []string    // the stored events it may be, when more than one is: stored is ""
	record         bool        // a Timesketch or Plaso record, not a slide
	noID           bool        // a record of a format with no place for a chrono_id (l2tcsv)
	// was and shifts, for a record among records alike: the id it had,
	// and the records after it that took the ids before (madeFile.shifted).
	was    string
	shifts []shift
}

// placedSlides collects a TimelineJS file's events with the place of
// each slide, which the warning names as a problem's place is named.
type placedSlides struct {
	model.Collect
	next      model.Place   // the place of the event sent next
	nextMade  bool          // its id is made: the slide has no unique_id
	nextGiven string        // the unique_id it gave, not kept
	at        []model.Place // in step with Timeline.Events
	made      []bool        // in step with Timeline.Events
	given     []string      // in step with Timeline.Events: a unique_id not kept
}

// EventAt implements model.Locator.
func (p *placedSlides) EventAt(_ int, at model.Place) { p.next = at }

// MadeID implements timelinejs.MadeIDs.
func (p *placedSlides) MadeID(int) { p.nextMade = true }

// GivenID implements timelinejs.GivenIDs.
func (p *placedSlides) GivenID(_ int, given string) { p.nextGiven = given }

// Event implements model.Sink.
func (p *placedSlides) Event(e model.Event, n int) error {
	p.at, p.made, p.given = append(p.at, p.next), append(p.made, p.nextMade), append(p.given, p.nextGiven)
	p.next, p.nextMade, p.nextGiven = model.Place{}, false, ""
	return p.Collect.Event(e, n)
}

// slideChecks is what reading the TimelineJS files among an import's
// inputs again finds before they are imported: the retitled slides, to
// warn of, and the shifted ones (import_shifted.go), which stop it.
type slideChecks struct {
	retitled []retitled
	shifted  []error
}

// checkSlides reads each TimelineJS file among inputs again, once, and
// finds nothing in one it cannot read: the import says what is wrong.
func checkSlides(s model.Store, inputs []importInput) (slideChecks, error) {
	var out slideChecks
	for _, in := range inputs {
		tl, ok := slidesAgain(in)
		if !ok {
			continue
		}
		// Both checks look up the slides' ids and histories: each is
		// read once.
		event, base := storedOnce(s), importedOnce(s)
		shifted, err := shiftedIn(event, base, tl.Timeline.Events, tl.made, tl.given)
		if err != nil {
			return out, err
		}
		out.shifted = append(out.shifted, shiftedProblems(in.Name, tl.at, shifted)...)
		found, err := retitledIn(s, event, base, tl.Timeline.Events, tl.made)
		if err != nil {
			continue
		}
		for _, r := range found {
			r.file = in.Name
			r.at = tl.at[r.i]
			out.retitled = append(out.retitled, r)
		}
	}
	return out, nil
}

// storedOnce is s.Event, each id read from the store once.
func storedOnce(s model.Store) func(id string) (model.Event, error) {
	type read struct {
		e   model.Event
		err error
	}
	seen := map[string]read{}
	return func(id string) (model.Event, error) {
		r, ok := seen[id]
		if !ok {
			r.e, r.err = s.Event(id)
			seen[id] = r
		}
		return r.e, r.err
	}
}

// maxImportBases is how many stored events' histories a check before or
// after an import reads from the journal (importedOnce): each read
// finds the event's change in its last import's entry, which may be of
// a million events, so that a file of thousands of slides updated, each
// read, would cost minutes. Past it, a stored event is known only as it
// reads now; a shift, which runs on from the first slide it moves, is
// refused at the first.
const maxImportBases = 64

// importedOnce is, for each stored event, the version the last import
// to touch it left, when chrono changed it since (model.ImportBase), or
// nil; each read from the journal once, and no more than maxImportBases.
func importedOnce(s model.Store) func(id string) (*model.Event, error) {
	seen := map[string]*model.Event{}
	return func(id string) (*model.Event, error) {
		if b, ok := seen[id]; ok {
			return b, nil
		}
		if len(seen) >= maxImportBases {
			return nil, nil
		}
		history, err := s.Journal(model.JournalQuery{Event: id})
		if err != nil {
			return nil, err
		}
		b := model.ImportBase(history)
		seen[id] = b
		return b, nil
	}
}

// slidesAgain reads a TimelineJS input again, from its start, with the
// place of each slide: not opened again by name, which another file may
// have taken meanwhile. ok is false for another format, a file too large
// to read twice, or one that does not read (the import says why).
func slidesAgain(in importInput) (tl placedSlides, ok bool) {
	if in.format != "timelinejs" || in.file == nil || in.Size < 0 || in.Size > maxRetitledLook {
		return tl, false
	}
	if err := timelinejs.Read(io.NewSectionReader(in.file, 0, in.Size), &tl, &model.Losses{}); err != nil {
		return tl, false
	}
	return tl, true
}

// retitledIn finds among events those new to s that are, by
// model.Retitled, a stored event the events do not include: each only
// when one stored event is.
func retitledIn(s model.Store, event func(string) (model.Event, error), base func(string) (*model.Event, error), events []model.Event, made []bool) ([]retitled, error) {
	if n, err := s.Count(model.Query{}); err != nil || n == 0 {
		return nil, err // nothing stored to be retitled
	}
	inFile := make(map[string]bool, len(events))
	for _, e := range events {
		inFile[e.ID] = true
	}
	var news []int
	for i := range events {
		e := &events[i]
		if e.Date.IsZero() || !made[i] || !fromHeadline(e) {
			continue
		}
		if _, err := event(e.ID); !errors.Is(err, model.ErrNotFound) {
			continue // stored already (or unreadable: the import will say)
		}
		news = append(news, i)
	}
	return retitledAmong(s, base, events, news, func(id string) bool { return !inFile[id] }, map[string]bool{})
}

// spanQuery selects the events whose dates overlap those of dates (at
// least one, dated), in one read of the store: the store reads a stored
// event's dates from its key, for a query During an interval, and
// decodes only those within it. The interval runs from the earliest
// start among them to the latest end; when none can be written so (an
// open end), every event is read.
func spanQuery(dates []model.Date) model.Query {
	if len(dates) == 1 {
		return model.Query{During: dates[0]}
	}
	first, last := dates[0], dates[0]
	for _, d := range dates[1:] {
		if d.Earliest().Compare(first.Earliest()) < 0 {
			first = d
		}
		if d.Latest().Compare(last.Latest()) > 0 {
			last = d
		}
	}
	from, ok := first.Start()
	to, ok2 := last.End()
	if !ok || !ok2 {
		return model.Query{}
	}
	span, err := model.ParseDate(from.String() + "/" + to.String())
	if err != nil || span.Earliest().Compare(first.Earliest()) > 0 || span.Latest().Compare(last.Latest()) < 0 {
		return model.Query{}
	}
	// A span whose ends give no offset selects by the clock as written
	// (model.Query.During), which a date between them with an offset
	// can put outside it.
	for _, d := range dates {
		if !d.OverlapsShown(span, model.ZoneWritten) {
			return model.Query{}
		}
	}
	return model.Query{During: span}
}

// retitledAmong finds, for each of the events news indexes, which are
// new to s, the stored event it is by model.Retitled among those gone
// (that the import does not bring), as it reads now or as the last import
// left it (base: model.ImportBase), a text added to in chrono: each
// stored event once, claimed by the first. When several stored events
// are, none is claimed and all are named (among): two records of the
// same second and attributes, both retitled, are each either. The store
// is read once for each date among them, however many share it.
func retitledAmong(s model.Store, base func(string) (*model.Event, error), events []model.Event, news []int, gone func(id string) bool, claimed map[string]bool) ([]retitled, error) {
	byDate := map[model.Date][]int{}
	var dates []model.Date
	for _, i := range news {
		d := events[i].Date
		if _, ok := byDate[d]; !ok {
			dates = append(dates, d)
		}
		byDate[d] = append(byDate[d], i)
	}
	if len(dates) == 0 {
		return nil, nil
	}
	match := map[int][]string{}
	for c, err := range s.Events(spanQuery(dates)) {
		if err != nil {
			return nil, err
		}
		at, ok := byDate[c.Date] // model.Retitled asks the same date
		if !ok || !gone(c.ID) {
			continue
		}
		for _, i := range at {
			is := model.Retitled(&c, &events[i])
			if !is {
				// The title too may have been corrected in chrono,
				// as it was in the file.
				b, err := base(c.ID)
				if err != nil {
					return nil, err
				}
				is = b != nil && model.Retitled(b, &events[i])
			}
			if is {
				match[i] = append(match[i], c.ID)
			}
		}
	}
	var out []retitled
	for _, i := range news {
		m := slices.DeleteFunc(match[i], func(id string) bool { return claimed[id] })
		switch {
		case len(m) == 1:
			claimed[m[0]] = true
			out = append(out, retitled{headline: events[i].Title, i: i, made: events[i].ID, stored: m[0]})
		case len(m) > 1:
			out = append(out, retitled{headline: events[i].Title, i: i, made: events[i].ID, among: m})
		}
	}
	return out, nil
}

// fromHeadline reports whether e's id, made for a slide without a
// unique_id, is made from its headline: only such an id changes with it.
func fromHeadline(e *model.Event) bool {
	slug := timelinejs.HeadlineID(e.Title)
	return slug != "" && (e.ID == slug || strings.HasPrefix(e.ID, slug+"-"))
}

// warnRetitled says of each retitled slide what the import made of it
// and how to have the stored event take the new headline instead.
func (o *importOptions) warnRetitled(found []retitled) {
	for _, r := range found {
		place := r.at.Problem(model.Problem{File: termtext.Line(r.file)}).Error()
		if len(r.among) > 0 {
			o.warnRetitledAmong(place, r)
			continue
		}
		if r.record {
			o.warnRetitledRecord(place, r)
			continue
		}
		said := fmt.Sprintf("%sthe slide %q %s a new event, %s, while %s, which the file does not have, has its date and text",
			place, termtext.Line(r.headline), o.tense("became", "would become"), r.made, r.stored)
		if o.dryRun {
			fmt.Fprintf(o.stderr, "warning: %s. If its headline was changed, give that slide \"unique_id\": %q before importing\n", said, r.stored)
			continue
		}
		fmt.Fprintf(o.stderr, "warning: %s. If its headline was changed: chrono rm %s, give that slide \"unique_id\": %q, and import the file again\n", said, r.made, r.stored)
	}
}

// warnRetitledAmong says of a slide or record that became a new event
// while several stored events the file does not have are alike enough to
// be it, which they are, and that one of them may be it.
func (o *importOptions) warnRetitledAmong(place string, r retitled) {
	what, kind, id, changed := "slide", "date and text", `"unique_id"`, "headline"
	if r.record {
		what, kind, id, changed = "record", "time and other attributes", "chrono_id", "message"
	}
	said := fmt.Sprintf("%sthe %s %q %s a new event, %s, while %s, which the file does not have, share its %s",
		place, what, termtext.Line(model.Shorten(r.headline, maxWarnedMessage)), o.tense("became", "would become"), r.made, strings.Join(r.among, " and "), kind)
	switch {
	case r.noID:
		fmt.Fprintf(o.stderr, "warning: %s. If its desc was changed, chrono rm the one it was: l2tcsv has no place for a chrono_id that would update it instead\n", said)
	case o.dryRun:
		fmt.Fprintf(o.stderr, "warning: %s. If its %s was changed, give it the %s of the one it was before importing\n", said, changed, id)
	default:
		fmt.Fprintf(o.stderr, "warning: %s. If its %s was changed: chrono rm %s, give it the %s of the one it was, and import the file again\n", said, changed, r.made, id)
	}
}
