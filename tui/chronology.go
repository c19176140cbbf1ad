package tui

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/listing"
)

// problemSign marks a row whose event has a chronology problem (what
// chrono check --chronology reports): ↯, the sign of a contradiction,
// none of the status marks or the signs of what others say of it. Its
// column is always there (rowChrome), so that the rows keep their places
// when the first scan finds a problem.
const problemSign = listing.ProblemSign

// checkProblems asks again which events have a chronology problem (what
// chrono check --chronology reports), and which have quotes that are
// not verified: once when the browser opens and after each change,
// never on a key, in the background (setscan.go).
func (b *browser) checkProblems() tea.Cmd {
	b.problemsSeq++
	return askSets(b.ctx.store, b.problemsSeq, maps.Clone(b.indexes))
}

// chronologyNote is what the sources pane says of the selected event's
// place in the chronology: why a constraint moved it and to what span,
// and what about it cannot all be true.
type chronologyNote struct {
	placed   []string
	problems []string
}

// chronologyOf reads the selected event's linked group (the events its
// order links reach, both ways) and places it among them with the
// model's propagation: it runs in the command that loads the pane. What
// the sources' publication dates rule out needs only the sources the
// event cites, which d holds.
func chronologyOf(s model.Store, d model.Detail) (chronologyNote, error) {
	var note chronologyNote
	e := d.Event
	group, err := model.DetailGroup(s, d)
	if err != nil {
		return note, err
	}
	var ch *model.Chronology
	if len(group) > 1 {
		titles := make(map[string]string, len(group))
		for i := range group {
			titles[group[i].ID] = group[i].Title
		}
		o := model.PlacementOf(s).Order(group)
		ch = &o
		for _, p := range ch.Events {
			if p.Event.ID == e.ID && p.Narrowed() {
				note.placed = placedLines(&e, group, p, titles)
			}
		}
	}
	for _, c := range model.ContradictionsOf(&e, group, ch, model.PublishedDates(slices.Collect(maps.Values(d.Sources)))) {
		note.problems = append(note.problems, c.What)
	}
	return note, nil
}

// placedLines say why e is where it is: "after “T”, which it follows",
// and the span the constraints narrowed its date to.
func placedLines(e *model.Event, group []model.Event, p model.Placed, titles map[string]string) []string {
	var out []string
	why := func(word, from string) {
		if from == "" {
			return
		}
		out = append(out, "placed "+word+" "+quotedTitle(titles[from])+", "+relationTo(e, group, from))
	}
	why("after", p.EarliestFrom)
	why("before", p.LatestFrom)
	switch {
	case p.Span.Earliest.Compare(p.Span.Latest) > 0:
		out = append(out, "its links leave it no date: no earlier than "+spanLabel(model.Span{Earliest: p.Span.Earliest, Latest: p.Span.Earliest})+
			" and no later than "+spanLabel(model.Span{Earliest: p.Span.Latest, Latest: p.Span.Latest}))
	case model.SpanOf(e.Date) != p.Span:
		out = append(out, "its links "+narrowedTo(p.Span))
	}
	return out
}

// mostQuoted is how much of another event's title the pane quotes:
// enough to know it by, where a title may be a line of 64 KiB, which
// quoted whole filled the pane.
const mostQuoted = 80

// quotedTitle quotes another event's title, cut to mostQuoted
// characters.
func quotedTitle(title string) string { return "“" + line(cutTitle(title, mostQuoted)) + "”" }

// narrowedTo says what a span the links narrowed is: between two days,
// or, with one end open, on or after a day or on or before one, never an
// ellipsis that reads as words left out.
func narrowedTo(s model.Span) string {
	switch {
	case s.Earliest.IsUnbounded() && s.Latest.IsUnbounded():
		return "leave it open at both ends"
	case s.Latest.IsUnbounded():
		return "put it no earlier than " + spanLabel(model.Span{Earliest: s.Earliest, Latest: s.Earliest})
	case s.Earliest.IsUnbounded():
		return "put it no later than " + spanLabel(model.Span{Earliest: s.Latest, Latest: s.Latest})
	}
	return "narrow it to " + spanLabel(s)
}

// relationTo says how e's links put it against other: "which it
// follows", as e sees the link, or through a chain of them.
func relationTo(e *model.Event, group []model.Event, other string) string {
	for _, l := range e.Links {
		if l.Event == other && slices.Contains(model.OrderRels, l.Rel) {
			return "which it " + l.Rel.Verb()
		}
	}
	for i := range group {
		if group[i].ID != other {
			continue
		}
		for _, l := range group[i].Links {
			if l.Event == e.ID && slices.Contains(model.OrderRels, l.Rel) {
				return "which it " + l.Rel.Inverse().Verb()
			}
		}
	}
	return "through the links between them"
}

// spanLabel names a narrowed span by its bounded ends, to the day.
func spanLabel(s model.Span) string {
	bound := func(i model.Instant) string {
		if i.IsUnbounded() {
			return "…" // not asked for: narrowedTo words an open end
		}
		y, m, d := i.Civil()
		day := fmt.Sprintf("%d %s", d, model.MonthLabel(y, m))
		// A bound within a day (a link to a time) says its time, else
		// "2 Oct 2018" would read as no narrowing of a day's event.
		sec, nsec := i.Unix()
		into := floorMod(sec, 86400)
		if (into == 0 && nsec == 0) || (into == 86399 && nsec == 999999999) {
			return day
		}
		return fmt.Sprintf("%s %02d:%02d:%02d UTC", day, into/3600, into/60%60, into%60)
	}
	from, to := bound(s.Earliest), bound(s.Latest)
	if from == to {
		return from
	}
	return strings.Join([]string{from, to}, " – ")
}
