package timesketch

import (
	"iter"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// row is one event as written: Timesketch's keys, then chrono's, which
// carry what Timesketch has no place for.
type row struct {
	message, datetime, desc string
	timestamp               int64
	tags                    []string
	id, edtf, dateText      string
	dateSource, status      string
	summary                 string
	// The list-valued keys as JSON; nil when empty.
	actors, quotes, sources, links, notes, media []byte
	// The same lists as values, in that order, for an exporter that
	// encodes them as it writes (direct); nil when empty.
	lists [6]any
}

// exporter turns events into rows and counts what cannot go.
type exporter struct {
	losses  *model.Losses
	sources map[string]model.Source // the investigation's, by id
	written map[string]bool         // sources written with some row
	skipped map[string]bool         // events left out, by id
	linked  map[string]int          // links written, by target
	// direct leaves the lists as values for the writer to encode: the
	// JSONL writer encodes them into its line, where made into JSON
	// first they were checked again as they were written (a third of a
	// million events' export).
	direct bool
}

func newExporter(h model.Header, sources []model.Source, losses *model.Losses) *exporter {
	if losses == nil {
		losses = new(model.Losses)
	}
	if h.Title != "" {
		losses.Add(TitleLeftOut, 1)
	}
	if h.Description != "" {
		losses.Add(DescriptionLeftOut, 1)
	}
	x := &exporter{
		losses:  losses,
		sources: make(map[string]model.Source, len(sources)),
		written: map[string]bool{},
		skipped: map[string]bool{},
		linked:  map[string]int{},
	}
	for _, s := range sources {
		x.sources[s.ID] = s
	}
	return x
}

// eachRow makes a row of each event, and hands write those that can be
// written, as they come; it returns how many it wrote.
func (x *exporter) eachRow(events iter.Seq2[model.Event, error], write func(r *row) error) (int, error) {
	n := 0
	for e, err := range events {
		if err != nil {
			return n, err
		}
		r, ok, err := x.row(e)
		if err != nil {
			return n, err
		}
		if !ok {
			continue
		}
		if err := write(&r); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// row returns e as a row; ok is false when e cannot be written, which is
// counted. The error is one of encoding (text that is not valid UTF-8).
func (x *exporter) row(e model.Event) (r row, ok bool, err error) {
	if why, skip := skipped(e.Date); skip {
		x.skip(e, why)
		return row{}, false, nil
	}
	datetime, us, _, _ := earliest(e.Date)
	if start, _ := e.Date.Start(); start.Precision() == model.PrecisionSecond && !start.HasOffset() {
		// Timesketch has no local time: its datetime is an instant. The
		// row keeps the local time in date_edtf, but Timesketch shows
		// the instant, one nobody established: the export says so.
		x.losses.Add(LocalAsUTC, 1)
	}
	r = row{
		message: e.Title, datetime: datetime, timestamp: us, desc: descOf(e),
		tags: e.Tags, id: e.ID, edtf: e.Date.String(), dateText: e.DateText,
		dateSource: e.DateSource, status: string(e.Status), summary: e.Summary,
	}
	// The sources the event cites travel with it, on every row that cites
	// them, so that any subset of the rows reads back whole.
	var cited []model.Source
	seen := map[string]bool{}
	cite := func(id string) {
		if s, known := x.sources[id]; known && id != "" && !seen[id] {
			seen[id] = true
			x.written[id] = true
			cited = append(cited, s)
		}
	}
	cite(e.DateSource)
	for _, q := range e.Quotes {
		cite(q.Source)
	}
	for _, l := range e.Links {
		x.linked[l.Event]++
	}
	for i, f := range []struct {
		into *[]byte
		v    any
		n    int
	}{
		{&r.actors, e.Actors, len(e.Actors)},
		{&r.quotes, e.Quotes, len(e.Quotes)},
		{&r.sources, cited, len(cited)},
		{&r.links, e.Links, len(e.Links)},
		{&r.notes, e.Notes, len(e.Notes)},
		{&r.media, e.Media, len(e.Media)},
	} {
		if f.n == 0 {
			continue
		}
		if x.direct {
			r.lists[i] = f.v
			continue
		}
		if *f.into, err = json.Marshal(f.v); err != nil {
			return row{}, false, err
		}
	}
	return r, true, nil
}

func (x *exporter) skip(e model.Event, why model.Loss) {
	x.losses.Add(why, 1)
	x.skipped[e.ID] = true
}

// finish counts what only the end of the export shows: sources no
// written event cites, and links written to events that were skipped.
func (x *exporter) finish() {
	for id := range x.sources {
		if !x.written[id] {
			x.losses.Add(SourceLeftOut, 1)
		}
	}
	for id, n := range x.linked {
		if x.skipped[id] {
			x.losses.Add(LinkToSkipped, n)
		}
	}
}
