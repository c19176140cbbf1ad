package main

import "chrono/model"

// chronologyProblems returns whether an event has a chronology problem:
// what chrono check --chronology reports of it (model.Contradictions),
// for chrono list to mark. Only linked events can contradict each other,
// so those are read here, their dates and links alone; what a source's
// publication rules out needs the event alone, and is found as it is
// listed.
func chronologyProblems(s model.Store) (func(*model.Event) bool, error) {
	sources, err := s.Sources()
	if err != nil {
		return nil, err
	}
	published := model.PublishedDates(sources)
	var linked []model.Event
	for e, err := range s.Events(model.Query{Linked: model.OrderRels}) {
		if err != nil {
			return nil, err
		}
		linked = append(linked, model.Event{ID: e.ID, Date: e.Date, Links: e.Links})
	}
	inLinks := map[string]bool{}
	for _, c := range model.Contradictions(linked, nil, nil) {
		for _, id := range c.Events {
			inLinks[id] = true
		}
	}
	return func(e *model.Event) bool {
		return inLinks[e.ID] || len(model.SourceContradictions(e, published)) > 0
	}, nil
}
