package timesketch

import (
	"fmt"

	"chrono/model"
)

// record converts one record, reports what is wrong with it, and sends
// what it yields.
func (rd *reader) record(rec *record) error {
	var r result
	convert(rec, nil, &r)
	return rd.commit(&r)
}

// commit finishes a converted record in file order, adding what depends
// on the records before it (the sources sent, the numbering of made-up
// ids, the count of records and of losses), reports what is wrong with
// it, and sends what it yields.
func (rd *reader) commit(r *result) error {
	rd.events++
	if r.syntax != "" {
		return rd.report(r.line, r.col, r.syntax)
	}
	var sources []model.Source
	if r.chrono {
		sources = rd.newSources(r)
	} else {
		m := r.id
		if r.written != "" {
			m = rd.settleIDs(r)
		}
		if rd.alike.Numbered(rd.sink, m.key) {
			r.event.ID = rd.alike.Match(m.id, &r.event)
		} else {
			r.event.ID = rd.number(m)
		}
	}
	r.losses.countIn(rd.losses)
	for _, msg := range r.problems {
		if err := model.Report(rd.sink, model.Problem{Line: r.line, Msg: msg}); err != nil {
			return err
		}
	}
	for _, s := range sources {
		rd.nsources++
		if l, ok := rd.sink.(model.SourceLocator); ok {
			l.SourceAt(rd.nsources, model.Place{Line: r.line}) // the record that declares it
		}
		if err := rd.sink.Source(s, rd.nsources); err != nil {
			return err
		}
	}
	if len(r.problems) > 0 {
		return nil
	}
	present := Carries
	if !r.chrono {
		present = foreignCarries
	}
	if m, ok := rd.sink.(model.MadeIDs); ok && !r.chrono {
		m.MadeID(rd.events)
	}
	if l, ok := rd.sink.(model.Locator); ok {
		// What is found of the event after (an id used twice, a link to
		// nothing, a change made in chrono as well) is placed at its line.
		l.EventAt(rd.events, model.Place{Line: r.line})
	}
	return model.SendEvent(rd.sink, r.event, rd.events, present)
}

// newSources returns the sources of a record that were not sent before,
// and reports a source that differs from the one of the same id sent
// before: a source is the same on every row that cites it.
func (rd *reader) newSources(r *result) []model.Source {
	var out []model.Source
	for _, s := range r.sources {
		if prev, seen := rd.sources[s.ID]; seen {
			if prev.src != s {
				r.problems = append(r.problems, fmt.Sprintf("sources: source %q differs from the one on line %d: a source must read the same on every row that cites it", s.ID, prev.line))
			}
			continue
		}
		rd.sources[s.ID] = seenSource{src: s, line: r.line}
		out = append(out, s)
	}
	return out
}
