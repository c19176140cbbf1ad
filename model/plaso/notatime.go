package plaso

import (
	"strings"

	"chrono/model"
)

// notATime is the timestamp_desc Plaso gives an event that has no time.
const notATime = "Not a time"

// epoch is where Plaso puts an event that has no time: timestamp 0.
var epoch = func() model.Instant {
	d, err := model.ParseDate("1970-01-01T00:00:00Z")
	if err != nil {
		panic(err) // a constant that parses
	}
	return d.Earliest()
}()

// undatedSink passes a json_line read on to a sink, undating the events
// Plaso says have no time (timestamp 0, most with "timestamp_desc: Not a
// time") rather than dating them 1970, and counting them, and leaving Plaso's
// container markers out of the summary. It is a FieldSink, a Locator,
// a MadeIDs, a StoredEvents, a StoredEventReader, an ImportedEventReader,
// a TrashKnown and a StoredIDLister whatever the sink is, and passes those on
// as the sink takes them.
type undatedSink struct {
	model.Sink
	losses *model.Losses
}

// reportingSink is an undatedSink for a sink that collects problems.
type reportingSink struct {
	undatedSink
	model.Reporter
}

// newUndatedSink wraps sink, keeping whether it collects problems: a
// reader goes on past a problem only when it does (model.Report).
func newUndatedSink(sink model.Sink, losses *model.Losses) model.Sink {
	u := undatedSink{Sink: sink, losses: losses}
	if r, ok := sink.(model.Reporter); ok {
		return &reportingSink{undatedSink: u, Reporter: r}
	}
	return &u
}

// markers are the lines Plaso's container markers make at the start of a
// json_line event's summary (its keys are sorted): the same on every
// event, they say nothing about it.
var markers = [...]string{"__container_type__: event\n", "__type__: AttributeContainer\n"}

func (u *undatedSink) undate(e *model.Event) {
	for _, m := range markers {
		e.Summary = strings.TrimPrefix(e.Summary, m)
	}
	if e.Date.IsZero() || e.Date.Earliest() != epoch {
		return
	}
	// Plaso's own outputs write no date for timestamp 0, whatever its
	// timestamp_desc (0000-00-00 in dynamic, 00/00/0000 in l2tcsv): a
	// parser that found no time (a NotSet date_time) leaves 0 there.
	e.Date = model.Date{}
	if strings.Contains("\n"+e.Summary+"\n", "\ntimestamp_desc: "+notATime+"\n") {
		u.losses.Add(NotATime, 1)
	} else {
		u.losses.Add(ZeroTimestamp, 1)
	}
}

// Event implements model.Sink.
func (u *undatedSink) Event(e model.Event, n int) error {
	u.undate(&e)
	return u.Sink.Event(e, n)
}

// EventFields implements model.FieldSink.
func (u *undatedSink) EventFields(e model.Event, n int, present model.FieldSet) error {
	u.undate(&e)
	return model.SendEvent(u.Sink, e, n, present)
}

// MadeID implements model.MadeIDs, passing it on as the sink takes it.
func (u *undatedSink) MadeID(n int) {
	if m, ok := u.Sink.(model.MadeIDs); ok {
		m.MadeID(n)
	}
}

// EventStored implements model.StoredEvents, as the sink answers it: a
// json_line file an earlier chrono imported keeps the ids that chrono
// made from its timestamps as written when the store holds them, which
// only the store can say.
func (u *undatedSink) EventStored(id string) bool {
	k, ok := u.Sink.(model.StoredEvents)
	return ok && k.EventStored(id)
}

// StoredEvent implements model.StoredEventReader, as the sink answers
// it: records alike numbered in an earlier import are told apart by what
// the store holds of them.
func (u *undatedSink) StoredEvent(id string) (model.Event, error) {
	if k, ok := u.Sink.(model.StoredEventReader); ok {
		return k.StoredEvent(id)
	}
	return model.Event{}, model.ErrNotFound
}

// ImportedEvent implements model.ImportedEventReader, as the sink
// answers it.
func (u *undatedSink) ImportedEvent(id string) (model.Event, bool, error) {
	if r, ok := u.Sink.(model.ImportedEventReader); ok {
		return r.ImportedEvent(id)
	}
	return model.Event{}, false, nil
}

// InTrash implements model.TrashKnown, as the sink answers it.
func (u *undatedSink) InTrash(id string) bool {
	t, ok := u.Sink.(model.TrashKnown)
	return ok && t.InTrash(id)
}

// StoredIDs implements model.StoredIDLister, as the sink answers it.
func (u *undatedSink) StoredIDs(prefix, suffix string) ([]string, error) {
	if l, ok := u.Sink.(model.StoredIDLister); ok {
		return l.StoredIDs(prefix, suffix)
	}
	return nil, nil
}

// EventAt implements model.Locator.
func (u *undatedSink) EventAt(n int, at model.Place) {
	if l, ok := u.Sink.(model.Locator); ok {
		l.EventAt(n, at)
	}
}
