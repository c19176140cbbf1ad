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
// it, and sends what it yields. A record whose id is made waits with the
// others of its time (a run), so that records alike are told apart
// knowing all of them (name).
func (rd *reader) commit(r *result) error {
	rd.events++
	r.pos = rd.events
	if r.syntax != "" || r.chrono {
		if err := rd.flushRun(); err != nil {
			return err
		}
		return rd.send(r)
	}
	if len(rd.run) > 0 && (rd.run[0].at != r.at || len(rd.run) >= MaxRun) {
		if err := rd.flushRun(); err != nil {
			return err
		}
	}
	rd.run = append(rd.run, *r)
	return nil
}

// MaxRun bounds the records of one time a reader holds back to name
// them together (Alike.Name): a log's records of one second may number
// thousands. Records alike beyond it are still told apart by their
// attributes, each as it comes.
const MaxRun = 4096

// flushRun names and sends the records held back.
func (rd *reader) flushRun() error {
	run := rd.run
	if len(run) == 0 {
		return nil
	}
	rd.run = nil
	rd.name(run)
	for i := range run {
		if err := rd.send(&run[i]); err != nil {
			return err
		}
	}
	clear(run)
	rd.run = run[:0]
	return nil
}

// name gives the records of a run their made ids (Alike.Name).
func (rd *reader) name(run []result) {
	named, ms := rd.named[:0], rd.made[:0]
	for i := range run {
		r := &run[i]
		m := r.id
		if r.written != "" {
			m = rd.settleIDs(r)
		}
		ms = append(ms, m)
		named = append(named, Named{Key: m.key, Made: m.id, Event: &r.event})
	}
	rd.alike.Name(rd.sink, named, func(i int) string {
		var id string
		id, run[i].told = rd.number(ms[i])
		return id
	})
	clear(named) // the events are the run's, cleared as it is sent
	rd.named, rd.made = named[:0], ms[:0]
}

// send reports what is wrong with a named record, and sends what it
// yields.
func (rd *reader) send(r *result) error {
	if r.syntax != "" {
		return rd.report(r.line, r.col, r.syntax)
	}
	var sources []model.Source
	if r.chrono {
		sources = rd.newSources(r)
	}
	if r.told > 0 {
		rd.losses.Add(NumberedInOrder, r.told)
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
		m.MadeID(r.pos)
	}
	if l, ok := rd.sink.(model.Locator); ok {
		// What is found of the event after (an id used twice, a link to
		// nothing, a change made in chrono as well) is placed at its line.
		l.EventAt(r.pos, model.Place{Line: r.line})
	}
	return model.SendEvent(rd.sink, r.event, r.pos, present)
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
