package tui

import (
	"reflect"

	"chrono/model"
)

// recentKept is how many events read whole the browser keeps: the
// selected one, the rows either side of it read ahead, and the one left.
const recentKept = 4

// recentDetails are the events last read whole for the sources pane,
// the most recently kept first, each with the store's version it was read
// at. Moving onto one shows it whole in the key's own frame, rather than
// the row first and the rest a frame later; it is read again only when
// the store has changed since, and the pane is drawn again only when what
// was read differs (a served investigation changes several times a
// second, seldom in the events a reader passes over).
type recentDetails [recentKept]detailMsg

// keep remembers a detail read from the store, first.
func (r *recentDetails) keep(msg detailMsg) {
	if msg.err != nil || msg.version == "" {
		return
	}
	last := len(r) - 1
	for i, m := range r {
		if m.id == msg.id {
			last = i
			break
		}
	}
	copy(r[1:last+1], r[:last])
	r[0] = msg
}

// of returns the detail of event id kept, if there is one.
func (r *recentDetails) of(id string) detailMsg {
	for _, m := range r {
		if m.id == id && m.version != "" {
			return m
		}
	}
	return detailMsg{}
}

// matching returns the detail of e kept, if there is one and it has e as
// the row has it: not one this browser has since changed itself.
func (r *recentDetails) matching(e model.Event) detailMsg {
	if m := r.of(e.ID); reflect.DeepEqual(m.detail.Event, e) {
		return m
	}
	return detailMsg{}
}

// holds reports whether the pane shows msg's event whole, as msg has it.
func (p *detailPane) holds(msg detailMsg) bool {
	return p.loaded && p.id() == msg.id &&
		reflect.DeepEqual(p.d, msg.detail) && reflect.DeepEqual(p.history, msg.history) &&
		reflect.DeepEqual(p.chron, msg.chron) && reflect.DeepEqual(p.marks, msg.marks)
}
