package pg

import (
	"slices"
	"strings"

	"chrono/model"
)

// row is an event as the events table keeps it: the event in binary form
// (bodies.go), and what filters, counts and searches read without
// decoding it.
type row struct {
	id, status     string
	search         string
	words          []string // the search key's words (words.go)
	ord, body      []byte
	actors, tags   []string
	cites          []string
	noted          bool
	period, months int64
}

func rowOf(e *model.Event) row {
	r := row{id: e.ID, status: string(e.Status), ord: model.OrderKey(e), body: bodyOf(e),
		tags: nonNil(e.Tags), noted: len(e.Notes) > 0}
	for i, a := range e.Actors {
		if !slices.Contains(e.Actors[:i], a) {
			r.actors = append(r.actors, a)
		}
	}
	r.actors = nonNil(r.actors)
	cite := func(src string) {
		if src != "" && !slices.Contains(r.cites, src) {
			r.cites = append(r.cites, src)
		}
	}
	cite(e.DateSource)
	for _, q := range e.Quotes {
		cite(q.Source)
	}
	r.cites = nonNil(r.cites)
	r.search = searchKey(e)
	r.words = searchWords(r.search)
	var months int
	r.period, months = model.PeriodSpanOfKey(r.ord)
	r.months = int64(months)
	return r
}

// searchKey is what a search looks in, the search fields folded by
// model.FoldKey, a line each: a search's pattern that runs from one into
// the next selects a candidate that the check in Go then drops.
func searchKey(e *model.Event) string {
	var b strings.Builder
	e.SearchFields(func(field string) bool {
		b.WriteString(model.FoldKey(field))
		b.WriteByte('\n')
		return true
	})
	return b.String()
}

// nonNil keeps an empty list from being stored as NULL.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
