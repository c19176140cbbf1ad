package tui

import (
	"strings"

	"chrono/model/formats"
)

// noEvents reports whether the investigation has no events at all (not
// merely none the filters let through): the chronology then says how to
// begin instead of showing an empty list.
func (b *browser) noEvents() bool { return b.allEvents == 0 && b.tl.empty() }

// emptyView is the body of an investigation with no events: the two ways
// to begin, the key that adds the first event and the command that
// imports a file, with the formats it reads.
func (b *browser) emptyView(w, h int) []string {
	st := &b.ctx.styles
	out := []string{
		"",
		st.fit("  "+st.Heading.Render("This investigation has no events yet."), w),
		"",
		st.fit("  "+st.Prompt.Render(st.pad(keyOf(b.keys.Add), 20))+"adds the first event", w),
		// Events moved to the trash are out of the investigation, not
		// gone: deleting the last one leads here.
		st.fit("  "+st.Prompt.Render(st.pad(keyOf(b.keys.Trash), 20))+"shows the trash, where deleted events can be restored", w),
		st.fit("  "+st.Prompt.Render(st.pad("chrono import FILE", 20))+"brings in the events of a file:", w),
	}
	for _, f := range formats.All {
		if f.Read != nil {
			out = append(out, st.fit(strings.Repeat(" ", 22)+st.Muted.Render("· "+f.Title+" (--format "+f.Name+")"), w))
		}
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:max(h, 0)]
}
