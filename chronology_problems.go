package main

import (
	"maps"

	"chrono/model"
)

// fewListed is the most events a filtered list checks one linked group
// at a time; a longer one reads every linked event once, as the whole
// timeline's list does.
const fewListed = 2000

// chronologyProblems returns whether an event q lists has a chronology
// problem: what chrono check --chronology reports of it
// (model.Contradictions), for chrono list to mark. Only linked events
// can contradict each other, so those are read, their dates and links
// alone: every one of them for a long list, or, for a list of a few
// events (chrono list --tag verify), each listed event's own linked
// group, so that a short list of a large investigation is not held up
// by all its links. What a source's publication rules out needs the
// event alone, and is found as it is listed. failed says, once the list
// is done, whether a linked group could not be read.
func chronologyProblems(s model.Store, q model.Query) (problem func(*model.Event) bool, failed func() error, err error) {
	sources, err := s.Sources()
	if err != nil {
		return nil, nil, err
	}
	published := model.PublishedDates(sources)
	// The store's own rule: one read as it is may hold an earlier order.
	placement := model.PlacementOf(s)
	bySources := func(e *model.Event) bool { return len(model.SourceContradictions(e, published)) > 0 }
	few := false
	if !q.IsZero() {
		n, err := s.Count(q)
		if err != nil {
			return nil, nil, err
		}
		few = n <= fewListed
	}
	if few {
		var groupErr error
		// Each group is ordered once, however many of its events are
		// listed: the search for the links to set aside is not cheap.
		named := map[string]bool{}
		return func(e *model.Event) bool {
			if groupErr != nil {
				return bySources(e)
			}
			if in, ok := named[e.ID]; ok {
				return in || bySources(e)
			}
			group, err := model.LinkedGroup(s, *e)
			if err != nil {
				groupErr = err
				return bySources(e)
			}
			in := inContradiction(placement, group)
			if len(group) < model.MaxGroup { // else read only this far from e
				maps.Copy(named, in)
			}
			return in[e.ID] || bySources(e)
		}, func() error { return groupErr }, nil
	}
	var linked []model.Event
	for e, err := range s.Events(model.Query{Linked: model.OrderRels}) {
		if err != nil {
			return nil, nil, err
		}
		linked = append(linked, model.Event{ID: e.ID, Date: e.Date, Links: e.Links})
	}
	inLinks := map[string]bool{}
	for _, c := range placement.Contradictions(linked, nil) {
		for _, id := range c.Events {
			inLinks[id] = true
		}
	}
	return func(e *model.Event) bool { return inLinks[e.ID] || bySources(e) }, func() error { return nil }, nil
}

// inContradiction returns, for each event of a linked group placed by
// the rule p, whether the group's contradictions name it.
func inContradiction(p model.Placement, group []model.Event) map[string]bool {
	out := make(map[string]bool, len(group))
	for i := range group {
		out[group[i].ID] = false
	}
	if len(group) < 2 {
		return out
	}
	for _, c := range p.Contradictions(group, nil) {
		for _, id := range c.Events {
			if _, ok := out[id]; ok {
				out[id] = true
			}
		}
	}
	return out
}
