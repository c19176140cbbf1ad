package model

import "iter"

// LinkOutsideKept counts the links an export of part of a timeline keeps
// to events it leaves out: the file imports into a store that holds those
// events, and into no other.
var LinkOutsideKept = Loss{One: "link kept to an event not exported: the file imports only into a store that holds it", Many: "links kept to events not exported: the file imports only into a store that holds them"}

// CountLinksOutside passes events on and, once they have all gone by,
// counts in lost each link that names an event not among them: a link may
// name an event that comes after it, so none is counted before the end.
func CountLinksOutside(events iter.Seq2[Event, error], lost *Losses) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		passed := map[string]bool{}
		var named []string
		for e, err := range events {
			if err == nil {
				passed[e.ID] = true
				for _, l := range e.Links {
					named = append(named, l.Event)
				}
			}
			if !yield(e, err) {
				return
			}
		}
		for _, id := range named {
			if !passed[id] {
				lost.Add(LinkOutsideKept, 1)
			}
		}
	}
}
