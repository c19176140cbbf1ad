package model

import "iter"

// LinkOutsideKept counts the links an export of part of a timeline keeps
// to events it leaves out: the file imports into a store that holds those
// events, and into no other.
var LinkOutsideKept = Loss{One: "link kept to an event not exported: the file imports only into a store that holds it", Many: "links kept to events not exported: the file imports only into a store that holds them"}

// CountLinksOutside passes events on, counting in lost each link that
// names an event in does not hold.
func CountLinksOutside(events iter.Seq2[Event, error], in func(id string) bool, lost *Losses) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		for e, err := range events {
			if err == nil {
				for _, l := range e.Links {
					if !in(l.Event) {
						lost.Add(LinkOutsideKept, 1)
					}
				}
			}
			if !yield(e, err) {
				return
			}
		}
	}
}
