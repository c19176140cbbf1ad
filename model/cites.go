package model

import "slices"

// Cites reports whether e cites one of sources, by id: in a quote or as
// the source anchoring its date, the citations AppendCited lists.
func (e *Event) Cites(sources []string) bool {
	if e.DateSource != "" && slices.Contains(sources, e.DateSource) {
		return true
	}
	return slices.ContainsFunc(e.Quotes, func(q Quote) bool {
		return q.Source != "" && slices.Contains(sources, q.Source)
	})
}
