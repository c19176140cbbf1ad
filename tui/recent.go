package tui

// recentDetails are the last two events read whole for the sources pane,
// each with the store's version it was read at, so that coming back to
// one (j then k beside an event of thousands of quotes) reads it again
// only when the store has changed since.
type recentDetails [2]detailMsg

// keep remembers a detail read from the store.
func (r *recentDetails) keep(msg detailMsg) {
	if msg.err != nil || msg.version == "" {
		return
	}
	if r[0].id != msg.id {
		r[1] = r[0]
	}
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
