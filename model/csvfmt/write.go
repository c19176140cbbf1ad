package csvfmt

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// Write encodes events as chrono CSV to w as they come, one row each under
// HeaderRow, and returns how many it wrote. Each row's sources_json holds
// the sources, among sources, that its quotes and date cite. What the
// columns cannot carry is counted in losses (which may be nil): the
// header, date texts and sources, links, notes, sources no event cites.
// Cells a spreadsheet would take for a formula are guarded (formula.go).
func Write(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], losses *model.Losses) (int, error) {
	if losses == nil {
		losses = new(model.Losses)
	}
	if h.Title != "" {
		losses.Add(LostTitle, 1)
	}
	if h.Description != "" {
		losses.Add(LostDescription, 1)
	}
	wr := &writer{byID: make(map[string]model.Source, len(sources)), cited: map[string]bool{}, losses: losses}
	for _, s := range sources {
		if _, dup := wr.byID[s.ID]; !dup {
			wr.byID[s.ID] = s
		}
	}
	cw := csv.NewWriter(w) // buffered: rows reach w in blocks as they come
	if err := cw.Write(columnNames[:]); err != nil {
		return 0, err
	}
	n := 0
	rec := make([]string, numColumns)
	for e, err := range events {
		if err != nil {
			return n, err
		}
		if err := wr.row(&e, n+1, rec); err != nil {
			return n, err
		}
		if err := cw.Write(rec); err != nil {
			return n, err
		}
		n++
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	for _, s := range sources {
		if !wr.cited[s.ID] {
			losses.Add(LostUncitedSource, 1)
		}
	}
	return n, nil
}

// writer converts events into rows.
type writer struct {
	byID   map[string]model.Source
	cited  map[string]bool // ids of the sources rows have carried
	losses *model.Losses
}

// row fills rec with the cells of e, the nth event written.
func (wr *writer) row(e *model.Event, n int, rec []string) error {
	text := func(s string) string {
		s, dropped := dropCRBeforeLF(s)
		wr.losses.Add(LostCarriageReturn, dropped)
		return guard(s)
	}
	rec[colID] = text(e.ID)
	rec[colDate] = e.Date.String()
	rec[colTitle] = text(e.Title)
	rec[colSummary] = text(e.Summary)
	rec[colStatus] = text(string(e.Status))
	rec[colActors] = text(joinList(e.Actors, wr.losses))
	rec[colTags] = text(joinList(e.Tags, wr.losses))
	rec[colDateText] = text(e.DateText)
	rec[colDateSource] = text(e.DateSource)
	rec[colQuotes] = ""
	if len(e.Quotes) > 0 {
		b, err := json.Marshal(e.Quotes)
		if err != nil {
			return fmt.Errorf("%s: quotes: %w", model.EventPlace(e.ID, n), err)
		}
		rec[colQuotes] = string(b)
	}
	rec[colSources] = ""
	if cited := wr.citedBy(e); len(cited) > 0 {
		b, err := json.Marshal(cited)
		if err != nil {
			return fmt.Errorf("%s: sources: %w", model.EventPlace(e.ID, n), err)
		}
		rec[colSources] = string(b)
	}
	wr.losses.Add(LostLink, len(e.Links))
	wr.losses.Add(LostNote, len(e.Notes))
	wr.losses.Add(LostMedium, len(e.Media))
	return nil
}

// citedBy returns the sources e's date and quotes cite, each once, in the
// order first cited; ids that name no source are left to the reader's
// checks.
func (wr *writer) citedBy(e *model.Event) []model.Source {
	var out []model.Source
	add := func(id string) {
		s, ok := wr.byID[id]
		if !ok || id == "" {
			return
		}
		for _, o := range out {
			if o.ID == id {
				return
			}
		}
		out = append(out, s)
		wr.cited[id] = true
	}
	add(e.DateSource)
	for _, q := range e.Quotes {
		add(q.Source)
	}
	return out
}
