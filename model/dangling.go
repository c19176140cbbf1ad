package model

// DanglingLink is a link that names an event neither on the timeline nor
// in the trash: one left by a purge before purging removed the links to
// the purged events, or held by an event that was itself in the trash
// when the event it names was purged. It shows as "(not in this store)",
// and an export that carries it cannot be imported.
type DanglingLink struct {
	From    string // the event that holds the link
	InTrash bool   // the event that holds it is in the trash
	N       int    // the link's number among the event's links, from 1
	Link    Link
}

// DanglingLinks reads every event of r, on the timeline and in the trash,
// and returns the links that name an event in neither: those on the
// timeline in timeline order, then those in the trash in the trash's
// order. It keeps every id while it reads, as a check reads the whole
// store anyway.
func DanglingLinks(r Reader) ([]DanglingLink, error) {
	ids := map[string]bool{}
	var links []DanglingLink
	for e, err := range r.Events(Query{}) {
		if err != nil {
			return nil, err
		}
		ids[e.ID] = true
		links = appendLinks(links, &e, false)
	}
	trash, err := r.Trash()
	if err != nil {
		return nil, err
	}
	for i := range trash {
		ids[trash[i].Event.ID] = true
		links = appendLinks(links, &trash[i].Event, true)
	}
	out := links[:0]
	for _, l := range links {
		if !ids[l.Link.Event] {
			out = append(out, l)
		}
	}
	return out, nil
}

// appendLinks appends e's links to other events.
func appendLinks(links []DanglingLink, e *Event, inTrash bool) []DanglingLink {
	for i, l := range e.Links {
		if l.Event != "" && l.Event != e.ID {
			links = append(links, DanglingLink{From: e.ID, InTrash: inTrash, N: i + 1, Link: l})
		}
	}
	return links
}
